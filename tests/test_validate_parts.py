"""Pieces of `labour2016 validate` on their own: the intervals a stated figure allows, and the one
reader (DuckDB's fast path, the csv module's slow path for broken files) against the csv module."""
import csv
import io
import os

import duckdb
import pytest

from conftest import ROOT
from labour2016 import model, package, reader, sqlgen
from labour2016.validate import intervals


def interval(stated_as: str, value: float, qualifier: str) -> tuple[float, float]:
    con = duckdb.connect()
    con.execute(sqlgen.split(sqlgen.views_sql())[0])
    return con.execute("select figure_low(?, ?, ?), figure_high(?, ?, ?)",
                       [stated_as, value, qualifier] * 2).fetchone()


def test_intervals_follow_precision_and_qualifier():
    assert interval("more than 43,000", 43000, "more_than") == (42500, float("inf"))
    assert interval("under 4", 4, "less_than") == (float("-inf"), 4.5)
    lo, hi = interval("about 641,000", 641000, "approximately")
    assert lo < 640500 and hi > 641500
    assert interval("61.80%", 61.8, "exact") == (pytest.approx(61.795), pytest.approx(61.805))
    assert interval("640,000", 640000, "exact") == (635000, 645000)
    # a one-sided qualifier is a bound, not an exact statement of the cell
    assert set(intervals.BOUNDS) == {"more_than", "at_least", "less_than", "at_most"}


def resource_for(path, names):
    """A one-table model of a CSV with string fields `names`."""
    return model.Resource(name="x", path=path.name, file=path, schema_file="x.schema.json",
                          fields=[model.Field(n, model.TYPES["string"]) for n in names])


