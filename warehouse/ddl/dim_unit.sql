-- one row per unit: a kind, a name and a period of validity (a renamed or merged body is a new unit)
create table if not exists dim_unit (
    unit_id      varchar primary key,  -- '<province-slug>:<name-slug>'
    name_vi      varchar not null,     -- canonical Vietnamese name, NFC
    name_ascii   varchar not null,     -- name_vi folded to lowercase ASCII (textnorm.fold)
    name_en      varchar,
    unit_kind    varchar not null,     -- department, district, commune, province, ministry
    province     varchar not null,
    valid_from   date,
    valid_to     date,
    successor_id varchar
);
