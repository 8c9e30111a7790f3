"""Assemble queries/views.sql, the one entry file for SQL over the package, from its parts.

    queries/macros.sql      the figure_* macros (the interval a stated figure allows)
    schemas/*.schema.json   one base view per resource, typed by the schema model's type
                            registry (labour2016.model.TYPES), between the GENERATED markers
    queries/views/*.sql     the analytic views, one a file (see labour2016.catalog)

`python -m labour2016.sqlgen` rewrites views.sql, and `--check` exits 1 when the checked-in
file is stale. Imports nothing heavier than json.
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import model, package
from .atomic import write_atomic
from .problems import Exit

BEGIN = "-- BEGIN GENERATED"
END = "-- END GENERATED"
VIEWS_SQL = "queries/views.sql"
MACROS_SQL = "queries/macros.sql"
INTRO = """\
-- labour2016: the one entry file for SQL over the data package.
--
--   duckdb -c ".read queries/views.sql" -c "select * from results"     (from the package root)
--   labour2016 query "select * from results"                           (from anywhere)
--
-- Assembled by `python -m labour2016.sqlgen` from queries/macros.sql, schemas/*.schema.json and
-- queries/views/*.sql: edit those and regenerate, never this file.
-- Reported values live in data/ and come through the generated base views unchanged.
-- Everything derived (canonical results, totals, shares, margins, turnout rates) is made
-- in the analytic views, and says how: `basis` (reported / derived), `source_id` and `why`.
-- Nothing is corrected: where sources disagree, `discrepancies` shows both sides.
-- Each analytic view is its own file in queries/views/, headed by the question it answers and
-- its grain, its columns described in NAME.schema.json: `labour2016 views` lists them and
-- `labour2016 dictionary NAME` describes one.
"""
ANALYTIC = "-- Analytic views " + "-" * 72

def sql_str(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    """A SQL identifier, quoted, for DuckDB and SQLite alike: a name from a package never
    becomes SQL text of its own."""
    return '"' + name.replace('"', '""') + '"'


def read_csv_sql(resource: model.Resource, path: str, typed: bool = True) -> str:
    """DuckDB's read_csv(...) for a resource: columns typed by the schema model, or all text."""
    cols = ",\n".join(f"        {sql_str(f.name)}: {sql_str(f.type.duckdb if typed else 'VARCHAR')}"
                      for f in resource.fields)
    nulls = ", ".join(sql_str(m) for m in resource.missing_values)
    return (f"read_csv({sql_str(path)},\n"
            f"    header = {'true' if resource.header else 'false'}, delim = {sql_str(resource.delimiter)}, "
            f"quote = '\"', escape = '\"',\n"
            f"    nullstr = [{nulls}], auto_detect = false,\n"
            f"    columns = {{\n{cols}\n    }})")


def base_view(resource: model.Resource, path: str | None = None) -> str:
    """`create or replace view NAME as select * from read_csv(...)` typed by the schema model.

    path: the CSV path to read (default: the resource's own, relative to the package root).
    """
    return f"create or replace view {ident(resource.name)} as\nselect * from {read_csv_sql(resource, path or resource.path)};"


def generate(pkg: model.Package | None = None, absolute: bool = False) -> str:
    """The generated block, markers included, for a package model (default: this package's).

    absolute: read each CSV by its absolute, resolved path. The checked-in block uses
    relative paths (for the DuckDB CLI run from the package root); the Python side uses
    absolute ones, because DuckDB resolves a relative path against the working directory
    before file_search_path, so a `data/votes.csv` in the caller's folder would win.
    """
    pkg = pkg or package.model()
    if pkg.refusals:
        r = pkg.refusals[0]
        raise model.PackageError(f"{r.file} [{r.column}]: {r.rule} — {r.message} (run labour2016 validate)",
                                 pkg.refusals)
    parts = [
        BEGIN + " by `python -m labour2016.sqlgen` from schemas/*.schema.json: do not edit by hand",
        "-- One view per resource, typed by its Table Schema (reported values, as in data/).",
    ]
    for resource in pkg.resources.values():
        parts.append(base_view(resource, str(resource.file) if absolute else None))
    parts.append(END)
    return "\n".join(parts)


def comments_sql(pkg: model.Package, views: list) -> str:
    """COMMENT ON statements giving every table, view and column its description, from the Table
    Schemas of the tables and of the views (labour2016.catalog), for a database file whose users
    read them with duckdb_tables(), duckdb_views() and duckdb_columns()."""
    out = []
    for kind, name, about, fields in [("table", r.name, r.title or r.description, r.fields) for r in pkg.resources.values()] \
            + [("view", v.name, f"{v.question} {v.grain[0].upper()}{v.grain[1:]}.", v.fields) for v in views]:
        out.append(f"comment on {kind} {ident(name)} is {sql_str(about)};")
        out += [f"comment on column {ident(name)}.{ident(f.name)} is {sql_str(f.description)};" for f in fields]
    return "\n".join(out)


def views_sql() -> str:
    """This library's queries/views.sql (checkout or wheel): the only SQL any door runs, whatever
    package it reads, so a package's own files never become SQL."""
    return (package.root() / VIEWS_SQL).read_text(encoding="utf-8")


def assemble(base: Path | None = None) -> str:
    """views.sql as its parts under base (default: this library's) make it."""
    from . import catalog

    base = base or package.root()
    macros = (base / MACROS_SQL).read_text(encoding="utf-8")
    views = "\n".join(v.sql for v in catalog.in_dependency_order(catalog.views(base)))
    return f"{INTRO}\n{macros}\n{generate(package.model(base))}\n\n{ANALYTIC}\n\n{views}"


def split(text: str) -> tuple[str, str, str]:
    """(before, generated block including markers, after) of a views.sql text."""
    start = text.index(BEGIN)
    stop = text.index(END, start)
    stop = text.index("\n", stop) if "\n" in text[stop:] else len(text)
    return text[:start], text[start:stop], text[stop:]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    base = package.root()
    path = base / VIEWS_SQL
    try:
        text = assemble(base)
    except (model.CatalogError, model.PackageError) as e:
        print(f"labour2016.sqlgen: {e}", file=sys.stderr)
        return Exit.CANNOT_RUN
    if "--check" in argv:
        if path.read_text(encoding="utf-8") != text:
            print(f"{path}: stale, not what its parts make; run `make docs` (or python -m labour2016.sqlgen)", file=sys.stderr)
            return Exit.PROBLEMS
        return 0
    changed = path.read_text(encoding="utf-8") != text if path.is_file() else True
    if changed:
        write_atomic(path, text)
    print(f"{path}: {'rewritten' if changed else 'already up to date'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
