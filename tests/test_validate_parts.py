"""Pieces of `labour2016 validate` on their own: the intervals a stated figure allows, and the
two CSV readers (pandas' fast path and the csv module's exact one) agreeing."""
import csv
import io

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT
from labour2016 import package
from labour2016 import model, reader
from labour2016.validate import Table, arithmetic


def table_of(rows: list[dict]) -> Table:
    frame = pd.DataFrame(rows, dtype=object)
    typed = frame.copy()
    typed["value"] = typed["value"].astype(float)
    return Table("votes", "data/votes.csv", {"fields": []}, frame=frame, lines=np.arange(2, len(rows) + 2),
                 typed=typed, bad=pd.DataFrame(False, index=frame.index, columns=frame.columns))


def test_intervals_follow_precision_and_qualifier():
    t = table_of([
        {"value": 43000, "stated_as": "more than 43,000", "qualifier": "more_than", "round": None},
        {"value": 4, "stated_as": "under 4", "qualifier": "less_than", "round": None},
        {"value": 641000, "stated_as": "about 641,000", "qualifier": "approximately", "round": None},
        {"value": 61.8, "stated_as": "61.80%", "qualifier": "exact", "round": None},
        {"value": 640000, "stated_as": "640,000", "qualifier": "exact", "round": None},
    ])
    df = arithmetic.intervals(t).set_index("stated_as")
    assert (df.at["more than 43,000", "lo"], df.at["more than 43,000", "hi"]) == (42500, np.inf)
    assert df.at["under 4", "lo"] == -np.inf and df.at["under 4", "hi"] == 4.5
    assert df.at["about 641,000", "lo"] < 640500 and df.at["about 641,000", "hi"] > 641500
    assert df.at["61.80%", "lo"] == pytest.approx(61.795) and df.at["61.80%", "hi"] == pytest.approx(61.805)
    assert (df.at["640,000", "lo"], df.at["640,000", "hi"]) == (635000, 645000)
    assert list(df["exact"]) == [False, False, True, True, True]


def resource_for(path, names):
    """A one-table model of a CSV with string fields `names`."""
    return model.Resource(name="x", path=path.name, file=path, schema_file="x.schema.json",
                          fields=[model.Field(n, model.TYPES["string"]) for n in names])


def read_both(path, names=None):
    """The DuckDB path and the csv module's path of the one reader, on the same file."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    names = names or next(csv.reader(io.StringIO(text, newline="")))
    r = resource_for(path, names)
    return reader._duckdb(r, raw), reader._exact(r, text, [])


@pytest.mark.parametrize("name", list(package.model().resources))
def test_duckdb_and_csv_module_readers_agree(name):
    fast, exact = read_both(ROOT / "data" / f"{name}.csv")
    assert fast is not None, "the real files take DuckDB's path"
    pd.testing.assert_frame_equal(fast[0].fillna("").astype(object), exact[0].fillna("").astype(object))
    assert list(fast[1]) == list(exact[1])


@pytest.mark.parametrize("eol", [b"\n", b"\r\n"])
def test_multiline_cells_keep_physical_lines(tmp_path, eol):
    f = tmp_path / "x.csv"
    f.write_bytes(b'a,b\n1,"two\nlines"\n2,x\n3,"y\nz\nw"\n4,\n'.replace(b"\n", eol))
    fast, exact = read_both(f)
    assert list(fast[1]) == list(exact[1]) == [2, 4, 5, 8]
    pd.testing.assert_frame_equal(fast[0].fillna("").astype(object), exact[0].fillna("").astype(object))


@pytest.mark.parametrize("body", [b"a,b\n1\n2,3\n", b"a,b\n1,2,3\n2,3\n", b"a,b\n1,2\n\n2,3\n", b'a,b\n"1,2\n'])
def test_duckdb_defers_odd_files_to_the_csv_module(tmp_path, body):
    f = tmp_path / "x.csv"
    f.write_bytes(body)
    assert not isinstance(reader._duckdb(resource_for(f, ["a", "b"]), body), tuple)


def test_a_file_duckdb_cannot_read_is_refused_though_the_csv_module_can(tmp_path):
    """Mixed line endings: the views could not load it, so validate may not pass it."""
    f = tmp_path / "x.csv"
    f.write_bytes(b'a,b\r\n1,"two\r\nlines"\r\n2,x\r\n3,"y\nz\nw"\n4,\n')
    got = reader.read(resource_for(f, ["a", "b"]))
    assert got.frame is None
    assert [(p[0], p[3]) for p in got.problems] == [(4, "source-error")]
    assert "DuckDB" in got.problems[0][4]


def test_a_long_cell_is_read(tmp_path):
    """Above the csv module's default field limit (131,072 characters) on the slow path."""
    f = tmp_path / "x.csv"
    long = "x" * 200_000
    body = f'a,b\n1,"{long}"\n\n'.encode()
    f.write_bytes(body)
    problems = []
    assert reader._exact(resource_for(f, ["a", "b"]), body.decode(), problems) is None
    assert [p[3] for p in problems] == ["blank-row"]
