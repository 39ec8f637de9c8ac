-- one row per run of the ingest flow
create table if not exists etl_run (
    run_id             varchar primary key,
    started_at         timestamp not null,
    finished_at        timestamp,
    status             varchar not null,  -- running, ok, rejects, failed, empty (a backfill year without documents)
    paths              varchar not null,
    documents          integer not null,
    documents_rejected integer not null,
    facts              integer not null,
    leader_ratings     integer not null,
    claims             integer not null,
    rejects            integer not null,
    check_failures     integer not null,
    extractor_version  varchar not null,
    inputs             varchar            -- fingerprint of the documents, corrections and code a finished run read
);
