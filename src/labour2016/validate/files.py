"""Check 2: each CSV is UTF-8, non-empty, has the schema's header and no ragged rows.

Reads each file once into a DataFrame of strings (Table.frame) with the physical line number
of every row (Table.lines), for the checks that follow.
"""
from __future__ import annotations

import csv
import io

from . import Context, Table


def _record_lines(text: str) -> list[tuple[int, list[str]]]:
    """(first physical line, fields) of each non-blank record; the csv module follows quotes."""
    out, prev = [], 0
    reader = csv.reader(io.StringIO(text, newline=""))
    for row in reader:
        if row:
            out.append((prev + 1, row))
        prev = reader.line_num
    return out


def load(ctx: Context, t: Table) -> None:
    import numpy as np
    import pandas as pd

    raw = (ctx.root / t.file).read_bytes()
    if not raw.strip():
        ctx.add(t.file, 1, None, None, "empty-file", "the file is empty",
                "restore the header row and data, or remove the resource")
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        ctx.add(t.file, line, None, repr(raw[e.start:e.end]), "encoding",
                f"bytes that are not UTF-8 at byte {e.start}", "re-save the file as UTF-8 (not Latin-1/Windows-1252)")
        return
    text = text.removeprefix("\ufeff")
    names = [f["name"] for f in t.schema["fields"]]
    header = next(csv.reader(io.StringIO(text, newline="")), [])
    if header != names:
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        detail = "; ".join(x for x in (missing and f"missing {missing}", extra and f"unexpected {extra}") if x)
        ctx.add(t.file, 1, None, ",".join(header), "header",
                f"header does not match the schema's fields ({detail or 'different order'})",
                f"the header must be: {','.join(names)}")
        return
    # The csv module follows quoted multi-line fields, so each row keeps its physical line.
    records = _record_lines(text)[1:]
    ragged = [(ln, row) for ln, row in records if len(row) != len(names)]
    for ln, row in ragged:
        ctx.add(t.file, ln, None, None, "ragged-row", f"row has {len(row)} fields, the header has {len(names)}",
                "make every row have one field per header column; quote values containing commas")
    if ragged:
        return
    frame = pd.DataFrame([row for _, row in records], columns=names, dtype=str) if records else \
        pd.DataFrame({n: pd.Series([], dtype=str) for n in names})
    lines = np.array([ln for ln, _ in records], dtype=int)
    t.frame, t.lines = frame, lines


def check(ctx: Context) -> None:
    for t in ctx.tables.values():
        load(ctx, t)
