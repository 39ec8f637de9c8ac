-- one row per (unit, related unit, index, year, criterion, bloc): the league-table figures of a unit
-- and of every predecessor and successor (v_unit_history), for "how did this unit do over time".
create or replace view v_unit_history_figures as
select
    h.unit_id, h.unit, h.relation, h.generations, h.related_id, h.related_unit,
    l.province, l.index_code, l.year, l.criterion, l.bloc, l.score, l.score_min, l.score_max,
    l.rank, l.rank_tied, l.source_id, l.evidence
from v_unit_history as h
join v_league_table as l on l.unit_id = h.related_id
