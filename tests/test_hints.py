"""Hints that know the domain, on the tiny package: the problem's hint or message points at the
fix a contributor needs, not only at the rule."""
from tiny import CANDIDATES, ELECTIONS, ENTITIES, VOTES, problems, tiny
from labour2016.validate import validate

CAROL = "carol-example,Carol Example,person,A fictional candidate of an earlier contest.,,fictional-result\n"
EARLIER = ELECTIONS.replace("test-leadership-2016,Test Party leadership election 2016", "test-leadership-2015,Test "
                            "Party leadership election 2015").replace(",alice-example,", ",carol-example,")
CAROL_STOOD = "test-leadership-2015,carol-example,false,stood,,,fictional-result,Alice Example won,,\n"


def found(pkg, sources=False):
    return validate(pkg, pkg.parent / "sources" if sources else None).problems


def test_an_id_with_a_typo_suggests_the_nearest_id(tmp_path):
    pkg = tiny(tmp_path, elections=ELECTIONS.replace(",alice-example,", ",alice-exampel,"))
    [p] = found(pkg)
    assert p.rule == "foreign-key" and "did you mean 'alice-example'?" in p.message


def test_a_candidate_of_another_contest_is_named_with_that_contest(tmp_path):
    # Carol stood in 2015; a 2016 vote for her points at 2015, not at adding her as a 2016 candidate
    pkg = tiny(tmp_path, entities=ENTITIES + CAROL, elections=ELECTIONS + EARLIER,
               candidates=CANDIDATES + CAROL_STOOD,
               votes=VOTES + "test-leadership-2016,members,carol-example,votes,5,5,exact,,fictional-result,5 votes,\n")
    assert problems(pkg) == [
        ("data/votes.csv", 6, "election_id,candidate_id", "test-leadership-2016|carol-example", "foreign-key")]
    [p] = found(pkg)
    assert "has candidate_id carol-example with election_id test-leadership-2015: is election_id right?" in p.message


def test_an_endorsement_of_a_candidate_of_another_contest(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES + CAROL, elections=ELECTIONS + EARLIER,
               candidates=CANDIDATES + CAROL_STOOD, endorsements=(
                   "carol-backed,test-leadership-2016,test-party,carol-example,support,unspecified,,,,,,"
                   "fictional-result,Bob Sample said the contest was fair.,\n"))
    [p] = found(pkg)
    assert p.rule == "candidate-not-in-contest" and "election_id test-leadership-2015" in p.message


def test_a_span_not_in_its_source_shows_the_first_character_that_differs(tmp_path):
    # a curly apostrophe typed where the source has a straight one
    pkg = tiny(tmp_path, candidates=CANDIDATES.replace("Bob Sample's 200 votes", "Bob Sample’s 200 votes"))
    [p] = found(pkg, sources=True)
    assert p.rule == "span-not-in-source"
    assert p.hint == ("the source has \"Bob Sample's 200 votes\": character 11 differs (a curly apostrophe here, "
                      "a straight apostrophe in the source); copy the span exactly")
