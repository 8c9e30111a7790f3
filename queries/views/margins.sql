-- view margins: who won each election and section, who came second, and by how much?
-- grain: one row per election and section with at least two candidates in results
create or replace view margins as
with ranked as (
    select *, row_number() over (partition by election_id, section
                                 -- candidate_id last, so that a tie is placed the same way every run
                                 order by votes desc nulls last, share_pct desc nulls last, candidate_id) as place
    from results
)
select w.election_id, w.section,
       w.candidate_id as winner_id, w.votes as winner_votes, w.share_pct as winner_share_pct,
       r.candidate_id as runner_up_id, r.votes as runner_up_votes, r.share_pct as runner_up_share_pct,
       w.votes - r.votes as margin_votes,
       w.share_pct - r.share_pct as margin_points,
       'derived' as basis,
       'from results: first and second place by votes; winner source ' || w.source_id
       || ', runner-up source ' || r.source_id as why
from ranked w join ranked r on r.election_id = w.election_id and r.section = w.section and r.place = 2
where w.place = 1;
