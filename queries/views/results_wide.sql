-- view results_wide: what is the result of each contest and section, one row each with a column per candidate, for spreadsheets?
-- grain: one row per election and section of results
-- A column name cannot safely come from data, and DuckDB refuses a PIVOT whose columns are read
-- from the data inside a view ("the PIVOT values must be manually specified"), so the candidates
-- are named here, once each, by plain FILTER aggregates that every DuckDB (CLI or Python) runs the
-- same. A candidate missing from this list is not dropped silently: `other_candidates` names them,
-- and tests/test_views.py fails when any candidate of the candidates table lacks its columns.
create or replace view results_wide as
select election_id, section,
       max(votes) filter (where candidate_id = 'jeremy-corbyn') as jeremy_corbyn_votes,
       max(share_pct) filter (where candidate_id = 'jeremy-corbyn') as jeremy_corbyn_share_pct,
       max(votes) filter (where candidate_id = 'owen-smith') as owen_smith_votes,
       max(share_pct) filter (where candidate_id = 'owen-smith') as owen_smith_share_pct,
       max(votes) filter (where candidate_id = 'angela-eagle') as angela_eagle_votes,
       max(share_pct) filter (where candidate_id = 'angela-eagle') as angela_eagle_share_pct,
       max(votes) filter (where candidate_id = 'andy-burnham') as andy_burnham_votes,
       max(share_pct) filter (where candidate_id = 'andy-burnham') as andy_burnham_share_pct,
       max(votes) filter (where candidate_id = 'yvette-cooper') as yvette_cooper_votes,
       max(share_pct) filter (where candidate_id = 'yvette-cooper') as yvette_cooper_share_pct,
       max(votes) filter (where candidate_id = 'liz-kendall') as liz_kendall_votes,
       max(share_pct) filter (where candidate_id = 'liz-kendall') as liz_kendall_share_pct,
       max(votes) filter (where candidate_id = 'ed-miliband') as ed_miliband_votes,
       max(share_pct) filter (where candidate_id = 'ed-miliband') as ed_miliband_share_pct,
       max(votes) filter (where candidate_id = 'david-miliband') as david_miliband_votes,
       max(share_pct) filter (where candidate_id = 'david-miliband') as david_miliband_share_pct,
       max(votes) filter (where candidate_id = 'ed-balls') as ed_balls_votes,
       max(share_pct) filter (where candidate_id = 'ed-balls') as ed_balls_share_pct,
       max(votes) filter (where candidate_id = 'diane-abbott') as diane_abbott_votes,
       max(share_pct) filter (where candidate_id = 'diane-abbott') as diane_abbott_share_pct,
       max(votes) filter (where candidate_id = 'john-mcdonnell') as john_mcdonnell_votes,
       max(share_pct) filter (where candidate_id = 'john-mcdonnell') as john_mcdonnell_share_pct,
       max(votes) filter (where candidate_id = 'keir-starmer') as keir_starmer_votes,
       max(share_pct) filter (where candidate_id = 'keir-starmer') as keir_starmer_share_pct,
       max(votes) filter (where candidate_id = 'rebecca-long-bailey') as rebecca_long_bailey_votes,
       max(share_pct) filter (where candidate_id = 'rebecca-long-bailey') as rebecca_long_bailey_share_pct,
       max(votes) filter (where candidate_id = 'lisa-nandy') as lisa_nandy_votes,
       max(share_pct) filter (where candidate_id = 'lisa-nandy') as lisa_nandy_share_pct,
       max(votes) filter (where candidate_id = 'jess-phillips') as jess_phillips_votes,
       max(share_pct) filter (where candidate_id = 'jess-phillips') as jess_phillips_share_pct,
       max(votes) filter (where candidate_id = 'emily-thornberry') as emily_thornberry_votes,
       max(share_pct) filter (where candidate_id = 'emily-thornberry') as emily_thornberry_share_pct,
       max(votes) filter (where candidate_id = 'clive-lewis') as clive_lewis_votes,
       max(share_pct) filter (where candidate_id = 'clive-lewis') as clive_lewis_share_pct,
       string_agg(distinct candidate_id, ', ' order by candidate_id) filter (
           where candidate_id not in ('jeremy-corbyn', 'owen-smith', 'angela-eagle', 'andy-burnham', 'yvette-cooper',
                                      'liz-kendall', 'ed-miliband', 'david-miliband', 'ed-balls', 'diane-abbott', 'john-mcdonnell',
                                      'keir-starmer', 'rebecca-long-bailey', 'lisa-nandy', 'jess-phillips', 'emily-thornberry',
                                      'clive-lewis')
       ) as other_candidates,
       string_agg(distinct source_id, ', ' order by source_id) as source_ids,
       'derived' as basis,
       'from results, one column pair per candidate: votes and share_pct as results gives them '
       || '(see its why); empty where the candidate did not stand or no figure is reported' as why
from results
group by election_id, section
order by election_id, section;
