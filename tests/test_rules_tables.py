"""validate's tables and constraints steps on the tiny package: each cell against its field's type and
constraints, keys unique, each problem once with its line, column and value."""
import pytest

from tiny import CANDIDATES, ELECTIONS, ENTITIES, SOURCES, VOTES, edit_field, problems, tiny


@pytest.mark.parametrize("table,base,old,new,column,value", [
    ("candidates", CANDIDATES, "alice-example,true,", "alice-example,yes,", "incumbent", "yes"),  # not a boolean
    ("elections", ELECTIONS, ",2016-09-24,", ",2016-13-28,", "result_date", "2016-13-28"),  # no 13th month
    ("elections", ELECTIONS, ",2016-09-24,", ",2016-02-30,", "result_date", "2016-02-30"),  # a date's syntax, no date
    ("elections", ELECTIONS, ",leader,2016,", ",leader,lots,", "year", "lots"),  # text in a number column
    ("sources", SOURCES, ",stated,,full_text,", ",stated,not a url,full_text,", "url", "not a url"),  # not a uri
])
def test_cell_not_of_its_type(tmp_path, table, base, old, new, column, value):
    assert base.count(old) == 1
    pkg = tiny(tmp_path, **{table: base.replace(old, new)})
    assert problems(pkg) == [(f"data/{table}.csv", 2, column, value, "type-error")]


def test_cells_of_one_row_not_of_their_types_come_in_the_order_of_the_columns(tmp_path):
    # not by the fields' names (round before value), whichever order the query finds them in
    old = "alice-example,votes,300,300,exact,,"
    assert VOTES.count(old) == 1
    pkg = tiny(tmp_path, votes=VOTES.replace(old, "alice-example,votes,abc,300,exact,zz,"))
    assert problems(pkg) == [("data/votes.csv", 2, "value", "abc", "type-error"),
                             ("data/votes.csv", 2, "round", "zz", "type-error")]


@pytest.mark.parametrize("written", ["2016.0", "+2016.5", "2,016", " 2016"])
def test_an_integer_is_written_as_one(tmp_path, written):
    """As frictionless reads integers: "2016.0" is a number, not an integer (DuckDB would cast it)."""
    pkg = tiny(tmp_path, elections=ELECTIONS.replace(",leader,2016,", f',leader,"{written}",'))
    assert problems(pkg) == [("data/elections.csv", 2, "year", written, "type-error")]


def test_required_value_missing(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES + "carol-example,,person,A fictional candidate.,,fictional-result\n")
    assert problems(pkg) == [("data/entities.csv", 5, "name", None, "constraint-error/required")]


def test_value_outside_the_enum(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES + "carol-example,Carol Example,persn,A fictional candidate.,,fictional-result\n")
    assert problems(pkg) == [("data/entities.csv", 5, "entity_type", "persn", "constraint-error/enum")]


def test_id_that_breaks_its_pattern(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES + "Carol_Example,Carol Example,person,A fictional candidate.,,fictional-result\n")
    assert problems(pkg) == [("data/entities.csv", 5, "entity_id", "Carol_Example", "constraint-error/pattern")]


def test_sha256_that_breaks_its_pattern(tmp_path):
    sha = SOURCES.split(",")[10]
    pkg = tiny(tmp_path, sources=SOURCES.replace(sha, "XYZ"))
    assert problems(pkg) == [("data/sources.csv", 2, "sha256", "XYZ", "constraint-error/pattern")]


@pytest.mark.parametrize("year,constraint", [("1899", "minimum"), ("2101", "maximum")])
def test_number_out_of_range(tmp_path, year, constraint):
    pkg = tiny(tmp_path, elections=ELECTIONS.replace(",leader,2016,", f",leader,{year},"))
    assert problems(pkg) == [("data/elections.csv", 2, "year", year, f"constraint-error/{constraint}")]


def test_negative_count(tmp_path):
    # The count breaks the schema's minimum and is not the number its stated_as spells: two faults.
    pkg = tiny(tmp_path, nominations=(
        "alice-mps,test-leadership-2016,alice-example,mps,close,count,,-5,5,exact,fictional-result,5 MPs,\n"))
    assert problems(pkg) == [("data/nominations.csv", 2, "value", "-5", "constraint-error/minimum"),
                             ("data/nominations.csv", 2, "value", "-5", "evidence-figure")]


