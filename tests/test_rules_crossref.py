"""validate's crossref step on the tiny package: every foreign key resolves, and a row's
candidate is a candidate of its election; an id that names nothing is reported once."""
from tiny import ELECTIONS, ENTITIES, VOTES, problems, tiny

CAROL = "carol-example,Carol Example,person,A fictional person who did not stand.,,fictional-result\n"


def test_winner_that_is_no_entity(tmp_path):
    # not also candidate-not-in-contest: a dangling id is the foreign key's problem
    pkg = tiny(tmp_path, elections=ELECTIONS.replace(",alice-example,", ",alice-exampel,"))
    assert problems(pkg) == [("data/elections.csv", 2, "winner_id", "alice-exampel", "foreign-key")]


def test_source_that_is_not_listed(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES + CAROL.replace(",fictional-result", ",no-such-source"))
    assert problems(pkg) == [("data/entities.csv", 5, "source_id", "no-such-source", "foreign-key")]


def test_votes_for_someone_not_standing(tmp_path):
    # votes refer to candidates by (election_id, candidate_id), one composite foreign key
    pkg = tiny(tmp_path, entities=ENTITIES + CAROL, votes=VOTES + (
        "test-leadership-2016,members,carol-example,votes,5,5,exact,,fictional-result,5 votes,\n"))
    assert problems(pkg) == [
        ("data/votes.csv", 6, "election_id,candidate_id", "test-leadership-2016|carol-example", "foreign-key")]


def test_votes_in_an_election_that_does_not_exist(tmp_path):
    # one problem: the composite key (election_id, candidate_id) fails only because election_id does
    pkg = tiny(tmp_path, votes=VOTES + (
        "test-leadership-2015,members,alice-example,votes,5,5,exact,,fictional-result,5 votes,\n"))
    assert problems(pkg) == [("data/votes.csv", 6, "election_id", "test-leadership-2015", "foreign-key")]


def test_endorsement_of_someone_not_standing(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES + CAROL, endorsements=(
        "party-backs-carol,test-leadership-2016,test-party,carol-example,support,public_statement,,,,,,"
        "fictional-result,backs Carol Example,\n"))
    assert problems(pkg) == [
        ("data/endorsements.csv", 2, "election_id,candidate_id", "test-leadership-2016|carol-example",
         "candidate-not-in-contest")]


def test_winner_who_did_not_stand(tmp_path):
    # not also winner-not-top: the winner has no votes to compare
    pkg = tiny(tmp_path, entities=ENTITIES + CAROL,
               elections=ELECTIONS.replace(",alice-example,", ",carol-example,"))
    assert problems(pkg) == [
        ("data/elections.csv", 2, "election_id,winner_id", "test-leadership-2016|carol-example",
         "candidate-not-in-contest")]
