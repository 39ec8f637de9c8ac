-- (index_code, year) pairs whose facts changed since the league-table mart was last refreshed for
-- them: written in the transaction that changes the facts, emptied by the refresh (at the end of an
-- ingest run, or by the next run's start when a run died before it)
create table if not exists mart_pending (
    index_code varchar not null,
    year       integer not null
);
