"""The fact rows a view row rests on, found at build time, so each row of a question page carries
its evidence: the exact spans, from the tables' rows that agree with it.

A view row names its source in source_id, or, when it compares two reports, in source_X beside
value_X, stated_as_X (a discrepancy's two sides, a comparison's two years): each side is looked up
as a row of its own. A side's fact rows are those of the span-carrying tables that cite its
source and agree with it on every column they share, from the tables sharing the most columns
(as the evidence the result rests on: votes rows of that contest, section and candidate). A row
sharing nothing but its source (a count of rows per source) has no fact rows of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SIDE = re.compile(r"^source_(?!ids?$)(\w+)$")
CAP = 6  # fact rows shown per side; the rest are on the source's page


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    columns: tuple[str, ...]
    spans: tuple[str, ...]
    rows: tuple[dict, ...]
    row_ids: tuple[str, ...]


@dataclass(frozen=True)
class Side:
    label: str          # "" for a row with one source; else the side's suffix (a, b, 2015)
    source_id: str
    facts: tuple[tuple[Table, int], ...]  # (table, row index)
    more: int


def sides(row: dict, columns: list[str]) -> list[tuple[str, dict]]:
    """The reports a view row stands on, each as a row with a source_id of its own."""
    if "source_id" in columns:
        return [("", row)] if row.get("source_id") else []
    out = []
    for c in columns:
        m = SIDE.match(c)
        if not m or not row.get(c):
            continue
        suffix = m.group(1)
        own = {k[: -len(suffix) - 1]: v for k, v in row.items() if k.endswith(f"_{suffix}")}
        common = {k: v for k, v in row.items() if not any(k.endswith(f"_{s}") for s in suffixes(columns))}
        out.append((suffix, {**common, **own, "source_id": row[c]}))
    return out


def suffixes(columns: list[str]) -> list[str]:
    return [m.group(1) for c in columns if (m := SIDE.match(c))]


def evidence(row: dict, columns: list[str], tables: list[Table]) -> list[Side]:
    found = []
    for label, side in sides(row, columns):
        best, most = [], 0
        for t in tables:
            shared = [c for c in t.columns if c in side and c != "source_id"]
            if not shared or len(shared) < most:
                continue
            hits = [i for i, r in enumerate(t.rows)
                    if r.get("source_id") == side["source_id"] and all(same(r[c], side[c]) for c in shared)]
            if not hits:
                continue
            if len(shared) > most:
                best, most = [], len(shared)
            best.extend((t, i) for i in hits)
        found.append(Side(label, side["source_id"], tuple(best[:CAP]), max(0, len(best) - CAP)))
    return found


def same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(a - b) < 1e-9
    return a == b
