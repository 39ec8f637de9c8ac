-- one row: the fingerprint of the seeded dimensions (dim_index, dim_criterion, dim_unit, dim_unit_alias)
-- as last written, so that a run whose seeds are unchanged does not rewrite them
create table if not exists etl_seed (
    fingerprint varchar not null,  -- hash of the seed frames' contents
    seeded_at   timestamp not null
);
