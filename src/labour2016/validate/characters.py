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
# embeddings, overrides and isolates, zero-width space, joiners, word joiner and a BOM inside text.
INVISIBLE_RE = "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\x{200b}-\\x{200f}\\x{202a}-\\x{202e}\\x{2060}-\\x{2064}" \
               "\\x{2066}-\\x{2069}\\x{feff}]"
FORMULA_RE = "[=+\\-@\\t\\r].*"
NUMBER_RE = "[+-]?[0-9][0-9,]*(\\.[0-9]+)?%?"


def _names(text: str) -> str:
    import unicodedata

    found = []
    for ch in text:
        if ch not in found and (ord(ch) < 32 and ch not in "\t\n" or 0x7f <= ord(ch) <= 0x9f
                                or unicodedata.category(ch) == "Cf"):
            found.append(ch)
    return ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, 'control')}" for ch in found)


def check(db, sources) -> list:
    out = []
    found = _texts.texts(db, sources)
    text_table = _texts.table(db, found) if found else None
    for t in db.tables.values():
        spans = set(t.resource.spans)
        for f in t.resource.fields:
            c = ident(f.name)
            verbatim = ""
            if f.name in spans and text_table is not None and "source_id" in t.resource.names:
                verbatim = (f" and not exists (select 1 from {text_table} s where s.source_id = r.source_id "
                            f"and strpos(s.text, r.{c}) > 0)")
            for line, value in db.rows(f"select _line, {c} from {t.raw} r where regexp_matches({c}, ?){verbatim} "
                                       f"order by _line", [INVISIBLE_RE]):
                out.append(INVISIBLE(t.file, line, f.name, value, f"holds {_names(value)}"))
            if f.type.name != "string":
                continue
            for line, value in db.rows(f"select _line, {c} from {t.raw} where regexp_full_match({c}, ?) "
                                       f"and not regexp_full_match({c}, ?) order by _line", [FORMULA_RE, NUMBER_RE]):
                out.append(FORMULA(t.file, line, f.name, value, "a spreadsheet would run this cell as a formula",
                                   first=repr(value[:1])))
    return out
