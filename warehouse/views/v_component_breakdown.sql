-- one row per (province, index, year, bloc, criterion, unit) for component scores (criterion <> 'TOTAL'):
-- the unit's score against the best and the average of its bloc on that criterion, and its rank there.
-- Reads the preferred figures from mart_league_table (one row per preferred figure of a known unit).
create or replace view v_component_breakdown as
with components as (
    select province, index_code, year, bloc, criterion, unit_kind, unit_id, unit, score, source_id, evidence
    from mart_league_table
    where criterion <> 'TOTAL'
),

totals as (
    select province, unit_id, index_code, year, bloc, score as total_score
    from mart_league_table
    where criterion = 'TOTAL'
)

select
    c.province, c.index_code, c.year, c.bloc, c.criterion, c.unit_kind, c.unit_id, c.unit,
    c.score,
    max(c.score) over w as bloc_best,
    round(avg(c.score) over w, 2) as bloc_average,
    count(c.score) over w as units_scored,
    round(c.score - max(c.score) over w, 2) as gap_to_best,
    round(c.score - avg(c.score) over w, 2) as vs_average,
    case when c.score is not null then
        rank() over (partition by c.province, c.index_code, c.year, c.bloc, c.criterion, c.score is null
                     order by c.score desc)
    end as criterion_rank,
    t.total_score,
    c.source_id,
    c.evidence
from components as c
left join totals as t using (province, unit_id, index_code, year, bloc)
window w as (partition by c.province, c.index_code, c.year, c.bloc, c.criterion)
