-- one row per materialised mart: the fingerprint of what its rows were computed with (the mart's SQL,
-- dim_unit, dim_methodology_break); a different fingerprint makes flows.marts rebuild it whole
create table if not exists mart_refresh (
    mart         varchar primary key,
    fingerprint  varchar not null,
    refreshed_at timestamp not null,
    row_count    bigint not null
);
