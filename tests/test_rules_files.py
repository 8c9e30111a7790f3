"""validate's files step on the tiny package: each CSV read as UTF-8 with the schema's header,
no ragged, blank or unparsable rows, each problem on its physical line."""
import pytest
from tiny import CANDIDATES, ENTITIES, problems, tiny

from labour2016 import reader


CANDIDATES_HEADER = ("election_id,candidate_id,incumbent,status,status_date,status_date_basis,source_id,evidence,"
                     "status_evidence,notes")


def test_bytes_that_are_not_utf8(tmp_path):
    pkg = tiny(tmp_path)
    f = pkg / "data/entities.csv"
    f.write_bytes(f.read_bytes().replace(b"A fictional candidate.,,fictional-result\nbob",
                                         b"A fictional candidate \xff.,,fictional-result\nbob"))
    assert problems(pkg) == [("data/entities.csv", 3, None, "b'\\xff'", "encoding-error")]


def test_empty_file(tmp_path):
    pkg = tiny(tmp_path)
    (pkg / "data/events.csv").write_text("", encoding="utf-8")
    assert problems(pkg) == [("data/events.csv", 1, None, None, "empty-file")]


def test_renamed_header(tmp_path):
    pkg = tiny(tmp_path)
    header = CANDIDATES_HEADER.replace("candidate_id", "candidate")
    (pkg / "data/candidates.csv").write_text(header + "\n" + CANDIDATES, encoding="utf-8")
    assert problems(pkg) == [("data/candidates.csv", 1, None, header, "header-error")]


def test_extra_column(tmp_path):
    pkg = tiny(tmp_path)
    rows = CANDIDATES.replace(",,\n", ",,,x\n")
    (pkg / "data/candidates.csv").write_text(CANDIDATES_HEADER + ",x\n" + rows, encoding="utf-8")
    assert problems(pkg) == [("data/candidates.csv", 1, None, CANDIDATES_HEADER + ",x", "header-error")]


def test_columns_out_of_order(tmp_path):
    pkg = tiny(tmp_path)
    header = CANDIDATES_HEADER.replace("election_id,candidate_id", "candidate_id,election_id")
    (pkg / "data/candidates.csv").write_text(header + "\n", encoding="utf-8")
    assert problems(pkg) == [("data/candidates.csv", 1, None, header, "header-error")]


def test_quote_never_closed(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES + 'carol-example,Carol Example,person,"A fictional candidate.,,fictional-result\n')
    assert problems(pkg) == [("data/entities.csv", 5, None, None, "source-error")]


def test_quote_never_closed_after_a_cell_of_two_lines(tmp_path):
    # DuckDB's reader of one thread reads an open quote as a value that runs to the end of the file:
    # the csv module names its line first
    pkg = tiny(tmp_path, entities=ENTITIES.replace("A fictional party.", '"A fictional\nparty."')
               + 'carol-example,Carol Example,person,"A fictional candidate.,,fictional-result\n')
    assert problems(pkg) == [("data/entities.csv", 6, None, None, "source-error")]


# A 5" in an unquoted cell is a value, and leaves the file's quote marks even in number with a quote
# left open; DuckDB's reader of one thread drops an open quote's value at the end of the file, so a
# table's last record is read again by the csv module
OPEN_AT_THE_END = [
    ("in a cell too many", 'zed-example,Zed Example,person,A 5" screen,,fictional-result,"x\n'),
    ("in the last cell", 'zed-example,Zed Example,person,A 5" screen,,"fictional-result\n'),
    ("in a cell of two lines", 'zed-example,Zed Example,person,A 5" screen,,"fictional\nresult\n'),
    ("with no line break after it", 'zed-example,Zed Example,person,A 5" screen,,fictional-result,"x'),
]


@pytest.mark.parametrize("last", [row for _, row in OPEN_AT_THE_END], ids=[name for name, _ in OPEN_AT_THE_END])
def test_a_quote_left_open_at_the_end_beside_a_quote_in_an_unquoted_cell(tmp_path, last):
    pkg = tiny(tmp_path, entities=ENTITIES + last)
    assert problems(pkg) == [("data/entities.csv", 5, None, None, "source-error")]


def test_a_quote_in_an_unquoted_cell_is_a_value_and_the_file_is_not_read_again_whole(tmp_path, monkeypatch):
    # an odd number of quote marks is no sign of an open one: only the last record is read again
    pkg = tiny(tmp_path, entities=ENTITIES.replace("A fictional party.", 'A 5" party.'))
    monkeypatch.setattr(reader, "_records", lambda *a: pytest.fail("the whole file was read again"))
    assert problems(pkg) == []


def test_records_ending_in_a_bare_carriage_return_around_cells_of_two_lines(tmp_path):
    # Excel for Mac's "CSV (Macintosh)": CR between records, LF inside cells. As many LFs as rows
    # once balanced the line count that proves DuckDB skipped no line; the cells' line breaks are
    # counted in any file holding a CR
    pkg = tiny(tmp_path)
    f = pkg / "data/entities.csv"
    lines = f.read_text(encoding="utf-8").splitlines()
    rows = [line.replace("A fictional ", '"A\nfictional ', 1).replace(".,", '.",', 1) for line in lines[1:]]
    f.write_bytes("\r".join([lines[0], *rows]).encode("utf-8") + b"\r")
    assert f.read_bytes().count(b"\n") == len(rows)
    assert problems(pkg) == [("data/entities.csv", None, None, None, "source-error")]


def test_quote_inside_an_unquoted_cell_is_a_value(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES.replace("A fictional party.", 'A fictional 5" party.'))
    assert problems(pkg) == []


def test_cells_short_of_the_header_and_beyond_it(tmp_path):
    pkg = tiny(tmp_path, candidates=(
        "test-leadership-2016,alice-example,true,stood,,,fictional-result,Alice Example won 300 votes,,,,,,extra\n"
        "test-leadership-2016,bob-sample,false\n"))
    assert problems(pkg) == [("data/candidates.csv", 2, None, None, "extra-cell"),
                             ("data/candidates.csv", 3, None, None, "missing-cell")]


def test_blank_line_inside_a_table(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES.replace("\nalice-example", "\n\nalice-example"))
    assert problems(pkg) == [("data/entities.csv", 3, None, None, "blank-row")]


def test_row_of_empty_cells(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES + ",,,,,\n")
    assert problems(pkg) == [("data/entities.csv", 5, None, None, "blank-row")]
