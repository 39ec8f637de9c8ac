-- one row per index (PAR, SIPAS, SURVEY, ...); max_score bounds every score of the index, bonus included
create table if not exists dim_index (
    index_code varchar primary key,
    name_vi    varchar not null,
    name_en    varchar not null,
    score_unit varchar not null,   -- 'points' or 'percent'
    max_score  double  not null,
    cues       varchar,            -- words that announce the index in a text, '|'-separated
    note       varchar
);
