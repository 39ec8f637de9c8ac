-- one row per (unit, related unit): the unit itself (relation 'self'), every unit that became it
-- through renames and mergers ('predecessor', following successor_id backwards) and every unit it
-- became ('successor'); generations counts the steps. So today's unit reaches its predecessors'
-- figures, and an old name reaches the unit that replaced it.
create or replace view v_unit_history as
with recursive successors (unit_id, related_id, generations, seen) as (
    select unit_id, successor_id, 1, [unit_id]
    from dim_unit
    where successor_id is not null
    union all
    select s.unit_id, u.successor_id, s.generations + 1, list_append(s.seen, s.related_id)
    from successors as s
    join dim_unit as u on u.unit_id = s.related_id
    where u.successor_id is not null
        and not list_contains(s.seen, u.successor_id)
        and s.generations < 50
),

relations as (
    select unit_id, unit_id as related_id, 'self' as relation, 0 as generations
    from dim_unit
    union all
    select unit_id, related_id, 'successor', generations
    from successors
    union all
    select related_id, unit_id, 'predecessor', generations
    from successors
)

select
    r.unit_id, u.name_vi as unit, r.relation, r.generations,
    r.related_id, ru.name_vi as related_unit, ru.unit_kind as related_kind, ru.province as related_province,
    ru.valid_from, ru.valid_to, ru.successor_id
from relations as r
join dim_unit as u on u.unit_id = r.unit_id
left join dim_unit as ru on ru.unit_id = r.related_id
