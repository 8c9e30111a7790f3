"""validate's semantic steps on the tiny package: the winner tops the count, one event has one
date, a quotation's speaker is the one its words name, and a qualifier agrees with its hedge."""
import pytest

from labour2016.validate import validate
from tiny import CANDIDATES, ELECTIONS, ENTITIES, problems, tiny


def test_winner_who_does_not_top_the_count(tmp_path):
    # Bob's 200 votes against Alice's 300
    pkg = tiny(tmp_path, elections=ELECTIONS.replace(",alice-example,", ",bob-sample,"))
    assert problems(pkg) == [("data/elections.csv", 2, "winner_id", "bob-sample", "winner-not-top")]


def test_winner_who_withdrew(tmp_path):
    # Alice, the winner, marked as having withdrawn: the shares of those who stood (Bob's 40%)
    # no longer add up, so arithmetic reports each share too, and her votes are votes after leaving
    pkg = tiny(tmp_path, candidates=CANDIDATES.replace("alice-example,true,stood,,,", "alice-example,true,withdrew,2016-08-01,stated,"))
    assert problems(pkg) == [
        ("data/votes.csv", 3, "value", "60", "sum-100"), ("data/votes.csv", 3, "value", "60", "share-vs-counts"),
        ("data/votes.csv", 5, "value", "40", "sum-100"), ("data/votes.csv", 5, "value", "40", "share-vs-counts"),
        ("data/votes.csv", 2, "candidate_id", "alice-example", "votes-after-exit"),
        ("data/votes.csv", 3, "candidate_id", "alice-example", "votes-after-exit"),
        ("data/elections.csv", 2, "winner_id", "alice-example", "winner-withdrew")]


def result_event(date, notes=""):
    return (f"result,test-leadership-2016,{date},stated,result_announced,,The result is announced.,"
            f"fictional-result,24 September 2016,{notes}\n")


def test_result_dated_apart_from_the_contest(tmp_path):
    # the contest's result_date is 2016-09-24
    pkg = tiny(tmp_path, events=result_event("2016-09-25"))
    assert problems(pkg) == [("data/events.csv", 2, "date", "2016-09-25", "date-conflict")]


def test_date_that_differs_with_a_note_giving_both_dates(tmp_path):
    pkg = tiny(tmp_path, events=result_event("2016-09-25", "Dated 25 September here; the contest's 2016-09-24."))
    assert problems(pkg) == []


def statement(speaker_id, speaker_as_named, notes=""):
    return (f"bob-fair,test-leadership-2016,{speaker_id},{speaker_as_named},the contest was fair,reported_speech,,"
            f"fictional-result,\"{notes}\"\n")


@pytest.mark.parametrize("speaker_as_named,notes", [
    ("Bob Sample", ""),  # names Bob, credited to Alice
    ("He", ""),  # a pronoun, and no note says who
    ("The winner", "Bob Sample conceded."),  # a description recorded for nobody, and a note naming another
])
def test_speaker_not_the_one_named(tmp_path, speaker_as_named, notes):
    pkg = tiny(tmp_path, statements=statement("alice-example", speaker_as_named, notes))
    assert problems(pkg) == [("data/statements.csv", 2, "speaker_as_named", speaker_as_named, "speaker-not-named")]


@pytest.mark.parametrize("speaker_as_named,notes", [
    ("Ms Example", ""),  # her surname
    ("A fictional candidate", ""),  # how the entities table describes her
    ("She", "Alice Example, as the previous sentence says."),  # the note names her
])
def test_speaker_named_or_described(tmp_path, speaker_as_named, notes):
    pkg = tiny(tmp_path, statements=statement("alice-example", speaker_as_named, notes))
    assert problems(pkg) == []


def test_speaker_given_where_the_text_names_nobody(tmp_path):
    pkg = tiny(tmp_path, statements=statement("bob-sample", ""))
    assert problems(pkg) == [("data/statements.csv", 2, "speaker_id", "bob-sample", "speaker-without-attribution")]


