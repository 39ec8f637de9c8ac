-- one row per (conflicting figure, source): for every (unit, index, year, criterion, bloc) whose
-- sources disagree (v_score_conflict), what each source says, where, and which one is preferred.
create or replace view v_score_conflict_detail as
select
    c.unit, f.unit_id, f.index_code, f.year, f.criterion, f.bloc,
    f.score, f.score_min, f.score_max, f.rank, f.basis,
    p.source_id is not null as is_preferred,
    f.source_id, s.path, s.published_on, f.evidence, f.span_start, f.span_end
from v_score_conflict as c
join fact_score as f using (unit_id, index_code, year, criterion, bloc)
left join dim_source as s on s.source_id = f.source_id
left join v_fact_score_preferred as p
    on p.unit_id = f.unit_id and p.index_code = f.index_code and p.year = f.year
    and p.criterion = f.criterion and p.bloc = f.bloc and p.source_id = f.source_id
