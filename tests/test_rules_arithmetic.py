"""validate's arithmetic step on the tiny package: one source's figures agree with each other
(shares sum to 100 and match the counts, sections sum to the total, turnout adds up)."""
from tiny import VOTES, problems, tiny


def votes(section, candidate, measure, value, stated_as):
    return (f"test-leadership-2016,{section},{candidate},{measure},{value},{stated_as},exact,,fictional-result,"
            f"{section}: {stated_as},\n")


def electorate(section, measure, value, stated_as=None):
    stated_as = stated_as or str(value)
    return f"test-leadership-2016,{section},{measure},{value},{stated_as},exact,,fictional-result,{stated_as},\n"


def test_shares_of_a_section_that_do_not_sum_to_100(tmp_path):
    # the sum is the section's, so each of its shares is reported
    pkg = tiny(tmp_path, votes=VOTES + votes("members", "alice-example", "share_pct", 60, "60%")
               + votes("members", "bob-sample", "share_pct", 45, "45%"))
    assert problems(pkg) == [("data/votes.csv", 6, "value", "60", "sum-100"),
                             ("data/votes.csv", 7, "value", "45", "sum-100")]


def test_shares_that_disagree_with_the_counts(tmp_path):
    # 60% and 40% of 300 + 250 votes: with two candidates, when one share is wrong so is the other
    pkg = tiny(tmp_path, votes=VOTES + votes("members", "alice-example", "votes", 300, "300")
               + votes("members", "alice-example", "share_pct", 60, "60%")
               + votes("members", "bob-sample", "votes", 250, "250")
               + votes("members", "bob-sample", "share_pct", 40, "40%"))
    assert problems(pkg) == [("data/votes.csv", 7, "value", "60", "share-vs-counts"),
                             ("data/votes.csv", 9, "value", "40", "share-vs-counts")]


def test_sections_that_do_not_sum_to_all(tmp_path):
    # Alice's 300 votes in all, but 200 + 60 + 50 = 310 in the sections
    pkg = tiny(tmp_path, votes=VOTES + votes("members", "alice-example", "votes", 200, "200")
               + votes("registered_supporters", "alice-example", "votes", 60, "60")
               + votes("affiliated_supporters", "alice-example", "votes", 50, "50"))
    assert problems(pkg) == [("data/votes.csv", 2, "value", "300", "parts-vs-total")]


def test_electorate_sections_that_do_not_sum_to_all(tmp_path):
    # 1,003 eligible in all, but 801 + 151 + 101 = 1,053 in the sections
    pkg = tiny(tmp_path, electorate=electorate("all", "eligible", 1003)
               + electorate("members", "eligible", 801)
               + electorate("registered_supporters", "eligible", 151)
               + electorate("affiliated_supporters", "eligible", 101))
    assert problems(pkg) == [("data/electorate.csv", 2, "value", "1003", "parts-vs-total")]


def test_valid_votes_that_are_not_the_candidates_votes(tmp_path):
    # the candidates' votes are 300 + 200 = 500
    pkg = tiny(tmp_path, electorate=electorate("all", "valid_votes", 520))
    assert problems(pkg) == [("data/electorate.csv", 2, "value", "520", "parts-vs-total")]


def test_turnout_that_does_not_add_up(tmp_path):
    # (500 valid + 10 spoilt) / 1,003 distributed is 50.8%, not 60%
    pkg = tiny(tmp_path, electorate=electorate("all", "turnout_pct", 60, "60%")
               + electorate("all", "valid_votes", 500)
               + electorate("all", "spoilt_ballots", 10)
               + electorate("all", "ballots_distributed", 1003))
    assert problems(pkg) == [("data/electorate.csv", 2, "value", "60", "turnout")]
