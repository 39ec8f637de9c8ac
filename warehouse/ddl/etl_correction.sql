-- one row per correction of raw/<year>/<province>/corrections.csv applied to one fact row;
-- rebuilt on every run (earlier corrections are undone first, so a removed line restores the figure)
create table if not exists etl_correction (
    source_id      varchar not null,  -- the corrected fact row's key ...
    unit_id        varchar not null,
    index_code     varchar not null,
    year           integer not null,
    criterion      varchar not null,
    bloc           varchar not null,
    field          varchar not null,  -- 'score', 'rank', 'score_min' or 'score_max'
    original_value double,            -- as extracted from the source
    value          double,            -- as corrected
    reason         varchar not null,
    file           varchar not null,  -- the corrections.csv
    place          varchar not null   -- 'line 3'
);
