-- view nomination_tallies: how many MPs and MEPs nominated each candidate, on the first day and at the close, per source?
-- grain: one row per election, candidate, stage, nominating body and source
-- Reported counts as each source words the nominating body; where a source gives a count only
-- as a gap ("25 fewer") or as MPs and MEPs apart, the count is derived from its own figures and says how.
create or replace view nomination_tallies as
with counts as (
    select election_id, candidate_id, stage, nominating_body, source_id,
           min(value) as value, count(distinct value) as n_values,
           arg_min(stated_as, (value, stated_as)) as stated_as  -- the wording of the count shown, not of another
    from nominations
    where measure = 'count' and stage is not null
    group by all
), from_gap as (
    select g.election_id, g.candidate_id, g.stage, r.nominating_body, g.source_id,
           r.value - g.value as value, 'shortfall' as derived_from,
           r.stated_as || ' (' || r.candidate_id || ') − ' || g.stated_as as derivation
    from nominations g
    join counts r on r.election_id = g.election_id and r.candidate_id = g.relative_to_id
     and r.stage = g.stage and r.nominating_body = g.nominating_body and r.source_id = g.source_id and r.n_values = 1
    where g.measure = 'shortfall'
), from_parts as (
    select m.election_id, m.candidate_id, m.stage, 'plp_eplp' as nominating_body, m.source_id,
           m.value + e.value as value, 'mps_plus_meps' as derived_from,
           m.stated_as || ' MPs + ' || e.stated_as || ' MEPs' as derivation
    from counts m join counts e using (election_id, candidate_id, stage, source_id)
    where m.nominating_body = 'mps' and e.nominating_body = 'meps' and m.n_values = 1 and e.n_values = 1
), derived as (
    select d.* from (select * from from_gap union all select * from from_parts) d
    where not exists (select 1 from counts c where c.election_id = d.election_id and c.candidate_id = d.candidate_id
                      and c.stage = d.stage and c.nominating_body = d.nominating_body and c.source_id = d.source_id)
)
select election_id, candidate_id, stage, nominating_body, cast(value as bigint) as nominations, stated_as,
       'reported' as basis, cast(null as varchar) as derived_from, source_id,
       'as reported' || case when n_values > 1 then ' (the source gives ' || n_values || ' values; the least shown)' else '' end as why
from counts
union all
select election_id, candidate_id, stage, nominating_body, cast(value as bigint), derivation,
       'derived', derived_from, source_id,
       case derived_from when 'shortfall' then 'the rival''s count in the same source less the gap it reports'
                         else 'the same source''s MPs and MEPs added' end
from derived;
