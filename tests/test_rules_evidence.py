"""validate's evidence step on the tiny package: a figure's stated_as occurs in its evidence
and spells its value, and a figure and its stated_as come together."""
import pytest

from tiny import VOTES, problems, tiny

ENDORSEMENT = ("party-backs-bob,test-leadership-2016,test-party,bob-sample,support,members_ballot,{}"
               ",60,60%,fictional-result,\"60% of more than 43,000 members\",\n")


def figure(value, stated_as, evidence, measure="members", unit="members", qualifier="exact"):
    """A figures row: the test party's `measure`, as the fictional source states it."""
    return (f"party-{measure.replace('_', '-')},test-party,,{measure},{value},{unit},\"{stated_as}\",{qualifier},test-leadership-2016,"
            f"fictional-result,\"{evidence}\",\n")


def test_stated_as_not_in_evidence(tmp_path):
    pkg = tiny(tmp_path, figures=figure(18000, "18,000", "now counting 19,000 members"))
    assert problems(pkg) == [("data/figures.csv", 2, "stated_as", "18,000", "stated-as")]


@pytest.mark.parametrize("value,stated_as,evidence,measure,unit", [
    (18500, "18,000", "now counting 18,000 members", "members", "members"),
    (0.6, "60%", "won 300 votes (60%)", "winner_share_pct", "percent"),  # a share as a fraction
])
def test_value_is_not_the_number_stated(tmp_path, value, stated_as, evidence, measure, unit):
    pkg = tiny(tmp_path, figures=figure(value, stated_as, evidence, measure, unit))
    assert problems(pkg) == [("data/figures.csv", 2, "value", str(value), "evidence-figure")]


def test_stated_as_with_no_number_in_it(tmp_path):
    pkg = tiny(tmp_path, figures=figure(18000, "many", "now counting many members"))
    assert problems(pkg) == [("data/figures.csv", 2, "stated_as", "many", "evidence-figure")]


def test_endorsement_figure_differs(tmp_path):
    pkg = tiny(tmp_path, endorsements=ENDORSEMENT.format('44000,"more than 43,000",more_than'))
    assert problems(pkg) == [("data/endorsements.csv", 2, "ballot_participants", "44000", "evidence-figure")]


@pytest.mark.parametrize("cells,column", [
    ("43000,,more_than", "ballot_participants_stated_as"),  # the figure without the words it was stated in
    (',"more than 43,000",more_than', "ballot_participants"),  # the words without the figure
])
def test_figure_and_stated_as_come_together(tmp_path, cells, column):
    pkg = tiny(tmp_path, endorsements=ENDORSEMENT.format(cells))
    assert problems(pkg) == [("data/endorsements.csv", 2, column, None, "stated-as-pair")]


@pytest.mark.parametrize("old,new,column", [
    ("votes,300,300,", "votes,300,,", "stated_as"),
    ("votes,300,300,", "votes,,300,", "value"),
])
def test_required_half_of_a_pair_missing_is_reported_once(tmp_path, old, new, column):
    # the schema requires both: its required check reports the missing one, not also stated-as-pair
    pkg = tiny(tmp_path, votes=VOTES.replace(old, new))
    assert problems(pkg) == [("data/votes.csv", 2, column, None, "constraint-error/required")]


def test_missing_evidence_is_reported_once(tmp_path):
    # not also stated-as: with no evidence there is nothing stated_as could occur in
    pkg = tiny(tmp_path, figures=figure(18000, "18,000", ""))
    assert problems(pkg) == [("data/figures.csv", 2, "evidence", None, "constraint-error/required")]
