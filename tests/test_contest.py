"""The whole 2016 contest (issue 13 part A): candidacies, nominations, rules, courts, registration
and the timetable, checked against real values of the rows and views."""
import csv
import io
import json

import pytest

import labour2016
from conftest import copy_package, read_table
from labour2016 import cli

Y16 = "labour-leadership-2016"
PR = "politicsresources-2016-09-24-labour-leadership-2016"


@pytest.fixture(scope="module")
def con():
    return labour2016.connect()


def rows(con, sql, *params):
    return con.execute(sql, list(params)).fetchall()


def one(con, sql, *params):
    got = rows(con, sql, *params)
    assert len(got) == 1, got
    return got[0]


# --- who stood, who withdrew, and when

def test_eagle_is_a_2016_candidate_who_withdrew_on_19_july(con):
    status, date, basis, source = one(con, "select status, status_date, status_date_basis, source_id from candidates "
                                      "where election_id = ? and candidate_id = 'angela-eagle'", Y16)
    assert (status, str(date), basis, source) == ("withdrew", "2016-07-19", "dateline", "standard-2016-07-20-eagle-withdraws")
    stood = rows(con, "select candidate_id from candidates where election_id = ? and status = 'stood' order by 1", Y16)
    assert stood == [("jeremy-corbyn",), ("owen-smith",)]


def test_candidacies_give_launch_withdrawal_nominations_and_result(con):
    got = {r[0]: r[1:] for r in rows(con, "select candidate_id, status, launched_on, withdrew_on, votes, result, "
                                          "close_nominations, clp_nominations from candidacies where election_id = ?", Y16)}
    status, launched, withdrew, votes, result, _, _ = got["angela-eagle"]
    assert (status, str(launched), str(withdrew), votes, result) == ("withdrew", "2016-07-11", "2016-07-19", None, "withdrew")
    assert got["jeremy-corbyn"][3:5] == (313209, "won") and got["jeremy-corbyn"][6] == "285"
    assert got["owen-smith"][3:5] == (193229, "lost") and got["owen-smith"][6] == "53"
    assert "162 mps (aol-2016-07-20-labour-180000-applications)" in got["owen-smith"][5]
    assert "172 plp_eplp (derived)" in got["owen-smith"][5]


def test_a_withdrawn_candidate_does_not_stop_shares_being_computed_from_counts(con):
    """Eagle has no votes: the 2016 sections are still complete, so shares are derived from the counts."""
    basis = rows(con, "select distinct share_basis from results where election_id = ?", Y16)
    assert basis == [("derived",)]


def test_every_withdrawal_is_dated_and_evidenced():
    for r in read_table("candidates"):
        if r["status"] == "withdrew":
            assert r["status_date"] and r["status_date_basis"] and r["status_evidence"], r
        else:
            assert not r["status_date"] or r["status_evidence"], r


# --- nominations from MPs and MEPs

def test_smith_had_162_mps_and_10_meps_at_the_close(con):
    got = rows(con, "select nominating_body, nominations, basis, source_id from nomination_tallies "
                    "where candidate_id = 'owen-smith' and stage = 'close' order by 1, 4")
    assert got == [("meps", 10, "reported", "aol-2016-07-20-labour-180000-applications"),
                   ("mps", 162, "reported", "aol-2016-07-20-labour-180000-applications"),
                   ("mps", 162, "reported", "inews-2016-07-20-torrent-signing-up"),
                   ("plp_eplp", 172, "derived", "aol-2016-07-20-labour-180000-applications")]


def test_first_day_counts_as_each_source_words_them(con):
    got = {(r[0], r[1], r[3]): r[2] for r in rows(con, "select candidate_id, nominating_body, nominations, source_id "
                                                    "from nomination_tallies where stage = 'first_day'")}
    assert got[("owen-smith", "mps", "newssniffer-bbc-2016-07-19-eagle-drops-out")] == 90
    assert got[("owen-smith", "mps", "standard-2016-07-20-eagle-withdraws")] == 88
    assert got[("owen-smith", "meps", "standard-2016-07-20-eagle-withdraws")] == 2
    assert got[("owen-smith", "plp_eplp", "cityam-2016-07-19-eagle-pulls-out")] == 88
    assert got[("angela-eagle", "plp_eplp", "hitc-2016-07-19-smith-to-face-corbyn")] == 72
    assert got[("angela-eagle", "mps", "scotsman-2016-07-19-eagle-quits-backs-smith")] == 63
    assert got[("angela-eagle", "meps", "scotsman-2016-07-19-eagle-quits-backs-smith")] == 9


