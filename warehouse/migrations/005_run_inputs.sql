-- etl_run.inputs: the fingerprint of what a finished run read (flows.uptodate); older runs have none
alter table etl_run add column if not exists inputs varchar;
