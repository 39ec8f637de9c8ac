-- one row per schema version applied to this file (warehouse/migrations/NNN_*.sql; 1 = the first DDL)
create table if not exists schema_version (
    version    integer primary key,
    name       varchar not null,    -- the migration's file name, or 'baseline'
    applied_at timestamp not null
);
