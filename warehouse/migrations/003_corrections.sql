-- human corrections (raw/<year>/<province>/corrections.csv): the reason on the fact row, the log beside it
alter table fact_score add column if not exists correction varchar;

create table if not exists etl_correction (
    source_id      varchar not null,
    unit_id        varchar not null,
    index_code     varchar not null,
    year           integer not null,
    criterion      varchar not null,
    bloc           varchar not null,
    field          varchar not null,
    original_value double,
    value          double,
    reason         varchar not null,
    file           varchar not null,
    place          varchar not null
);
