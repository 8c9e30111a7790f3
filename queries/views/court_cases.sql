-- view court_cases: which court ruled on what, when, with what outcome and how many members affected, per source?
-- grain: one row per ruling as one source reports it (court_rulings.ruling_id)
create or replace view court_cases as
select c.case_id, c.court, c.rule, c.decided_on, c.decided_on_basis, c.hearing_date, c.judges_as_printed,
       c.outcome, c.members_affected, c.members_affected_stated_as, c.members_affected_qualifier,
       c.citation, c.source_id, s.publisher, c.ruling_id
from court_rulings c join sources s using (source_id)
order by c.case_id desc, c.court desc, c.decided_on nulls last, c.source_id, c.ruling_id;
