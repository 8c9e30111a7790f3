"""The rules every contest keeps, on the tiny package: a count by rounds (shares of each round,
continuing candidates gaining, none counted after leaving), votes within the votes returned, a
contest's steps in order, and evidence naming the candidate a row credits."""
from tiny import CANDIDATES, ENTITIES, VOTES, problems, tiny

CAROL = "carol-third,Carol Third,person,A fictional candidate.,,fictional-result\n"
THREE = CANDIDATES + "test-leadership-2016,carol-third,false,stood,,,fictional-result,Carol Third,,eliminated,1,,\n"


def vote(who, measure, value, stated, rnd, name):
    return (f"test-leadership-2016,all,{who},{measure},{value},{stated},exact,{rnd},fictional-result,"
            f"{name} {stated} in round {rnd},\n")


ROUND_1 = (vote("alice-example", "share_pct", 50, "50%", 1, "Alice Example") +
           vote("bob-sample", "share_pct", 30, "30%", 1, "Bob Sample") +
           vote("carol-third", "share_pct", 20, "20%", 1, "Carol Third"))


def rounds(tmp_path, round_2: str, **tables):
    return tiny(tmp_path, entities=ENTITIES + CAROL, candidates=THREE, votes=VOTES + ROUND_1 + round_2, **tables)


def test_a_count_by_rounds_that_holds(tmp_path):
    pkg = rounds(tmp_path, vote("alice-example", "share_pct", 60, "60%", 2, "Alice Example") +
                 vote("bob-sample", "share_pct", 40, "40%", 2, "Bob Sample"))
    assert problems(pkg) == []


def test_shares_of_a_later_round_sum_among_the_candidates_still_counted(tmp_path):
    # Carol, eliminated in round 1, is not expected in round 2: its two shares must sum to 100
    pkg = rounds(tmp_path, vote("alice-example", "share_pct", 50, "50%", 2, "Alice Example") +
                 vote("bob-sample", "share_pct", 40, "40%", 2, "Bob Sample"))
    assert problems(pkg) == [("data/votes.csv", 9, "value", "50", "sum-100"),
                             ("data/votes.csv", 10, "value", "40", "sum-100")]


def test_a_continuing_candidates_share_falls(tmp_path):
    pkg = rounds(tmp_path, vote("alice-example", "share_pct", 45, "45%", 2, "Alice Example") +
                 vote("bob-sample", "share_pct", 55, "55%", 2, "Bob Sample"))
    assert problems(pkg) == [("data/votes.csv", 9, "value", "45", "falls-between-rounds")]


def test_votes_after_elimination(tmp_path):
    # Carol keeps her 20% into round 2: a round her elimination in round 1 leaves her out of
    pkg = rounds(tmp_path, vote("alice-example", "share_pct", 60, "60%", 2, "Alice Example") +
                 vote("bob-sample", "share_pct", 40, "40%", 2, "Bob Sample") +
                 vote("carol-third", "share_pct", 20, "20%", 2, "Carol Third"))
    assert problems(pkg) == [("data/votes.csv", 11, "round", "2", "votes-after-exit")]


def test_votes_for_a_candidate_who_fell_short(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES + CAROL,
               candidates=CANDIDATES + "test-leadership-2016,carol-third,false,fell_short,,,fictional-result,Carol Third,,,,,\n",
               votes=VOTES + "test-leadership-2016,members,carol-third,votes,5,5,exact,,fictional-result,Carol Third 5,\n")
    assert problems(pkg) == [("data/votes.csv", 6, "candidate_id", "carol-third", "votes-after-exit")]


def returned(value):
    return (f"test-leadership-2016,all,turnout,{value},{value},exact,,fictional-result,"
            f"{value} votes were returned,\n")


def test_votes_within_the_votes_returned(tmp_path):
    assert problems(tiny(tmp_path, electorate=returned(510))) == []


def test_votes_exceed_the_votes_returned(tmp_path):
    # Alice's 300 and Bob's 200 from a source that says 400 were returned
    pkg = tiny(tmp_path, electorate=returned(400))
    assert problems(pkg) == [("data/electorate.csv", 2, "value", "400", "votes-exceed-returned")]


def event(event_id, date, event_type):
    return (f"{event_id},test-leadership-2016,{date},stated,{event_type},,A step of the contest.,"
            f"fictional-result,24 September 2016,\n")


def test_steps_in_order(tmp_path):
    events = (event("open", "2016-07-18", "nominations_opened") + event("vote", "2016-08-22", "voting_opened")
              + event("close", "2016-09-21", "voting_closed") + event("result", "2016-09-24", "result_announced"))
    assert problems(tiny(tmp_path, events=events)) == []


