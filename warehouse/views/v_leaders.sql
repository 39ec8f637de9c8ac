-- one row per (province, index, year, criterion, bloc, leader): who ranked first, ties included.
-- times_led counts the years this unit has led up to and including this one; first_time_leader
-- is true the first of those years; led_previous_year compares with the year before.
create or replace view v_leaders as
select
    province, index_code, year, criterion, bloc, unit_kind, unit_id, unit,
    score, rank_tied,
    count(*) over (
        partition by province, index_code, criterion, unit_id
        order by year rows between unbounded preceding and current row
    ) as times_led,
    first_time_leader,
    coalesce(prev_year = year - 1 and prev_rank = 1, false) as led_previous_year,
    source_id
from v_year_over_year
where rank = 1
