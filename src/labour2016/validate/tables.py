"""Each table against its Table Schema's types and keys, in DuckDB (its constraints are the
constraints step's).

A cell that does not parse as its field's type is `type-error`, found by the reader's typed
columns (NULL where a present cell does not parse) and reported once; the constraints step leaves
it out. Two checks of every text column are labour2016's own, not the schema's, and run in DuckDB (RE2,
also linear) over the whole column: no character no editor shows (`invisible-character`:
labour2016.invisible; accepted only in a verbatim span whose source has it, and searched for only
in a file whose bytes may hold one) and no cell a spreadsheet would run as a formula
(`spreadsheet-formula`: one opening with =, +, -, @, unless a plain signed number). Unique fields
and primary keys are window queries that name the line each repeat repeats. Rule ids are
frictionless'.
"""
from __future__ import annotations

from .. import invisible
from ..problems import Rule
from ..sqlgen import ident
from . import texts as _texts

STEP = "tables"
TYPE_ERROR = Rule("type-error", "Type error", "a cell is not of its field's type",
                  "write the value in the field's type (numbers without commas or units, ISO dates, true/false)", STEP)
UNIQUE = Rule("unique-error", "Unique error", "a field the schema says is unique repeats a value",
              "this field's values must all differ; fix or remove the repeated one", STEP)
PRIMARY_KEY = Rule("primary-key", "Primary key error", "two rows share a primary key",
                   "make the row's key unique, or remove the duplicate row", STEP)
INVISIBLE = Rule("invisible-character", "Invisible character",
                 "a cell holds a control, bidirectional-override or zero-width character",
                 "delete the invisible character (it was probably pasted in with the text)", STEP)
FORMULA = Rule("spreadsheet-formula", "Spreadsheet formula",
               "a text cell starts as a spreadsheet formula does (=, +, -, @)",
               "reword the cell so it does not start with {first}, or put the figure in a numeric column", STEP)
RULES = (TYPE_ERROR, UNIQUE, PRIMARY_KEY, INVISIBLE, FORMULA)

# A text cell a spreadsheet would run when the CSV is opened: one opening with one of these, unless
# it is a plain signed number.
FORMULA_OPENERS = "=+-@\t\r"
NUMBER_RE = "^[+-]?[0-9][0-9,]*(\\.[0-9]+)?%?$"

def _type_errors(db) -> tuple[list, set]:
    """type-error problems, by line and then field, and the (table, line, field) cells they name."""
    queries, params, tables = [], [], []
    for t in db.tables.values():
        parts, values = [], []
        for k, f in enumerate(t.resource.fields):
            raw = t.raw_cells(f.name)
            if f.type.name != "string":
                bad, extra = f"{raw} is not null and {t.typed_cells(f.name)} is null", []
            elif f.syntax:
                bad, extra = f"{raw} is not null and not regexp_full_match({raw}, ?)", [f.syntax]
            else:
                continue
            parts.append(f"select {t.line} as _line, {k} as k, {raw} as value from {t.base} where {bad}")
            values += extra
        if parts:
            queries.append(" union all ".join(parts))
            params.append(values)
            tables.append(t)
    problems, cells = [], set()
    for t, found in zip(tables, db.each(queries, params)):
        for line, k, value in found:
            f = t.resource.fields[k]
            problems.append(TYPE_ERROR(t.file, line, f.name, value, f"not {f.type.expected}"
                                       + (f" ({f.format})" if f.format != "default" else "")))
            cells.add((t.resource.name, line, f.name))
    return problems, cells


def _names(text: str) -> str:
    import unicodedata

    found = []
    for ch in text:
        if ch not in found and any(a <= ord(ch) <= b for a, b in invisible.RANGES):
            found.append(ch)
    return ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, 'control')}" for ch in found)


