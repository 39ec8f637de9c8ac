-- one row per source document, identified by the sha256 of its bytes
create table if not exists dim_source (
    source_id         varchar primary key,
    path              varchar not null,
    media_type        varchar not null,
    title             varchar,
    published_on      date,
    decision_no       varchar,
    url               varchar,
    province          varchar,
    extractor_version varchar not null,
    ingested_at       timestamp not null  -- first load of these bytes; kept when they are loaded again
);
