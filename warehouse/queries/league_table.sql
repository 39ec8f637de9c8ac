-- one row per unit of the league tables of one index and year, optionally one kind, province, bloc
select
    province,
    index_code,
    year,
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
    rank_mismatch,
    prev_rank,
    rank_change,
    prev_score,
    score_change,
    basis,
    source_count,
    source_id,
    evidence
from v_league_table
where index_code = $index_code
    and year = $year
    and criterion = $criterion
    and ($unit_kind is null or unit_kind = $unit_kind)
    and ($province is null or province = $province)
    and ($bloc is null or bloc = $bloc)
order by province, bloc, rank nulls last, score desc nulls last, unit
