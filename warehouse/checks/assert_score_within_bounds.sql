-- scores and bounds lie within 0 .. the index's max_score, bounds are ordered, ranks start at 1
select
    f.unit_id, f.index_code, f.year, f.bloc, f.source_id,
    f.score, f.score_min, f.score_max, f.rank, i.max_score
from fact_score as f
left join dim_index as i using (index_code)
where i.index_code is null
    or f.score not between 0 and i.max_score
    or f.score_min not between 0 and i.max_score
    or f.score_max not between 0 and i.max_score
    or f.score_min >= f.score_max
    or f.rank < 1
