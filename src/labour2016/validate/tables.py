"""Each table against its Table Schema, with pandera.

The schema model's constraints become a pandera schema (required, enum, range, pattern and
length checks). Before it runs, this module turns the strings into typed columns itself, by the
type registry's syntax, so that a cell that is not a number, boolean or date is reported once as
`type-error` (pandera's coercion would drop the row context) and the rest of the column is still
checked. Primary keys are checked here too, from the same model. Rule ids are frictionless'.
"""
from __future__ import annotations

from . import Context, Table

# pandera check name -> the Table Schema constraint it enforces.
_CONSTRAINTS = {
    "not_nullable": "required", "isin": "enum", "str_matches": "pattern",
    "greater_than_or_equal_to": "minimum", "less_than_or_equal_to": "maximum", "field_uniqueness": "unique",
}
_HINTS = {
    "required": "fill in this required value",
    "enum": "use one of the values the schema lists",
    "pattern": "make the value match the schema's pattern",
    "minimum": "check the figure (a sign or unit slip?)",
    "maximum": "check the figure (a share as a fraction, or a percentage over 100?)",
    "minLength": "the value is too short for the schema",
    "maxLength": "the value is too long for the schema",
    "type-error": "write the value in the field's type (numbers without commas or units, ISO dates, true/false)",
    "primary-key": "make the row's key unique, or remove the duplicate row",
    "unique": "this field's values must all differ; fix or remove the repeated one",
}


def fullmatch(col, pattern: str):
    """Boolean Series: does each present value match the whole pattern? Tested once per distinct
    value: ids, sources and sections repeat down a column, so a million rows hold a few thousand
    distinct values, and a regex per cell was the slowest step of validate."""
    import re

    import numpy as np
    import pandas as pd

    regex = re.compile(pattern)
    codes, distinct = pd.factorize(col)
    ok = np.fromiter((regex.fullmatch(str(v)) is not None for v in distinct.tolist()), bool, len(distinct))
    return pd.Series(np.append(ok, True)[codes], index=col.index)


def _typed(ctx: Context, t: Table):
    """Each column parsed by its type in the registry (labour2016.model.TYPES); a cell that does
    not parse is reported once, as frictionless' type-error, and left out of later checks."""
    import pandas as pd

    frame = t.frame
    typed = frame.copy()
    bad = pd.DataFrame(False, index=frame.index, columns=frame.columns)
    for f in t.resource.fields:
        kind = f.type.name
        col = frame[f.name]
        present = col.notna()
        wrong = present & ~fullmatch(col, f.syntax) if f.syntax else present & False
        if kind == "boolean":
            wrong = present & ~col.isin(f.true_values + f.false_values)
        if not wrong.any() and kind == "string":
            continue
        usable = col.where(~wrong)
        if kind == "integer":
            typed[f.name] = pd.to_numeric(usable).astype("Int64")
        elif kind == "number":
            typed[f.name] = pd.to_numeric(usable.replace({"INF": "inf", "+INF": "inf", "-INF": "-inf"})).astype("float64")
        elif kind == "boolean":
            typed[f.name] = usable.isin(f.true_values).astype("boolean").mask(usable.isna())
        elif kind == "date":
            parsed = pd.to_datetime(usable, format="%Y-%m-%d", errors="coerce")
            wrong |= usable.notna() & parsed.isna()  # 2016-02-30 has the syntax but is no date
            typed[f.name] = col.where(~wrong)  # kept as text: pandera checks no dates
        else:
            typed[f.name] = usable
        for i in wrong.to_numpy().nonzero()[0]:
            ctx.add(t.file, t.lines[i], f.name, frame[f.name].iloc[i], "type-error",
                    f"not {f.type.expected}" + (f" ({f.format})" if f.format != "default" else ""),
                    _HINTS["type-error"])
        bad[f.name] = wrong
    return typed, bad


