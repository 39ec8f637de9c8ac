-- no figure twice from one source: (unit, index, year, criterion, bloc, source) is the grain
select unit_id, index_code, year, criterion, bloc, source_id, count(*) as copies
from fact_score
group by all
having count(*) > 1
