-- view source_coverage: how many rows of each table rest on each source?
-- grain: one row per source and table citing it (a source no row cites has one row, with no table)
create or replace view source_coverage as
with rows_by_source as (
    select 'elections' as table_name, source_id from elections
    union all select 'candidates', source_id from candidates
    union all select 'entities', source_id from entities
    union all select 'electorate', source_id from electorate
    union all select 'votes', source_id from votes
    union all select 'endorsements', source_id from endorsements
    union all select 'statements', source_id from statements
    union all select 'figures', source_id from figures
    union all select 'nominations', source_id from nominations
    union all select 'events', source_id from events
    union all select 'polls', source_id from polls
    union all select 'slips', source_id from slips
    union all select 'rules', source_id from rules
    union all select 'court_rulings', source_id from court_rulings
    union all select 'court_parties', source_id from court_parties
)
select s.source_id, s.publisher, s.reliability, r.table_name, count(r.source_id) as rows
from sources s left join rows_by_source r using (source_id)
group by all;
