-- one row per (province, index, year, criterion, bloc, unit): the unit's figure against the last
-- earlier year it was ranked in. rank_change = prev_rank - rank (positive = climbed) and
-- score_change are null when the comparison is suppressed: across a methodology break
-- (dim_methodology_break) both are, and a rank from another bloc is not compared either.
-- first_time_leader: ranked first, never first before in this province, index and criterion.
create or replace view v_year_over_year as
with league as not materialized (
    select
        province, index_code, year, criterion, bloc, unit_kind, unit_id, unit,
        score, score_min, score_max, rank, rank_tied, source_id
    from mart_league_table
),

unit_years as not materialized (
    -- every year a unit was ranked in (any bloc): the last earlier one, and whether it led before.
    -- Partitioned by province too (a unit has one), so a filter on the province reaches the mart.
    select
        province, unit_id, index_code, criterion, year,
        lag(year) over history as prev_year,
        coalesce(bool_or(led) over (history rows between unbounded preceding and 1 preceding), false)
            as led_before
    from (
        select province, unit_id, index_code, criterion, year, bool_or(rank = 1) as led
        from league
        group by all
    )
    window history as (partition by province, unit_id, index_code, criterion order by year)
),

with_previous as (
    select
        cur.*,
        y.led_before,
        y.prev_year,
        prev.bloc as prev_bloc,
        prev.rank as prev_rank,
        prev.score as prev_score
    from league as cur
    join unit_years as y using (province, unit_id, index_code, criterion, year)
    left join league as prev
        on prev.province = cur.province
        and prev.unit_id = cur.unit_id
        and prev.index_code = cur.index_code
        and prev.criterion = cur.criterion
        and prev.year = y.prev_year
    qualify row_number() over (
        partition by cur.province, cur.unit_id, cur.index_code, cur.year, cur.criterion, cur.bloc
        order by prev.bloc = cur.bloc desc nulls last, prev.rank nulls last, prev.bloc
    ) = 1
),

breaks as (
    select
        p.province, p.unit_id, p.index_code, p.year, p.criterion, p.bloc,
        string_agg(
            'methodology break from ' || b.first_year || ': ' || b.reason, '; ' order by b.first_year, b.reason
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
    left join breaks as b using (province, unit_id, index_code, year, criterion, bloc)
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
    rank = 1 and not led_before as first_time_leader,
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
