"""The views can be built over this package: every table and column that
queries/views.sql reads exists with a type it can use. Run on empty tables typed by the schema
model, so a package missing a table the views need is refused here, not by `build` later."""
from __future__ import annotations

from .. import sqlgen
from . import Context


def check(ctx: Context) -> None:
    import duckdb

    if ctx.model is None or ctx.model.refusals:
        return  # the refusals are reported; views over a half-read package would only repeat them
    macros, _, analytic = sqlgen.split(sqlgen.views_sql())
    con = duckdb.connect()
    try:
        con.execute("set enable_external_access = false")
        con.execute(macros)
        for r in ctx.model.resources.values():
            cols = ", ".join(f"{sqlgen.ident(f.name)} {f.type.duckdb}" for f in r.fields)
            con.execute(f"create table {sqlgen.ident(r.name)} ({cols})")
        con.execute(analytic)
    except duckdb.Error as e:
        ctx.add(ctx.descriptor_file, None, None, None, "views-error",
                "the package's tables cannot carry labour2016's views: " + str(e).split("\n")[0],
                "restore the table or column the views read (see queries/views.sql and the data dictionary)")
    finally:
        con.close()
