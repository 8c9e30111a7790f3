-- view reported_counts: which exact vote counts does each source report, ranked for choosing one?
-- grain: one row per election, section, candidate and distinct exact vote count (value and round) each source reports
create or replace view reported_counts as
with counts as (
    select distinct v.election_id, v.section, v.candidate_id, v.value, v.round, v.source_id
    from votes v
    where v.measure = 'votes' and v.qualifier = 'exact'
)
select c.*, r.reliability, r.reliability_rank,
       (c.source_id = e.source_id) as is_record_source,
       count(*) over (partition by c.election_id, c.section, c.candidate_id) as n_reports,
       count(distinct c.value) over (partition by c.election_id, c.section, c.candidate_id) as n_values,
       row_number() over (
           partition by c.election_id, c.section, c.candidate_id
           order by r.reliability_rank, (c.source_id = e.source_id) desc, (c.round = 1) desc nulls last, c.source_id,
                    c.round nulls last, c.value  -- a total order: the same data ranks alike every run
       ) as preference
from counts c
join source_rank r using (source_id)
join elections e using (election_id);
