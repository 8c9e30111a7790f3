-- view registration: how many applied to be registered supporters, how many were rejected, how many members and supporters could vote, per source?
-- grain: one row per registration or eligibility figure as one source reports it (an electorate row of those measures)
create or replace view registration as
select e.election_id, e.section, e.measure, e.value, e.stated_as, e.qualifier, e.source_id,
       s.publisher, s.published, e.evidence
from electorate e join sources s using (source_id)
where e.measure in ('applications', 'applications_rejected', 'applications_pending', 'eligible')
order by e.election_id, e.section, e.measure, s.published, e.source_id, e.value;
