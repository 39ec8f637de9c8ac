-- one row per index (PAR, SIPAS, SURVEY, ...); max_score bounds every score of the index, bonus included
create table if not exists dim_index (
    index_code varchar primary key,
    name_vi    varchar not null,
    name_en    varchar not null,
    score_unit varchar not null,   -- 'points' or 'percent'
    max_score  double  not null,
    cues       varchar,            -- words that announce the index in a text, '|'-separated
    note       varchar
);

-- one row per (index, criterion): the components an index is scored on, per methodology, with their
-- maximum points where known ('TOTAL' is the headline, bounded by dim_index.max_score)
create table if not exists dim_criterion (
    criterion_code varchar not null,  -- 'TOTAL', 'L1'..'L8' (national PAR fields), 'APPRAISED', ...
    index_code     varchar not null,
    parent         varchar,           -- the criterion this one is part of ('TOTAL')
    name_vi        varchar not null,
    name_en        varchar,
    max_points     double,            -- null where the methodology's maximum is not recorded
    methodology    varchar,           -- 'national' or 'province' (a province's own variant)
    cues           varchar,           -- header words that name the component, '|'-separated
    note           varchar,
    primary key (index_code, criterion_code)
);

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

-- one row per (folded alias, unit): every spelling the gazetteer accepts for a unit
create table if not exists dim_unit_alias (
    alias_folded varchar not null,  -- textnorm.compact_key of the alias: ASCII, no spaces
    unit_id      varchar not null,
    primary key (alias_folded, unit_id)
);

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

-- one row per published figure: (unit, index, year, criterion, bloc, source)
create table if not exists fact_score (
    unit_id           varchar not null,
    index_code        varchar not null,
    year              integer not null,  -- the evaluated year, not the year of publication
    criterion         varchar not null,  -- 'TOTAL' for the headline score
    bloc              varchar not null,  -- the group the unit is ranked in that year
    score             double,            -- null when only bounds or a rank are given
    score_min         double,            -- exclusive lower bound as written ('trên 80 điểm')
    score_max         double,            -- exclusive upper bound as written ('dưới 80 điểm')
    rank              integer,           -- as published, or implied by the text's order
    rank_tied         boolean not null,
    basis             varchar not null,  -- 'stated' or 'implied'
    source_id         varchar not null,
    evidence          varchar not null,  -- the sentence or table cell the figure comes from
    span_start        integer,
    span_end          integer,
    extractor_version varchar not null,
    primary key (unit_id, index_code, year, criterion, bloc, source_id)
);

-- one row per (unit, year, title, source): how the head of a unit was classified
create table if not exists fact_leader_rating (
    unit_id           varchar not null,
    year              integer not null,
    title             varchar,
    rating            varchar not null,
    source_id         varchar not null,
    evidence          varchar not null,
    span_start        integer,
    span_end          integer,
    extractor_version varchar not null
);

-- one row per aggregate statement of a source, with the count the facts give
create table if not exists fact_claim (
    source_id         varchar not null,
    claim_no          integer not null,  -- order of the claim in its source
    text              varchar not null,
    index_code        varchar,
    year              integer,
    unit_kind         varchar,
    condition         varchar,           -- e.g. 'score > 80'
    stated_count      integer,
    observed_count    integer,
    status            varchar not null,  -- consistent, inconsistent, unverifiable
    span_start        integer,
    span_end          integer,
    extractor_version varchar not null,
    primary key (source_id, claim_no)
);

-- one row per run of the ingest flow
create table if not exists etl_run (
    run_id             varchar primary key,
    started_at         timestamp not null,
    finished_at        timestamp,
    status             varchar not null,  -- running, ok, rejects, failed
    paths              varchar not null,
    documents          integer not null,
    documents_rejected integer not null,
    facts              integer not null,
    leader_ratings     integer not null,
    claims             integer not null,
    rejects            integer not null,
    check_failures     integer not null,
    extractor_version  varchar not null
);

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

