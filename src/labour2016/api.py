"""Python access to the package through DuckDB.

connect() loads the eleven resources as typed TABLES (the generated base views of
queries/views.sql, materialised), defines the analytic views over them, and by default
locks the connection: no file or network access, no configuration changes, so a query
cannot read or write anything outside the database. Every connection is bounded in time
and memory, and spills nothing to disk (see labour2016.bounds). load() returns a pandas
DataFrame; pandas is imported only there.
"""
from __future__ import annotations

import weakref
from pathlib import Path

import duckdb

from . import bounds, model, package, sqlgen

# Open connections, so that Ctrl-C can interrupt a statement running in DuckDB's C code,
# where Python's own SIGINT handler cannot run until the statement ends (see cli.entry).
_OPEN: weakref.WeakSet = weakref.WeakSet()


def stopped(error: duckdb.Error) -> str | None:
    """What bound a DuckDB error says was hit ("timeout" or "memory"), else None.

    Ctrl-C and the timeout both raise InterruptException; only the timeout's says why.
    """
    if isinstance(error, duckdb.InterruptException) and "maximum execution time" in str(error):
        return "timeout"
    if isinstance(error, duckdb.OutOfMemoryException):
        return "memory"
    return None


def interrupt_all() -> None:
    """Interrupt the statement running on every open connection (Ctrl-C)."""
    for con in list(_OPEN):
        try:
            con.interrupt()
        except duckdb.Error:  # closed meanwhile
            pass


def connect(safe: bool = True, base: str | Path | None = None, database: str = ":memory:", *,
            timeout: float | None = bounds.TIMEOUT, memory_limit: str | None = bounds.MEMORY_LIMIT,
            threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection holding the package's tables and views.

    base: folder holding datapackage.json and data/ (default: this package, checkout or wheel).
    Its data is read; the SQL is always this library's own queries/views.sql, never a file of
    the package's. A package named by base is untrusted: it is validated first (as `labour2016 validate
    --no-sources`) and refused with validate's report, raising labour2016.model.PackageError.
    safe: forbid file and network access and lock the configuration once everything is loaded
    (pass safe=False to COPY results out, read your own files or ATTACH other databases).
    timeout (seconds), memory_limit ("2GB"), threads: the bounds of every statement (see
    labour2016.bounds; None lifts one); with safe, the locked configuration keeps them, so a
    query cannot SET them away.

    The base tables are the generated block of views.sql, regenerated here from the package
    model with absolute CSV paths (see sqlgen.generate) and materialised as tables, so
    nothing reads a file after loading; the analytic views are the rest of views.sql, verbatim.
    """
    if base is not None:
        from . import gate

        pkg = gate.check(Path(base))
    else:
        pkg = package.model()
    return open_model(pkg, safe, database, timeout=timeout, memory_limit=memory_limit, threads=threads)


def open_model(pkg: model.Package, safe: bool = True, database: str = ":memory:", *,
               timeout: float | None = bounds.TIMEOUT, memory_limit: str | None = bounds.MEMORY_LIMIT,
               threads: int | None = None, spill: str | None = None) -> duckdb.DuckDBPyConnection:
    """connect() for a package model that has already passed the gate; spill: a folder to spill
    into past memory_limit (a bounds.Workspace's), instead of failing."""
    macros, _, analytic = sqlgen.split(sqlgen.views_sql())
    block = sqlgen.generate(pkg, absolute=True)
    con = duckdb.connect(database, config=bounds.config(timeout, memory_limit, threads, spill))
    _OPEN.add(con)
    try:
        con.execute("set enable_progress_bar = false")  # DuckDB would draw it into the output
        con.execute(macros)
        con.execute(block.replace("create or replace view ", "create or replace table "))
        con.execute(analytic)
        if safe:
            con.execute("set enable_external_access = false")
            con.execute("set lock_configuration = true")
    except BaseException:
        con.close()  # before the caller's workspace, and a large package's database file, is removed
        raise
    return con


# DuckDB result type -> pandas dtype, from the type registry, so every integer is nullable and
# every boolean too (DuckDB's own .df() gives int64 or Int64 depending on whether a NULL happens
# to be present). A view's arithmetic gives integers of other widths: they read as the registry's.
PANDAS_TYPES = {t.duckdb: t.pandas for t in model.TYPES.values() if t.name != "string"}
PANDAS_TYPES.update({k: PANDAS_TYPES["BIGINT"] for k in ("INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT")})


def load(name: str, con: duckdb.DuckDBPyConnection | None = None):
    """A table or view as a pandas DataFrame, typed by the Table Schemas through DuckDB.

    integer -> Int64 (nullable), number -> float64, boolean -> boolean (nullable),
    date -> datetime64 (midnight; `.dt.date` gives datetime.date), string -> pandas' string dtype.
    """
    con = con or _shared()
    names = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    if name not in names:
        raise KeyError(f"labour2016: no table or view named {name!r}; have {sorted(names)}")
    rel = con.sql(f"select * from {sqlgen.ident(name)}")
    types = dict(zip(rel.columns, (str(t) for t in rel.types)))
    frame = rel.df()  # imports pandas, only here: `labour2016 query` must not pay for it
    return frame.astype({c: PANDAS_TYPES[t] for c, t in types.items() if t in PANDAS_TYPES})


_CON = None


def _shared() -> duckdb.DuckDBPyConnection:
    global _CON
    if _CON is None:
        _CON = connect()
    return _CON
