-- one row per (unit, index, year, criterion, bloc) whose sources disagree on the score or the rank
create or replace view v_score_conflict as
with figures as (
    select
        unit_id, index_code, year, criterion, bloc,
        count(distinct source_id) as sources,
        count(distinct score) as scores,
        count(distinct rank) as ranks,
        list(distinct score order by score) as score_values,
        list(distinct rank order by rank) as rank_values,
        list(distinct source_id order by source_id) as source_ids
    from fact_score
    group by all
)

select
    u.name_vi as unit,
    f.*
from figures as f
join dim_unit as u using (unit_id)
where f.scores > 1 or f.ranks > 1
