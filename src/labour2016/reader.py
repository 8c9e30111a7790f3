"""The one CSV reader: DuckDB reads every resource, as text for validate and the documents,
typed (through the generated views) for queries, with the same read_csv options.

`read(resource)` gives a DataFrame of strings (a missing value is NA) with the physical line
of every row, and the problems found on the way, each with its line. DuckDB is the fast path;
it skips blank lines silently and stops at the first ragged row, so the file's line breaks are
counted to prove nothing was skipped, and a file DuckDB refuses or cannot account for is read
again by the csv module, which names every bad row (the slow path).
"""
from __future__ import annotations

import csv
import io
import re
import sys
from dataclasses import dataclass, field

from . import model
from .sqlgen import read_csv_sql

HINTS = {
    "encoding-error": "re-save the file as UTF-8 (not Latin-1/Windows-1252)",
    "header-error": "the header must be: {header}",
    "extra-cell": "make every row have one field per header column; quote values containing commas",
    "missing-cell": "make every row have one field per header column; quote values containing commas",
    "blank-row": "remove the blank line, or fill in the row",
    "empty-file": "restore the header row and data, or remove the resource",
    "source-error": "close the quoted value (a missing \" ?)",
}


def str_dtype():
    """pandas' Arrow-backed string dtype with NaN for missing (pandas 3's default `str`): one
    dtype whichever path read the file, and no Python object per cell."""
    import numpy as np
    import pandas as pd

    return pd.StringDtype(storage="pyarrow", na_value=np.nan)


@dataclass
class Text:
    frame: object = None            # pandas DataFrame of Arrow-backed strings (NaN where missing)
    lines: object = None            # numpy array: the physical line of each row
    problems: list[tuple] = field(default_factory=list)  # (line, column, value, rule, message, hint)


def read(resource: model.Resource) -> Text:
    raw = resource.file.read_bytes()
    out = Text()
    if not raw or raw.isspace():
        out.problems.append((1, None, None, "empty-file", "the file is empty", HINTS["empty-file"]))
        return out
    names = resource.names
    head = raw[:1 << 16].decode("utf-8", errors="replace").removeprefix("\ufeff")
    header = next(csv.reader(io.StringIO(head, newline=""), delimiter=resource.delimiter), [])
    if header != names:
        if _decode(raw, out) is None:
            return out
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        detail = "; ".join(x for x in (missing and f"missing {missing}", extra and f"unexpected {extra}") if x)
        out.problems.append((1, None, resource.delimiter.join(header), "header-error",
                             f"header does not match the schema's fields ({detail or 'different order'})",
                             HINTS["header-error"].format(header=resource.delimiter.join(names))))
        return out
    read = _duckdb(resource, raw)
    if not isinstance(read, tuple):
        text = _decode(raw, out)
        if text is None:
            return out
        before = len(out.problems)
        exact = _exact(resource, text, out.problems)
        if isinstance(read, str) and exact is not None and len(out.problems) == before:
            # The csv module reads it, but DuckDB, which every view and query reads through, does not.
            line = re.search(r"Line: (\d+)", read)
            out.problems.append((int(line.group(1)) if line else None, None, None, "source-error",
                                 "DuckDB, which the views read the file with, cannot read it: "
                                 + read.split("\n")[0].removeprefix("Invalid Input Error: "),
                                 "write plain CSV: one kind of line ending throughout, every quote closed"))
            exact = None
        read = exact
    if read is not None:
        out.frame, out.lines = read
        _blank_rows(out, resource)
    return out


