-- view compare_2015: how did Corbyn's share in each section change from 2015 to 2016?
-- grain: one row per section with a Jeremy Corbyn row in results for both the 2015 and the 2016 contest
create or replace view compare_2015 as
select s16.section,
       s15.share_pct as share_2015, s16.share_pct as share_2016,
       s16.share_pct - s15.share_pct as change_points,
       s15.votes as votes_2015, s16.votes as votes_2016,
       s16.votes - s15.votes as change_votes,
       s15.source_id as source_2015, s16.source_id as source_2016,
       'derived' as basis,
       'Corbyn''s share and votes from results for each election; 2015 is the first round' as why
from results s16
join results s15 on s15.section = s16.section and s15.candidate_id = s16.candidate_id
where s16.election_id = 'labour-leadership-2016' and s15.election_id = 'labour-leadership-2015'
  and s16.candidate_id = 'jeremy-corbyn';
