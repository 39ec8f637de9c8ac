-- one row per (index, first year, province): a change of methodology that makes the figures of
-- first_year onward incomparable with earlier ones; province null = every province (national change)
create table if not exists dim_methodology_break (
    index_code varchar not null,
    first_year integer not null,  -- the first evaluated year under the new methodology
    province   varchar,           -- null: the change applies to every province
    reason     varchar not null,  -- why comparisons across the break are suppressed
    source     varchar not null   -- where the change is documented
);
