-- one row per league-table figure of the given indices, every year: the report's league tables, bump
-- charts and score changes, with the figure's evidence id and the year-over-year comparison
select
    l.province, l.index_code, l.year, l.bloc, l.unit_kind, l.unit_id, l.unit,
    l.score, l.score_min, l.score_max, l.rank, l.rank_published, l.rank_computed, l.rank_tied, l.rank_mismatch,
    y.prev_year, y.prev_rank, y.prev_score, y.rank_change, y.score_change, y.suppressed_reason,
    y.first_time_leader, p.figure_id
from v_league_table as l
left join v_year_over_year as y using (unit_id, index_code, year, criterion, bloc)
left join v_provenance as p
    on p.fact_table = 'fact_score' and p.unit_id = l.unit_id and p.index_code = l.index_code
    and p.year = l.year and p.criterion = l.criterion and p.bloc = l.bloc and p.source_id = l.source_id
where l.criterion = 'TOTAL' and list_contains($indices, l.index_code)
order by l.index_code, l.province, l.bloc, l.year, l.rank nulls last, l.score desc nulls last, l.unit