def _decode(raw: bytes, out: Text) -> str | None:
    """The file as text, or None with an encoding-error naming the line (slow path only: DuckDB
    checks UTF-8 itself)."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        out.problems.append((line, None, repr(raw[e.start:e.end]), "encoding-error",
                             f"bytes that are not UTF-8 at byte {e.start}", HINTS["encoding-error"]))
        return None


_CON = None


def _connection():
    """One in-memory DuckDB for every file this process reads: it holds no data, only the reader."""
    global _CON
    if _CON is None:
        import duckdb

        _CON = duckdb.connect()
    return _CON


def _duckdb(resource: model.Resource, raw: bytes):
    """(frame, lines) from DuckDB's reader when it reads the whole file and accounts for every
    line break; DuckDB's error message when it refuses the file; None when it skipped lines."""
    import duckdb
    import numpy as np

    try:
        table = _connection().sql(f"select * from {read_csv_sql(resource, str(resource.file), typed=False)}")\
            .to_arrow_table()
    except duckdb.Error as e:
        return str(e)
    frame = table.to_pandas(types_mapper=lambda _: str_dtype())
    frame.columns = resource.names
    inner = np.zeros(len(frame), dtype=np.int64)
    for c in frame.columns:
        col = frame[c]
        if col.str.contains("\n", regex=False).any():
            inner += col.str.count("\n").fillna(0).to_numpy(dtype=np.int64)
    records = len(frame) + 1
    # Every record ends in a line break (the last may not); a skipped blank line adds one more.
    if raw.count(b"\n") != records - (not raw.endswith(b"\n")) + int(inner.sum()):
        return None
    lines = np.arange(2, len(frame) + 2) + np.concatenate(([0], np.cumsum(inner)[:-1]))
    return frame, lines


def _exact(resource: model.Resource, text: str, problems: list):
    """The csv module, row by row: slow, but it names every ragged row, blank line and open quote."""
    import numpy as np
    import pandas as pd

    names = resource.names
    csv.field_size_limit(sys.maxsize)  # a long quotation is a value, not an attack on the reader
    records, prev = [], 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=resource.delimiter, strict=True)
    try:
        for row in reader:
            records.append((prev + 1, row))
            prev = reader.line_num
    except csv.Error as e:
        problems.append((prev + 1, None, None, "source-error", f"the CSV cannot be parsed here: {e}",
                         HINTS["source-error"]))
        return None
    bad = False
    for ln, row in records[1:]:
        if not row:
            problems.append((ln, None, None, "blank-row", "a blank line inside the table", HINTS["blank-row"]))
            bad = True
        elif len(row) != len(names):
            rule = "extra-cell" if len(row) > len(names) else "missing-cell"
            problems.append((ln, None, None, rule, f"row has {len(row)} fields, the header has {len(names)}",
                             HINTS[rule]))
            bad = True
    if bad:
        return None
    rows = [row for _, row in records[1:]]
    frame = pd.DataFrame(rows, columns=names, dtype=str_dtype()) if rows else \
        pd.DataFrame({n: pd.Series([], dtype=str_dtype()) for n in names})
    frame = frame.mask(frame.isin(list(resource.missing_values)))
    return frame, np.array([ln for ln, _ in records[1:]], dtype=int)


def _blank_rows(out: Text, resource: model.Resource) -> None:
    """A row whose every cell is missing is blank (frictionless' blank-row), even with its commas;
    it is reported once and dropped, as frictionless does, not read as a row of missing values."""
    import numpy as np

    blank = out.frame.isna().all(axis=1).to_numpy()
    for i in np.flatnonzero(blank):
        out.problems.append((int(out.lines[i]), None, None, "blank-row", "every cell of this row is empty",
                             HINTS["blank-row"]))
    if blank.any():
        out.frame, out.lines = out.frame[~blank].reset_index(drop=True), out.lines[~blank]


def text_rows(resource: model.Resource) -> list[dict]:
    """A table's rows as dicts of strings (a missing value is ""), for documents and citations."""
    got = read(resource)
    if got.frame is None or got.problems:
        line, _, _, rule, message, _ = got.problems[0]
        raise model.PackageError(f"{resource.path}:{line}: {rule} — {message} (run labour2016 validate)")
    return [{k: ("" if v is None or v != v else v) for k, v in row.items()}
            for row in got.frame.to_dict(orient="records")]

