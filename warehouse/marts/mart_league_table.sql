-- Fills mart_league_table (the rows of v_league_table) for the (index, year) pairs of $codes/$years;
-- flows.marts.refresh_marts first deletes the mart's rows of those pairs. The year before a pair is
-- read from the rows computed here, else from the mart (which is current for the other pairs).
-- Every filter comes before the aggregates and window functions: a pair reads only its own facts.
-- rank_published is the source's rank, rank_computed the competition rank over the scores
-- (1, 2, 2, 4), given only where every unit ranked above has a score; rank is the published one
-- where given, else the computed one. prev_rank is the unit's rank in the year before (same bloc
-- preferred, else the bloc the unit was in then, best rank first); rank_change = prev_rank - rank;
-- across a methodology break (dim_methodology_break) no change is computed and change_suppressed
-- gives the reason (every break of that year and province, national ones first).
insert into mart_league_table by name
with targets as (
    select unnest($codes) as index_code, unnest($years) as year
),

target_facts as not materialized (
    select f.*
    from fact_score as f
    semi join targets as t on t.index_code = f.index_code and t.year = f.year
),

preferred as (
    -- v_fact_score_preferred for the target years: per (unit, index, year, criterion, bloc), the
    -- source that view prefers (an aggregate over a narrow sort key is far cheaper than its window)
    select
        f.unit_id, f.index_code, f.year, f.criterion, f.bloc,
        count(*) as source_count,
        min({
            'unscored': f.score is null,
            'not_from_table': not (coalesce(s.media_type in (
                'text/csv', 'application/pdf',
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            ), false) or f.span_start is null),
            'unranked': f.rank is null,
            'implied': f.basis = 'implied',
            'undated': s.published_on is null,
            'days_before_latest': -coalesce(s.published_on - date '1970-01-01', 0),
            'source_id': f.source_id
        }).source_id as source_id
    from target_facts as f
    left join dim_source as s on s.source_id = f.source_id
    group by all
),

figures as (
    select
        u.province, f.index_code, f.year, f.criterion, f.bloc, u.unit_kind, f.unit_id, u.name_vi as unit,
        f.score, f.score_min, f.score_max, f.rank as rank_published, f.rank_tied, f.basis, f.source_id,
        p.source_count, f.evidence
    from preferred as p
    join target_facts as f using (unit_id, index_code, year, criterion, bloc, source_id)
    join dim_unit as u on u.unit_id = f.unit_id
),

scored_to as (
    select
        *,
        -- the best published rank of a unit without a score: scores are complete only above it
        min(case when score is null then rank_published end) over (
            partition by province, index_code, year, criterion, bloc
        ) as first_unscored_rank
    from figures
),

with_rank as (
    select
        * exclude (first_unscored_rank),
        coalesce(rank_published, rank_computed) as rank
    from (
        select
            *,
            case when score is not null
                and (first_unscored_rank is null or rank_published < first_unscored_rank) then
                rank() over (
                    partition by province, index_code, year, criterion, bloc, score is null
                    order by score desc
                )
            end as rank_computed
        from scored_to
    )
),

previous as (
    -- the figures of the year before each target year: computed here, or already in the mart
    select unit_id, index_code, year, criterion, bloc, rank, score
    from with_rank
    union all
    select m.unit_id, m.index_code, m.year, m.criterion, m.bloc, m.rank, m.score
    from mart_league_table as m
    semi join targets as t on t.index_code = m.index_code and t.year = m.year + 1
),

previous_pick as (
    -- per figure, the unit's figure of the year before: the same bloc first, then the best rank
    select
        cur.unit_id, cur.index_code, cur.year, cur.criterion, cur.bloc,
        arg_min(
            {'rank': prev.rank, 'score': prev.score},
            {'other_bloc': prev.bloc <> cur.bloc, 'unranked': prev.rank is null,
             'rank': coalesce(prev.rank, 0), 'bloc': prev.bloc}
        ) as prev
    from with_rank as cur
    join previous as prev
        on prev.unit_id = cur.unit_id
        and prev.index_code = cur.index_code
        and prev.criterion = cur.criterion
        and prev.year = cur.year - 1
    group by all
),

breaks as (
    -- the methodology breaks from each year on, per province: no change is computed across them
    select b.index_code, b.first_year, p.province,
        string_agg(b.reason, '; ' order by b.province nulls first, b.reason) as reason
    from dim_methodology_break as b
    join (select distinct province from dim_unit) as p on b.province is null or b.province = p.province
    group by all
)

select
    w.province, w.index_code, w.year, w.criterion, w.bloc, w.unit_kind, w.unit_id, w.unit,
    w.score, w.score_min, w.score_max,
    w.rank, w.rank_published, w.rank_computed, w.rank_tied,
    w.rank_published <> w.rank_computed as rank_mismatch,
    p.prev.rank as prev_rank,
    case when brk.reason is null then p.prev.rank - w.rank end as rank_change,
    p.prev.score as prev_score,
    case when brk.reason is null then round(w.score - p.prev.score, 2) end as score_change,
    brk.reason as change_suppressed,
    w.basis, w.source_count, w.source_id, w.evidence
from with_rank as w
left join previous_pick as p using (unit_id, index_code, year, criterion, bloc)
left join breaks as brk
    on brk.index_code = w.index_code and brk.first_year = w.year and brk.province = w.province
-- stored in the order queries filter on: a league table reads one or two row groups
order by w.index_code, w.year, w.criterion, w.province, w.bloc, w.rank nulls last, w.unit_id
