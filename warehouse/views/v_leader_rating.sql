-- one row per (unit, year, title, source): the rating of a unit's head, best first by rating_order
-- (1 = hoàn thành xuất sắc nhiệm vụ ... 4 = không hoàn thành nhiệm vụ), with the document it comes from.
create or replace view v_leader_rating as
select
    u.province, r.year, u.unit_kind, r.unit_id, u.name_vi as unit, r.title, r.rating,
    case r.rating
        when 'hoàn thành xuất sắc nhiệm vụ' then 1
        when 'hoàn thành tốt nhiệm vụ' then 2
        when 'hoàn thành nhiệm vụ' then 3
        when 'không hoàn thành nhiệm vụ' then 4
    end as rating_order,
    r.source_id, s.path, s.title as document_title, r.evidence, r.span_start, r.span_end
from fact_leader_rating as r
join dim_unit as u using (unit_id)
left join dim_source as s using (source_id)
