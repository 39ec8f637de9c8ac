-- one row per (province, index, year, criterion, bloc, unit): the league table.
-- rank_published is the source's rank, rank_computed the competition rank over the scores
-- (1, 2, 2, 4), given only where every unit ranked above has a score; rank is the published one
-- where given, else the computed one. prev_rank is the unit's rank in the year
-- before (same bloc preferred, else the bloc the unit was in then); rank_change = prev_rank - rank,
-- so a positive change is a climb; across a methodology break (dim_methodology_break) no change is
-- computed and change_suppressed gives the reason. Materialised in mart_league_table
-- (warehouse/marts/mart_league_table.sql), kept current by every load.
create or replace view v_league_table as
select * from mart_league_table
