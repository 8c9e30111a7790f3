-- view precision: what tolerance does each reported figure carry, from how it was written?
-- grain: one row per reported figure: each row of electorate, votes, figures, nominations and polls, and each ballot figure (participants, share) of an endorsements row
-- From the figure_* macros at the top of this file, the one definition validate uses too.
create or replace view precision as
with written as (
    select 'electorate' as tbl, election_id, section, cast(null as varchar) as subject_id,
           cast(null as varchar) as candidate_id, measure, value, stated_as, qualifier, round, source_id, evidence
    from electorate
    union all
    select 'votes', election_id, section, candidate_id, candidate_id, measure, value, stated_as, qualifier, round, source_id, evidence
    from votes
    union all
    select 'figures', election_id, null, subject_id, candidate_id, measure, value, stated_as, qualifier, null, source_id, evidence
    from figures
    union all
    select 'endorsements', election_id, null, endorser_id, null, 'ballot_participants',
           ballot_participants, ballot_participants_stated_as, ballot_participants_qualifier, null, source_id, evidence
    from endorsements where ballot_participants is not null
    union all
    select 'endorsements', election_id, null, endorser_id, candidate_id, 'ballot_share_pct',
           ballot_share_pct, ballot_share_stated_as, 'exact', null, source_id, evidence
    from endorsements where ballot_share_pct is not null
    union all
    select 'nominations', election_id, stage, nominating_body, candidate_id, measure, value, stated_as, qualifier, null, source_id, evidence
    from nominations
    union all
    -- subject_id is the poll figure's own id: poll figures are compared in discrepancies by poll,
    -- question, opponent and base, never by section and candidate alone
    select 'polls', election_id, section, poll_figure_id, candidate_id, measure, value, stated_as, qualifier, null, source_id, evidence
    from polls
)
select *, slack_low(value, tolerance, qualifier) as low, slack_high(value, tolerance, qualifier) as high
-- the slack once (figure_low and figure_high would each expand figure_slack again: a macro is copied
-- wherever it is used, and every view that reads this one binds each copy)
from (select tbl, election_id, section, subject_id, candidate_id, measure, value, stated_as, qualifier, round,
             source_id, evidence, figure_slack(stated_as, value, qualifier) as tolerance
      from written);
