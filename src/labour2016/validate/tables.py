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


def _type_errors(db, t) -> tuple[list, set]:
    """type-error problems, and the (line, field) cells they name."""
    parts, params = [], []
    for f in t.resource.fields:
        name = ident(f.name)
        if f.type.name != "string":
            bad, extra = f"r.{name} is not null and y.{name} is null", []
        elif f.syntax:
            bad, extra = f"r.{name} is not null and not regexp_full_match(r.{name}, ?)", [f.syntax]
        else:
            continue
        parts.append(f"select r._line, ? as field, r.{name} as value from {t.raw} r join {t.typed} y using (_line) "
                     f"where {bad}")
        params += [f.name, *extra]
    if not parts:
        return [], set()
    fields = {f.name: f for f in t.resource.fields}
    found = db.rows(" union all ".join(parts), params)
    problems = [TYPE_ERROR(t.file, line, name, value, f"not {fields[name].type.expected}"
                           + (f" ({fields[name].format})" if fields[name].format != "default" else ""))
                for line, name, value in found]
    return problems, {(line, name) for line, name, _ in found}


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
        parts = " union all ".join(
            f"select distinct {g} as g, v from ("
            + " union all ".join(f"select {ident(f.name)} as v from {t.typed}" for t, f in groups[g][1]) + ")"
            for g in numbers)
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
            out += [_constraint_error(t, f.name, c, key, value, line) for line, value in rows]
    return out


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
    """The text cells holding a character no editor shows (accepted in a verbatim span its source,
    when at hand, has verbatim) or opening as a formula: one query over the table's text columns,
    which returns only those cells."""
    text = [(k, f.name) for k, f in enumerate(t.resource.fields) if f.type.name == "string"]
    if not text:
        return []
    source = "source_id" if "source_id" in t.resource.names else "null"
    # the patterns are constants of labour2016, never a package's; a file the reader found no
    # invisible character in needs no search for one
    # ord() of a cell's first character sorts out the cells that may be formulas, six times faster
    # than a pattern: at 10^6 rows every table's text columns are 10^8 cells
    openers = ", ".join(str(ord(c)) for c in FORMULA_OPENERS)

    def hidden(cell: str) -> str:
        return f"regexp_matches({cell}, '{invisible.CLASS}')" if t.hidden else "false"

    def suspect(cell: str) -> str:
        return f"ord({cell}) in ({openers})" + (f" or {hidden(cell)}" if t.hidden else "")

    # almost every table has no such cell: one scan says so, cheaper to plan than the query below,
    # a branch a column (the real package's 17 tables: 0.05 s, not 0.19 s)
    if not db.rows(f"select 1 from {t.raw} where {' or '.join(suspect(ident(name)) for _, name in text)} limit 1"):
        return []
    cells = " union all ".join(f"select _line, {k} as k, {ident(name)} as value, {source} as sid from {t.raw} "
                               f"where {suspect(ident(name))}" for k, name in text)
    found = db.rows(f"select * from (select *, {hidden('value')} as invisible, ord(value) in ({openers}) "
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


def _repeats(db, t, columns: list[str]) -> list[tuple]:
    """(line, values, first line) of each row whose values of `columns` an earlier row has (a
    missing value counts as "" in a key, as frictionless reads it)."""
    keys = ", ".join(f"coalesce({ident(c)}, '') as k{i}" for i, c in enumerate(columns))
    ks = ", ".join(f"k{i}" for i in range(len(columns)))
    # a hash of the keys finds the repeated ones; only their rows are ordered to name the first
    return db.rows(f"with k as (select _line, {keys} from {t.raw}) "
                   f"select _line, key, first from (select _line, [{ks}] as key, min(_line) over (partition by {ks}) "
                   f"as first from k semi join (select {ks} from k group by all having count(*) > 1) d using ({ks})) "
                   f"where _line > first order by _line")


def _keys(db, t, bad_cells: set) -> list:
    out = []
    for f in t.resource.fields:
        if f.constraints.get("unique"):
            out += [UNIQUE(t.file, line, f.name, values[0], "repeats a value the schema says is unique",
                           constraint="unique")
                    for line, values, _ in _repeats(db, t, [f.name]) if values[0] != "" and (line, f.name) not in bad_cells]
    pk = list(t.resource.primary_key)
    if pk:
        out += [PRIMARY_KEY(t.file, line, ",".join(pk), "|".join(values), f"duplicate primary key (first at line {first})")
                for line, values, first in _repeats(db, t, pk)]
    return out


def _percentages(db, t, bad_cells: set) -> list:
    """Figures measured in percent cannot exceed 100 (schemas say so only for some columns): a
    `measure` ending _pct, or a `unit` of percent, names a percentage."""
    names = t.resource.names
    if not {"measure", "value"} <= set(names):
        return []
    unit = " or y.unit = 'percent'" if "unit" in names else ""
    rows = db.rows(f"select y._line, r.value from {t.typed} y join {t.raw} r using (_line) "
                   f"where (y.measure like '%\\_pct' escape '\\'{unit}) and y.value > 100 order by y._line")
    return [CONSTRAINT(t.file, line, "value", value, "a percentage above 100", hint=_CHECKS["less_than_or_equal_to"][1],
                       constraint="maximum") for line, value in rows if (line, "value") not in bad_cells]


def check(db, sources) -> list:
    out = []
    for t in db.tables.values():
        problems, bad_cells = _type_errors(db, t)
        out += problems + _characters(db, t, sources) + _keys(db, t, bad_cells) + _percentages(db, t, bad_cells)
    return out + _constraints(db)
