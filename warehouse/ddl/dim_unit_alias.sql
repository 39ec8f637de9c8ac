-- one row per (folded alias, unit): every spelling the gazetteer accepts for a unit
create table if not exists dim_unit_alias (
    alias_folded varchar not null,  -- textnorm.compact_key of the alias: ASCII, no spaces
    unit_id      varchar not null,
    primary key (alias_folded, unit_id)
);
