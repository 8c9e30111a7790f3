-- view compare_contests: how do the 2010, 2015, 2016 and 2020 contests compare, section by section: the winner's share, the selectorate and turnout, the nomination thresholds and the registered-supporter fee?
-- grain: one row per election and section that results or electorate reports on
-- Nothing is added across sections here: 2010's sections are equal thirds of a weighted electoral
-- college, so its `all` row gives only what sources report for the whole college.
create or replace view compare_contests as
with reported as materialized (
    -- results and turnout are each named once and computed once: a view is expanded again wherever a
    -- query names it, and at 10^6 rows two copies of each, joined, outgrew build's 800 MB of memory
    select * from results
), turnouts as materialized (
    select * from turnout
), keys as (
    select election_id, section from reported
    union
    select election_id, section from turnouts
), systems as (
    select election_id, section,
           string_agg(distinct electoral_system, '; ' order by electoral_system) as electoral_system,
           string_agg(distinct weighting, '; ' order by weighting) as weighting
    from sections group by all
), contest_system as (
    select election_id, string_agg(distinct electoral_system, '; ' order by electoral_system) as electoral_system
    from sections group by all
), thresholds as (
    -- every nomination threshold as the sources state it, each once, with whose nominations it counts
    -- where the row's evidence says (2020 has thresholds for MPs and MEPs, constituency parties,
    -- affiliates and unions)
    select election_id, string_agg(distinct label, '; ' order by label) as nomination_thresholds
    from (select *, case unit when 'percent' then num || '%' else num || ' ' || unit end
                    || coalesce(' (' || nominating_body || ')', '') as label
          from (select *, regexp_replace(cast(value as varchar), '\.0$', '') as num from rules))
    where rule = 'nomination_threshold' and value is not null group by all
), fees as (
    select election_id,
           string_agg(distinct case when qualifier = 'at_least' then 'at least £' else '£' end || num, '; '
                      order by case when qualifier = 'at_least' then 'at least £' else '£' end || num)
               as registered_supporter_fee
    from (select *, regexp_replace(cast(value as varchar), '\.0$', '') as num from rules)
    where rule = 'registered_supporter_fee' and unit = 'GBP' group by all
)
select k.election_id, e.year, coalesce(y.electoral_system, c.electoral_system) as electoral_system, k.section,
       y.weighting,
       e.winner_id, w.round as decisive_round, w.share_pct as winner_share_pct,
       w.share_pct_first_round as winner_share_pct_first_round, w.votes as winner_votes,
       t.eligible, t.turnout_reported, t.turnout_pct_reported, t.turnout_pct_from_ballots,
       h.nomination_thresholds, f.registered_supporter_fee,
       'derived' as basis,
       'winner''s share and votes from results (the decisive round, and round one beside it); eligible and turnout '
       || 'from turnout (the best-ranked report of each); electoral system and weighting from sections; every '
       || 'nomination threshold and registered-supporter fee the rules table states for the contest' as why
from keys k
join elections e using (election_id)
left join reported w on w.election_id = k.election_id and w.section = k.section and w.candidate_id = e.winner_id
left join turnouts t on t.election_id = k.election_id and t.section = k.section
left join systems y on y.election_id = k.election_id and y.section = k.section
left join contest_system c on c.election_id = k.election_id
left join thresholds h on h.election_id = k.election_id
left join fees f on f.election_id = k.election_id
order by e.year, k.section;
