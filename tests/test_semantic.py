"""validate's semantic rules: wrong but schema-valid edits a careful editor expects caught.

Each case edits exactly one row of a tmp copy of the package, found by its id (the first
column), and asserts the complete list of problems validate reports (file, row id, column, rule);
the real package reports none. The real rows' own words are the point: tests/test_rules_semantic.py
shows each rule on a fictional package.
"""
import json

import pytest

from conftest import copy_package
from labour2016 import cli


def row_ids(pkg, file) -> dict[int, str]:
    """Physical line -> the id (first cell) of the row starting on it."""
    lines = (pkg / file).read_text(encoding="utf-8").split("\n")
    return {n: line.split(",", 1)[0] for n, line in enumerate(lines, 1) if n > 1 and line}


def edit(pkg, file, row_id, old, new):
    """Replace `old`, which must occur once, in the row whose id is row_id."""
    path = pkg / file
    lines = path.read_text(encoding="utf-8").split("\n")
    at = [n for n, line in enumerate(lines) if line.startswith(row_id + ",")]
    assert len(at) == 1 and lines[at[0]].count(old) == 1, (row_id, old)
    lines[at[0]] = lines[at[0]].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")


def problems(pkg, capsys):
    code = cli.main(["validate", str(pkg), "--format", "json", "--no-sources"])
    found = json.loads(capsys.readouterr().out)["problems"]
    assert code == (1 if found else 0)
    ids = {f: row_ids(pkg, f) for f in {p["file"] for p in found}}
    # the row by its id, and the rule as frictionless names it, with the constraint broken where there is one
    return [(p["file"], ids[p["file"]].get(p["line"]), p["column"], "/".join(filter(None, (p["rule"], p["constraint"]))))
            for p in found]


def reported(tmp_path, capsys, file, row_id, old, new):
    pkg = copy_package(tmp_path / "pkg")
    edit(pkg, file, row_id, old, new)
    return problems(pkg, capsys)


def test_real_package_passes(tmp_path, capsys):
    assert problems(copy_package(tmp_path / "pkg"), capsys) == []


@pytest.mark.parametrize("edit_args,expected", [
    # "Mr Corbyn" is credited to Owen Smith.
    (("compiled-corbyn-jo-cox", ",jeremy-corbyn,Mr Corbyn,", ",owen-smith,Mr Corbyn,"), ["compiled-corbyn-jo-cox"]),
    # "He" whose notes say the text gives no name is credited to Corbyn.
    (("compiled-distraction", "labour-leadership-2016,,He,", "labour-leadership-2016,jeremy-corbyn,He,"),
     ["compiled-distraction"]),
    # "The winner" is Corbyn by the notes ("names Corbyn as the winner"), not Smith.
    (("ftb-corbyn-mandate", ",jeremy-corbyn,The winner,", ",owen-smith,The winner,"), ["ftb-corbyn-mandate"]),
])
def test_speaker_not_named(tmp_path, capsys, edit_args, expected):
    row_id, old, new = edit_args
    assert reported(tmp_path, capsys, "data/statements.csv", row_id, old, new) == [
        ("data/statements.csv", r, "speaker_as_named", "speaker-not-named") for r in expected]


def test_dangling_speaker_is_reported_once(tmp_path, capsys):
    # An unknown speaker is crossref's foreign-key, not also an attribution problem.
    assert reported(tmp_path, capsys, "data/statements.csv", "compiled-corbyn-jo-cox", ",jeremy-corbyn,",
                    ",jeremy-corbin,") == [("data/statements.csv", "compiled-corbyn-jo-cox", "speaker_id", "foreign-key")]


def test_speaker_without_attribution(tmp_path, capsys):
    # "The text names no speaker", yet the quotation is given to Owen Smith.
    assert reported(tmp_path, capsys, "data/statements.csv", "compiled-disunited", "labour-leadership-2016,,,",
                    "labour-leadership-2016,owen-smith,,") == [
        ("data/statements.csv", "compiled-disunited", "speaker_id", "speaker-without-attribution")]


def test_winner_not_top(tmp_path, capsys):
    # Burnham as the 2015 winner: both complete counts (round 1 of ukpolitical, and the
    # infobox) give Corbyn 251,417 against Burnham's 80,462.
    assert reported(tmp_path, capsys, "data/elections.csv", "labour-leadership-2015", "2015-09-12,jeremy-corbyn,",
                    "2015-09-12,andy-burnham,") == [
        ("data/elections.csv", "labour-leadership-2015", "winner_id", "winner-not-top"),
        ("data/elections.csv", "labour-leadership-2015", "winner_id", "winner-not-top")]


