"""What each analytic view promises of its rows, asked of a connection's data.

Each view's Table Schema (queries/views/NAME.schema.json, see labour2016.catalog) declares what
a row is (its primary key or unique keys), which columns are never null and which values a
column may take. Tables that pass validate can still break them: a figure entered twice under
two ids gives `precision` two rows for one stated figure. tests/test_view_contracts.py asks
them of the real data on every change. A key is held with a null counted as a value (stricter
than Table Schema's uniqueKeys, which leaves such rows out).

validate does not run this: it would compute every view, whose cost grows with the data faster
than validate's own checks (discrepancies compares reports pairwise).
"""
from __future__ import annotations

from . import catalog, sqlgen
from .problems import Problem, Rule

# Asked by the view tests, not by validate: the rule's step is the view contracts' own.
VIEW_CONTRACT = Rule("view-contract", "View contract broken",
                     "a view's rows break what its Table Schema declares (key, required column, accepted values; "
                     "named in `constraint`)",
                     "fix the view's SQL or its schema, or the rows that break it", "view-contracts")
ROWS = "view_contract_rows"
SHOWN = 3  # repeated keys or values named per view and declaration


def violations(con, view: catalog.View) -> list[Problem]:
    """A problem (column, value, constraint, message) for each declaration the view breaks on con's data."""
    # Asked of the view's rows once computed: the view itself would be computed again per question.
    con.execute(f"create or replace temp table {ROWS} as select * from {sqlgen.ident(view.name)}")
    name, out = ROWS, []
    keys = [("primaryKey", view.primary_key)] * bool(view.primary_key) + [("uniqueKeys", k) for k in view.unique_keys]
    for constraint, key in keys:
        cols = ", ".join(map(sqlgen.ident, key))
        repeated = con.execute(f"select {cols}, count(*) as n from {name} group by all having count(*) > 1 "
                               f"order by n desc, {cols} limit {SHOWN}").fetchall()
        for row in repeated:
            out.append((constraint, ", ".join(key), tuple(row[:-1]),
                        f"view {view.name}: {row[-1]} rows share ({', '.join(key)}) = {tuple(row[:-1])!r}, "
                        f"which its grain says is one row ({view.grain})"))
    required = [f.name for f in view.fields if f.required or f.name in view.primary_key]
    if required:
        counts = con.execute("select " + ", ".join(f"count(*) filter (where {sqlgen.ident(c)} is null)" for c in required)
                             + f" from {name}").fetchone()
        out += [("required", c, None, f"view {view.name}: {n} rows have no {c}, which its schema says is never empty")
                for c, n in zip(required, counts) if n]
    for f in view.fields:
        accepted = f.constraints.get("enum")
        if accepted is None:
            continue
        col = sqlgen.ident(f.name)
        outside = con.execute(f"select distinct {col} from {name} where {col} is not null "
                              f"and not list_contains(?, {col}) order by all limit {SHOWN}", [accepted]).fetchall()
        out += [("enum", f.name, v, f"view {view.name}: {f.name} {v!r} is not one of its accepted values")
                for (v,) in outside]
    return [VIEW_CONTRACT(view.path, None, columns, value, message, constraint=constraint)
            for constraint, columns, value, message in out]
