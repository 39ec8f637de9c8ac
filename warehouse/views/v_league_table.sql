-- one row per (province, index, year, criterion, bloc, unit): the league table.
-- rank_published is the source's rank, rank_computed the competition rank over the scores
-- (1, 2, 2, 4), given only where every unit ranked above has a score; rank is the published one
-- where given, else the computed one. prev_rank is the unit's rank in the year
-- before (same bloc preferred, else the bloc the unit was in then); rank_change = prev_rank - rank,
-- so a positive change is a climb; across a methodology break (dim_methodology_break) no change is
-- computed and change_suppressed gives the reason.
create or replace view v_league_table as
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
