-- content-hash cache: what each document was last loaded with
create table if not exists etl_document (
    path              varchar primary key,
    sha256            varchar not null,
    extractor_version varchar not null,
    seed_fingerprint  varchar not null,
    loaded_at         timestamp not null,
    run_id            varchar
);
