-- every fact, rating and claim comes from a source of dim_source
with referenced as (
    select 'fact_score' as table_name, source_id from fact_score
    union all
    select 'fact_leader_rating', source_id from fact_leader_rating
    union all
    select 'fact_claim', source_id from fact_claim
)

select r.table_name, r.source_id, count(*) as rows
from referenced as r
anti join dim_source as s using (source_id)
group by all
