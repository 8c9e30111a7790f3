-- view court_cases: which court ruled on what, when, with what outcome and how many members affected, per source?
-- grain: one row per ruling as one source reports it: a case, court and outcome in one source, however many court_rulings rows (one per span) record it
create or replace view court_cases as
select c.case_id, c.court, any_value(c.rule) as rule, max(c.decided_on) as decided_on,
       arg_max(c.decided_on_basis, c.decided_on) as decided_on_basis, max(c.hearing_date) as hearing_date,
       max(c.judges_as_printed) as judges_as_printed, c.outcome,
       max(c.members_affected) as members_affected,
       arg_max(c.members_affected_stated_as, c.members_affected) as members_affected_stated_as,
       arg_max(c.members_affected_qualifier, c.members_affected) as members_affected_qualifier,
       max(c.citation) as citation, c.source_id, any_value(s.publisher) as publisher,
       string_agg(c.ruling_id, ', ' order by c.ruling_id) as ruling_ids
from court_rulings c join sources s using (source_id)
group by c.case_id, c.court, c.outcome, c.source_id
order by c.case_id desc, c.court desc, decided_on nulls last, c.source_id, ruling_ids;