@pytest.mark.parametrize("new,expected", [
    # Burnham stood in 2015, not 2016: one problem, not also winner-not-top.
    ("andy-burnham", [("data/elections.csv", "labour-leadership-2016", "election_id,winner_id",
                      "candidate-not-in-contest")]),
    # An id that names nobody at all is the foreign key's problem, reported once.
    ("jeremy-corbin", [("data/elections.csv", "labour-leadership-2016", "winner_id", "foreign-key")]),
])
def test_candidate_not_in_contest(tmp_path, capsys, new, expected):
    assert reported(tmp_path, capsys, "data/elections.csv", "labour-leadership-2016", "2016-09-24,jeremy-corbyn,",
                    f"2016-09-24,{new},") == expected


@pytest.mark.parametrize("file,row_id,old,new,expected", [
    # The 2016 result event a day after the contest's result_date.
    ("data/events.csv", "result-2016", ",2016-09-24,dateline,result_announced,", ",2016-09-25,dateline,result_announced,",
     [("data/events.csv", "result-2016", "date", "date-conflict")]),
    # The contest's result_date moved: the event that dates the same result is reported.
    ("data/elections.csv", "labour-leadership-2015", ",2015-09-12,", ",2015-09-13,",
     [("data/events.csv", "result-2015", "date", "date-conflict"),
      ("data/events.csv", "result-2015-labourlist", "date", "date-conflict"),
      ("data/events.csv", "result-2015-walthamstow", "date", "date-conflict"),
      ("data/events.csv", "result-2015-bbc", "date", "date-conflict")]),
    # Angela Eagle's withdrawal a day later than her candidacy's status_date says.
    ("data/events.csv", "eagle-withdrew-standard", ",2016-07-19,dateline,candidate_withdrew,", ",2016-07-20,dateline,candidate_withdrew,",
     [("data/events.csv", "eagle-withdrew-standard", "date", "date-conflict")]),
    # The 2015 result event a day late, with no note to say why.
    ("data/events.csv", "result-2015", ",2015-09-12,stated,result_announced,", ",2015-09-13,stated,result_announced,",
     [("data/events.csv", "result-2015", "date", "date-conflict")]),
])
def test_date_conflict(tmp_path, capsys, file, row_id, old, new, expected):
    assert reported(tmp_path, capsys, file, row_id, old, new) == expected


def test_date_conflict_explained_by_a_note(tmp_path, capsys):
    old = ",2015-09-12,stated,result_announced,"
    new = ",2015-09-13,stated,result_announced,"
    note = "London\",As printed: the source dates the declaration 13 September; the results page 2015-09-12."
    pkg = copy_package(tmp_path / "pkg")
    edit(pkg, "data/events.csv", "result-2015", old, new)
    edit(pkg, "data/events.csv", "result-2015", "London\",", note)
    assert problems(pkg, capsys) == []


@pytest.mark.parametrize("file,row_id,old,new,column", [
    # The example: "more than 43,000" recorded as exact.
    ("data/endorsements.csv", "gmb-smith-ibtimes", "\"more than 43,000\",more_than,", "\"more than 43,000\",exact,",
     "ballot_participants_qualifier"),
    ("data/figures.csv", "gmb-members-bbc", "\"about 641,000\",approximately,", "\"about 641,000\",exact,",
     "qualifier"),
    # A bare "18,000" (evidence "now counting 18,000 members") recorded as approximately.
    ("data/figures.csv", "momentum-members-compiled", "\"18,000\",exact,", "\"18,000\",approximately,", "qualifier"),
])
def test_qualifier_vs_hedge(tmp_path, capsys, file, row_id, old, new, column):
    assert reported(tmp_path, capsys, file, row_id, old, new) == [(file, row_id, column, "qualifier-vs-hedge")]


@pytest.mark.parametrize("new,rule", [("exactly", "constraint-error/enum"), ("", "constraint-error/required")])
def test_qualifier_the_schema_rejects_is_reported_once(tmp_path, capsys, new, rule):
    assert reported(tmp_path, capsys, "data/figures.csv", "gmb-members-bbc", "\"about 641,000\",approximately,",
                    f"\"about 641,000\",{new},") == [("data/figures.csv", "gmb-members-bbc", "qualifier", rule)]
