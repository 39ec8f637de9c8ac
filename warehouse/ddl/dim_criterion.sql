-- one row per (index, criterion): the components an index is scored on, per methodology, with their
-- maximum points where known ('TOTAL' is the headline, bounded by dim_index.max_score)
create table if not exists dim_criterion (
    criterion_code varchar not null,  -- 'TOTAL', 'L1'..'L8' (national PAR fields), 'APPRAISED', ...
    index_code     varchar not null,
    parent         varchar,           -- the criterion this one is part of ('TOTAL')
    name_vi        varchar not null,
    name_en        varchar,
    max_points     double,            -- null where the methodology's maximum is not recorded
    methodology    varchar,           -- 'national' or 'province' (a province's own variant)
    cues           varchar,           -- header words that name the component, '|'-separated
    note           varchar,
    primary key (index_code, criterion_code)
);
