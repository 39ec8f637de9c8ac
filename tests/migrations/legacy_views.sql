-- v_league_table, v_year_over_year and v_component_breakdown as they were before the league table was
-- materialised (schema version 3), renamed legacy_*: the reference semantics tests/test_marts.py checks.
-- one row per (province, index, year, criterion, bloc, unit): the league table.
-- rank_published is the source's rank, rank_computed the competition rank over the scores
-- (1, 2, 2, 4), given only where every unit ranked above has a score; rank is the published one
-- where given, else the computed one. prev_rank is the unit's rank in the year
-- before (same bloc preferred, else the bloc the unit was in then); rank_change = prev_rank - rank,
-- so a positive change is a climb; across a methodology break (dim_methodology_break) no change is
-- computed and change_suppressed gives the reason.
create or replace view legacy_league_table as
with figures as (
    select
        u.province,
        f.index_code,
        f.year,
        f.criterion,
        f.bloc,
        u.unit_kind,
        f.unit_id,
        u.name_vi as unit,
        f.score,
        f.score_min,
        f.score_max,
        f.rank as rank_published,
        f.rank_tied,
        f.basis,
        f.source_id,
        f.source_count,
        f.evidence
    from v_fact_score_preferred as f
    join dim_unit as u using (unit_id)
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

ranked as (
    select
        * exclude (first_unscored_rank),
        case when score is not null
            and (first_unscored_rank is null or rank_published < first_unscored_rank) then
            rank() over (
                partition by province, index_code, year, criterion, bloc, score is null
                order by score desc
            )
        end as rank_computed
    from scored_to
),

with_rank as (
    select
        *,
        coalesce(rank_published, rank_computed) as rank
    from ranked
),

with_previous as (
    select
        cur.*,
        prev.rank as prev_rank,
        prev.score as prev_score
    from with_rank as cur
    left join with_rank as prev
        on prev.unit_id = cur.unit_id
        and prev.index_code = cur.index_code
        and prev.criterion = cur.criterion
        and prev.year = cur.year - 1
    qualify row_number() over (
        partition by cur.unit_id, cur.index_code, cur.year, cur.criterion, cur.bloc
        order by prev.bloc = cur.bloc desc nulls last, prev.rank nulls last
    ) = 1
)

select
    w.province,
    w.index_code,
    year,
    criterion,
    bloc,
    unit_kind,
    unit_id,
    unit,
    score,
    score_min,
    score_max,
    rank,
    rank_published,
    rank_computed,
    rank_tied,
    rank_published <> rank_computed as rank_mismatch,
    prev_rank,
    case when brk.reason is null then prev_rank - rank end as rank_change,
    prev_score,
    case when brk.reason is null then round(score - prev_score, 2) end as score_change,
    brk.reason as change_suppressed,
    basis,
    source_count,
    source_id,
    evidence
from with_previous as w
left join (
    -- a methodology break between the previous year and this one: no change is computed across it
    select index_code, first_year, province, string_agg(reason, '; ') as reason
    from dim_methodology_break
    group by all
) as brk
    on brk.index_code = w.index_code
    and brk.first_year = w.year
    and (brk.province is null or brk.province = w.province)
;

-- one row per (province, index, year, criterion, bloc, unit): the unit's figure against the last
-- earlier year it was ranked in. rank_change = prev_rank - rank (positive = climbed) and
-- score_change are null when the comparison is suppressed: across a methodology break
-- (dim_methodology_break) both are, and a rank from another bloc is not compared either.
-- first_time_leader: ranked first, never first before in this province, index and criterion.
create or replace view legacy_year_over_year as
with league as (
    select
        province, index_code, year, criterion, bloc, unit_kind, unit_id, unit,
        score, score_min, score_max, rank, rank_tied, source_id
    from legacy_league_table
),

with_previous as (
    select
        cur.*,
        prev.year as prev_year,
        prev.bloc as prev_bloc,
        prev.rank as prev_rank,
        prev.score as prev_score
    from league as cur
    left join league as prev
        on prev.unit_id = cur.unit_id
        and prev.index_code = cur.index_code
        and prev.criterion = cur.criterion
        and prev.year < cur.year
    qualify row_number() over (
        partition by cur.unit_id, cur.index_code, cur.year, cur.criterion, cur.bloc
        order by prev.year desc nulls last, prev.bloc = cur.bloc desc, prev.rank nulls last
    ) = 1
),

breaks as (
    select
        p.unit_id, p.index_code, p.year, p.criterion, p.bloc,
        string_agg(
            'methodology break from ' || b.first_year || ': ' || b.reason, '; ' order by b.first_year
        ) as break_reason
    from with_previous as p
    join dim_methodology_break as b
        on b.index_code = p.index_code
        and b.first_year > p.prev_year
        and b.first_year <= p.year
        and (b.province is null or b.province = p.province)
    group by all
),

compared as (
    select
        p.*,
        case
            when p.prev_year is null then 'no earlier figure'
            when b.break_reason is not null then b.break_reason
            when p.prev_bloc <> p.bloc then 'ranked in another bloc in ' || p.prev_year || ' (' || p.prev_bloc || ')'
        end as suppressed_reason,
        b.break_reason is null as comparable
    from with_previous as p
    left join breaks as b using (unit_id, index_code, year, criterion, bloc)
),

changes as (
    select
        *,
        case when comparable and prev_bloc = bloc then prev_rank - rank end as rank_change,
        case when comparable then round(score - prev_score, 2) end as score_change
    from compared
)

select
    province, index_code, year, criterion, bloc, unit_kind, unit_id, unit,
    score, score_min, score_max, rank, rank_tied,
    prev_year, prev_bloc, prev_rank, prev_score,
    rank_change, score_change,
    suppressed_reason,
    rank = 1 and not exists (
        select 1
        from league as earlier
        where earlier.unit_id = changes.unit_id
            and earlier.index_code = changes.index_code
            and earlier.criterion = changes.criterion
            and earlier.year < changes.year
            and earlier.rank = 1
    ) as first_time_leader,
    case when rank_change > 0 then
        rank() over (partition by province, index_code, year, criterion, bloc, rank_change > 0
                     order by rank_change desc)
    end as climb_order,
    case when rank_change < 0 then
        rank() over (partition by province, index_code, year, criterion, bloc, rank_change < 0
                     order by rank_change)
    end as fall_order,
    source_id
from changes
;

-- one row per (province, index, year, bloc, criterion, unit) for component scores (criterion <> 'TOTAL'):
-- the unit's score against the best and the average of its bloc on that criterion, and its rank there.
create or replace view legacy_component_breakdown as
with components as (
    select
        u.province, f.index_code, f.year, f.bloc, f.criterion, u.unit_kind, f.unit_id,
        u.name_vi as unit, f.score, f.source_id, f.evidence
    from v_fact_score_preferred as f
    join dim_unit as u using (unit_id)
    where f.criterion <> 'TOTAL'
),

totals as (
    select unit_id, index_code, year, bloc, score as total_score
    from v_fact_score_preferred
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
left join totals as t using (unit_id, index_code, year, bloc)
window w as (partition by c.province, c.index_code, c.year, c.bloc, c.criterion)
;
