"""The views can be built over this package: every table and column that queries/views.sql reads
exists with a type it can use. Run on empty tables typed by the schema model, so a package missing
a table the views need is refused here, not by `build` later.

Binding the views takes DuckDB about 0.1 s, a tenth of validate's run on the real package. Whether
they bind depends only on what `fingerprint` digests: DuckDB's version, the views' SQL and each
table's fields and types. `labour2016 docs` binds them over the package's own schemas and records
that fingerprint in queries/views.bound; a package with the same fingerprint is not bound again.
Any other (a column renamed, a type changed, another DuckDB) is.
"""
from __future__ import annotations

from .. import package, sqlgen
from ..problems import Rule

VIEWS_ERROR = Rule("views-error", "Views error",
                   "the package's tables cannot carry labour2016's views (a table or column is missing)",
                   "restore the table or column the views read (see queries/views.sql and the data dictionary)",
                   "views")
RULES = (VIEWS_ERROR,)

BOUND = "queries/views.bound"  # the fingerprint the views were last bound over, by `labour2016 docs`


def fingerprint(model) -> str:
    """sha256 of what decides whether the views bind over a package's tables."""
    import hashlib
    import json

    import duckdb

    macros, _, analytic = sqlgen.split(sqlgen.views_sql())
    tables = sorted((r.name, [(f.name, f.type.duckdb) for f in r.fields]) for r in model.resources.values())
    return hashlib.sha256(json.dumps([duckdb.__version__, macros, analytic, tables]).encode()).hexdigest()


def _bound_before(model) -> bool:
    bound = package.root() / BOUND
    return bound.is_file() and bound.read_text(encoding="utf-8").strip() == fingerprint(model)


def check(model) -> list:
    import duckdb

    if model.refusals:
        return []  # the refusals are reported; views over a half-read package would only repeat them
    if _bound_before(model):
        return []
    macros, _, analytic = sqlgen.split(sqlgen.views_sql())
    con = duckdb.connect()
    try:
        con.execute("set enable_external_access = false")
        con.execute(macros)
        for r in model.resources.values():
            cols = ", ".join(f"{sqlgen.ident(f.name)} {f.type.duckdb}" for f in r.fields)
            con.execute(f"create table {sqlgen.ident(r.name)} ({cols})")
        con.execute(analytic)
    except duckdb.Error as e:
        return [VIEWS_ERROR(model.descriptor_file, None, None, None,
                            "the package's tables cannot carry labour2016's views: " + str(e).split("\n")[0])]
    finally:
        con.close()
    return []
