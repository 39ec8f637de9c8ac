-- one row per (unit, index, year, criterion, bloc): the preferred figure when several sources give one.
-- Preference: an exact score over bounds only, a rank over none, stated over implied, the latest
-- publication, a table over prose, then the source id (so that the choice is stable).
create or replace view v_fact_score_preferred as
with candidates as (
    select
        f.*,
        s.published_on,
        s.media_type,
        count(*) over (
            partition by f.unit_id, f.index_code, f.year, f.criterion, f.bloc
        ) as source_count,
        row_number() over (
            partition by f.unit_id, f.index_code, f.year, f.criterion, f.bloc
            order by
                f.score is null,
                f.rank is null,
                f.basis = 'implied',
                s.published_on desc nulls last,
                s.media_type <> 'text/csv',
                f.source_id
        ) as preference
    from fact_score as f
    left join dim_source as s using (source_id)
)

select * exclude (preference)
from candidates
where preference = 1
