"""Each table against its Table Schema: types and keys in DuckDB, constraints through pandera.

A cell that does not parse as its field's type is `type-error`, found by the reader's typed
columns (NULL where a present cell does not parse) and reported once; it is then left out of the
constraint checks. The constraints (required, enum, pattern, length, range) are one pandera schema
built from the Table Schemas, a column for each type and set of constraints that fields share;
pandera's polars backend runs it on each distinct value of those fields, which DuckDB hands over
through the Arrow C stream interface: the backend benchmarks/RESULTS.md chose by measurement.
Polars' regular expressions run in linear time, so no pattern can hang validate.
Two checks of every text column are labour2016's own, not the schema's, and run in DuckDB (RE2,
also linear) over the whole column: no character no editor shows (`invisible-character`:
labour2016.invisible; accepted only in a verbatim span whose source has it, and searched for only
in a file whose bytes may hold one) and no cell a spreadsheet would run as a formula
(`spreadsheet-formula`: one opening with =, +, -, @, unless a plain signed number). Unique fields
and primary keys are window queries that name the line each repeat repeats. Rule ids are
frictionless'.
"""
from __future__ import annotations

import contextlib
import json
import sys

from .. import invisible
from ..problems import Rule
from ..sqlgen import ident
from . import texts as _texts

STEP = "tables"
TYPE_ERROR = Rule("type-error", "Type error", "a cell is not of its field's type",
                  "write the value in the field's type (numbers without commas or units, ISO dates, true/false)", STEP)
CONSTRAINT = Rule("constraint-error", "Constraint error", "a cell breaks a constraint of its field (named in `constraint`)",
                  "see the Table Schema", STEP)
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
RULES = (TYPE_ERROR, CONSTRAINT, UNIQUE, PRIMARY_KEY, INVISIBLE, FORMULA)

# A text cell a spreadsheet would run when the CSV is opened: one opening with one of these, unless
# it is a plain signed number.
FORMULA_OPENERS = "=+-@\t\r"
NUMBER_RE = "^[+-]?[0-9][0-9,]*(\\.[0-9]+)?%?$"

# pandera check name -> (the Table Schema constraint it enforces, hint)
_CHECKS = {
    "not_nullable": ("required", "fill in this required value"),
    "isin": ("enum", "use one of the values the schema lists"),
    "str_matches": ("pattern", "make the value match the schema's pattern"),
    "greater_than_or_equal_to": ("minimum", "check the figure (a sign or unit slip?)"),
    "less_than_or_equal_to": ("maximum", "check the figure (a share as a fraction, or a percentage over 100?)"),
}
_LENGTH_HINTS = {"minLength": "the value is too short for the schema", "maxLength": "the value is too long for the schema"}


def _type_errors(db) -> tuple[list, set]:
    """type-error problems, and the (table, line, field) cells they name: one query."""
    queries, params, tables = [], [], []
    for t in db.tables.values():
        parts = []
        for f in t.resource.fields:
            raw = t.raw_cells(f.name)
            if f.type.name != "string":
                bad, extra = f"{raw} is not null and {t.typed_cells(f.name)} is null", []
            elif f.syntax:
                bad, extra = f"{raw} is not null and not regexp_full_match({raw}, ?)", [f.syntax]
            else:
                continue
            parts.append(f"select {t.line} as _line, ? as field, {raw} as value from {t.base} where {bad}")
            params += [f.name, *extra]
        if parts:
            queries.append(" union all ".join(parts))
            tables.append(t)
    problems, cells = [], set()
    for t, found in zip(tables, db.each(queries, params)):
        for line, name, value in found:
            f = t.resource.field(name)
            problems.append(TYPE_ERROR(t.file, line, name, value, f"not {f.type.expected}"
                                       + (f" ({f.format})" if f.format != "default" else "")))
            cells.add((t.resource.name, line, name))
    return problems, cells


