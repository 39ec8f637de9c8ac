-- one row per document file last loaded: what its bytes, extractor and seeds were, so that an unchanged
-- document is not extracted again (content-hash cache); replaced in the transaction that loads the document
create table if not exists etl_document (
    path              varchar primary key,
    sha256            varchar not null,  -- of the file's bytes (= dim_source.source_id when readable)
    extractor_version varchar not null,
    seed_fingerprint  varchar not null,  -- sha256 over warehouse/seeds/*.csv
    loaded_at         timestamp not null,
    run_id            varchar
);