def test_eagle_65_is_derived_from_the_bbc_gap_and_the_gap_is_compared_once_per_source(con):
    n, how = one(con, "select nominations, stated_as from nomination_tallies where candidate_id = 'angela-eagle' "
                      "and basis = 'derived' and source_id = 'newssniffer-bbc-2016-07-19-eagle-drops-out'")
    assert (n, how) == (65, "90 (owen-smith) − 25")
    # the gap is compared as printed, one reading of the BBC's "MPs": never again through the 65 it gives
    bbc = rows(con, "select source_a, value_a, source_b, value_b, measure from discrepancies "
                    "where candidate_id = 'angela-eagle' order by source_a")
    assert bbc == [("hitc-2016-07-19-smith-to-face-corbyn", 18, "newssniffer-bbc-2016-07-19-eagle-drops-out", 25,
                    "shortfall: plp_eplp vs mps"),
                   ("newssniffer-bbc-2016-07-19-eagle-drops-out", 25, "yorkshirepost-2016-07-19-eagle-pulls-out", 18,
                    "shortfall")]


def test_the_gaps_disagree_25_against_18(con):
    r = one(con, "select value_a, value_b from discrepancies where measure = 'shortfall' and candidate_id = 'angela-eagle'")
    assert r == (25, 18)


def test_smiths_first_day_90_against_88_and_later_counts_are_not_contradictions(con):
    pairs = {(r[0], r[1], r[2]) for r in rows(con, "select source_a, value_a, value_b from discrepancies "
                                                   "where kind = 'sources_disagree' and candidate_id = 'owen-smith'")}
    # the BBC's "90 nominations from Labour MPs" names no MEPs and agrees with the 90 MPs and MEPs of the
    # others: it is set against City A.M.'s 88 MPs and MEPs, never against the 88 MPs alone
    assert ("cityam-2016-07-19-eagle-pulls-out", 88, 90) in pairs
    bbc = rows(con, "select source_a, value_a, subject, measure from discrepancies where candidate_id = 'owen-smith' "
                    "and 'newssniffer-bbc-2016-07-19-eagle-drops-out' in (source_a, source_b)")
    assert bbc == [("cityam-2016-07-19-eagle-pulls-out", 88, "plp_eplp", "nominations: plp_eplp vs mps")]
    later = rows(con, "select value_a, value_b, why from discrepancies where kind = 'later_count' and candidate_id = 'owen-smith'")
    assert sorted((a, b) for a, b, _ in later) == [(2, 10)] + [(88, 162)] * 4
    assert all("not a contradiction" in w for _, _, w in later)


def test_threshold_is_51_nominations_or_20_percent_of_the_plp_and_eplp(con):
    got = {(r[0], r[1]) for r in rows(con, "select value, unit from contest_rules where rule = 'nomination_threshold' "
                                      "and election_id = ?", Y16)}
    assert got == {(51, "nominations"), (20, "percent")}
    # whose nominations each counts, as its page words it: MPs and MEPs where the page says so
    bodies = {r[0] for r in rows(con, "select distinct nominating_body from contest_rules "
                                      "where rule = 'nomination_threshold' and election_id = ?", Y16)}
    assert bodies == {"plp_eplp", None}


def test_union_tally_8_to_4_and_smiths_further_backers(con):
    tally = rows(con, "select candidate_id, value from nominations where source_id = 'totalpolitics-2016-08-11-corbyn-8-4-unions' "
                      "order by 1")
    assert tally == [("jeremy-corbyn", 8), ("owen-smith", 4)]
    backers = {r[0] for r in rows(con, "select endorser_id from endorsements where candidate_id = 'owen-smith' "
                                       "and method in ('nomination', 'members_ballot')")}
    assert {"angela-eagle", "ed-miliband", "jewish-labour-movement", "labour-movement-for-europe", "gmb"} <= backers
    assert one(con, "select ballot_share_pct from endorsements where endorsement_id = 'jlm-smith-jewishnews'") == (92,)


# --- the rules

def test_the_nec_voted_18_to_14_on_12_july(con):
    votes = set(rows(con, "select votes_for, votes_against from rules where rule = 'incumbent_on_ballot' "
                          "and votes_for is not null"))
    assert votes == {(18, 14)}
    r = one(con, "select decided_by, decided_on, decided_on_basis, vote from contest_rules "
                 "where source_id = 'caselaw-2016-07-28-foster-v-mcnicol'")
    assert (r[0], str(r[1]), r[2], r[3]) == ("National Executive Committee", "2016-07-12", "stated", "18–14")


