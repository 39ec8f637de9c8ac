-- one row per fact row (fact_score, fact_leader_rating, fact_claim): where it comes from, the
-- document, the evidence sentence and its span. figure_id is a stable key for links (16 hex digits
-- of an md5 over the row's key); is_preferred marks the score v_fact_score_preferred chose.
create or replace view v_provenance as
with figures as (
    select
        left(md5(concat_ws('|', 'fact_score', f.unit_id, f.index_code, f.year, f.criterion, f.bloc, f.source_id)), 16)
            as figure_id,
        'fact_score' as fact_table,
        f.unit_id, f.index_code, f.year, f.criterion, f.bloc,
        coalesce(cast(f.score as varchar), '') || coalesce(' rank ' || f.rank, '') as figure,
        f.score, f.rank, f.basis, f.source_id, f.evidence, f.span_start, f.span_end,
        p.source_id is not null as is_preferred
    from fact_score as f
    left join v_fact_score_preferred as p using (unit_id, index_code, year, criterion, bloc, source_id)
    union all
    select
        left(md5(concat_ws('|', 'fact_leader_rating', r.unit_id, r.year, r.title, r.source_id)), 16),
        'fact_leader_rating', r.unit_id, null, r.year, null, null, r.rating,
        null, null, null, r.source_id, r.evidence, r.span_start, r.span_end, true
    from fact_leader_rating as r
    union all
    select
        left(md5(concat_ws('|', 'fact_claim', c.source_id, c.claim_no)), 16),
        'fact_claim', null, c.index_code, c.year, null, null, c.status,
        null, null, null, c.source_id, c.text, c.span_start, c.span_end, true
    from fact_claim as c
)

select
    f.figure_id, f.fact_table, f.unit_id, u.name_vi as unit, f.index_code, f.year, f.criterion, f.bloc,
    f.figure, f.score, f.rank, f.basis, f.is_preferred,
    f.source_id, s.path, s.title as document_title, s.decision_no, s.published_on,
    f.evidence, f.span_start, f.span_end
from figures as f
left join dim_unit as u using (unit_id)
left join dim_source as s using (source_id)
