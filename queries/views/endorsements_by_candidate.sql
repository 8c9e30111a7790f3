-- view endorsements_by_candidate: who endorsed each candidate, how, and on whose report?
-- grain: one row per election, candidate backed or opposed (or '(no candidate)') and stance
create or replace view endorsements_by_candidate as
select e.election_id, coalesce(e.candidate_id, '(no candidate)') as candidate_id, e.stance,
       count(distinct e.endorser_id) as endorsers,
       string_agg(distinct n.name, '; ' order by n.name) as endorser_names,
       string_agg(distinct e.method, ', ' order by e.method) as methods,
       count(*) as reports,
       string_agg(distinct e.source_id, ', ' order by e.source_id) as source_ids,
       -- a report resting on a low-reliability text carries its caveat wherever it is counted
       string_agg(distinct n.name || ': ' || e.notes, ' | ' order by n.name || ': ' || e.notes)
           filter (where r.reliability = 'low' and e.notes is not null) as low_reliability_notes
from endorsements e left join entities n on n.entity_id = e.endorser_id
join source_rank r on r.source_id = e.source_id
group by all;
