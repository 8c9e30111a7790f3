"""A SQLite copy of the package's tables and views, with Datasette metadata, for `labour2016 build`.

datapackage-to-datasette would be the natural importer, but with frictionless 5.21 it stops on
this package: frictionless's SQLite REGEXP function raises on NULL, so an optional field with a
pattern (entities.wikidata_id) aborts the import. This writes the same tables with the standard
library instead, typed from the Table Schemas, with their primary and foreign keys (Datasette
turns foreign keys into links) and every description as Datasette metadata.

The analytic views are DuckDB SQL. Each is translated to SQLite by sqlglot and kept as a SQLite
view only if, in this file, it gives exactly the rows DuckDB gives; a view whose SQL does not
translate (DuckDB's macros, ordered string_agg, ...) or answers differently is stored instead as
a table holding DuckDB's answer, typed from the view's Table Schema. Which of the two each view
is, is said in its Datasette description (and returned by write).
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections import Counter
from pathlib import Path

from . import catalog, model
from .sqlgen import ident

LABEL_COLUMNS = ("name", "title")


def create_table(resource: model.Resource) -> str:
    """CREATE TABLE from the schema model: column types, required fields, primary and foreign keys."""
    lines = [f"{ident(f.name)} {f.type.sqlite}{' NOT NULL' if f.required else ''}" for f in resource.fields]
    if resource.primary_key:
        lines.append(f"PRIMARY KEY ({', '.join(map(ident, resource.primary_key))})")
    for fk in resource.foreign_keys:
        lines.append(f"FOREIGN KEY ({', '.join(map(ident, fk.fields))}) REFERENCES {ident(fk.resource or resource.name)} "
                     f"({', '.join(map(ident, fk.reference))})")
    return f"CREATE TABLE {ident(resource.name)} (\n  " + ",\n  ".join(lines) + "\n)"


VIEW, COMPUTED = "view", "table"  # how a view is stored in the SQLite file


# Rows go from DuckDB to SQLite a batch at a time, so memory holds a batch, not a table: at 10^6 rows,
# each table fetched whole and then copied cell by cell took build's peak memory to 7.4 GB.
BATCH = 20_000


def _batches(con, name: str, fields: tuple[model.Field, ...]):
    """The rows of table or view name, a batch at a time, as SQLite stores them: DuckDB writes a date
    as its ISO text, so no cell is converted in Python. The fields' Table Schema types are the
    columns' (the view contracts hold it for views), and no other type needs converting."""
    cursor = con.execute("select " + ", ".join(f"strftime({ident(f.name)}, '%Y-%m-%d')" if f.type.name == "date"
                                               else ident(f.name) for f in fields) + f" from {ident(name)}")
    while rows := cursor.fetchmany(BATCH):
        yield rows


def _insert(db: sqlite3.Connection, name: str, batches) -> None:
    for rows in batches:
        db.executemany(f"INSERT INTO {ident(name)} VALUES ({', '.join('?' * len(rows[0]))})", rows)


def _comparable(row) -> bytes:
    """A row as both engines give it, digested: booleans as 0/1, floats to 9 significant digits (the
    two engines may sum in a different order), so that equal answers digest equal. A digest, not
    hash(), under which -1 and -2 are equal."""
    out = []
    for v in row:
        if isinstance(v, bool):
            v = int(v)
        elif isinstance(v, float):
            v = float(f"{v:.9g}") + 0.0  # + 0.0: -0.0 is 0.0, as it compares
        out.append(v)
    return hashlib.blake2b(repr(out).encode(), digest_size=16).digest()


def translate(view: catalog.View) -> str | None:
    """The view's SELECT in SQLite's dialect, or None where sqlglot cannot translate it."""
    import sqlglot

    logging.getLogger("sqlglot").setLevel(logging.ERROR)  # its warnings are answered by the comparison below
    try:
        tree = sqlglot.parse_one(view.sql, read="duckdb")
        return tree.expression.sql(dialect="sqlite")
    except (sqlglot.errors.SqlglotError, AttributeError):
        return None


