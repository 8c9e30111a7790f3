"""The views can be built over this package: every table and column that queries/views.sql reads
exists with a type it can use. Run on empty tables typed by the schema model, so a package missing
a table the views need is refused here, not by `build` later."""
from __future__ import annotations

from .. import sqlgen
from ..problems import Rule

VIEWS_ERROR = Rule("views-error", "Views error",
                   "the package's tables cannot carry labour2016's views (a table or column is missing)",
                   "restore the table or column the views read (see queries/views.sql and the data dictionary)",
                   "views")
RULES = (VIEWS_ERROR,)


def check(model) -> list:
    import duckdb

    if model.refusals:
        return []  # the refusals are reported; views over a half-read package would only repeat them
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