def test_fee_window_and_freeze_date(con):
    fees = set(rows(con, "select value, unit from rules where rule = 'registered_supporter_fee' "
                     "and election_id = ?", Y16))
    assert fees == {(25, "GBP")}
    window = {r[0]: str(r[1]) for r in rows(con, "select rule_date_role, rule_date from rules where rule_id like 'window-%-serauk'")}
    assert window == {"opens": "2016-07-18", "closes": "2016-07-20"}
    dates = {str(r[0]) for r in rows(con, "select rule_date from rules where rule = 'member_eligibility' and rule_date is not null "
                                          "and election_id = ?", Y16)}
    assert dates == {"2016-01-12", "2016-07-12"}


# --- the courts

def test_foster_dismissed_in_the_high_court_on_28_july(con):
    r = one(con, "select court, decided_on, judges_as_printed from court_cases where case_id = 'foster-v-mcnicol' "
                 "and outcome = 'claim_dismissed'")
    assert (r[0], str(r[1]), r[2]) == ("high_court", "2016-07-28", "Mr Justice Foskett")


def test_freeze_date_case_high_court_then_court_of_appeal(con):
    got = rows(con, "select court, decided_on, outcome from court_cases where case_id = 'evangelou-v-mcnicol' "
                    "and decided_on is not null and outcome <> 'not_stated' order by decided_on, court")
    assert [(c, str(d), o) for c, d, o in got] == [("high_court", "2016-08-08", "claim_upheld"),
                                                   ("court_of_appeal", "2016-08-12", "appeal_allowed"),
                                                   ("court_of_appeal", "2016-08-12", "appeal_allowed")]
    affected = rows(con, "select members_affected, members_affected_stated_as from court_cases "
                         "where members_affected is not null order by 2")
    assert affected == [(130000, "around 130,000"), (130000, "nearly 130,000")]


def test_claimants_as_printed_leir_against_lear(con):
    r = one(con, "select stated_as_a, source_a, stated_as_b, source_b from discrepancies where kind = 'names_differ'")
    assert r == ("THE REV. EDWARD MUNGO LEIR", "caselaw-2016-08-08-evangelou-v-mcnicol",
                 "the Reverend Edward Mungo Lear", "vlex-2016-08-12-evangelou-v-mcnicol-court-of-appeal")


def test_who_brought_the_foster_case_an_mp_against_the_named_claimant(con):
    said = {frozenset((r[0], r[1])) for r in rows(con, "select stated_as_a, stated_as_b from discrepancies "
                                                       "where kind = 'descriptions_differ'")}
    # Foster, named, can be both "a member of the Labour Party" and a "Labour donor": no disagreement
    assert said == {frozenset(p) for p in (("an MP", "Labour donor"), ("an MP", "a member of the Labour Party"))}


# --- registration

def test_183541_applications_against_129000_able_to_vote(con):
    apps = rows(con, "select source_id from registration where measure = 'applications' and value = 183541 order by 1")
    assert apps == [("aol-2016-07-20-labour-180000-applications",), ("inews-2016-07-20-torrent-signing-up",)]
    # applications are not electors (more than 50,000 were rejected): never set against them
    assert rows(con, "select count(*) from discrepancies where measure like '%applications%' "
                     "or 183541 in (value_a, value_b)") == [(0,)]
    rejected = one(con, "select value, qualifier from registration where measure = 'applications_rejected' "
                   "and election_id = ?", Y16)
    assert rejected == (50000, "more_than")


def test_eligible_members_380000_plus_against_343500(con):
    got = rows(con, "select source_a, stated_as_a, stated_as_b from discrepancies where measure = 'eligible' "
                    "and source_b = 'sunderlandecho-2016-08-22-640000-eligible'")
    assert ("aol-2016-07-20-labour-180000-applications", "380,000-plus", "343,500") in got


# --- the timetable

def test_timeline_runs_from_the_no_confidence_vote_to_the_result(con):
    got = rows(con, "select date, event_type from timeline where election_id = ?", Y16)
    assert [str(d) for d, _ in got] == sorted(str(d) for d, _ in got)
    assert (str(got[0][0]), got[0][1]) == ("2016-06-28", "no_confidence_vote")
    assert str(got[-1][0]) == "2016-09-24"


