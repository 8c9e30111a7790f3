-- view poll_accuracy: how close was each poll to the result (same contest, section and candidate, don't knows excluded)?
-- grain: one row per head-to-head poll share excluding don't knows (polls.poll_figure_id, kind poll) in a two-candidate contest, with a result for the same contest, section and candidate
create or replace view poll_accuracy as
select p.poll_figure_id, p.poll_id, p.pollster, p.published, p.source_id, p.election_id, p.section,
       p.candidate_id, p.opponent_id, p.value as poll_pct, p.stated_as,
       r.share_pct as result_pct, p.value - r.share_pct as error_points, r.source_id as result_source_id,
       'derived' as basis,
       'a poll''s head-to-head share excluding don''t knows against the share of the valid votes in results; '
       || 'only kind = poll (canvasses and campaign claims are not polls), and only where the pair is the '
       || 'election''s two candidates' as why
from polls p
join results r on r.election_id = p.election_id and r.section = p.section and r.candidate_id = p.candidate_id
where p.kind = 'poll' and p.measure = 'share_pct' and p.question = 'head_to_head'
  and p.base = 'excluding_dont_know'
  and (select count(*) from candidates c where c.election_id = p.election_id and c.status = 'stood') = 2
  and exists (select 1 from candidates c where c.election_id = p.election_id and c.candidate_id = p.opponent_id
              and c.status = 'stood');
