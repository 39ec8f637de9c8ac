-- one row per (unit, year, title, source): how the head of a unit was classified
create table if not exists fact_leader_rating (
    unit_id           varchar not null,
    year              integer not null,
    title             varchar,
    rating            varchar not null,
    source_id         varchar not null,
    evidence          varchar not null,
    span_start        integer,
    span_end          integer,
    extractor_version varchar not null
);