def load(path, names=None):
    """(rows as lists of cells with '' for missing, physical lines, problems) through the reader."""
    names = names or next(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    con = duckdb.connect()
    table, problems = reader.load(con, resource_for(path, names), 0)
    if table is None:
        return None, None, problems
    got = con.execute(f"select * from {table.raw} order by _line").fetchall()
    return [["" if c is None else c for c in row[1:]] for row in got], [row[0] for row in got], problems


def by_csv_module(path):
    """The csv module's reading of a well-formed file: each record's cells and first line."""
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    rows, lines, prev = [], [], 0
    r = csv.reader(io.StringIO(text, newline=""))
    for row in r:
        rows.append(row)
        lines.append(prev + 1)
        prev = r.line_num
    return rows[1:], lines[1:]


@pytest.mark.parametrize("name", list(package.model().resources))
def test_the_reader_agrees_with_the_csv_module_on_every_real_table(name):
    path = ROOT / "data" / f"{name}.csv"
    rows, lines, problems = load(path)
    assert problems == []
    assert (rows, lines) == by_csv_module(path)


@pytest.mark.parametrize("eol", [b"\n", b"\r\n"])
def test_multiline_cells_keep_physical_lines_and_read_crlf_as_lf(tmp_path, eol):
    f = tmp_path / "x.csv"
    f.write_bytes(b'a,b\n1,"two\nlines"\n2,x\n3,"y\nz\nw"\n4,\n'.replace(b"\n", eol))
    rows, lines, problems = load(f)
    assert (rows, lines, problems) == ([["1", "two\nlines"], ["2", "x"], ["3", "y\nz\nw"], ["4", ""]], [2, 4, 5, 8], [])


@pytest.mark.parametrize("body,expected", [
    (b"a,b\n1\n2,3\n", [(2, "missing-cell")]),
    (b"a,b\n1,2,3\n2,3\n", [(2, "extra-cell")]),
    (b"a,b\n1,2,\n2,3\n", [(2, "extra-cell")]),
    (b"a,b\n1,2\n\n2,3\n", [(3, "blank-row")]),
    (b'a,b\n"1,2\n', [(2, "source-error")]),
])
def test_odd_files_are_named_line_by_line(tmp_path, body, expected):
    f = tmp_path / "x.csv"
    f.write_bytes(body)
    assert [(p.line, p.rule) for p in load(f, ["a", "b"])[2]] == expected


def test_a_blank_line_at_the_end_is_not_called_inside_the_table(tmp_path):
    f = tmp_path / "x.csv"
    f.write_bytes(b"a,b\n1,2\n\n")
    [p] = load(f, ["a", "b"])[2]
    assert (p.line, p.rule, p.message) == (3, "blank-row", "a blank line at the end of the file")


def test_a_file_duckdb_cannot_read_is_refused_though_the_csv_module_can(tmp_path):
    """Mixed line endings: the views could not load it, so validate may not pass it."""
    f = tmp_path / "x.csv"
    f.write_bytes(b'a,b\r\n1,"two\r\nlines"\r\n2,x\r\n3,"y\nz\nw"\n4,\n')
    rows, _, problems = load(f, ["a", "b"])
    assert rows is None
    assert [p.rule for p in problems] == ["source-error"] and "DuckDB" in problems[0].message


def test_a_long_cell_is_read(tmp_path):
    """Above the csv module's default field limit (131,072 characters) on the slow path."""
    f = tmp_path / "x.csv"
    long = "x" * 200_000
    f.write_bytes(f'a,b\n1,"{long}"\n\n'.encode())
    assert [p.rule for p in load(f, ["a", "b"])[2]] == ["blank-row"]


def test_queries_asked_together_give_each_its_own_rows_in_order_at_any_size():
    # Database.each asks the rules' queries as one over a small package, one by one over a large
    # one: either way each gets back only its rows, ordered, with its own parameters, and a query
    # with no rows an empty list
    from labour2016 import bounds
    from labour2016.validate import files
    from labour2016.validate.files import Database

    queries = ["select x, ? as tag from (values (3), (1), (2)) v(x)",
               "select x, 'none' as tag from (values (9)) v(x) where x < 0",
               "select x, ? as tag from (values (5), (4)) v(x) where x > ?"]
    params = [["first"], [], ["third", 4]]
    small = [reader.Table(None, 0, 10, False, "")]
    large = [reader.Table(None, 0, files.ONE_QUERY + 1, False, "")]  # asked one by one
    got = []
    for tables in (small, large):
        db = Database(duckdb.connect(), dict(enumerate(tables)), bounds.Workspace("test"))
        try:
            got.append(db.each(queries, params))
            assert db.each([]) == []
        finally:
            db.close()
    assert got == [[[(1, "first"), (2, "first"), (3, "first")], [], [(5, "third")]]] * 2


DEFECTS = {"type-error", "primary-key", "spreadsheet-formula", "foreign-key", "stated-as", "constraint-error/maximum"}


def _many_defects(tmp_path):
    """A tiny package with one of each DEFECTS, which rules over many tables report."""
    from tiny import CANDIDATES, ELECTIONS, ENTITIES, VOTES, tiny

    return tiny(tmp_path, elections=ELECTIONS.replace(",leader,2016,", ",leader,lots,"),
                entities=ENTITIES.replace("A fictional party.", "=1+1") + ENTITIES.splitlines(True)[1],
                candidates=CANDIDATES.replace("bob-sample,false", "bob-sampel,false"),
                votes=VOTES.replace("share_pct,60,60%", "share_pct,160,160%"))


def test_a_package_gets_the_same_problems_whether_its_queries_are_asked_together_or_one_by_one(tmp_path, monkeypatch):
    # over a large package Database.each asks one by one what it asks as one over a small one; the
    # callers' branches must agree in type, or a union would turn numbers into text
    from tiny import problems

    from labour2016.validate import files

    pkg = _many_defects(tmp_path)
    together = problems(pkg)
    monkeypatch.setattr(files, "ONE_QUERY", -1)
    assert problems(pkg) == together
    assert DEFECTS <= {p[-1] for p in together}


def test_a_workspace_keeps_a_large_package_in_a_database_file_of_its_folder(tmp_path, monkeypatch):
    from labour2016 import bounds

    class Resource:
        def __init__(self, size):
            self.file = tmp_path / f"{size}.csv"
            self.file.write_bytes(b"x" * size)

    resources = [Resource(60), Resource(40)]
    with bounds.Workspace("test") as workspace:
        monkeypatch.setattr(bounds, "FILE_DATABASE_BYTES", 100)
        assert workspace.database(resources) == ":memory:"
        monkeypatch.setattr(bounds, "FILE_DATABASE_BYTES", 99)
        assert os.path.dirname(workspace.database(resources)) == workspace.folder
    assert not os.path.exists(workspace.folder)


def test_a_package_gets_the_same_problems_whether_its_tables_are_in_memory_or_in_a_file(tmp_path, monkeypatch):
    # a large package's tables are held in a database file (bounds.FILE_DATABASE_BYTES): the same
    # queries, the same verdict, and the file is gone when validate ends
    from tiny import problems

    from labour2016 import bounds

    pkg = _many_defects(tmp_path)
    in_memory = problems(pkg)
    places = []
    database = bounds.Workspace.database
    monkeypatch.setattr(bounds, "FILE_DATABASE_BYTES", 0)
    monkeypatch.setattr(bounds.Workspace, "database", lambda self, rs: places.append(database(self, rs)) or places[-1])
    assert problems(pkg) == in_memory
    assert len(places) == 1 and places[0].endswith(".duckdb") and not os.path.exists(os.path.dirname(places[0]))
    assert DEFECTS <= {p[-1] for p in in_memory}


@pytest.mark.parametrize("chunk", [1, 2, 3, 1 << 20])
@pytest.mark.parametrize("data", [b"h\r\n1,\"a\nb\"\r\n2,c\r\n3,d", b"\xef\xbb\xbfh\n1,x\n\n2,\"y\nz\"\n"], ids=["crlf", "bom"])
def test_a_files_bytes_from_a_line_to_its_end_are_read_from_the_end(tmp_path, monkeypatch, chunk, data):
    # how the reader finds a table's last record, to read it again with the csv module
    f = tmp_path / "x.csv"
    f.write_bytes(data)
    monkeypatch.setattr(reader, "CHUNK", chunk)
    lines = data.split(b"\n")
    for line in range(2, len(lines) + 1):
        assert reader._from_line(f, line, data.count(b"\n")) == b"\n".join(lines[line - 1:]), line


@pytest.mark.parametrize("data", [
    b'a,b,c\r" xx","x,""",\r",\n\r',  # records end in a bare CR; the open value's LF balances the count
    b'a,b,c\r"\xe2\x80\x9cq\r127,12\r',  # DuckDB drops every row after the header
    b"a,b,c\r",
    b"a,b,c\r\n1,2,3\r",  # a CRLF file whose last record ends in a bare CR
], ids=["open quote", "no rows", "header", "crlf"])
def test_a_carriage_return_that_ends_a_record_is_no_line_and_the_file_is_refused(tmp_path, data):
    # DuckDB ends a record at a bare CR, the line count at a LF only: every bare CR must be inside
    # a cell, or the lines the reader gives are not the file's
    f = tmp_path / "x.csv"
    f.write_bytes(data)
    rows, _, problems = load(f, ["a", "b", "c"])
    assert rows is None and [p.rule for p in problems] == ["source-error"], problems


def test_a_carriage_return_inside_a_cell_is_read_as_a_value(tmp_path):
    # and named by the tables step (invisible-character), not refused with the file
    f = tmp_path / "x.csv"
    f.write_bytes(b'a,b\n1,"x\ry"\n2,"u\r\r\nv"\n')
    # the file holds a CRLF, so it is read as its LF original: the CRLF in the cell is a LF
    assert load(f, ["a", "b"]) == ([["1", "x\ry"], ["2", "u\r\nv"]], [2, 3], [])


def test_a_database_that_fails_to_close_still_removes_its_workspace(tmp_path):
    # the workspace holds a large package's database file, as large as its CSVs
    from labour2016 import bounds
    from labour2016.validate.files import Database

    class Failing:
        def close(self):
            raise duckdb.IOException("disk full")

    workspace = bounds.Workspace("test")
    with pytest.raises(duckdb.IOException):
        Database(Failing(), {}, workspace).close()
    assert not os.path.exists(workspace.folder)


def test_a_connection_whose_views_fail_is_closed_before_its_workspace_goes(monkeypatch):
    # build removes its workspace, with a large package's database file, when open_model fails
    from labour2016 import api

    made = []
    connect = duckdb.connect
    macros, tables, _ = sqlgen.split(sqlgen.views_sql())
    monkeypatch.setattr(api.duckdb, "connect", lambda *a, **k: made.append(connect(*a, **k)) or made[-1])
    monkeypatch.setattr(api.sqlgen, "split", lambda sql: (macros, tables, "create view v as select * from nowhere"))
    with pytest.raises(duckdb.CatalogException):
        api.open_model(package.model())
    with pytest.raises(duckdb.ConnectionException):
        made[0].execute("select 1")
