"""Python access to the package through DuckDB.

connect() loads the eleven resources as typed TABLES (the generated base views of
queries/views.sql, materialised), defines the analytic views over them, and by default
locks the connection: no file or network access, no configuration changes, so a query
cannot read or write anything outside the database. load() returns a pandas DataFrame;
pandas is imported only there.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from . import package, sqlgen

VIEWS_SQL = Path("queries") / "views.sql"


def views_sql(base: Path | None = None) -> str:
    """The text of queries/views.sql: the package's own, else the installed copy's."""
    for root in (base, package.root(), package.HERE / "package"):
        if root is not None and (Path(root) / VIEWS_SQL).is_file():
            return (Path(root) / VIEWS_SQL).read_text(encoding="utf-8")
    raise FileNotFoundError("labour2016: no queries/views.sql")


def connect(safe: bool = True, base: str | Path | None = None, database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A DuckDB connection holding the package's tables and views.

    base: folder holding datapackage.json and data/ (default: this package).
    safe: forbid external access and lock the configuration once everything is loaded.
    """
    base = Path(base).resolve() if base else package.root()
    before, block, after = sqlgen.split(views_sql(base))
    con = duckdb.connect(database)
    con.execute("set file_search_path = ?", [str(base)])
    # The base objects become tables: read the CSVs once, then nothing reads files again.
    con.execute(block.replace("create or replace view ", "create or replace table "))
    con.execute(after)
    con.execute("reset file_search_path")
    if safe:
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
    return con


def view_questions(base: Path | None = None) -> list[tuple[str, str]]:
    """(name, question) for every `-- view NAME: question` line of views.sql, in order."""
    out = []
    for line in views_sql(base).splitlines():
        if line.startswith("-- view ") and ":" in line:
            name, question = line[len("-- view "):].split(":", 1)
            out.append((name.strip(), question.strip()))
    return out


def load(name: str, con: duckdb.DuckDBPyConnection | None = None):
    """A table or view as a pandas DataFrame (types from the Table Schemas via DuckDB)."""
    import pandas  # noqa: F401  (only here: `labour2016 query` must not pay for it)

    names = {r[0] for r in (con or _shared()).execute(
        "select table_name from information_schema.tables").fetchall()}
    if name not in names:
        raise KeyError(f"labour2016: no table or view named {name!r}; have {sorted(names)}")
    return (con or _shared()).execute(f'select * from "{name}"').df()


_CON = None


def _shared() -> duckdb.DuckDBPyConnection:
    global _CON
    if _CON is None:
        _CON = connect()
    return _CON
