"""Each CSV is read by the one reader (labour2016.reader): UTF-8, the schema's header,
no ragged or blank rows. Gives each table its strings (Table.frame) and physical lines (Table.lines).
A UTF-8 byte order mark and CRLF line endings are accepted (spreadsheet programs write them).
"""
from __future__ import annotations

from .. import reader
from . import Context


def check(ctx: Context) -> None:
    for t in ctx.tables.values():
        got = reader.read(t.resource)
        for line, column, value, rule, message, hint in got.problems:
            ctx.add(t.file, line, column, value, rule, message, hint)
        if got.frame is not None:
            t.frame, t.lines = got.frame, got.lines