def test_share_over_100_where_the_schema_says_so(tmp_path):
    pkg = tiny(tmp_path, endorsements=(
        "party-backs-bob,test-leadership-2016,test-party,bob-sample,support,members_ballot,,,,160,160%,"
        "fictional-result,backed by 160%,\n"))
    assert problems(pkg) == [("data/endorsements.csv", 2, "ballot_share_pct", "160", "constraint-error/maximum")]


def test_share_over_100_where_the_measure_says_so(tmp_path):
    # votes.value has no schema maximum: a share_pct measure is a percentage, so at most 100.
    pkg = tiny(tmp_path, votes=VOTES + (
        "test-leadership-2016,members,alice-example,share_pct,138.2,138.2%,exact,,fictional-result,138.2% of members,\n"))
    assert problems(pkg) == [("data/votes.csv", 6, "value", "138.2", "constraint-error/maximum")]


def test_text_longer_than_its_max_length(tmp_path):
    notes = "x" * 601
    pkg = tiny(tmp_path, candidates=CANDIDATES.replace("Bob Sample's 200 votes,,,,,\n", f"Bob Sample's 200 votes,,,,,{notes}\n"))
    assert problems(pkg) == [("data/candidates.csv", 3, "notes", notes, "constraint-error/maxLength")]


def test_text_shorter_than_its_min_length(tmp_path):
    pkg = tiny(tmp_path)
    edit_field(pkg / "schemas/entities.schema.json", "description", constraints={"minLength": 20})
    assert problems(pkg) == [("data/entities.csv", 2, "description", "A fictional party.", "constraint-error/minLength")]


def test_unique_field_that_repeats(tmp_path):
    pkg = tiny(tmp_path)
    edit_field(pkg / "schemas/candidates.schema.json", "election_id", constraints={"unique": True})
    assert problems(pkg) == [("data/candidates.csv", 3, "election_id", "test-leadership-2016", "unique-error/unique")]


def test_duplicate_primary_key(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES + "alice-example,Alice Again,person,A fictional candidate.,,fictional-result\n")
    assert problems(pkg) == [("data/entities.csv", 5, "entity_id", "alice-example", "primary-key")]


@pytest.mark.parametrize("together,chunk,backwards", [(True, None, False), (False, None, False), (True, 2, False),
                                                    (True, None, True)])
def test_constraints_however_the_values_are_handed_over(tmp_path, monkeypatch, together, chunk, backwards):
    # pandera gets columns of similar lengths in one frame, each padded to the longest, and the
    # values in chunks: the same problems whether every column shares a frame or each has its own,
    # and whether the values come in one chunk or in chunks of two (a column split across chunks);
    # and in the order of cell and constraint, whatever order pandera's failures come in
    from labour2016.validate import constraints

    if backwards:
        failing = constraints._failing_values
        monkeypatch.setattr(constraints, "_failing_values", lambda *a: dict(reversed(failing(*a).items())))

    monkeypatch.setattr(constraints, "_frames", lambda columns: [list(range(len(columns)))] if together
                        else [[k] for k in range(len(columns))])
    if chunk:
        monkeypatch.setattr(constraints, "CHUNK", chunk)
    pkg = tiny(tmp_path, entities=ENTITIES + "carol-example,,persn,A fictional candidate.,,fictional-result\n"
               "Dan_Example,Dan Example,person,A fictional candidate.,,fictional-result\n",
               elections=ELECTIONS.replace(",leader,2016,", ",leader,1899,"))
    assert problems(pkg) == [("data/elections.csv", 2, "year", "1899", "constraint-error/minimum"),
                             ("data/entities.csv", 5, "name", None, "constraint-error/required"),
                             ("data/entities.csv", 5, "entity_type", "persn", "constraint-error/enum"),
                             ("data/entities.csv", 6, "entity_id", "Dan_Example", "constraint-error/pattern")]


def test_frames_hold_columns_of_similar_length():
    # 900,000 ids are not copied into every short column's frame; short columns share one
    import polars as pl

    from labour2016.validate import constraints

    lengths = [3, 900_000, 621, 1, 400_000, 3925]
    columns = [pl.Series([str(k) for k in range(n)]) for n in lengths]
    assert constraints._frames(columns) == [[1, 4], [5, 2, 0, 3]]
