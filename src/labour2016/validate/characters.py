"""Cells no editor shows, and cells a spreadsheet would run.

`invisible-character`: a NUL or other control character, a bidirectional override or isolate, or
a zero-width character in any cell. They change what a reader sees (or a program compares)
without showing. One is accepted only in a verbatim span whose source text, when the texts are
at hand, has it at that place (the span is found verbatim there).
`spreadsheet-formula`: a text cell a spreadsheet would run as a formula when the CSV is opened:
one that starts with =, +, -, @, a tab or a carriage return, unless it is a plain number
("-5", "+20%"). Both are one regular expression per column, in DuckDB (RE2: linear time).
"""
from __future__ import annotations

from ..problems import Rule
from ..sqlgen import ident
from . import texts as _texts

STEP = "characters"
INVISIBLE = Rule("invisible-character", "Invisible character",
                 "a cell holds a control, bidirectional-override or zero-width character",
                 "delete the invisible character (it was probably pasted in with the text)", STEP)
FORMULA = Rule("spreadsheet-formula", "Spreadsheet formula",
               "a text cell starts as a spreadsheet formula does (=, +, -, @)",
               "reword the cell so it does not start with {first}, or put the figure in a numeric column", STEP)
RULES = (INVISIBLE, FORMULA)

# C0 controls but tab and line feed (a CR is read away with CRLF), DEL, C1 controls, bidi
# embeddings, overrides and isolates, zero-width space, joiners, word joiner and a BOM inside text:
# one list, as RE2's class (DuckDB) and Python's (naming the cell in a row RE2 found).
INVISIBLE_RANGES = ((0x00, 0x08), (0x0b, 0x1f), (0x7f, 0x9f), (0x200b, 0x200f), (0x202a, 0x202e), (0x2060, 0x2064),
                    (0x2066, 0x2069), (0xfeff, 0xfeff))
INVISIBLE_RE = "[" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in INVISIBLE_RANGES) + "]"
INVISIBLE_PY = "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in INVISIBLE_RANGES) + "]"
FIRST = ("=", "+", "-", "@", "\t", "\r")
NUMBER_PY = r"[+-]?[0-9][0-9,]*(\.[0-9]+)?%?"


def _names(text: str) -> str:
    import unicodedata

    found = []
    for ch in text:
        if ch not in found and (ord(ch) < 32 and ch not in "\t\n" or 0x7f <= ord(ch) <= 0x9f
                                or unicodedata.category(ch) == "Cf"):
            found.append(ch)
    return ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, 'control')}" for ch in found)


def _hits(db, t, sources_table: str | None) -> tuple[list, list]:
    """(invisible, formula) problems of one table: one query finds the rows with a suspect cell
    (a regular expression over the row's cells joined, a first-character test per text cell), and
    Python names the cells of those few rows."""
    fields = t.resource.fields
    texts = [f for f in fields if f.type.name == "string"]
    cols = ", ".join(ident(f.name) for f in fields)
    joined = "concat(" + ", ".join(ident(f.name) for f in fields) + ")"
    starts = " or ".join(f"list_contains(?, left({ident(f.name)}, 1))" for f in texts) or "false"
    rows = db.rows(f"select _line, source_id, {cols} from (select *, {'source_id' if 'source_id' in t.resource.names else 'null as source_id'} "
                   f"from {t.raw}) where regexp_matches({joined}, ?) or {starts} order by _line",
                   [INVISIBLE_RE, *([list(FIRST)] * len(texts))])
    if not rows:
        return [], []
    import re

    invisible, formula = re.compile(INVISIBLE_PY), re.compile(NUMBER_PY)
    found = dict(db.rows(f"select source_id, text from {sources_table}")) if sources_table else {}
    spans = set(t.resource.spans)
    bad_chars, formulas = [], []
    for line, source, *cells in rows:
        for f, value in zip(fields, cells):
            if value is None:
                continue
            if invisible.search(value) and not (f.name in spans and source in found and value in found[source]):
                bad_chars.append(INVISIBLE(t.file, line, f.name, value, f"holds {_names(value)}"))
            if f.type.name == "string" and value[:1] in FIRST and not formula.fullmatch(value):
                formulas.append(FORMULA(t.file, line, f.name, value, "a spreadsheet would run this cell as a formula",
                                        first=repr(value[:1])))
    return bad_chars, formulas


def check(db, sources) -> list:
    found = _texts.texts(db, sources)
    text_table = _texts.table(db, found) if found else None
    out = []
    for t in db.tables.values():
        bad_chars, formulas = _hits(db, t, text_table)
        out += bad_chars + formulas
    return out
