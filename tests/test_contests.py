"""The contests 2016 is compared with (2010, 2015) as rows and as views: real values from the
real rows, each from a named source, and the rules of a weighted electoral college kept."""
import pytest

import labour2016

Y10, Y15, Y16 = "labour-leadership-2010", "labour-leadership-2015", "labour-leadership-2016"
NS10 = "newstatesman-2010-09-25-ed-miliband-elected"


@pytest.fixture(scope="module")
def con():
    return labour2016.connect()


def rows(con, sql, *params):
    return con.execute(sql, list(params)).fetchall()


def test_2010_final_round_is_50_65_to_49_35_by_the_new_statesman(con):
    got = dict(rows(con, "select candidate_id, value from votes where source_id = ? and round = 4", NS10))
    assert got == {"ed-miliband": 50.65, "david-miliband": 49.35}


def test_2010_four_rounds_and_eliminations(con):
    path = rows(con, "select candidate_id, status, outcome, outcome_round from candidates where election_id = ? "
                     "order by outcome_round nulls last, candidate_id", Y10)
    assert path == [("diane-abbott", "stood", "eliminated", 1), ("andy-burnham", "stood", "eliminated", 2),
                    ("ed-balls", "stood", "eliminated", 3), ("david-miliband", "stood", "defeated", 4),
                    ("ed-miliband", "stood", "elected", 4), ("john-mcdonnell", "withdrew", None, None)]
    first = dict(rows(con, "select candidate_id, value from votes where source_id = ? and round = 1", NS10))
    assert first == {"diane-abbott": 7.4, "ed-balls": 11.8, "andy-burnham": 8.7, "david-miliband": 37.8,
                     "ed-miliband": 34.3}


def test_2010_round_one_by_section_from_the_guardian(con):
    got = {(r[0], r[1], r[2]): r[3] for r in rows(
        con, "select section, candidate_id, measure, value from votes where source_id = "
             "'guardian-2010-09-25-how-the-votes-were-cast' and section <> 'all'")}
    assert got[("mps_meps", "david-miliband", "votes")] == 111 and got[("mps_meps", "ed-miliband", "votes")] == 84
    assert got[("members", "david-miliband", "votes")] == 55905 and got[("affiliates", "ed-miliband", "votes")] == 87585
    assert got[("affiliates", "ed-miliband", "share_pct")] == 41.463  # printed without its % sign: a slip
    assert rows(con, "select printed from slips where source_id = 'guardian-2010-09-25-how-the-votes-were-cast'") == [("41.463",)]


def test_2010_is_three_equal_thirds_and_results_never_adds_them(con):
    weights = rows(con, "select section, electoral_system, weighting from sections where election_id = ? order by 1", Y10)
    assert weights == [("affiliates", "electoral_college", "equal_third"), ("members", "electoral_college", "equal_third"),
                       ("mps_meps", "electoral_college", "equal_third")]
    # David Miliband has a count in each section of round one, but 111 MPs + 55,905 members + 58,189
    # affiliates is no total: results gives no all-sections count for 2010
    assert rows(con, "select votes, basis from results where election_id = ? and section = 'all' "
                     "and candidate_id = 'david-miliband'", Y10) == [(None, "reported")]
    assert rows(con, "select count(*) from results where election_id = ? and basis = 'derived'", Y10) == [(0,)]


def test_results_gives_the_decisive_round_and_the_first_beside_it(con):
    got = {r[0]: r[1:] for r in rows(con, "select election_id, round, share_pct, share_pct_first_round from results "
                                          "where section = 'all' and candidate_id in ('ed-miliband', 'jeremy-corbyn')")}
    assert got[Y10] == (4, 50.65, 34.3)
    assert got[Y15][0] == 1 and got[Y15][1] == got[Y15][2] == pytest.approx(100 * 251417 / 422664)
    assert got[Y16][0] is None and got[Y16][1] == got[Y16][2] == pytest.approx(100 * 313209 / 506438)


def test_2010_final_share_disagreement_is_listed(con):
    got = rows(con, "select stated_as_a, stated_as_b from discrepancies where kind = 'sources_disagree' "
                    "and election_id = ? and candidate_id = 'ed-miliband' and source_a = ?", Y10, NS10)
    assert ("50.65 per cent", "50.4%") in got
    # shares of different rounds are never set against each other
    assert rows(con, "select count(*) from discrepancies where election_id = ? and kind = 'sources_disagree' "
                     "and candidate_id = 'ed-miliband' and (value_a = 34.3 or value_b = 34.3)", Y10) == [(0,)]


