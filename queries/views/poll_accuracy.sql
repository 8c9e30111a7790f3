-- view poll_accuracy: how close was each poll to the result (same contest, section and candidate, don't knows excluded)?
-- grain: one row per poll figure (poll, section, candidate, opponent and value) of a head-to-head share excluding don't knows (kind poll) in a two-candidate contest, with a result for the same contest, section and candidate, however many pages report it
create or replace view poll_accuracy as
with reports as (
    select p.*, r.share_pct as result_pct, r.source_id as result_source_id, k.reliability_rank
    from polls p
    join results r on r.election_id = p.election_id and r.section = p.section and r.candidate_id = p.candidate_id
    join source_rank k on k.source_id = p.source_id
    where p.kind = 'poll' and p.measure = 'share_pct' and p.question = 'head_to_head'
      and p.base = 'excluding_dont_know'
      and (select count(*) from candidates c where c.election_id = p.election_id and c.status = 'stood') = 2
      and exists (select 1 from candidates c where c.election_id = p.election_id and c.candidate_id = p.opponent_id
                  and c.status = 'stood')
)
-- one row per poll figure: the report from the most reliable source (then the latest dated, then by id)
-- stands for every page that reports the same value, and source_ids names them all
select m.poll_figure_id, m.poll_id, m.pollster, m.published, m.source_id,
       (select string_agg(q.source_id, ', ' order by q.source_id) from reports q
        where q.poll_id = m.poll_id and q.election_id = m.election_id and q.section = m.section
          and q.candidate_id = m.candidate_id and q.opponent_id = m.opponent_id and q.value = m.value) as source_ids,
       m.election_id, m.section, m.candidate_id, m.opponent_id, m.value as poll_pct, m.stated_as,
       m.result_pct, m.value - m.result_pct as error_points, m.result_source_id,
       'derived' as basis,
       'a poll''s head-to-head share excluding don''t knows against the share of the valid votes in results, once per '
       || 'poll figure however many pages report it; only kind = poll (canvasses and campaign claims are not polls), '
       || 'and only where the pair is the election''s two candidates' as why
from reports m
qualify row_number() over (partition by m.poll_id, m.election_id, m.section, m.candidate_id, m.opponent_id, m.value
                           order by m.reliability_rank, m.published desc nulls last, m.source_id) = 1;
