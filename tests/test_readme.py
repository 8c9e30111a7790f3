"""README examples show real output: re-run them and compare."""
import subprocess
import sys

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def query(sql, fmt):
    done = subprocess.run([sys.executable, "-m", "labour2016.cli", "query", sql, "--format", fmt],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    return done.stdout.strip()


def test_result_example_matches_the_results_view():
    out = query("select section, candidate_id, votes, round(share_pct,2) as share_pct, source_id from results "
                "where election_id='labour-leadership-2016' order by section, votes desc", "table")
    assert out in README


def test_compare_2015_example_matches_the_view():
    out = query("select section, round(share_2015,2) as share_2015, round(share_2016,2) as share_2016, "
                "round(change_points,2) as change_points from compare_2015 order by section", "markdown")
    assert out in README


# Issue 13's questions: each example's command re-run, its output found in README.
POLL_EXAMPLES = {
    "one poll as each page reports it":
        "select section, value, stated_as, base, source_id from polls where poll_id='yougov-2016-08-selectorate' "
        "and measure='share_pct' and candidate_id='jeremy-corbyn' order by section, source_id, base",
    "poll accuracy":
        "select section, candidate_id, poll_pct, round(result_pct,2) as result_pct, round(error_points,2) as error_points, "
        "source_id from poll_accuracy where candidate_id='jeremy-corbyn' order by section, source_id",
    "kinds kept apart":
        "select kind, count(*) as figures, count(distinct poll_id) as polls, "
        "string_agg(distinct pollster, '; ' order by pollster) as pollsters from polls group by kind order by kind",
    "poll pages disagree":
        "select kind, subject, section, value_a, stated_as_a, source_a, value_b, stated_as_b, source_b from discrepancies "
        "where kind in ('poll_reports_differ','lead_vs_shares') order by kind, source_b, value_b",
    "slips":
        "select kind, measure, stated_as_a, source_a from discrepancies where kind='slip_of_print' order by source_a",
    "later pages on the result":
        "select section, candidate_id, measure, value, stated_as, source_id from votes "
        "where source_id in ('guardian-2016-09-24-corbyn-win-changed-party','pinknews-2016-09-24-corbyn-wins', "
        "'politicsresources-2016-09-24-labour-leadership-2016') and section='all' order by source_id, candidate_id, measure",
    "where the sources disagree":
        "select kind, measure, subject, value_a, source_a, value_b, source_b, gap from discrepancies "
        "where kind in ('sources_disagree','total_vs_parts') and measure in ('eligible','ballot_participants') "
        "order by kind, measure, source_a, source_b",
}


@pytest.mark.parametrize("name", sorted(POLL_EXAMPLES))
def test_issue_13_examples_match_their_views(name):
    out = query(POLL_EXAMPLES[name], "markdown")
    assert out.count("\n") >= 3, out  # a header, a rule and real rows
    assert out in README, name


def test_the_poll_examples_show_real_values():
    accuracy = query(POLL_EXAMPLES["poll accuracy"], "markdown")
    assert "| members | jeremy-corbyn | 57.0 | 58.99 | -1.99 | ukpollingreport-2016-08-30-yougov-selectorate-poll |" in accuracy
    slips = query(POLL_EXAMPLES["slips"], "markdown")
    assert "| wrong_name | Jones | pinknews-2016-09-24-corbyn-wins |" in slips and "6000,000" in slips


def test_discrepancies_example_matches_the_view():
    out = query("select kind, measure, subject, value_a, source_a, value_b, source_b, gap from discrepancies "
                "where election_id='labour-leadership-2015' or measure in ('eligible','ballot_participants') "
                "order by kind, measure, source_a, source_b, value_a, value_b", "markdown")
    assert out in README


# The whole 2016 contest (README "What this answers"): each question's example, re-run.
CONTEST_EXAMPLES = {
    "candidacies": "select candidate_id, status, launched_on, withdrew_on, votes, result from candidacies "
                   "where election_id='labour-leadership-2016' order by status, votes desc",
    "nominations": "select candidate_id, stage, nominating_body, nominations, basis, source_id from nomination_tallies "
                   "order by candidate_id, stage desc, nominating_body, nominations, source_id",
    "backers": "select endorser_id, method, ballot_share_stated_as, source_id from endorsements "
               "where candidate_id = 'owen-smith' and method in ('nomination', 'members_ballot') order by endorser_id, source_id, method",
    "unions": "select candidate_id, value as unions, source_id from nominations "
              "where nominating_body = 'affiliated_trade_unions' and election_id = 'labour-leadership-2016' "
              "order by source_id, candidate_id",
    "rules": "select rule, decided_by, decided_on, vote, stated_as, rule_date_role, rule_date, source_id from contest_rules "
             "where source_id in ('irishnews-2016-07-13-corbyn-included-on-ballot', 'serauk-2016-07-14-labour-leadership-2016', "
             "'caselaw-2016-07-28-foster-v-mcnicol', 'aol-2016-08-12-court-of-appeal-new-members') "
             "order by rule, rule_date nulls first, source_id, rule_id",
    "courts": "select case_id, court, decided_on, outcome, members_affected_stated_as, source_id from court_cases "
              "order by case_id desc, court desc, decided_on nulls last, source_id, ruling_id",
    "registration": "select section, measure, stated_as, qualifier, source_id from registration "
                    "where published between '2016-07-20' and '2016-08-22' order by section, measure, source_id, value",
    "timeline": "select date, string_agg(distinct event_type, ', ' order by event_type) as steps, count(*) as reports "
                "from timeline where election_id='labour-leadership-2016' group by date order by date",
    "disagreements": "select kind, measure, stated_as_a, source_a, stated_as_b, source_b from discrepancies "
                     "where kind in ('names_differ', 'descriptions_differ') or measure in ('shortfall', 'nominations: mps vs plp_eplp') "
                     "or (kind = 'dates_differ' and source_a like 'serauk%') "
                     "or (measure = 'applications vs eligible' and source_b like 'sunderland%') "
                     "order by kind, measure, source_a, source_b, stated_as_a, stated_as_b",
}


@pytest.mark.parametrize("name", list(CONTEST_EXAMPLES))
def test_contest_example_matches_its_view(name):
    sql = CONTEST_EXAMPLES[name]
    assert sql in README, f"README no longer shows the {name} query"
    assert query(sql, "markdown") in README