def _translated_rows(db: sqlite3.Connection, view: catalog.View) -> Counter | None:
    """Create view as a SQLite view from its translation and count its rows (as _comparable digests
    them); None (and no view left) where it does not translate or SQLite cannot run it."""
    body = translate(view)
    if body is None:
        return None
    try:
        # the column list names the columns as the Table Schema does, whatever the translation says
        db.execute(f"CREATE VIEW {ident(view.name)} ({', '.join(map(ident, view.names))}) AS {body}")
        return Counter(map(_comparable, db.execute(f"select * from {ident(view.name)}")))
    except sqlite3.Error:
        db.execute(f"DROP VIEW IF EXISTS {ident(view.name)}")
        return None


def store_view(con, db: sqlite3.Connection, view: catalog.View, source: str) -> str:
    """Put view into db: as a SQLite view if its translation gives exactly DuckDB's rows (VIEW),
    else as a table of DuckDB's rows typed from the view's Table Schema (COMPUTED). DuckDB's rows
    are read from source, a table (or the view) of con holding them."""
    got = _translated_rows(db, view)
    if got is not None:
        for rows in _batches(con, source, view.fields):
            got.subtract(map(_comparable, rows))
        if not any(got.values()):
            return VIEW
        db.execute(f"DROP VIEW {ident(view.name)}")
    db.execute(f"CREATE TABLE {ident(view.name)} ({', '.join(f'{ident(f.name)} {f.type.sqlite}' for f in view.fields)})")
    _insert(db, view.name, _batches(con, source, view.fields))
    return COMPUTED


def write(con, pkg: model.Package, path: Path, views: list[catalog.View], computed: dict[str, str]) -> dict[str, str]:
    """Write every table and view of the DuckDB connection con (loaded from pkg) to a new SQLite
    file; return each view's name -> VIEW or COMPUTED. computed: view name -> a table of con
    holding its rows, read in place of the view."""
    kinds = {}
    db = sqlite3.connect(path)
    try:
        with db:
            for resource in pkg.resources.values():
                db.execute(create_table(resource))
                _insert(db, resource.name, _batches(con, resource.name, resource.fields))
            # in dependency order, so a view reads the views (or computed tables) before it
            for view in catalog.in_dependency_order(views):
                kinds[view.name] = store_view(con, db, view, computed[view.name])
    finally:
        db.close()
    return kinds


def view_description(view: catalog.View, kind: str) -> str:
    how = (f"A SQLite view: {view.path} translated from DuckDB's SQL, giving the rows DuckDB gives."
           if kind == VIEW else
           f"A table computed by DuckDB from {view.path} when the file was built (its SQL does not "
           "translate to SQLite): a snapshot of the view, not a live view.")
    return f"{view.question[0].upper()}{view.question[1:]} {view.grain[0].upper()}{view.grain[1:]}. {how}"


def datasette_metadata(pkg: model.Package, database: str, views: list[catalog.View], kinds: dict[str, str]) -> dict:
    """Datasette's metadata.json: the package's title, licence and descriptions of every table,
    view and column; kinds (from write) says how each view is stored."""
    d = pkg.raw
    licence = d["licenses"][0]
    tables = {}
    for name, resource in pkg.resources.items():
        table = {"description": resource.description, "columns": {f.name: f.description for f in resource.fields}}
        label = next((c for c in LABEL_COLUMNS if c in table["columns"]), None)
        if label:
            table["label_column"] = label
        tables[name] = table
    for view in views:
        tables[view.name] = {"description": view_description(view, kinds[view.name]),
                             "columns": {f.name: f.description for f in view.fields}}
    return {"title": d["title"], "description": d.get("description", ""),
            "license": licence["name"], "license_url": licence.get("path", ""),
            "source": f"labour2016 {d['version']}: every row names its source in source_id",
            "databases": {database: {"tables": tables}}}
