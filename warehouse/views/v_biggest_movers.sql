-- one row per unit with the largest climb or the largest fall of its (province, index, year,
-- criterion, bloc), ties included; direction is 'climb' or 'fall'. Suppressed comparisons never count.
create or replace view v_biggest_movers as
select
    province, index_code, year, criterion, bloc, unit_id, unit,
    case when climb_order = 1 then 'climb' else 'fall' end as direction,
    prev_year, prev_rank, rank, rank_change, prev_score, score, score_change
from v_year_over_year
where climb_order = 1 or fall_order = 1
