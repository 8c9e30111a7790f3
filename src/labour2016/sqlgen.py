"""Generate the base views of queries/views.sql from the Table Schemas.

SQL column types come from each resource's Table Schema, never from a hand-kept list:
`python -m labour2016.sqlgen` rewrites the block between the GENERATED markers in
queries/views.sql, and `--check` exits 1 when the checked-in block is stale.
Imports nothing heavier than json.
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import package

BEGIN = "-- BEGIN GENERATED"
END = "-- END GENERATED"

# Table Schema field type -> DuckDB type. Any other type stops generation (no silent VARCHAR).
SQL_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "date": "DATE",
    "boolean": "BOOLEAN",
}


def sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def base_view(name: str, resource: dict, schema: dict, path: str | None = None) -> str:
    """`create or replace view NAME as select * from read_csv(...)` typed by the schema.

    path: the CSV path to read (default: the resource's own, relative to the package root).
    """
    fields = schema["fields"]
    cols = []
    for f in fields:
        t = f.get("type", "string")
        if t not in SQL_TYPES:
            raise ValueError(f"{name}.{f['name']}: Table Schema type {t!r} has no SQL type in sqlgen.SQL_TYPES")
        cols.append(f"        {sql_str(f['name'])}: {sql_str(SQL_TYPES[t])}")
    missing = schema.get("missingValues", [""])
    if len(missing) != 1:
        raise ValueError(f"{name}: sqlgen handles exactly one missing value, got {missing!r}")
    dialect = resource.get("dialect", {})
    delim = dialect.get("delimiter", ",")
    header = "true" if dialect.get("header", True) else "false"
    return (
        f"create or replace view {name} as\n"
        f"select * from read_csv({sql_str(path or resource['path'])},\n"
        f"    header = {header}, delim = {sql_str(delim)}, quote = '\"', escape = '\"',\n"
        f"    nullstr = {sql_str(missing[0])}, auto_detect = false,\n"
        f"    columns = {{\n" + ",\n".join(cols) + "\n    });"
    )


def generate(base: Path | None = None, absolute: bool = False) -> str:
    """The generated block, markers included, for the package at base (default: this package).

    absolute: read each CSV by its absolute path under base. The checked-in block uses
    relative paths (for the DuckDB CLI run from the package root); the Python side uses
    absolute ones, because DuckDB resolves a relative path against the working directory
    before file_search_path, so a `data/votes.csv` in the caller's folder would win.
    """
    root = Path(base or package.root()).resolve()
    parts = [
        BEGIN + " by `python -m labour2016.sqlgen` from schemas/*.schema.json: do not edit by hand",
        "-- One view per resource, typed by its Table Schema (reported values, as in data/).",
    ]
    for name, resource in package.resources(base).items():
        path = str(root / resource["path"]) if absolute else None
        parts.append(base_view(name, resource, package.table_schema(resource, base), path))
    parts.append(END)
    return "\n".join(parts)


def split(text: str) -> tuple[str, str, str]:
    """(before, generated block including markers, after) of a views.sql text."""
    start = text.index(BEGIN)
    stop = text.index(END, start)
    stop = text.index("\n", stop) if "\n" in text[stop:] else len(text)
    return text[:start], text[start:stop], text[stop:]


def base_names(base: Path | None = None) -> list[str]:
    return list(package.resources(base))


def rewrite(path: Path, base: Path | None = None) -> bool:
    """Rewrite the generated block in path; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    before, block, after = split(text)
    new = before + generate(base) + after
    if new != text:
        path.write_text(new, encoding="utf-8")
        return True
    return False


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    base = package.root()
    path = base / "queries" / "views.sql"
    if "--check" in argv:
        _, block, _ = split(path.read_text(encoding="utf-8"))
        if block != generate(base):
            print(f"{path}: generated block is stale; run python -m labour2016.sqlgen", file=sys.stderr)
            return 1
        return 0
    changed = rewrite(path, base)
    print(f"{path}: {'rewritten' if changed else 'already up to date'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
