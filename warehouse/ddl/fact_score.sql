-- one row per published figure: (unit, index, year, criterion, bloc, source)
create table if not exists fact_score (
    unit_id           varchar not null,
    index_code        varchar not null,
    year              integer not null,  -- the evaluated year, not the year of publication
    criterion         varchar not null,  -- 'TOTAL' for the headline score
    bloc              varchar not null,  -- the group the unit is ranked in that year
    score             double,            -- null when only bounds or a rank are given
    score_min         double,            -- exclusive lower bound as written ('trên 80 điểm')
    score_max         double,            -- exclusive upper bound as written ('dưới 80 điểm')
    rank              integer,           -- as published, or implied by the text's order
    rank_tied         boolean not null,
    basis             varchar not null,  -- 'stated' or 'implied'
    source_id         varchar not null,
    evidence          varchar not null,  -- the sentence or table cell the figure comes from
    span_start        integer,
    span_end          integer,
    extractor_version varchar not null,
    correction        varchar,           -- reason of a human correction (corrections.csv), else null
    primary key (unit_id, index_code, year, criterion, bloc, source_id)
);