def test_a_step_after_the_step_that_follows_it(tmp_path):
    # voting opens on 22 September, after it closed on the 21st
    events = event("vote", "2016-09-22", "voting_opened") + event("close", "2016-09-21", "voting_closed")
    assert problems(tiny(tmp_path, events=events)) == [("data/events.csv", 2, "date", "2016-09-22", "step-out-of-order")]


def test_a_step_dated_after_the_result(tmp_path):
    # the contest's result_date is 2016-09-24
    assert problems(tiny(tmp_path, events=event("hustings", "2016-09-30", "hustings"))) == [
        ("data/events.csv", 2, "date", "2016-09-30", "after-the-result")]


def test_a_ruling_before_its_hearing(tmp_path):
    ruling = ("test-ruling,test-leadership-2016,foster-v-mcnicol,,,high_court,incumbent_on_ballot,2016-07-25,stated,2016-07-26,,"
              "not_stated,,,,fictional-result,Bob Sample said the contest was fair.,,\n")
    assert problems(tiny(tmp_path, court_rulings=ruling)) == [
        ("data/court_rulings.csv", 2, "decided_on", "2016-07-25", "ruling-before-hearing")]


def poll(start, end, published):
    return (f"test-poll-alice,test-poll,test-leadership-2016,Pollster,,{published},,poll,members,,,{start},{end},"
            f"from {start} to {end},first_preference,members,alice-example,,share_pct,not_stated,60,60%,exact,"
            "fictional-result,Alice Example 60%,\n")


def test_fieldwork_that_ends_before_it_starts_or_after_publication(tmp_path):
    assert problems(tiny(tmp_path / "a", polls=poll("2016-08-20", "2016-08-25", "2016-08-26"))) == []
    assert problems(tiny(tmp_path / "b", polls=poll("2016-08-25", "2016-08-20", ""))) == [
        ("data/polls.csv", 2, "fieldwork_end", "2016-08-20", "fieldwork-out-of-order")]
    assert problems(tiny(tmp_path / "c", polls=poll("2016-08-20", "2016-08-25", "2016-08-24"))) == [
        ("data/polls.csv", 2, "published", "2016-08-24", "fieldwork-out-of-order")]


def test_evidence_that_names_another_candidate(tmp_path):
    # Bob credited with 200 votes from words that name only Alice
    votes = VOTES.replace("Bob Sample's 200 votes (40%)", "Alice Example won 300 votes to 200", 1)
    assert problems(tiny(tmp_path, votes=votes)) == [
        ("data/votes.csv", 4, "evidence", "Alice Example won 300 votes to 200", "evidence-names-another-candidate")]


def test_evidence_that_names_another_candidate_with_a_note_saying_whom_it_credits(tmp_path):
    votes = VOTES.replace("Bob Sample's 200 votes (40%),", "Alice Example won 300 votes to 200,The 200 are Bob Sample's.", 1)
    assert problems(tiny(tmp_path, votes=votes)) == []


def test_evidence_that_names_another_candidate_beyond_ascii(tmp_path):
    # Bob renamed Zoë Müller: her surname, in any case, as the first or the last word of Alice's
    # evidence (an underscore parts words) names another candidate; a longer word that begins with
    # it, a word one letter from it, evidence that names Alice too (her possessive written with a
    # curly apostrophe), or a note that does, is no problem
    def package(path, evidence, notes=""):
        votes = VOTES.replace("Bob Sample", "Zoë Müller").replace(
            "alice-example,votes,300,300,exact,,fictional-result,Alice Example won 300 votes (60%),",
            f"alice-example,votes,300,300,exact,,fictional-result,\"{evidence}\",{notes}")
        return tiny(path, entities=ENTITIES.replace("Bob Sample", "Zoë Müller"), votes=votes,
                    candidates=CANDIDATES.replace("Bob Sample", "Zoë Müller"))

    for k, evidence in enumerate(["Müller trailed 300 votes", "300 votes, against ZOË MÜLLER", "300 votes_Müller"]):
        assert problems(package(tmp_path / str(k), evidence)) == [
            ("data/votes.csv", 2, "evidence", evidence, "evidence-names-another-candidate")]
    assert problems(package(tmp_path / "a", "300 votes, against Müllerová")) == []
    assert problems(package(tmp_path / "e", "300 votes, against Mäller")) == []
    assert problems(package(tmp_path / "b", "Example’s 300 votes, against Müller")) == []
    assert problems(package(tmp_path / "c", "300 votes, against Müller", "The 300 are Example’s.")) == []
    assert problems(package(tmp_path / "d", "300 votes, against Müller", "The 300 are Exampleton’s.")) == [
        ("data/votes.csv", 2, "evidence", "300 votes, against Müller", "evidence-names-another-candidate")]
