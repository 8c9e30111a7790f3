-- view candidacies: who stood and who withdrew, when, with what nominations, and with what result?
-- grain: one row per election and candidate
create or replace view candidacies as
with launched as (
    select election_id, subject_id as candidate_id, min(date) as launched_on,
           string_agg(distinct source_id, ', ' order by source_id) as launch_sources
    from events where event_type = 'leadership_challenge' and subject_id is not null
    group by all
), parliamentary as (
    select election_id, candidate_id,
           string_agg(nominations || ' ' || nominating_body || case when basis = 'derived' then ' (derived)' else '' end
                      || ' (' || source_id || ')', '; ' order by nominating_body, nominations, source_id)
               filter (where stage = 'first_day') as first_day_nominations,
           string_agg(nominations || ' ' || nominating_body || case when basis = 'derived' then ' (derived)' else '' end
                      || ' (' || source_id || ')', '; ' order by nominating_body, nominations, source_id)
               filter (where stage = 'close') as close_nominations
    from nomination_tallies group by all
), clps as (
    select election_id, candidate_id,
           string_agg(distinct cast(cast(value as bigint) as varchar), ', '
                      order by cast(cast(value as bigint) as varchar)) as clp_nominations
    from nominations where nominating_body = 'constituency_labour_parties' and measure = 'count'
    group by all
)
select c.election_id, c.candidate_id, n.name, c.incumbent, c.status,
       l.launched_on, l.launch_sources,
       case when c.status = 'withdrew' then c.status_date end as withdrew_on,
       p.first_day_nominations, p.close_nominations, k.clp_nominations,
       r.votes, r.share_pct,
       case when c.status in ('withdrew', 'fell_short') then c.status
            when e.winner_id = c.candidate_id then 'won' else 'lost' end as result,
       c.source_id,
       'launch: earliest leadership_challenge event; nominations from nomination_tallies; '
       || 'votes and share from results (all sections, the decisive round); result from elections.winner_id; '
       || 'outcome and its round as candidates gives them' as why,
       c.outcome, c.outcome_round
from candidates c
join elections e using (election_id)
left join entities n on n.entity_id = c.candidate_id
left join launched l using (election_id, candidate_id)
left join parliamentary p using (election_id, candidate_id)
left join clps k using (election_id, candidate_id)
left join results r on r.election_id = c.election_id and r.candidate_id = c.candidate_id and r.section = 'all';
