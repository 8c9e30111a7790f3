-- view turnout: how many were eligible, how many voted, and what turnout follows by each definition?
-- grain: one row per election and section that electorate has figures for
create or replace view turnout as
with ranked as (
    select e.*, r.reliability_rank,
           row_number() over (partition by election_id, section, measure
                              order by (qualifier = 'exact') desc, r.reliability_rank, (round = 1) desc nulls last,
                                       s.published desc nulls last, source_id, evidence) as preference
    from electorate e join source_rank r using (source_id) join sources s using (source_id)
), best as (select * from ranked where preference = 1),
keys as (select distinct election_id, section from electorate),
from_results as (
    select election_id, section, cast(sum(votes) as bigint) as valid_votes_from_results from results group by all
), eligible_reports as (
    -- every reported electorate figure, so a disagreement is visible here and not only in discrepancies
    select election_id, section, count(distinct value) as eligible_values,
           string_agg(distinct stated_as || ' (' || source_id || ')', '; '
                      order by stated_as || ' (' || source_id || ')') as eligible_reports
    from electorate where measure = 'eligible' group by all
), wide as (
    select k.election_id, k.section,
           max(value) filter (where measure = 'eligible') as eligible,
           max(source_id) filter (where measure = 'eligible') as eligible_source_id,
           max(value) filter (where measure = 'ballots_distributed') as ballots_distributed,
           max(value) filter (where measure = 'valid_votes') as valid_votes,
           max(value) filter (where measure = 'spoilt_ballots') as spoilt,
           max(value) filter (where measure = 'turnout') as turnout_reported,
           max(value) filter (where measure = 'turnout_pct') as turnout_pct_reported,
           max(source_id) filter (where measure = 'turnout_pct') as turnout_pct_source_id
    from keys k left join best b using (election_id, section)
    group by k.election_id, k.section
)
select w.election_id, w.section, w.eligible, w.eligible_source_id, er.eligible_values, er.eligible_reports,
       w.ballots_distributed,
       w.valid_votes, r.valid_votes_from_results, w.spoilt, w.turnout_reported,
       w.turnout_pct_reported, w.turnout_pct_source_id,
       100.0 * (w.valid_votes + w.spoilt) / w.ballots_distributed as turnout_pct_from_ballots,
       100.0 * w.valid_votes / w.ballots_distributed as turnout_pct_from_valid,
       w.turnout_pct_reported - 100.0 * (w.valid_votes + w.spoilt) / w.ballots_distributed as diff_reported_vs_ballots,
       w.turnout_pct_reported - 100.0 * w.valid_votes / w.ballots_distributed as diff_reported_vs_valid,
       'derived' as basis,
       'turnout_pct_from_ballots = (valid + spoilt) / ballots distributed; turnout_pct_from_valid = valid / ballots distributed; '
       || 'each input is the best-ranked report for the measure: exact before hedged or bounded, then source reliability, '
       || 'then a first-round figure, then the latest published (after the count over before it), then by source and span; '
       || 'eligible_reports lists every eligible figure' as why
from wide w left join from_results r using (election_id, section)
left join eligible_reports er using (election_id, section);