class _NoPandas:
    """A meta path finder that reports pandas missing. pandera imports pandas whenever it is
    installed (its package __init__, and its check registry at validation time), though its polars
    backend never uses it; that import alone takes longer than the rest of validate on the real
    package. With pandas already imported (a caller's own use), it changes nothing."""

    def find_spec(self, name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


@contextlib.contextmanager
def _without_pandas():
    guard = _NoPandas()
    sys.meta_path.insert(0, guard)
    try:
        yield
    finally:
        sys.meta_path.remove(guard)


def _pandera_schema(constraints: dict[str, dict]):
    """A pandera schema with a column of each name, checking that name's Table Schema constraints."""
    import pandera.polars as pa

    columns = {}
    for name, c in constraints.items():
        checks = []
        if "enum" in c:
            checks.append(pa.Check.isin(c["enum"]))
        if "pattern" in c:
            checks.append(pa.Check.str_matches(f"^(?:{c['pattern']})$"))
        if "minLength" in c or "maxLength" in c:
            checks.append(pa.Check.str_length(c.get("minLength"), c.get("maxLength")))
        if "minimum" in c:
            checks.append(pa.Check.ge(c["minimum"]))
        if "maximum" in c:
            checks.append(pa.Check.le(c["maximum"]))
        columns[name] = pa.Column(checks=checks, nullable=not c.get("required"))
    return pa.DataFrameSchema(columns)


def _shared(db) -> list[tuple[dict, list]]:
    """The package's constrained fields, grouped by what a value of theirs must be: (constraints,
    [(table, field), ...]) for each DuckDB type and set of constraints (unique aside, a property of
    a column, not of a value). A value fails a check wherever it stands, so each group's fields
    share one pandera column: the real package's 213 fields are 70 columns."""
    groups: dict[tuple, tuple[dict, list]] = {}
    for t in db.tables.values():
        for f in t.resource.fields:
            c = {k: v for k, v in f.constraints.items() if k != "unique"}
            if t.rows and (c.get("required") or set(c) - {"required"}):
                key = (f.type.duckdb, json.dumps(c, sort_keys=True))
                groups.setdefault(key, (c, []))[1].append((t, f))
    return list(groups.values())


# Distinct values handed to pandera at a time, so memory holds at most this many (and their padding)
# whatever the size of the package: the real package's 4,300 are one chunk, 10^6 rows' 9 million ten.
CHUNK = 1_000_000


def _distinct(db, groups: list[tuple[dict, list]]):
    """Each group's distinct typed values (a missing one as null), in chunks of at most CHUNK values:
    lists of (group index, polars Series). DuckDB finds them, in one query for all the groups of a
    type, into a temporary table (which may spill), and hands each chunk over through the Arrow C
    stream interface (no pyarrow)."""
    import polars as pl

    by_type: dict[str, list[int]] = {}
    for g, (_, members) in enumerate(groups):
        by_type.setdefault(members[0][1].type.duckdb, []).append(g)
    for n, numbers in enumerate(by_type.values()):
        parts = "select distinct g, v from (" + " union all ".join(
            f"select {g} as g, {t.typed_cells(f.name)} as v from {t.base}" for g in numbers for t, f in groups[g][1]) + ")"
        table = f"constraint_values_{n}"
        db.con.execute(f"create or replace temp table {table} as {parts}")
        ((count,),) = db.rows(f"select count(*) from {table}")
        for start in range(0, count, CHUNK):
            found = pl.DataFrame(db.con.sql(f"select g, v from {table} where rowid >= {start} and rowid < {start + CHUNK}"))
            yield [(g, values.to_series()) for (g,), values in found.partition_by("g", as_dict=True, include_key=False).items()]
        db.con.execute(f"drop table {table}")


# A frame may be padded to its longest column (by repeating a column's first value: a value fails a
# check wherever it stands) up to this many cells, or twice its values: the groups of the real
# package share one frame, and at 10^5 rows a column of 900,000 ids is not copied 70 times.
PADDING = 100_000


def _frames(columns: list) -> list[list[int]]:
    """The columns (polars Series) in frames of similar lengths: lists of their indices."""
    frames, cells = [], 0
    for k in sorted(range(len(columns)), key=lambda k: -len(columns[k])):
        if frames:
            height, width = len(columns[frames[-1][0]]), len(frames[-1]) + 1
            if height * width <= max(PADDING, 2 * (cells + len(columns[k]))):
                frames[-1].append(k)
                cells += len(columns[k])
                continue
        frames.append([k])
        cells = len(columns[k])
    return frames


def _failing_values(chunks, constraints: list[dict]) -> dict[tuple[int, str], list]:
    """(group index, pandera check) -> the group's distinct values that fail it, from the chunks of
    _distinct."""
    import polars as pl

    out: dict[tuple[int, str], dict] = {}
    for chunk in chunks:
        columns = [values for _, values in chunk]
        for frame in _frames(columns):
            height = max(len(columns[k]) for k in frame)
            data = pl.DataFrame({f"c{k}": columns[k].extend_constant(columns[k][0], height - len(columns[k]))
                                 for k in frame})
            with _without_pandas():
                from pandera.errors import SchemaErrors

                try:
                    _pandera_schema({f"c{k}": constraints[chunk[k][0]] for k in frame}).validate(data, lazy=True)
                    continue
                except SchemaErrors as e:
                    cases = e.failure_cases.to_dicts()
            for c in cases:
                if c.get("index") is not None:
                    value = data[c["column"]][c["index"]]
                    out.setdefault((chunk[int(c["column"][1:])][0], c["check"]), {})[value] = None
    return {key: list(values) for key, values in out.items()}


def _constraints(db) -> list:
    groups = _shared(db)
    if not groups:
        return []
    failing = _failing_values(_distinct(db, groups), [c for c, _ in groups])
    out = []
    for (g, check), values in failing.items():
        c, key = groups[g][0], check.split("(")[0]
        present = [v for v in values if v is not None]
        for t, f in groups[g][1]:
            col = ident(f.name)
            # a missing value fails `required`; a cell that is not of its type (typed null, raw
            # present) is a type-error, reported once there
            rows = db.rows(f"select y._line, r.{col} from {t.typed} y join {t.raw} r using (_line) where "
                           f"list_contains(?, y.{col})" + (f" or (y.{col} is null and r.{col} is null)"
                                                            if None in values else ""), [present])
            out += [(t.k, line, t.resource.names.index(f.name), _constraint_error(t, f.name, c, key, value, line))
                    for line, value in rows]
    # by cell, then constraint: not the order DuckDB found the distinct values in
    return [p for *_, p in sorted(out, key=lambda x: (*x[:3], _ORDER.index(x[3].constraint)))]


_ORDER = ("required", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum")


def _constraint_error(t, name: str, c: dict, key: str, value, line: int):
    if key == "str_length":
        constraint = "maxLength" if "maxLength" in c and len(str(value)) > c["maxLength"] else "minLength"
        message = (f"longer than maxLength {c['maxLength']}" if constraint == "maxLength"
                   else f"shorter than minLength {c.get('minLength')}")
        hint = _LENGTH_HINTS[constraint]
    else:
        constraint, hint = _CHECKS[key]
        message = {
            "required": "a required value is missing",
            "enum": f"not one of {c.get('enum')}",
            "pattern": f"does not match {c.get('pattern')}",
            "minimum": f"below the minimum {c.get('minimum')}",
            "maximum": f"above the maximum {c.get('maximum')}",
        }[constraint]
    return CONSTRAINT(t.file, line, name, None if constraint == "required" else value, message, hint=hint,
                      constraint=constraint)


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
    table has none: one query over every table says which, cheaper to plan than _characters'."""
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
    """unique-error and primary-key problems of every table: one query."""
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


def _percentages(db) -> list:
    """Figures measured in percent cannot exceed 100 (schemas say so only for some columns): a
    `measure` ending _pct, or a `unit` of percent, names a percentage. A value that is not a number
    is a type-error, reported there."""
    tables = [t for t in db.tables.values() if {"measure", "value"} <= set(t.resource.names)]
    queries = []
    for t in tables:
        unit = " or y.unit = 'percent'" if "unit" in t.resource.names else ""
        queries.append(f"select y._line, r.value from {t.typed} y join {t.raw} r using (_line) "
                       f"where (y.measure like '%\\_pct' escape '\\'{unit}) and y.value > 100")
    return [CONSTRAINT(t.file, line, "value", value, "a percentage above 100", hint=_CHECKS["less_than_or_equal_to"][1],
                       constraint="maximum") for t, rows in zip(tables, db.each(queries)) for line, value in rows]


def check(db, sources) -> list:
    problems, bad_cells = _type_errors(db)
    for t in _suspects(db):
        problems += _characters(db, t, sources)
    return problems + _keys(db, bad_cells) + _percentages(db) + _constraints(db)
