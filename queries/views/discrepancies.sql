-- view discrepancies: where do sources disagree, do totals match their parts, do shares match the counts, which slips of print are there?
-- grain: one row per finding: two reports that cannot both hold or differ (two sources' figures, a total and its parts, a share and its counts, two dates, two namings of a court party), an earlier figure beside the later count, or one slip of print; each pair of reports once
create or replace view discrepancies as
with pages as (
    -- the page a source is a stored copy of: two stored versions of one URL are one page
    select source_id, coalesce(url, source_id) as page from sources
), unstaged_as(stage) as (
    -- a nomination count whose text names no stage (the New Statesman's "last year when he won 39 per
    -- cent (152/387)", IBTimes' "Andy Burnham (59 votes)") is the count as it ended: it is compared,
    -- and shown, as a count at the close
    values ('close')
), parliamentary(body) as (
    -- counts of MPs' and MEPs' nominations are compared by the nomination CTEs below, each source's
    -- "MPs" read one way; other bodies' counts (constituency parties, affiliates) as figures
    values ('mps'), ('meps'), ('plp'), ('plp_eplp')
), canonical as (
    -- the results view, named once for the same reason as timed below
    select * from results
), final_rounds as (
    -- a figure with no round named is a final figure: it is compared with the contest's last numbered round
    select election_id, max(round) as final_round from votes group by election_id
), timed as (
    -- when a figure was reported against the contest's result: `earlier` if its source was published
    -- before the result date or the figure is an estimate (approximately); `final` if it is an exact
    -- figure published on or after that date. An earlier figure against a final one is a later count.
    -- Every precision row (source_id is a foreign key), so the CTEs below read this, not precision:
    -- DuckDB binds a view again wherever a query names it, and precision is a large expression
    select w.*, coalesce(s.published < e.result_date, false) or w.qualifier = 'approximately' as earlier,
           coalesce(s.published >= e.result_date, false) and w.qualifier = 'exact' as final,
           coalesce(w.round, f.final_round) as in_round
    from precision w join sources s using (source_id) left join elections e using (election_id)
    left join final_rounds f using (election_id)
), facts as (
    select p.*, coalesce(q.compared_as, p.measure) as compared_as
    -- a nominations row's section is its stage
    from (select distinct tbl, election_id,
                 case when tbl = 'nominations' then coalesce(section, (select stage from unstaged_as))
                      else section end as section,
                 subject_id, candidate_id, measure, value, stated_as,
                 qualifier, in_round, source_id, tolerance, low, high, earlier, final from timed w
          -- a slip of print is listed as one (below), not compared as a figure
          where not exists (select 1 from slips s where s.source_id = w.source_id and s.evidence = w.evidence
                            and s.printed = w.stated_as)
            and not (w.tbl = 'nominations' and w.measure in ('count', 'shortfall')
                     and w.subject_id in (select body from parliamentary))) p
    left join measure_equivalence q using (measure)
), same_figure as (
    -- every two reports of one figure: same election, round, section, subject, candidate and compared measure
    select a, b from facts a join facts b
      on a.election_id is not distinct from b.election_id
     and a.in_round is not distinct from b.in_round
     and coalesce(a.section, 'all') = coalesce(b.section, 'all')
     and a.subject_id is not distinct from b.subject_id
     and a.candidate_id is not distinct from b.candidate_id
     and a.compared_as = b.compared_as
), differing as (
    select a, b, a.tbl = 'electorate' and ((a.earlier and b.final) or (b.earlier and a.final)) as later
    from same_figure
    where a.high < b.low or b.high < a.low
       -- a count of nominations is a whole number, not a rounded one: 71 and 72 cannot both hold
       or (a.tbl = 'nominations' and b.tbl = 'nominations' and a.measure = 'count' and b.measure = 'count'
           and a.qualifier = 'exact' and b.qualifier = 'exact' and a.value <> b.value)
), pairs as (
    select case when later then 'later_count' else 'sources_disagree' end as kind,
           a.election_id, coalesce(a.section, b.section) as section,
           a.subject_id as subject, a.candidate_id,
           case when a.measure = b.measure then a.measure else a.measure || ' vs ' || b.measure end as measure,
           a.value as value_a, a.stated_as as stated_as_a, a.source_id as source_a,
           b.value as value_b, b.stated_as as stated_as_b, b.source_id as source_b,
           abs(a.value - b.value) as gap,
           case when later then 'an estimate or a figure published before the result against an exact figure published '
                                || 'with it: a later count, not a contradiction (' || a.tbl || ')'
                else 'reported values whose precision and qualifiers cannot both hold (' || a.tbl || ' / ' || b.tbl || ')'
           end as why
    from differing
    -- a later count runs from the earlier figure to the final one; other pairs are listed once, in source order
    where case when later then a.earlier and b.final
               else a.source_id < b.source_id or (a.source_id = b.source_id and a.value < b.value) end
    -- one row per two sources' reports of one figure, however often each states it (the New Statesman's
    -- "50.65%" and "50.65 per cent"; AOL's "610,753" and "More than 600,000"): its most precise
    -- statements. One source's two values for the figure are each a row of their own.
    qualify row_number() over (
        partition by a.election_id, a.in_round, coalesce(a.section, b.section), a.subject_id, a.candidate_id,
                     a.compared_as, later, a.source_id, b.source_id,
                     case when a.source_id = b.source_id then [a.value, b.value] end
        order by a.qualifier <> 'exact', b.qualifier <> 'exact', a.tolerance + b.tolerance,
                 a.stated_as, b.stated_as) = 1
), electorate_parts as (
    -- a source's figures for the sections, exact or estimated (approximately), never a bound
    select p.election_id, p.measure, p.source_id, sum(p.value) as parts, sum(p.tolerance) as tol,
           string_agg(p.stated_as, ' + ' order by p.section) as stated, count(distinct p.section) as n_sections,
           bool_or(p.earlier) as earlier
    from timed p
    -- percentages of different sections' electorates do not add up to the whole's (2020's 72.6 + 95.5 + 35.0)
    where p.tbl = 'electorate' and p.section <> 'all' and p.qualifier in ('exact', 'approximately')
      and p.measure <> 'turnout_pct'
    group by all
), electorate_total_vs_parts as (
    select 'total_vs_parts', t.election_id, 'all', null, null, t.measure,
           t.value, t.stated_as, t.source_id, p.parts, p.stated, p.source_id,
           abs(t.value - p.parts),
           'a source''s total against the sum of its own section figures'
    from timed t join electorate_parts p using (election_id, measure, source_id)
    where t.tbl = 'electorate' and t.section = 'all' and t.qualifier = 'exact'
      and abs(t.value - p.parts) > t.tolerance + p.tol
), totals_vs_other_parts as (
    select t.election_id, t.measure, t.value, t.stated_as, t.source_id, p.parts, p.stated, p.source_id as parts_source,
           abs(t.value - p.parts) as gap, p.earlier and t.final as later
    from timed t join electorate_parts p
      on p.election_id = t.election_id and p.measure = t.measure and p.source_id <> t.source_id
    where t.tbl = 'electorate' and t.section = 'all' and t.qualifier = 'exact' and p.n_sections = 3
      and abs(t.value - p.parts) > t.tolerance + p.tol
      -- a source whose own exact total says what its parts say is compared by that total (pairs), so
      -- AOL's 610,753 and its three sections' sum are not two rows against one later total; the Sunderland
      -- Echo's sections (640,500) are compared, as its own total is a bound ("More than 640,000")
      and not exists (select 1 from timed o where o.tbl = 'electorate' and o.section = 'all'
                      and o.election_id = p.election_id and o.measure = p.measure and o.source_id = p.source_id
                      and o.qualifier = 'exact' and abs(o.value - p.parts) <= o.tolerance + p.tol)
), electorate_total_vs_other_parts as (
    -- a later count runs from the earlier figure (the sections' sum) to the final total, as in pairs
    select case when later then 'later_count' else 'total_vs_parts' end, election_id, 'all', null, null, measure,
           case when later then parts else value end, case when later then stated else stated_as end,
           case when later then parts_source else source_id end,
           case when later then value else parts end, case when later then stated_as else stated end,
           case when later then source_id else parts_source end, gap,
           case when later
                then 'the sum of a source''s figures for all three sections, published before the result or estimated, '
                     || 'against an exact total published with it: a later count, not a contradiction'
                else 'a source''s total against the sum of another source''s figures for all three sections' end
    from totals_vs_other_parts
), results_total_vs_parts as (
    select 'total_vs_parts', a.election_id, 'all', a.candidate_id, a.candidate_id, 'votes',
           a.votes, null, a.source_id, sum(s.votes), null,
           'sum of sections: ' || string_agg(distinct s.source_id, ', ' order by s.source_id),
           abs(a.votes - sum(s.votes)),
           'the canonical total against the sum of the canonical section counts'
    from canonical a join canonical s
      on s.election_id = a.election_id and s.candidate_id = a.candidate_id and s.section <> 'all'
    where a.section = 'all' and a.basis = 'reported'
    group by a.election_id, a.candidate_id, a.votes, a.source_id
    having abs(a.votes - sum(s.votes)) > 0
), valid_vs_results as (
    select 'total_vs_parts', t.election_id, t.section, null, null, 'valid_votes vs sum of candidate votes',
           t.value, t.stated_as, t.source_id, r.votes, null, 'results',
           abs(t.value - r.votes),
           'valid votes reported against the sum of the canonical candidate counts'
    from timed t
    join (select election_id, section, sum(votes) as votes, count(votes) as n from canonical group by all) r
      using (election_id, section)
    where t.tbl = 'electorate' and t.measure = 'valid_votes' and t.qualifier = 'exact'
      and r.n = (select count(*) from candidates c where c.election_id = t.election_id and c.status = 'stood')
      and abs(t.value - r.votes) > t.tolerance
), shares as (
    select 'share_vs_counts', p.election_id, p.section, p.candidate_id, p.candidate_id, 'share_pct',
           p.value, p.stated_as, p.source_id, r.share_pct, null, 'computed from counts in results',
           abs(p.value - r.share_pct),
           'a reported share against the share computed from the canonical counts'
    from timed p join canonical r using (election_id, section, candidate_id)
    where p.tbl = 'votes' and p.measure = 'share_pct' and r.share_basis = 'derived'
      and ((p.qualifier = 'exact' and abs(p.value - r.share_pct) > p.tolerance)
        or (p.qualifier = 'more_than' and r.share_pct <= p.value - p.tolerance))
), rounded as (
    -- the same figure printed less precisely by some sources than by others, where both can hold
    select 'rounded_differently', a.election_id, coalesce(a.section, b.section), a.subject_id, a.candidate_id, a.measure,
           a.value, min(a.stated_as), string_agg(distinct a.source_id, ', ' order by a.source_id),
           b.value, min(b.stated_as), string_agg(distinct b.source_id, ', ' order by b.source_id), abs(a.value - b.value),
           'the same figure printed to different precision: both can hold'
    from same_figure
    where a.measure = b.measure and a.source_id <> b.source_id
      and a.tbl <> 'polls' and a.qualifier = 'exact' and b.qualifier = 'exact'
      and a.tolerance > b.tolerance and a.value <> b.value
      and not (a.high < b.low or b.high < a.low)
    group by a.election_id, coalesce(a.section, b.section), a.subject_id, a.candidate_id, a.measure, a.value, b.value
), poll_facts as (
    select p.poll_id, p.election_id, p.question, p.section, p.candidate_id, p.opponent_id, p.measure, p.base,
           p.value, p.stated_as, p.source_id, f.low, f.high, false as derived
    from polls p join facts f on f.tbl = 'polls' and f.subject_id = p.poll_figure_id
), poll_values as (
    -- every stated poll figure, and the lead each report's pair of head-to-head shares gives
    select * from poll_facts
    union all
    select a.poll_id, a.election_id, a.question, a.section, a.candidate_id, a.opponent_id, 'lead_points', a.base,
           a.value - b.value, a.stated_as || ' - ' || b.stated_as, a.source_id,
           (a.low - b.high), (a.high - b.low), true
    from poll_facts a join poll_facts b
      on b.poll_id = a.poll_id and b.source_id = a.source_id and b.question = a.question
     and b.section is not distinct from a.section and b.base = a.base
     and b.candidate_id = a.opponent_id and b.opponent_id = a.candidate_id
    where a.measure = 'share_pct' and b.measure = 'share_pct' and a.value > b.value
), poll_pairs as (
    -- the same figure of the same poll: same question, candidates and section (or one unsaid), and the same
    -- base as recorded (a share without don't knows is never set against one with them, or one whose base is unsaid)
    select case when b.derived then 'lead_vs_shares' else 'poll_reports_differ' end,
           a.election_id, coalesce(a.section, b.section), a.poll_id, a.candidate_id,
           a.measure || coalesce(' v ' || a.opponent_id, ''),
           a.value, a.stated_as, a.source_id, b.value, b.stated_as, b.source_id, abs(a.value - b.value),
           case when b.derived then 'a stated lead against the lead the shares give'
                else 'two reports of the same poll figure' end
           || ' (' || a.question || '; base ' || a.base || ')'
    from poll_values a join poll_values b
      on a.poll_id = b.poll_id and a.question = b.question and a.measure = b.measure
     and a.candidate_id is not distinct from b.candidate_id and a.opponent_id is not distinct from b.opponent_id
     and (a.section is null or b.section is null or a.section = b.section)
     and a.base = b.base
     and (b.derived or a.source_id < b.source_id)
    where not a.derived and (a.high < b.low or b.high < a.low)
), claims as (
    -- a canvass or a campaign's figure beside what the pollster itself reported for the same pair:
    -- different methods and populations, shown side by side and never counted as a poll
    select 'claim_vs_poll', c.election_id, c.section, c.poll_id, c.candidate_id, c.measure || ' v ' || c.opponent_id,
           c.value, c.stated_as, c.source_id, p.value, p.stated_as, p.source_id, abs(c.value - p.value),
           c.kind || ' by ' || c.pollster || ' (' || c.population || ') against ' || p.pollster || '''s poll ' || p.poll_id
           || ' of the whole electorate (base ' || p.base || ')'
    from polls c
    join polls p on p.election_id = c.election_id and p.kind = 'poll' and p.section = 'all'
     and p.question = c.question and p.measure = c.measure
     and p.candidate_id = c.candidate_id and p.opponent_id = c.opponent_id
     and p.base = case when c.base = 'not_stated' then 'excluding_dont_know' else c.base end
    join source_rank r on r.source_id = p.source_id
    where c.kind <> 'poll' and c.measure = 'share_pct' and c.value <> p.value
    qualify row_number() over (partition by c.poll_figure_id order by r.reliability_rank, p.published desc nulls last, p.source_id) = 1
), slips_listed as (
    select 'slip_of_print', s.election_id, null, null, null, s.slip_kind,
           null, s.printed, s.source_id, null, null, null, null,
           'printed as shown; not compared with other sources: ' || s.notes
    from slips s
), nomination_figures as (
    -- every parliamentary nomination count (nomination_tallies: reported, or derived from MPs and MEPs
    -- apart; a count derived from a gap is not compared, the gap is, as printed) and every gap
    select election_id, candidate_id, stage, nominating_body, 'nominations' as measure, nominations as value,
           stated_as, source_id, basis, derived_from
    -- a count part-way through nominations (interim) is a snapshot of its hour, not a report of the result
    from nomination_tallies where derived_from is distinct from 'shortfall' and stage <> 'interim'
      and nominating_body in (select body from parliamentary)
    union all
    select election_id, candidate_id, stage, nominating_body, 'shortfall', value, stated_as, source_id, 'reported', null
    from nominations where measure = 'shortfall' and stage is not null and stage <> 'interim'
      and nominating_body in (select body from parliamentary)
    union all
    -- a count whose text names no stage, read as unstaged_as says
    select election_id, candidate_id, (select stage from unstaged_as), nominating_body, 'nominations', value, stated_as,
           source_id, 'unstaged', null
    from nominations where measure = 'count' and stage is null and nominating_body in (select body from parliamentary)
), mps_unsure as (
    -- sources whose "MPs" may mean MPs and MEPs: they give MPs' figures at a stage and name no MEPs there
    select distinct n.election_id, n.stage, n.source_id from nomination_figures n
    where n.nominating_body = 'mps'
      and not exists (select 1 from nomination_figures m where m.election_id = n.election_id and m.stage = n.stage
                      and m.source_id = n.source_id and m.nominating_body = 'meps')
), mps_read_as as (
    -- one reading per source and stage, never both: MPs and MEPs where another source's MPs-and-MEPs
    -- figure for the same candidate agrees with one of its figures, else MPs
    select u.election_id, u.stage, u.source_id,
           case when exists (select 1 from nomination_figures r join nomination_figures o
                               on o.election_id = r.election_id and o.candidate_id = r.candidate_id and o.stage = r.stage
                              and o.measure = r.measure and o.value = r.value and o.source_id <> r.source_id
                              and o.nominating_body = 'plp_eplp'
                             where r.election_id = u.election_id and r.stage = u.stage and r.source_id = u.source_id
                               and r.nominating_body = 'mps')
                then 'plp_eplp' else 'mps' end as body
    from mps_unsure u
), nomination_read as (
    select f.*, case when f.nominating_body = 'mps' then coalesce(x.body, 'mps') else f.nominating_body end as compared_as
    from nomination_figures f left join mps_read_as x using (election_id, stage, source_id)
), nominations_differ as (
    -- two sources' counts (or gaps) for the same candidate, stage and body as read; a derived count first
    select 'sources_disagree', a.election_id, a.stage, a.compared_as, a.candidate_id,
           case when a.nominating_body = b.nominating_body then a.measure
                else a.measure || ': ' || a.nominating_body || ' vs ' || b.nominating_body end,
           a.value, a.stated_as, a.source_id, b.value, b.stated_as, b.source_id, abs(a.value - b.value),
           'two sources'' ' || case a.measure when 'shortfall' then 'gaps' else 'counts' end
           || ' for the same candidate, stage and body (nomination_tallies)'
           || case when 'derived' in (a.basis, b.basis) then '; a derived count adds the source''s own MPs and MEPs' else '' end
           || case when a.nominating_body <> b.nominating_body
                   then '; "MPs" in a source that names no MEPs read as MPs and MEPs, as another source''s figure agrees'
                   else '' end
           || case when a.compared_as <> b.compared_as
                   then '; two stored versions of one page, whose same words are compared as printed' else '' end
           || case when a.basis = 'unstaged' then '; the first source names no stage: its count is read as the count at the close'
                   else '' end
    from nomination_read a join nomination_read b
      on a.election_id = b.election_id and a.candidate_id = b.candidate_id and a.stage = b.stage
     and a.measure = b.measure and a.value <> b.value and a.source_id <> b.source_id
    join pages pa on pa.source_id = a.source_id join pages pb on pb.source_id = b.source_id
    where ((a.basis in ('derived', 'unstaged') and b.basis = 'reported') or (a.basis = b.basis and a.source_id < b.source_id))
      -- the same body as read; or as printed by two stored versions of one page (the same URL), whose
      -- same words mean the same body however each version's figures are read
      and (a.compared_as = b.compared_as or (a.nominating_body = b.nominating_body and pa.page = pb.page))
), nominations_within_source as (
    -- one source giving two counts for the same candidate, stage and body (LabourList's 33 and its website's 32)
    select 'sources_disagree', election_id, stage, nominating_body, candidate_id, 'nominations',
           min(value), arg_min(stated_as, value), source_id, max(value), arg_max(stated_as, value), source_id,
           max(value) - min(value),
           'one source''s two counts for the same candidate, stage and body (nominations)'
    from nominations
    where measure = 'count' and stage is not null and stage <> 'interim'
      and nominating_body in (select body from parliamentary)
    group by election_id, stage, nominating_body, candidate_id, source_id
    having count(distinct value) > 1
), later_counts as (
    select 'later_count', a.election_id, 'first_day vs close', a.compared_as, a.candidate_id, 'nominations',
           a.value, a.stated_as, a.source_id, b.value, b.stated_as, b.source_id,
           abs(b.value - a.value),
           'a first-day count against a count at the close of nominations: a later count, not a contradiction'
    from nomination_read a join nomination_read b
      on a.election_id = b.election_id and a.candidate_id = b.candidate_id and a.compared_as = b.compared_as
     and a.measure = b.measure
    where a.measure = 'nominations' and a.stage = 'first_day' and b.stage = 'close'
      and a.basis = 'reported' and b.basis = 'reported'
), once_only(event_type) as (
    values ('voting_opened'), ('voting_closed'), ('result_announced')
), event_dates as (
    select 'dates_differ', a.election_id, null, null, null, a.event_type,
           null, strftime(a.date, '%Y-%m-%d'), a.source_id, null, strftime(b.date, '%Y-%m-%d'), b.source_id,
           abs(date_diff('day', a.date, b.date)),
           'the same step of the contest dated differently (gap in days): ' || a.event_id || ' / ' || b.event_id
    from events a join events b
      on a.election_id = b.election_id and a.event_type = b.event_type and a.date < b.date
    where a.event_type in (select event_type from once_only)
), poll_fieldwork as (
    select distinct election_id, poll_id, fieldwork_start, fieldwork_end, source_id from polls
    where fieldwork_start is not null or fieldwork_end is not null
), fieldwork_dates as (
    -- one poll's fieldwork as two pages date it (LabourList's "from February 20th to 25th" against
    -- PoliticalBetting's "from Feb 15-Feb 20th"); the gap is the larger of the starts' and the ends'
    select 'dates_differ', a.election_id, null, a.poll_id, null, 'poll_fieldwork',
           null, strftime(a.fieldwork_start, '%Y-%m-%d') || ' to ' || strftime(a.fieldwork_end, '%Y-%m-%d'), a.source_id,
           null, strftime(b.fieldwork_start, '%Y-%m-%d') || ' to ' || strftime(b.fieldwork_end, '%Y-%m-%d'), b.source_id,
           greatest(abs(date_diff('day', a.fieldwork_start, b.fieldwork_start)),
                    abs(date_diff('day', a.fieldwork_end, b.fieldwork_end))),
           'one poll''s fieldwork dated differently by two sources (gap in days, the larger of the starts'' and the ends'')'
    from poll_fieldwork a join poll_fieldwork b on a.poll_id = b.poll_id and a.source_id < b.source_id
    where a.fieldwork_start is distinct from b.fieldwork_start or a.fieldwork_end is distinct from b.fieldwork_end
), rule_dates as (
    select 'dates_differ', a.election_id, null, null, null,
           a.rule || ': ' || a.rule_date_role,
           null, a.rule_date_stated_as, a.source_id, null, b.rule_date_stated_as, b.source_id,
           abs(date_diff('day', a.rule_date, b.rule_date)),
           'the same date of the same rule (same role) dated differently (gap in days): ' || a.rule_id || ' / ' || b.rule_id
    -- the same role only: a freeze date and a joining cut-off are the two ends of one rule (JLM: joined
    -- "by January 12" and held membership "until July 12 – the “freeze date”"), not two cut-offs
    from rules a join rules b
      on a.election_id = b.election_id and a.rule = b.rule and a.rule_date_role = b.rule_date_role
     and a.rule_date < b.rule_date and a.source_id <> b.source_id
     -- a deadline of one body's threshold, not of two (2020's 22 MPs by 13 January, 33 constituency
     -- parties by 14 February); rules that name no body (both empty) are compared as before
     and a.nominating_body is not distinct from b.nominating_body
), rule_figures as (
    -- a rule's figure as the interval its wording allows (the precision macros: a hedge such as
    -- "at least" is a one-sided bound); a count of nominations is a whole number, so "21" is 21 and
    -- "at least 22" is 22 or more, and the two cannot both hold
    select *, case when unit = 'nominations' then ceil(slack_low(value, slack, qualifier))
                   else slack_low(value, slack, qualifier) end as low,
              case when unit = 'nominations' then floor(slack_high(value, slack, qualifier))
                   else slack_high(value, slack, qualifier) end as high
    from (select *, figure_slack(stated_as, value, qualifier) as slack
          from rules where nominating_body is not null and value is not null)
), rule_values as (
    -- two sources' figures for the same rule of a contest, body and unit (one contest has several
    -- thresholds: 2020's 22 MPs and MEPs, 33 constituency parties, three affiliates of which two unions)
    select 'sources_disagree', a.election_id, null, null, null,
           a.rule || ': ' || a.nominating_body || ' ' || a.unit,
           a.value, a.stated_as, a.source_id, b.value, b.stated_as, b.source_id, abs(a.value - b.value),
           'two sources'' figures for the same rule, nominating body and unit whose wordings cannot both hold '
           || '(a hedge is a one-sided bound, a count of nominations a whole number): ' || a.rule_id || ' / ' || b.rule_id
    from rule_figures a join rule_figures b
      on a.election_id = b.election_id and a.rule = b.rule and a.nominating_body = b.nominating_body
     and a.unit = b.unit and a.source_id < b.source_id
    join pages pa on pa.source_id = a.source_id join pages pb on pb.source_id = b.source_id
    where a.high < b.low or b.high < a.low
    -- two stored versions of one page printing the same figure are one report of it (the Guardian's
    -- "22 fellow MPs" in both versions against Metro's 21)
    qualify row_number() over (partition by a.election_id, a.rule, a.nominating_body, a.unit, pa.page, a.value,
                                            a.stated_as, pb.page, b.value, b.stated_as
                               order by a.source_id, b.source_id) = 1
), party_texts as (
    select case_id, role, position, 'name_as_printed' as attribute, name_as_printed as said, source_id, party_id,
           false as unnamed
    from court_parties where name_as_printed is not null
    union all
    select case_id, role, position, 'described_as', described_as, source_id, party_id, name_as_printed is null
    from court_parties where described_as is not null
), court_parties_differ as (
    select case a.attribute when 'name_as_printed' then 'names_differ' else 'descriptions_differ' end,
           'labour-leadership-2016', null, a.case_id, null,
           a.role || coalesce(' ' || a.position, '') || ' ' || a.attribute,
           null, a.said, a.source_id, null, b.said, b.source_id, null,
           'the same party to ' || a.case_id || ' printed differently (compared ignoring case): '
           || a.party_id || ' / ' || b.party_id
    from party_texts a join party_texts b
      on a.case_id = b.case_id and a.role = b.role and a.position is not distinct from b.position
     and a.attribute = b.attribute and a.party_id < b.party_id
    where lower(a.said) <> lower(b.said)
      -- descriptions of a party the texts name can all hold ("a member of the Labour Party", "Labour donor"):
      -- only a description of the party where the text does not name it is set against them ("an MP")
      and (a.attribute = 'name_as_printed' or a.unnamed <> b.unnamed)
)
select * from pairs
union all select * from rounded
union all select * from poll_pairs
union all select * from claims
union all select * from slips_listed
union all select * from electorate_total_vs_parts
union all select * from electorate_total_vs_other_parts
union all select * from results_total_vs_parts
union all select * from valid_vs_results
union all select * from shares
union all select * from nominations_differ
union all select * from nominations_within_source
union all select * from later_counts
union all select * from event_dates
union all select * from fieldwork_dates
union all select * from rule_dates
union all select * from rule_values
union all select * from court_parties_differ;
