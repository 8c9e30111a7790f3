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

from . import package

# Table Schema field type -> SQLite type. Any other type stops the build (no silent TEXT).
SQLITE_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "date": "TEXT", "boolean": "INTEGER"}
LABEL_COLUMNS = ("name", "title")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _keys(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def create_table(name: str, schema: dict) -> str:
    """CREATE TABLE for a Table Schema: column types, required fields, primary and foreign keys."""
    lines = []
    for f in schema["fields"]:
        kind = f.get("type", "string")
        if kind not in SQLITE_TYPES:
            raise ValueError(f"{name}.{f['name']}: Table Schema type {kind!r} has no SQLite type in sqlite.SQLITE_TYPES")
        required = " NOT NULL" if f.get("constraints", {}).get("required") else ""
        lines.append(f"{_q(f['name'])} {SQLITE_TYPES[kind]}{required}")
    if "primaryKey" in schema:
        lines.append(f"PRIMARY KEY ({', '.join(map(_q, _keys(schema['primaryKey'])))})")
    for fk in schema.get("foreignKeys", []):
        target = fk["reference"].get("resource") or name
        lines.append(f"FOREIGN KEY ({', '.join(map(_q, _keys(fk['fields'])))}) REFERENCES {_q(target)} "
                     f"({', '.join(map(_q, _keys(fk['reference']['fields'])))})")
    return f"CREATE TABLE {_q(name)} (\n  " + ",\n  ".join(lines) + "\n)"


def _cell(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def write(con, base: Path, path: Path) -> None:
    """Write every table of the DuckDB connection con (loaded from base) to a new SQLite file."""
    db = sqlite3.connect(path)
    try:
        with db:
            for name, resource in package.resources(base).items():
                schema = package.table_schema(resource, base)
                db.execute(create_table(name, schema))
                cols = [f["name"] for f in schema["fields"]]
                rows = con.execute(f"select {', '.join(map(_q, cols))} from {_q(name)}").fetchall()
                db.executemany(f"INSERT INTO {_q(name)} VALUES ({', '.join('?' * len(cols))})",
                               [tuple(map(_cell, r)) for r in rows])
    finally:
        db.close()


def datasette_metadata(base: Path, database: str) -> dict:
    """Datasette's metadata.json: the package's title, licence and descriptions of every table and column."""
    d = package.descriptor(base)
    licence = d["licenses"][0]
    tables = {}
    for name, resource in package.resources(base).items():
        fields = package.table_schema(resource, base)["fields"]
        table = {"description": resource.get("description", ""),
                 "columns": {f["name"]: f.get("description", "") for f in fields}}
        label = next((c for c in LABEL_COLUMNS if c in table["columns"]), None)
        if label:
            table["label_column"] = label
        tables[name] = table
    return {"title": d["title"], "description": d.get("description", ""),
            "license": licence["name"], "license_url": licence.get("path", ""),
            "source": f"labour2016 {d['version']}: every row names its source in source_id",
            "databases": {database: {"tables": tables}}}
