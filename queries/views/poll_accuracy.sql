-- view poll_accuracy: how close was each poll to the matching round of the result (same contest, section and candidate)?
-- grain: one row per poll figure (poll, question, section, candidate, opponent and value; kind poll) with a result to match, however many pages report it: a first preference against round one, where every candidate the poll names stood; a head-to-head or final-round share excluding don't knows against the decisive round, where that round is the poll's two candidates
create or replace view poll_accuracy as
with finalists as (
    -- how many candidates have a share in each contest's decisive round, over all sections
    select election_id, count(*) as n from results where section = 'all' and share_pct is not null group by all
), all_stood as (
    -- polls whose every named candidate stood: a first preference among candidates who later withdrew
    -- (2016's July poll with Angela Eagle) asked a different question from the ballot's
    select poll_id from polls p
    group by poll_id
    having bool_and(p.candidate_id is null or exists (
        select 1 from candidates c where c.election_id = p.election_id and c.candidate_id = p.candidate_id
        and c.status = 'stood'))
), reports as (
    select p.*, m.result_pct, m.result_round, r.source_id as result_source_id, k.reliability_rank
    from polls p
    join results r on r.election_id = p.election_id and r.section = p.section and r.candidate_id = p.candidate_id
    join source_rank k on k.source_id = p.source_id
    cross join lateral (
        select case when p.question = 'first_preference' then r.share_pct_first_round else r.share_pct end as result_pct,
               case when p.question = 'first_preference' then 1 else r.round end as result_round
    ) m
    where p.kind = 'poll' and p.measure = 'share_pct' and m.result_pct is not null
      and ((p.question in ('head_to_head', 'final_round') and p.base = 'excluding_dont_know'
            and (select n from finalists f where f.election_id = p.election_id) = 2
            and exists (select 1 from results o where o.election_id = p.election_id and o.section = 'all'
                        and o.candidate_id = p.opponent_id and o.share_pct is not null))
        or (p.question = 'first_preference' and p.base in ('excluding_dont_know', 'not_stated')
            and p.poll_id in (select poll_id from all_stood)))
)
-- one row per poll figure: the report from the most reliable source (then the latest dated, then by id)
-- stands for every page that reports the same value, and source_ids names them all
select m.poll_figure_id, m.poll_id, m.pollster, m.published, m.source_id,
       (select string_agg(q.source_id, ', ' order by q.source_id) from reports q
        where q.poll_id = m.poll_id and q.question = m.question and q.election_id = m.election_id
          and q.section = m.section and q.candidate_id = m.candidate_id
          and q.opponent_id is not distinct from m.opponent_id and q.value = m.value) as source_ids,
       m.election_id, m.section, m.candidate_id, m.opponent_id, m.value as poll_pct, m.stated_as,
       m.result_pct, m.value - m.result_pct as error_points, m.result_source_id,
       'derived' as basis,
       'a poll''s share against the share of the matching round in results: first preferences against round one '
       || '(share_pct_first_round), head-to-head and final-round questions excluding don''t knows against the decisive '
       || 'round (share_pct) where it is the poll''s two candidates; only kind = poll (canvasses and campaign claims '
       || 'are not polls); once per poll figure however many pages report it' as why,
       m.question, m.base, m.result_round
from reports m
qualify row_number() over (partition by m.poll_id, m.question, m.election_id, m.section, m.candidate_id, m.opponent_id, m.value
                           order by m.reliability_rank, m.published desc nulls last, m.source_id) = 1;
