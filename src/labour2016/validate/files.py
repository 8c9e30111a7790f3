"""Check 2: each CSV is UTF-8, non-empty, has the schema's header and no ragged rows.

Reads each file into a DataFrame of strings (Table.frame) with the physical line number of
every row (Table.lines), for the checks that follow. A UTF-8 byte order mark is accepted and
ignored (spreadsheet programs write one); CRLF line endings are accepted too.
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
    raw = (ctx.root / t.file).read_bytes()
    if not raw.strip():
        ctx.add(t.file, 1, None, None, "empty-file", "the file is empty",
                "restore the header row and data, or remove the resource")
        return
    names = [f["name"] for f in t.schema["fields"]]
    read = _fast(raw, names)
    if read is None:
        text = _decode(ctx, t, raw)
        if text is None or not _header_ok(ctx, t, text, names):
            return
        read = _exact(ctx, t, text, names)
    if read is not None:
        t.frame, t.lines = read


def _decode(ctx: Context, t: Table, raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        ctx.add(t.file, line, None, repr(raw[e.start:e.end]), "encoding",
                f"bytes that are not UTF-8 at byte {e.start}", "re-save the file as UTF-8 (not Latin-1/Windows-1252)")
        return None
    return text.removeprefix("\ufeff")


def _header_ok(ctx: Context, t: Table, text: str, names: list[str]) -> bool:
    header = next(csv.reader(io.StringIO(text, newline="")), [])
    if header == names:
        return True
    missing = [n for n in names if n not in header]
    extra = [h for h in header if h not in names]
    detail = "; ".join(x for x in (missing and f"missing {missing}", extra and f"unexpected {extra}") if x)
    ctx.add(t.file, 1, None, ",".join(header), "header",
            f"header does not match the schema's fields ({detail or 'different order'})",
            f"the header must be: {','.join(names)}")
    return False


def _fast(raw: bytes, names: list[str]):
    """pandas' C parser, when the file is plain: one record per line after the header except
    for newlines inside quoted cells, no blank lines, every record with the header's width.

    pandas pads a short row with empty cells and may drop a long row's extra cells, so the
    width is proven by counting: the commas outside cells must be (width - 1) per record.
    Returns None when the counts do not add up; the exact reader then finds the culprits.
    """
    import warnings

    import numpy as np
    import pandas as pd

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            frame = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False, index_col=False,
                                encoding="utf-8-sig")
        except (ValueError, pd.errors.ParserError):
            return None
    if list(frame.columns) != names:
        return None
    joined = {c: "".join(frame[c].tolist()) for c in names}
    commas = sum(s.count(",") for s in joined.values())
    inner = {c: s.count("\n") for c, s in joined.items()}
    records = len(frame) + 1
    if raw.count(b",") - commas != (len(names) - 1) * records:
        return None
    if raw.count(b"\n") != records - (not raw.endswith(b"\n")) + sum(inner.values()):
        return None
    lines = np.arange(2, len(frame) + 2)
    spread = [frame[c].str.count("\n").to_numpy() for c, n in inner.items() if n]
    if spread:
        extra = np.sum(spread, axis=0)
        lines = lines + np.concatenate(([0], np.cumsum(extra)[:-1]))
    return frame, lines


def _exact(ctx: Context, t: Table, text: str, names: list[str]):
    """The csv module, row by row: slow, but it sees every ragged row and blank line."""
    import numpy as np
    import pandas as pd

    # The csv module follows quoted multi-line fields, so each row keeps its physical line.
    records = _record_lines(text)[1:]
    ragged = [(ln, row) for ln, row in records if len(row) != len(names)]
    for ln, row in ragged:
        ctx.add(t.file, ln, None, None, "ragged-row", f"row has {len(row)} fields, the header has {len(names)}",
                "make every row have one field per header column; quote values containing commas")
    if ragged:
        return None
    frame = pd.DataFrame([row for _, row in records], columns=names, dtype=str) if records else \
        pd.DataFrame({n: pd.Series([], dtype=str) for n in names})
    return frame, np.array([ln for ln, _ in records], dtype=int)


def check(ctx: Context) -> None:
    for t in ctx.tables.values():
        load(ctx, t)