def test_two_sources_reports_of_one_figure_are_listed_once(con):
    """The New Statesman states Ed Miliband's final share twice ("50.65%", "50.65 per cent"), AOL the 2015
    electorate twice ("610,753", "More than 600,000") and by its sections: one row per pair of sources."""
    tall = "stephentall-2010-09-25-ed-miliband-elected-loses-members-mps"
    assert rows(con, "select stated_as_a, stated_as_b from discrepancies where kind = 'sources_disagree' "
                     "and candidate_id = 'ed-miliband' and source_a = ? and source_b = ?", NS10, tall) == [("50.65 per cent", "50.4%")]
    aol = "aol-2015-08-12-more-than-600000-registered"
    got = rows(con, "select kind, stated_as_a, source_b from discrepancies where election_id = ? and measure = 'eligible' "
                    "and source_a = ? order by source_b", Y15, aol)
    assert got == [("sources_disagree", "610,753", "bbc-2015-08-12-labour-prepares-to-elect-new-leader"),
                   ("later_count", "610,753", "independent-2015-09-12-labour-leadership-qa"),
                   ("later_count", "610,753", "itv-2016-09-24-turnout-77-6-labour-leadership")]
    # a source whose own total is only a bound is still compared by its sections (the Echo's 640,500)
    echo = rows(con, "select stated_as_a, stated_as_b from discrepancies where kind = 'later_count' "
                     "and source_a = 'sunderlandecho-2016-08-22-640000-eligible' order by source_b")
    assert echo == [("168,000 + 343,500 + 129,000", "654,006")] * 2
    # one source's two different values for one figure are each their own row (Stephen Tall's 50.4% and 51%)
    assert rows(con, "select count(*) from discrepancies where candidate_id = 'ed-miliband' and source_a = ? "
                     "and source_b = ?", tall, tall) == [(1,)]


def test_nominations_2010_and_2015_disagreements(con):
    abbott = rows(con, "select value_a, value_b from discrepancies where election_id = ? and candidate_id = 'diane-abbott' "
                       "and kind = 'sources_disagree'", Y10)
    assert (33.0, 32.0) in abbott or (32.0, 33.0) in abbott
    corbyn = {frozenset((r[0], r[1])) for r in rows(
        con, "select value_a, value_b from discrepancies where election_id = ? and candidate_id = 'jeremy-corbyn' "
             "and subject = 'mps'", Y15)}
    assert frozenset((35.0, 36.0)) in corbyn
    # the interim counts of the last morning (Burnham on 31, then 33) are snapshots, not a disagreement
    assert rows(con, "select count(*) from discrepancies where election_id = ? and candidate_id = 'andy-burnham' "
                     "and 31 in (value_a, value_b)", Y10) == [(0,)]


def test_2015_corbyn_is_elected_as_uk_political_info_says_and_no_round_is_guessed(con):
    path = rows(con, "select candidate_id, outcome, outcome_round, source_id from candidates where election_id = ? "
                     "and outcome is not null", Y15)
    assert path == [("jeremy-corbyn", "elected", None, "ukpolitical-2015-results")]


def test_2015_electorate_as_each_page_counts_it(con):
    got = dict(rows(con, "select source_id, value from electorate where election_id = ? and section = 'all' "
                         "and measure = 'eligible' and qualifier = 'exact'", Y15))
    assert got == {"aol-2015-08-12-more-than-600000-registered": 610753,
                   "independent-2015-09-12-labour-leadership-qa": 553954,
                   "itv-2016-09-24-turnout-77-6-labour-leadership": 554272}
    fee = rows(con, "select value, qualifier from rules where rule_id = 'fee-3-2015-walthamstow'")
    assert fee == [(3, "at_least")]


def test_poll_accuracy_matches_first_preferences_with_round_one(con):
    got = rows(con, "select poll_pct, round(result_pct, 2), round(error_points, 2), result_round from poll_accuracy "
                    "where poll_id = 'yougov-2015-08-selectorate' and candidate_id = 'jeremy-corbyn' "
                    "and source_ids like '%ukpollingreport-2015-08-10-yougov-corbyn-53%'")
    assert got == [(53.0, 59.48, -6.48, 1)]
    # a final-round question is not set against 2015's four-candidate first and only round
    assert rows(con, "select count(*) from poll_accuracy where election_id = ? and question <> 'first_preference'", Y15) \
        == [(0,)]


def test_compare_contests_side_by_side(con):
    got = {r[0]: r[1:] for r in rows(con, "select election_id, electoral_system, winner_id, round(winner_share_pct, 2), "
                                          "nomination_thresholds, registered_supporter_fee from compare_contests "
                                          "where section = 'all'")}
    assert got[Y10] == ("electoral_college", "ed-miliband", 50.65, "12.5% (plp); 33 nominations (mps)", None)
    assert got[Y15] == ("one_member_one_vote", "jeremy-corbyn", 59.48, "35 nominations (mps)", "at least £3; £3")
    assert got[Y16][1:] == ("jeremy-corbyn", 61.85, "20% (plp_eplp); 51 nominations; 51 nominations (plp_eplp)", "£25")
