-- one row per failed check of one candidate row, or per document that could not be read;
-- replaced whenever its document (same file or same bytes) is loaded again
create table if not exists etl_reject (
    source_id         varchar,           -- null when the bytes could not be read
    file              varchar not null,
    place             varchar,           -- 'line 7', 'chars 120-180'
    table_name        varchar not null,  -- the table the row was meant for, or 'document'
    check_name        varchar not null,
    value             varchar,
    message           varchar not null,
    candidates        varchar,           -- closest known names, ' | '-separated
    span_start        integer,
    span_end          integer,
    extractor_version varchar not null
);
