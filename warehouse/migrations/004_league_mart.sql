-- the materialised league table (mart_league_table) and its refresh record; flows.marts.apply_marts
-- fills it from the facts on the same start (mart_refresh is empty, so the mart counts as stale)
create table if not exists mart_league_table (
    province          varchar not null,
    index_code        varchar not null,
    year              integer not null,
    criterion         varchar not null,
    bloc              varchar not null,
    unit_kind         varchar not null,
    unit_id           varchar not null,
    unit              varchar not null,  -- dim_unit.name_vi
    score             double,            -- the preferred figure (v_fact_score_preferred)
    score_min         double,
    score_max         double,
    rank              bigint,            -- rank_published where given, else rank_computed
    rank_published    integer,           -- the source's rank
    rank_computed     bigint,            -- competition rank over the scores, where every unit above has one
    rank_tied         boolean not null,
    rank_mismatch     boolean,           -- rank_published <> rank_computed
    prev_rank         bigint,            -- rank in the year before (same bloc preferred)
    rank_change       bigint,            -- prev_rank - rank (positive = climbed); null across a break
    prev_score        double,
    score_change      double,            -- score - prev_score; null across a break
    change_suppressed varchar,           -- the methodology break's reason, when the change is not computed
    basis             varchar not null,
    source_count      bigint not null,   -- how many sources give this figure
    source_id         varchar not null,  -- the preferred source
    evidence          varchar not null
);

create table if not exists mart_refresh (
    mart         varchar primary key,
    fingerprint  varchar not null,
    refreshed_at timestamp not null,
    row_count    bigint not null
);