# Alice renamed Alice ΣΑΜΑΡΑΣ (lower case writes a word's last Σ as ς), Bob renamed Zoë Müller
BEYOND_ASCII = ENTITIES.replace("Alice Example", "Alice ΣΑΜΑΡΑΣ").replace("Bob Sample", "Zoë Müller")


@pytest.mark.parametrize("speaker_id,speaker_as_named,notes", [
    ("bob-sample", "MÜLLER", ""),
    ("bob-sample", "Ms Müller’s spokeswoman", ""),  # a curly apostrophe ends the word
    ("alice-example", "Σαμαρας", ""),
    ("alice-example", "She", "Described as “a fictional candidate”"),  # a description the entities table records
    ("alice-example", "She", "Müller’s rival, Σαμαρας"),  # the note names her
])
def test_speaker_named_beyond_ascii(tmp_path, speaker_id, speaker_as_named, notes):
    pkg = tiny(tmp_path, entities=BEYOND_ASCII, statements=statement(speaker_id, speaker_as_named, notes))
    assert problems(pkg) == []


@pytest.mark.parametrize("speaker_as_named,notes,says", [
    ("Zoë Müller", "", "names bob-sample, not the speaker_id alice-example"),
    ("Müller", "It is Alice Σαμαρας.", "names bob-sample"),  # a note never resolves words naming another
    ("Party chair Müller", "", "names test-party"),  # the first the words name, word by word
    ("Müller of the Party", "", "names bob-sample"),
    ("She", "Described as “the 2016 candidate”", "neither names nor describes alice-example"),  # 2016 is a word
    ("She", "Described as “a fictional candidate", "neither names nor describes"),  # no closing quote
])
def test_speaker_not_named_beyond_ascii(tmp_path, speaker_as_named, notes, says):
    pkg = tiny(tmp_path, entities=BEYOND_ASCII, statements=statement("alice-example", speaker_as_named, notes))
    assert problems(pkg) == [("data/statements.csv", 2, "speaker_as_named", speaker_as_named, "speaker-not-named")]
    assert says in validate(pkg, None).problems[0].message


def members(stated_as, qualifier, evidence):
    return (f"party-members,test-party,,members,18000,members,\"{stated_as}\",{qualifier},test-leadership-2016,"
            f"fictional-result,\"{evidence}\",\n")


@pytest.mark.parametrize("stated_as,qualifier,evidence", [
    ("more than 18,000", "exact", "more than 18,000 members"),  # the hedge means more_than
    ("18,000", "approximately", "now counting 18,000 members"),  # a bare figure, no hedge before it, no note
])
def test_qualifier_against_the_hedge(tmp_path, stated_as, qualifier, evidence):
    pkg = tiny(tmp_path, figures=members(stated_as, qualifier, evidence))
    assert problems(pkg) == [("data/figures.csv", 2, "qualifier", qualifier, "qualifier-vs-hedge")]


@pytest.mark.parametrize("qualifier,note,excused", [
    ("more_than", "Printed \"\"18,000-plus\"\".", True),  # the sign it was printed with
    ("more_than", "Converts \"\"more than 18,000\"\" stated earlier.", True),  # the hedge it inherits
    ("at_least", "Written \"\"18,000+\"\", read as at least 18,000.", True),
    ("more_than", "From the party's own count.", False),  # a note that names no hedge
    ("approximately", "Printed \"\"18,000-plus\"\".", False),  # a hedge, but not this qualifier's
])
def test_a_note_excuses_a_bare_figure_only_by_giving_its_hedge(tmp_path, qualifier, note, excused):
    row = members("18,000", qualifier, "now counting 18,000 members").removesuffix(",\n") + f',"{note}"\n'
    pkg = tiny(tmp_path, figures=row)
    assert problems(pkg) == ([] if excused else [("data/figures.csv", 2, "qualifier", qualifier, "qualifier-vs-hedge")])


def test_bare_figure_after_its_hedge(tmp_path):
    pkg = tiny(tmp_path, figures=members("18,000", "approximately", "about 18,000 members"))
    assert problems(pkg) == []
