"""Pieces of `labour2016 validate` on their own: the intervals a stated figure allows, and the
two CSV readers (pandas' fast path and the csv module's exact one) agreeing."""
import csv
import io

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT
from labour2016 import package
from labour2016.validate import Context, Table, arithmetic, files


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
    df = arithmetic._intervals(t).set_index("stated_as")
    assert (df.at["more than 43,000", "lo"], df.at["more than 43,000", "hi"]) == (42500, np.inf)
    assert df.at["under 4", "lo"] == -np.inf and df.at["under 4", "hi"] == 4.5
    assert df.at["about 641,000", "lo"] < 640500 and df.at["about 641,000", "hi"] > 641500
    assert df.at["61.80%", "lo"] == pytest.approx(61.795) and df.at["61.80%", "hi"] == pytest.approx(61.805)
    assert (df.at["640,000", "lo"], df.at["640,000", "hi"]) == (635000, 645000)
    assert list(df["exact"]) == [False, False, True, True, True]


def read_both(path):
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    names = next(csv.reader(io.StringIO(text, newline="")))
    t = Table(path.stem, str(path), {"fields": []})
    return files._fast(raw, names), files._exact(Context(ROOT, None), t, text, names)


@pytest.mark.parametrize("name", list(package.resources()))
def test_fast_and_exact_readers_agree(name):
    fast, exact = read_both(ROOT / "data" / f"{name}.csv")
    assert fast is not None, "the real files take the fast path"
    pd.testing.assert_frame_equal(fast[0], exact[0])
    assert list(fast[1]) == list(exact[1])


def test_multiline_cells_keep_physical_lines(tmp_path):
    f = tmp_path / "x.csv"
    f.write_bytes(b'a,b\r\n1,"two\r\nlines"\r\n2,x\r\n3,"y\nz\nw"\n4,\n')
    fast, exact = read_both(f)
    assert list(fast[1]) == list(exact[1]) == [2, 4, 5, 8]
    pd.testing.assert_frame_equal(fast[0], exact[0])


@pytest.mark.parametrize("body", [b"a,b\n1\n2,3\n", b"a,b\n1,2,3\n2,3\n", b"a,b\n1,2\n\n2,3\n", b'a,b\n"1,2\n'])
def test_fast_reader_defers_odd_files_to_the_exact_one(tmp_path, body):
    f = tmp_path / "x.csv"
    f.write_bytes(body)
    assert files._fast(body, ["a", "b"]) is None