def test_every_dated_line_of_the_timetable_is_an_event(con, sources_dir):
    text = (sources_dir / "reference" / f"{PR}.txt").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines()[7:] if ln[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")]
    cited = {r[0] for r in rows(con, "select evidence from events where source_id = ?", PR)}
    cited |= {r[0] for r in rows(con, "select evidence from rules where source_id = ?", PR)}
    assert len(lines) == 17 and [ln for ln in lines if ln not in cited] == []


def test_the_ballot_closed_at_noon_on_21_september_as_the_timetable_states(con):
    r = one(con, "select date, date_basis, source_id, evidence from events where event_id = 'ballot-closed-2016'")
    assert (str(r[0]), r[1], r[2], r[3]) == ("2016-09-21", "stated", PR, "Wed 21 Sept: 12.0 noonBallot closes")


def test_voting_ends_on_21_or_24_september_is_shown(con):
    got = rows(con, "select stated_as_a, stated_as_b from discrepancies where kind = 'dates_differ' and measure = 'voting_closed'")
    assert len(got) == 6 and set(got) == {("2016-09-21", "2016-09-24")}


def test_freeze_date_12_july_and_joined_by_12_january_are_two_ends_of_one_rule(con):
    assert rows(con, "select count(*) from discrepancies where measure like 'member_eligibility%' "
                     "and election_id = ?", Y16) == [(0,)]


# --- spans validate does not check by itself (names, judges, dates as written)

def test_names_and_dates_as_printed_occur_in_their_source(sources_dir):
    paths = {s["source_id"]: s["path"] for s in read_table("sources")}
    text = {sid: (sources_dir / p).read_text(encoding="utf-8") for sid, p in paths.items()}
    for r in read_table("court_rulings"):
        for f in ("case_name_as_printed", "citation", "judges_as_printed"):
            assert r[f] in text[r["source_id"]], (r["ruling_id"], f)
    for r in read_table("rules"):
        assert r["rule_date_stated_as"] in r["evidence"], r["rule_id"]
        assert bool(r["rule_date"]) == bool(r["rule_date_stated_as"]) == bool(r["rule_date_role"]), r["rule_id"]
    for r in read_table("court_parties"):
        for f in ("name_as_printed", "described_as"):
            assert r[f] in r["evidence"], (r["party_id"], f)


# --- the new tables' failure modes are caught by validate

@pytest.fixture
def pkg(tmp_path):
    return copy_package(tmp_path, parts=("datapackage.json", "schemas", "data"))


def set_cell(pkg, table, key, column, value):
    path = pkg / "data" / f"{table}.csv"
    data = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    row = next(i for i, r in enumerate(data) if r[0] == key)
    data[row][data[0].index(column)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(data)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return row + 1


@pytest.mark.parametrize("table,key,column,value,rule", [
    ("rules", "incumbent-on-ballot-caselaw", "votes_for", "19", "evidence-figure"),
    ("rules", "incumbent-on-ballot-caselaw", "decided_by_id", "the-nec", "foreign-key"),
    ("rules", "fee-25-serauk", "unit", "pounds", "constraint-error/enum"),
    ("court_rulings", "evangelou-high-court-aol-members", "members_affected_stated_as", "around 131,000", "stated-as"),
    ("court_rulings", "foster-high-court-standard", "outcome", "dismissed", "constraint-error/enum"),
    ("court_parties", "evangelou-defendant-vlex", "entity_id", "ian-mcnicol", "foreign-key"),
    ("candidates", "labour-leadership-2016", "status", "withdrawn", "constraint-error/enum"),
    ("nominations", "mps-eagle-shortfall-first-day-bbc", "relative_to_id", "owen-smyth", "foreign-key"),
])
def test_a_bad_cell_in_the_new_rows_is_reported(pkg, capsys, table, key, column, value, rule):
    line = set_cell(pkg, table, key, column, value)
    assert cli.main(["validate", str(pkg), "--no-sources", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    rule, _, constraint = rule.partition("/")
    assert any(p["file"] == f"data/{table}.csv" and p["line"] == line and p["rule"] == rule
               and p["constraint"] == (constraint or None) for p in problems), problems


def test_a_court_party_name_not_in_its_source_is_reported(pkg, capsys, sources_dir):
    line = set_cell(pkg, "court_parties", "evangelou-claimant-2-caselaw", "evidence", "(2) THE REV. EDWARD MUNGO LEAR")
    assert cli.main(["validate", str(pkg), "--sources", str(sources_dir), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["line"], p["rule"]) for p in problems] == [(line, "span-not-in-source")]


def test_the_estimated_640500_is_a_later_count_than_the_654006_eligible(con):
    r = one(con, "select value_a, value_b, gap from discrepancies where kind = 'later_count' "
                 "and source_a = 'sunderlandecho-2016-08-22-640000-eligible' and source_b = 'gulftimes-2016-09-24-corbyn-wins'")
    assert r == (640500, 654006, 13506)