def _pattern_check(pa, pattern: str):
    return pa.Check(lambda col: fullmatch(col, pattern), name="str_matches", error=f"str_matches({pattern!r})")


def _pandera_schema(t: Table):
    """The Table Schema's constraints as a pandera schema of value checks.

    Types were parsed in _typed, which reports a bad cell once with its line, so pandera
    checks values only; keys are checked in _primary_key so that each duplicate can name the
    line it duplicates. Built from the JSON directly rather than through pandera's
    frictionless converter, which would import frictionless (0.1 s) for a mapping this short.
    """
    import pandera.pandas as pa

    columns = {}
    for f in t.resource.fields:
        c = f.constraints
        checks = []
        if "enum" in c:
            checks.append(pa.Check.isin(c["enum"]))
        if "pattern" in c:
            checks.append(_pattern_check(pa, c["pattern"]))
        if "minLength" in c or "maxLength" in c:
            checks.append(pa.Check.str_length(c.get("minLength"), c.get("maxLength")))
        if "minimum" in c:
            checks.append(pa.Check.ge(c["minimum"]))
        if "maximum" in c:
            checks.append(pa.Check.le(c["maximum"]))
        # a repeat is reported, not the first row it repeats (as frictionless and _primary_key do)
        columns[f.name] = pa.Column(checks=checks, nullable=not c.get("required", False),
                                    unique=c.get("unique", False), report_duplicates="exclude_first")
    return pa.DataFrameSchema(columns)


def _pandera(ctx: Context, t: Table) -> None:
    from pandera.errors import SchemaErrors

    schema = _pandera_schema(t)
    try:
        schema.validate(t.typed, lazy=True)
        return
    except SchemaErrors as e:
        cases = e.failure_cases
    constraints = {f.name: f.constraints for f in t.resource.fields}
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
        if key == "str_length":
            if "maxLength" in c and len(str(value)) > c["maxLength"]:
                constraint, message = "maxLength", f"longer than maxLength {c['maxLength']}"
            else:
                constraint, message = "minLength", f"shorter than minLength {c.get('minLength')}"
        else:
            constraint = _CONSTRAINTS.get(key, key)
            message = {
                "required": "a required value is missing",
                "enum": f"not one of {c.get('enum')}",
                "pattern": f"does not match {c.get('pattern')}",
                "minimum": f"below the minimum {c.get('minimum')}",
                "maximum": f"above the maximum {c.get('maximum')}",
                "unique": "repeats a value the schema says is unique",
            }.get(constraint, f"fails {check}")
        rule = "unique-error" if constraint == "unique" else "constraint-error"
        ctx.add(t.file, t.lines[i], name, None if constraint == "required" else value, rule, message,
                _HINTS.get(constraint, "see the Table Schema"), constraint=constraint)


def _primary_key(ctx: Context, t: Table) -> None:
    import numpy as np
    import pandas as pd

    pk = list(t.resource.primary_key)
    if not pk:
        return
    keys = t.frame[pk].fillna("")
    dup = keys.duplicated(keep="first").to_numpy()
    if not dup.any():
        return
    first = pd.Series(t.lines).groupby(keys.groupby(pk, sort=False).ngroup().to_numpy()).transform("min")
    for i in np.flatnonzero(dup):
        ctx.add(t.file, t.lines[i], ",".join(pk), "|".join(keys.iloc[i]), "primary-key",
                f"duplicate primary key (first at line {first.iloc[i]})", _HINTS["primary-key"])


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
        ctx.add(t.file, t.lines[i], "value", t.frame["value"].iloc[i], "constraint-error",
                "a percentage above 100", _HINTS["maximum"], constraint="maximum")


def check(ctx: Context) -> None:
    for t in ctx.tables.values():
        if t.frame is None:
            continue
        t.typed, t.bad = _typed(ctx, t)
        _pandera(ctx, t)
        _primary_key(ctx, t)
        _percentages(ctx, t)
