"""Each cell against its field's constraints in the Table Schema, through pandera.

The constraints (required, enum, pattern, length, range) are one pandera schema built from the
Table Schemas, a column for each type and set of constraints that fields share; pandera's polars
backend runs it on each distinct value of those fields, which DuckDB hands over through the Arrow C
stream interface: the backend benchmarks/RESULTS.md chose by measurement. Polars' regular
expressions run in linear time, so no pattern can hang validate. A cell that is not of its type is
the tables step's type-error, and left out here. A step of its own, beside the tables step's DuckDB
queries: importing pandera and polars alone takes 0.26 s, a quarter of the real package's run.
Percentages above 100 are a constraint too, where a figure's measure or unit says it is one.
The rule id is frictionless'.
"""
from __future__ import annotations

import contextlib
import json
import sys

from .. import model
from ..problems import Rule
from ..sqlgen import ident

STEP = "constraints"
CONSTRAINT = Rule("constraint-error", "Constraint error", "a cell breaks a constraint of its field (named in `constraint`)",
                  "see the Table Schema", STEP)
RULES = (CONSTRAINT,)

# pandera check name -> (the Table Schema constraint it enforces, hint)
_CHECKS = {
    "not_nullable": ("required", "fill in this required value"),
    "isin": ("enum", "use one of the values the schema lists"),
    "str_matches": ("pattern", "make the value match the schema's pattern"),
    "greater_than_or_equal_to": ("minimum", "check the figure (a sign or unit slip?)"),
    "less_than_or_equal_to": ("maximum", "check the figure (a share as a fraction, or a percentage over 100?)"),
}
_LENGTH_HINTS = {"minLength": "the value is too short for the schema", "maxLength": "the value is too long for the schema"}


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
    # by cell, then constraint in the order the schema model lists them: not the order DuckDB found
    # the distinct values in
    order = list(model.CONSTRAINTS)
    return [p for *_, p in sorted(out, key=lambda x: (*x[:3], order.index(x[3].constraint)))]


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


def check(db) -> list:
    return _constraints(db) + _percentages(db)
