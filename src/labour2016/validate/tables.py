"""Check 3: each table against its Table Schema, with pandera.

pandera's frictionless converter builds the type, required, enum, range, pattern and length
checks. Before it runs, this module turns the strings into typed columns itself, so that a
cell that is not a number, boolean or date is reported once as `type` (pandera's coercion
would drop the row context) and the rest of the column is still checked. What the converter
leaves out (date fields, primary keys) is added here from the same schema JSON.
"""
from __future__ import annotations

from . import Context, Table

_RULES = {
    "not_nullable": "required", "isin": "enum", "str_matches": "pattern",
    "greater_than_or_equal_to": "minimum", "greater_than": "minimum",
    "less_than_or_equal_to": "maximum", "less_than": "maximum",
}
_HINTS = {
    "required": "fill in this required value",
    "enum": "use one of the values the schema lists",
    "pattern": "make the value match the schema's pattern",
    "minimum": "check the figure (a sign or unit slip?)",
    "maximum": "check the figure (a share as a fraction, or a percentage over 100?)",
    "type": "write the value in the field's type (numbers without commas or units, ISO dates, true/false)",
    "primary-key": "make the row's key unique, or remove the duplicate row",
}


def _typed(ctx: Context, t: Table):
    import pandas as pd

    frame = t.frame
    missing = set(t.schema.get("missingValues", [""]))
    typed = frame.mask(frame.isin(missing))
    bad = pd.DataFrame(False, index=frame.index, columns=frame.columns)
    for f in t.schema["fields"]:
        name, kind = f["name"], f.get("type", "string")
        col = typed[name]
        present = col.notna()
        if kind in ("integer", "number"):
            parsed = pd.to_numeric(col, errors="coerce")
            wrong = present & parsed.isna()
            if kind == "integer":
                wrong |= present & parsed.notna() & (parsed % 1 != 0)
                parsed = parsed.where(~wrong).astype("Int64")
            else:
                parsed = parsed.where(~wrong).astype("float64")
            expected = "an integer" if kind == "integer" else "a number"
        elif kind == "boolean":
            true = set(f.get("trueValues", ["true", "True", "TRUE", "1"]))
            false = set(f.get("falseValues", ["false", "False", "FALSE", "0"]))
            wrong = present & ~col.isin(true | false)
            parsed = col.map(lambda v: True if v in true else (False if v in false else None)).astype("boolean")
            expected = "true or false"
        elif kind in ("date", "datetime"):
            fmt = "%Y-%m-%d" if kind == "date" else "ISO8601"
            parsed = pd.to_datetime(col, format=fmt, errors="coerce")
            wrong = present & parsed.isna()
            expected = "an ISO date (YYYY-MM-DD)" if kind == "date" else "an ISO date-time"
            parsed = col.where(~wrong)  # keep the text; pandera gets no checks for dates
        else:
            continue
        for i in wrong.to_numpy().nonzero()[0]:
            ctx.add(t.file, t.lines[i], name, frame[name].iloc[i], "type", f"not {expected}", _HINTS["type"])
        bad[name] = wrong
        typed[name] = parsed
    return typed, bad


def _pandera_schema(t: Table):
    import pandas as pd
    from pandera.io.pandas_io import from_frictionless_schema

    schema = from_frictionless_schema(t.schema)
    types = {f["name"]: f.get("type", "string") for f in t.schema["fields"]}
    columns = {}
    for name, col in schema.columns.items():
        kind = types.get(name)
        dtype = {"integer": "Int64", "number": "float64", "boolean": "boolean"}.get(kind)
        if kind in ("date", "datetime") or dtype is None and kind not in ("string", None):
            dtype = "string"
        if kind in ("string", None):
            dtype = "string"
        # Primary keys are checked in code (composite or not) so each duplicate names its line.
        columns[name] = {"dtype": pd.StringDtype() if dtype == "string" else dtype, "coerce": False,
                         "unique": False}
    schema = schema.update_columns(columns)
    schema.unique = None
    schema.coerce = False
    return schema


def _pandera(ctx: Context, t: Table) -> None:
    import pandas as pd
    from pandera.errors import SchemaErrors

    schema = _pandera_schema(t)
    frame = t.typed.copy()
    for name, col in schema.columns.items():
        if str(col.dtype) == "string":
            frame[name] = frame[name].astype(pd.StringDtype())
    try:
        schema.validate(frame, lazy=True)
        return
    except SchemaErrors as e:
        cases = e.failure_cases
    constraints = {f["name"]: f.get("constraints", {}) for f in t.schema["fields"]}
    cases = cases[cases["index"].notna()]
    for row in cases.itertuples(index=False):
        check = str(row.check)
        name = row.column
        i = int(row.index)
        if t.bad.at[i, name] if name in t.bad.columns else False:
            continue
        key = check.split("(")[0]
        value = t.frame.at[i, name] if name in t.frame.columns else row.failure_case
        c = constraints.get(name, {})
        if key == "in_range":
            v = t.typed.at[i, name]
            key = "greater_than_or_equal_to" if "minimum" in c and v < c["minimum"] else "less_than_or_equal_to"
        if key == "str_length":
            if "maxLength" in c and len(str(value)) > c["maxLength"]:
                rule, message = "maximum", f"longer than maxLength {c['maxLength']}"
            else:
                rule, message = "minimum", f"shorter than minLength {c.get('minLength')}"
        else:
            rule = _RULES.get(key, "type")
            message = {
                "required": "a required value is missing",
                "enum": f"not one of {c.get('enum')}",
                "pattern": f"does not match {c.get('pattern')}",
                "minimum": f"below the minimum {c.get('minimum')}",
                "maximum": f"above the maximum {c.get('maximum')}",
            }.get(rule, f"fails {check}")
        ctx.add(t.file, t.lines[i], name, None if rule == "required" else value, rule, message,
                _HINTS.get(rule, "see the Table Schema"))


def _primary_key(ctx: Context, t: Table) -> None:
    pk = t.schema.get("primaryKey")
    if not pk:
        return
    pk = [pk] if isinstance(pk, str) else list(pk)
    dup = t.frame.duplicated(subset=pk, keep="first")
    first = ~t.frame.duplicated(subset=pk, keep=False) | ~dup
    for i in dup.to_numpy().nonzero()[0]:
        key = tuple(t.frame[pk].iloc[i])
        same = (t.frame[pk] == list(key)).all(axis=1) & first
        orig = t.lines[same.to_numpy().nonzero()[0][0]]
        ctx.add(t.file, t.lines[i], ",".join(pk), "|".join(key) if len(key) > 1 else key[0], "primary-key",
                f"duplicate primary key (first at line {orig})", _HINTS["primary-key"])


def _percentages(ctx: Context, t: Table) -> None:
    """Figures measured in percent cannot exceed 100 (schemas say so only for some columns)."""
    import numpy as np

    if not {"measure", "value"} <= set(t.typed.columns):
        return
    pct = t.typed["measure"].astype(str).str.endswith("_pct")
    if "unit" in t.typed.columns:
        pct |= t.typed["unit"] == "percent"
    over = (pct & (t.typed["value"] > 100)).fillna(False).to_numpy()
    for i in np.flatnonzero(over):
        ctx.add(t.file, t.lines[i], "value", t.frame["value"].iloc[i], "maximum",
                "a percentage above 100", _HINTS["maximum"])


def check(ctx: Context) -> None:
    for t in ctx.tables.values():
        if t.frame is None:
            continue
        t.typed, t.bad = _typed(ctx, t)
        _pandera(ctx, t)
        _primary_key(ctx, t)
        _percentages(ctx, t)