def _characters(db, t, sources) -> list:
    """The text cells of t holding a character no editor shows (accepted in a verbatim span its
    source, when at hand, has verbatim) or opening as a formula: one query over the table's text
    columns, which returns only those cells."""
    text = _text(t)
    source = "source_id" if "source_id" in t.resource.names else "null"
    cells = " union all ".join(f"select _line, {k} as k, {ident(name)} as value, {source} as sid from {t.raw} "
                               f"where {_suspect(t, ident(name))}" for k, name in text)
    found = db.rows(f"select * from (select *, {_hidden(t, 'value')} as invisible, ord(value) in ({_OPENERS}) "
                    f"and not regexp_matches(value, '{NUMBER_RE}') as formula from ({cells})) "
                    f"where invisible or formula order by _line, k")
    names = dict(text)
    texts = _texts.texts(db, sources) if any(names[k] in t.resource.spans for _, k, *_ in found) else {}
    out = []
    for line, k, value, sid, hides, formula in found:
        name = names[k]
        if hides and not (name in t.resource.spans and sid in texts and value in texts[sid]):
            out.append(INVISIBLE(t.file, line, name, value, f"holds {_names(value)}"))
        if formula:
            out.append(FORMULA(t.file, line, name, value, "a spreadsheet would run this cell as a formula",
                               first=repr(value[:1])))
    return out


def _text(t) -> list[tuple[int, str]]:
    return [(k, f.name) for k, f in enumerate(t.resource.fields) if f.type.name == "string"]


# The patterns are constants of labour2016, never a package's; a file the reader found no invisible
# character in needs no search for one. ord() of a cell's first character sorts out the cells that
# may be formulas, six times faster than a pattern: at 10^6 rows every table's text columns are 10^8
# cells.
_OPENERS = ", ".join(str(ord(c)) for c in FORMULA_OPENERS)


def _hidden(t, cell: str) -> str:
    return f"regexp_matches({cell}, '{invisible.CLASS}')" if t.hidden else "false"


def _suspect(t, cell: str) -> str:
    return f"ord({cell}) in ({_OPENERS})" + (f" or {_hidden(t, cell)}" if t.hidden else "")


def _suspects(db) -> list:
    """The tables with a text cell that may hide a character or open as a formula. Almost every
    table has none: one scan a table says which (asked together: files.Database.each), cheaper to
    plan than _characters'."""
    tables = [t for t in db.tables.values() if _text(t)]
    found = db.each([f"select 1 from {t.base} where {' or '.join(_suspect(t, t.raw_cells(name)) for _, name in _text(t))} "
                     f"limit 1" for t in tables])
    return [t for t, rows in zip(tables, found) if rows]


def _repeats(t, columns: list[str]) -> str:
    """SQL: (line, values, first line) of each row whose values of `columns` an earlier row has (a
    missing value counts as "" in a key, as frictionless reads it)."""
    keys = ", ".join(f"coalesce({t.raw_cells(c)}, '') as k{i}" for i, c in enumerate(columns))
    ks = ", ".join(f"k{i}" for i in range(len(columns)))
    # a hash of the keys finds the repeated ones; only their rows are ordered to name the first
    return (f"with k as (select {t.line} as _line, {keys} from {t.base}) "
            f"select _line, key, first from (select _line, [{ks}] as key, min(_line) over (partition by {ks}) "
            f"as first from k semi join (select {ks} from k group by all having count(*) > 1) d using ({ks})) "
            f"where _line > first")


def _keys(db, bad_cells: set) -> list:
    """unique-error and primary-key problems of every table, its keys' queries asked together."""
    keys = [(UNIQUE, t, [f.name]) for t in db.tables.values() for f in t.resource.fields if f.constraints.get("unique")]
    keys += [(PRIMARY_KEY, t, list(t.resource.primary_key)) for t in db.tables.values() if t.resource.primary_key]
    out = []
    for (rule, t, columns), found in zip(keys, db.each([_repeats(t, columns) for _, t, columns in keys])):
        if rule is PRIMARY_KEY:
            out += [PRIMARY_KEY(t.file, line, ",".join(columns), "|".join(values),
                                f"duplicate primary key (first at line {first})") for line, values, first in found]
        else:
            out += [UNIQUE(t.file, line, columns[0], values[0], "repeats a value the schema says is unique",
                           constraint="unique")
                    for line, values, _ in found
                    if values[0] != "" and (t.resource.name, line, columns[0]) not in bad_cells]
    return out


def check(db, sources) -> list:
    problems, bad_cells = _type_errors(db)
    for t in _suspects(db):
        problems += _characters(db, t, sources)
    return problems + _keys(db, bad_cells)
