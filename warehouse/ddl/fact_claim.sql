-- one row per aggregate statement of a source, with the count the facts give
create table if not exists fact_claim (
    source_id         varchar not null,
    claim_no          integer not null,  -- order of the claim in its source
    text              varchar not null,
    index_code        varchar,
    year              integer,
    unit_kind         varchar,
    condition         varchar,           -- e.g. 'score > 80'
    stated_count      integer,
    observed_count    integer,
    status            varchar not null,  -- consistent, inconsistent, unverifiable
    span_start        integer,
    span_end          integer,
    extractor_version varchar not null,
    primary key (source_id, claim_no)
);
