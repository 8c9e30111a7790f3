-- view results: what is the canonical result per election, section and candidate in the contest's decisive round, with the first round beside it, from which source and why?
-- grain: one row per election, section and candidate that votes reports on (any measure, any round), plus a derived all-sections row where no source gives an exact total but every section has a count and the sections are not a weighted electoral college
create or replace view results as
with final_rounds as (
    -- a contest's decisive round: the last round any source numbers; a figure with no round named
    -- is a final figure (2016 names none, 2015 only its first and decisive stage, 2010 four rounds)
    select e.election_id, max(v.round) as final_round
    from elections e left join votes v using (election_id)
    group by e.election_id
), counts_in_rounds as (
    select r.*, f.final_round,
           coalesce(r.round, f.final_round) is not distinct from f.final_round as decisive,
           coalesce(r.round, f.final_round, 1) = 1 as first_round
    from reported_counts r join final_rounds f using (election_id)
), chosen as (
    select election_id, section, candidate_id, cast(value as bigint) as votes, source_id, reliability,
           is_record_source, n_reports, n_values, 'reported' as basis,
           exists (select 1 from reported_counts o where o.election_id = r.election_id and o.section = r.section
                   and o.candidate_id = r.candidate_id and o.is_record_source) as record_source_counted
    from counts_in_rounds r where decisive
    qualify row_number() over (partition by election_id, section, candidate_id order by preference) = 1
), first_counts as (
    select election_id, section, candidate_id, cast(value as bigint) as votes_first_round
    from counts_in_rounds where first_round
    qualify row_number() over (partition by election_id, section, candidate_id order by preference) = 1
), sections_per_election as (
    select election_id, count(distinct section) as n_sections
    from votes where section <> 'all' group by election_id
), summed_all as (
    -- an `all` total only where no source reports one: the sum of the chosen section counts
    select c.election_id, 'all' as section, c.candidate_id, cast(sum(c.votes) as bigint) as votes,
           'sum of sections: ' || string_agg(distinct c.source_id, ', ' order by c.source_id) as source_id,
           cast(null as varchar) as reliability, false as is_record_source,
           0 as n_reports, 0 as n_values, 'derived' as basis, false as record_source_counted
    from chosen c
    join sections_per_election s using (election_id)
    where c.section <> 'all'
      -- never add votes across the sections of a weighted electoral college (2010's equal thirds)
      and not exists (select 1 from sections w where w.election_id = c.election_id and w.weighting = 'equal_third')
      and not exists (select 1 from chosen a where a.election_id = c.election_id
                      and a.candidate_id = c.candidate_id and a.section = 'all')
    group by c.election_id, c.candidate_id, s.n_sections
    having count(*) = s.n_sections
), counted as (
    select * from chosen union all select * from summed_all
), keys as (
    select distinct election_id, section, candidate_id from votes
    union
    select election_id, section, candidate_id from counted
), section_totals as (
    -- shares from counts only when every candidate who stood has a count in the section (a count
    -- for someone who withdrew does not stand in for a missing one)
    select k.election_id, k.section, sum(c.votes) as section_votes,
           count(c.votes) filter (where d.status = 'stood')
               = (select count(*) from candidates s where s.election_id = k.election_id and s.status = 'stood')
               as complete
    from (select distinct election_id, section from keys) k
    left join counted c using (election_id, section)
    left join candidates d on d.election_id = c.election_id and d.candidate_id = c.candidate_id
    group by k.election_id, k.section
), shares_in_rounds as (
    select v.election_id, v.section, v.candidate_id, v.value, v.source_id, r.reliability_rank, v.stated_as, v.round,
           coalesce(v.round, f.final_round) is not distinct from f.final_round as decisive,
           coalesce(v.round, f.final_round, 1) = 1 as first_round
    from votes v join source_rank r using (source_id) join final_rounds f using (election_id)
    where v.measure = 'share_pct' and v.qualifier = 'exact'
), reported_share as (
    select election_id, section, candidate_id, value as share_pct, source_id as share_source_id,
           row_number() over (partition by election_id, section, candidate_id
                              order by reliability_rank, (round = 1) desc nulls last,
                                       length(stated_as) desc, source_id) as preference
    from shares_in_rounds where decisive
), first_share as (
    select election_id, section, candidate_id, value as share_pct_first_round
    from shares_in_rounds where first_round
    qualify row_number() over (partition by election_id, section, candidate_id
                               order by reliability_rank, length(stated_as) desc, source_id) = 1
)
-- where the decisive round is the first (2015, 2016), the first round's share is share_pct itself
select r.* replace (case when r.round is null or r.round = 1 then r.share_pct else r.share_pct_first_round end
                    as share_pct_first_round)
from (select k.election_id, k.section, k.candidate_id,
       c.votes,
       -- a share from the counts needs this candidate's count too, not only a complete section
       case when t.complete and c.votes is not null then 100.0 * c.votes / t.section_votes else s.share_pct end as share_pct,
       s.share_pct as share_pct_reported,
       coalesce(c.basis, 'reported') as basis,
       case when t.complete and c.votes is not null then 'derived' when s.share_pct is not null then 'reported' end as share_basis,
       coalesce(c.source_id, s.share_source_id) as source_id,
       case
         when c.basis = 'derived' then
           'no source reports this total: summed from the chosen section counts'
         when c.votes is null then
           'no exact count reported; share as reported by ' || s.share_source_id
         when c.is_record_source then
           'exact count from the ' || c.reliability || '-reliability source the elections table cites'
         else
           'exact count from a ' || c.reliability || '-reliability source'
           || case when c.record_source_counted then ', ranked above the cited source''s own count'
                   else ' (the cited source has no count here)' end
           || case when c.reliability <> 'high' then '; no high-reliability source gives one' else '' end
       end
       || case when c.n_values > 1 then '; sources disagree, see discrepancies'
               when c.n_reports > 1 then '; ' || (c.n_reports - 1) || ' other source(s) agree'
               else '' end
       || case when t.complete and c.votes is not null then '; share computed from the counts of every candidate in the section'
               when s.share_pct is not null then '; share as reported by ' || s.share_source_id
               else '' end as why,
       f.final_round as round,
       coalesce(fc.votes_first_round, case when f.final_round is null or f.final_round = 1 then c.votes end) as votes_first_round,
       fs.share_pct_first_round
from keys k
join final_rounds f using (election_id)
left join first_counts fc using (election_id, section, candidate_id)
left join first_share fs using (election_id, section, candidate_id)
left join counted c using (election_id, section, candidate_id)
left join section_totals t using (election_id, section)
left join (select * from reported_share where preference = 1) s using (election_id, section, candidate_id)
) r;
