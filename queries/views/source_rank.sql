-- view source_rank: how much each source is trusted, as a sortable number (high first)?
-- grain: one row per source
create or replace view source_rank as
select source_id, reliability,
       case reliability when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end as reliability_rank
from sources;
