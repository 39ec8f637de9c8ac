-- one row per aggregate claim of a source: what it states, what the facts give, the status and
-- failed = the facts contradict it (status 'inconsistent'); difference = observed - stated.
create or replace view v_claim_status as
select
    s.province, c.index_code, c.year, c.unit_kind, c.claim_no, c.text, c.condition,
    c.stated_count, c.observed_count,
    c.observed_count - c.stated_count as difference,
    c.status,
    c.status = 'inconsistent' as failed,
    c.source_id, s.path, s.title as document_title, c.span_start, c.span_end
from fact_claim as c
left join dim_source as s using (source_id)
