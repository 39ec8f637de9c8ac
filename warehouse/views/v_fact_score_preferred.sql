-- one row per (unit, index, year, criterion, bloc): the preferred figure when several sources give one.
-- Preference: an exact score over bounds only, a table over prose (the published appendix is the
-- record; news texts round and retell it), a rank over none, stated over implied, the latest
-- publication, then the source id (so that the choice is stable). A figure comes from a table when
-- its source is a CSV, Excel or PDF file, or when it has no character span (table cells of an HTML page).
create or replace view v_fact_score_preferred as
with candidates as (
    select
        f.*,
        s.published_on,
        s.media_type,
        coalesce(s.media_type in (
            'text/csv', 'application/pdf',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        ), false) or f.span_start is null as from_table,
        count(*) over (
            partition by f.unit_id, f.index_code, f.year, f.criterion, f.bloc
        ) as source_count,
        row_number() over (
            partition by f.unit_id, f.index_code, f.year, f.criterion, f.bloc
            order by
                f.score is null,
                not from_table,
                f.rank is null,
                f.basis = 'implied',
                s.published_on desc nulls last,
                f.source_id
        ) as preference
    from fact_score as f
    left join dim_source as s using (source_id)
)

select * exclude (preference)
from candidates
where preference = 1
