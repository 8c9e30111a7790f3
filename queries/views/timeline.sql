-- view timeline: what happened when, in which election, on whose report (the whole contest, in date order)?
-- grain: one row per event as one source reports it (events.event_id, not shown: its date, contest, type, source and description tell the rows apart)
create or replace view timeline as
select ev.date, ev.date_basis, ev.election_id, ev.event_type, ev.subject_id, ev.description, ev.source_id, s.publisher
from events ev left join sources s using (source_id)
order by ev.date, ev.event_id;
