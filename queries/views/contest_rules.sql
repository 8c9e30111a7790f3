-- view contest_rules: which rules the contest ran under, decided by whom, when and by what vote, per source?
-- grain: one row per rule as one source reports it (rules.rule_id)
create or replace view contest_rules as
select r.election_id, r.rule, n.name as decided_by, r.decided_on, r.decided_on_basis,
       case when r.votes_for is not null then r.votes_for || '–' || r.votes_against end as vote,
       r.value, r.unit, r.nominating_body, r.stated_as, r.qualifier, r.rule_date, r.rule_date_role, r.rule_date_stated_as,
       r.source_id, s.publisher, r.rule_id
from rules r left join entities n on n.entity_id = r.decided_by_id join sources s on s.source_id = r.source_id
order by r.election_id, r.rule, r.rule_date nulls first, r.source_id, r.rule_id;
