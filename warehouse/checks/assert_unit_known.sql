-- every fact names a unit of dim_unit, and every alias points at one
with referenced as (
    select 'fact_score' as table_name, unit_id from fact_score
    union all
    select 'fact_leader_rating', unit_id from fact_leader_rating
    union all
    select 'dim_unit_alias', unit_id from dim_unit_alias
)

select r.table_name, r.unit_id, count(*) as rows
from referenced as r
anti join dim_unit as u using (unit_id)
group by all
