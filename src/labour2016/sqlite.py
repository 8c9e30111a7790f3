"""A SQLite copy of the package's tables, with Datasette metadata, for `labour2016 build`.

datapackage-to-datasette would be the natural importer, but with frictionless 5.21 it stops on
this package: frictionless's SQLite REGEXP function raises on NULL, so an optional field with a
pattern (entities.wikidata_id) aborts the import. This writes the same tables with the standard
library instead, typed from the Table Schemas, with their primary and foreign keys (Datasette
turns foreign keys into links) and every description as Datasette metadata.
"""
from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

from . import model
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


def _cell(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def write(con, pkg: model.Package, path: Path) -> None:
    """Write every table of the DuckDB connection con (loaded from pkg) to a new SQLite file."""
    db = sqlite3.connect(path)
    try:
        with db:
            for resource in pkg.resources.values():
                db.execute(create_table(resource))
                cols = ", ".join(map(ident, resource.names))
                rows = con.execute(f"select {cols} from {ident(resource.name)}").fetchall()
                db.executemany(f"INSERT INTO {ident(resource.name)} VALUES ({', '.join('?' * len(resource.fields))})",
                               [tuple(map(_cell, r)) for r in rows])
    finally:
        db.close()


def datasette_metadata(pkg: model.Package, database: str) -> dict:
    """Datasette's metadata.json: the package's title, licence and descriptions of every table and column."""
    d = pkg.raw
    licence = d["licenses"][0]
    tables = {}
    for name, resource in pkg.resources.items():
        table = {"description": resource.description, "columns": {f.name: f.description for f in resource.fields}}
        label = next((c for c in LABEL_COLUMNS if c in table["columns"]), None)
        if label:
            table["label_column"] = label
        tables[name] = table
    return {"title": d["title"], "description": d.get("description", ""),
            "license": licence["name"], "license_url": licence.get("path", ""),
            "source": f"labour2016 {d['version']}: every row names its source in source_id",
            "databases": {database: {"tables": tables}}}
