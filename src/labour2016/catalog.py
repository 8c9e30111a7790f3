"""The analytic views: a SQL file and a Table Schema for each, under queries/views/.

queries/views/NAME.sql opens with two comment lines,

    -- view NAME: the question the view answers?
    -- grain: one row per ...

then holds the one `create or replace view NAME` statement. NAME.schema.json beside it is a
Table Schema, parsed by the same model as the package's tables: it describes every column the
view gives, in order, and declares the view's primary key, its required (never null) columns
and accepted values (enum). A view whose rows are told apart only by columns that may be null
(a discrepancy without a subject) declares `uniqueKeys` instead, Table Schema v2's unique
constraint; the test holds them with a null counted as a value, stricter than the standard,
which leaves rows with a null out of the check. tests/test_view_contracts.py holds every view to its schema.

queries/views.sql, the entry file the DuckDB CLI reads, is assembled from these files by
labour2016.sqlgen, in the order their references to one another need (in_dependency_order).
Imports nothing heavier than json.
"""
from __future__ import annotations

import graphlib
import re
from dataclasses import dataclass
from pathlib import Path

from . import model, package
from .model import CatalogError

FOLDER = "queries/views"
HEAD = re.compile(r"-- view (?P<name>[a-z0-9_]+): (?P<question>.+\?)\n-- grain: (?P<grain>one row per .+)\n")
CREATE = re.compile(r"^create or replace view ([a-z0-9_]+) as$", re.MULTILINE)


@dataclass(frozen=True)
class View:
    name: str
    question: str
    grain: str
    sql: str                      # the file's text, as views.sql carries it
    path: str                     # relative to the package root
    schema_path: str
    fields: tuple[model.Field, ...]
    primary_key: tuple[str, ...]
    unique_keys: tuple[tuple[str, ...], ...]
    raw_schema: dict

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def summary(self) -> dict:
        """What the view is, as the commands' JSON gives it."""
        return {"name": self.name, "kind": "view", "question": self.question, "grain": self.grain, "path": self.path}


def _view(root: Path, sql_file: Path) -> View:
    rel = sql_file.relative_to(root).as_posix()
    text = sql_file.read_text(encoding="utf-8")
    head = HEAD.match(text)
    if head is None:
        raise CatalogError(f"{rel}: must open with `-- view NAME: question?` and `-- grain: one row per ...`")
    created = CREATE.findall(text)
    if head["name"] != sql_file.stem or created != [sql_file.stem]:
        raise CatalogError(f"{rel}: must create exactly one view, named {sql_file.stem} as its file and heading "
                           f"(heading names {head['name']!r}, creates {created})")
    schema_rel = f"{FOLDER}/{sql_file.stem}.schema.json"
    refusals: list[model.Refusal] = []
    raw = model.read_json(root / schema_rel, schema_rel, refusals)
    parsed = model.table_schema(raw, schema_rel, f"view {sql_file.stem!r}", refusals) if raw is not None else None
    if refusals or parsed is None:
        r = refusals[0]
        raise CatalogError(f"{r.file} [{r.column}]: {r.rule} — {r.message}")
    fields, pk, fks = parsed
    if fks:
        raise CatalogError(f"{schema_rel}: a view declares no foreign keys (its columns come from tables that do)")
    unique = _unique_keys(raw.get("uniqueKeys", []), [f.name for f in fields], schema_rel)
    if not pk and not unique:
        raise CatalogError(f"{schema_rel}: declares neither a primaryKey nor uniqueKeys, so nothing says what a row is")
    return View(name=sql_file.stem, question=head["question"], grain=head["grain"], sql=text.rstrip("\n") + "\n",
                path=rel, schema_path=schema_rel, fields=tuple(fields), primary_key=pk, unique_keys=unique,
                raw_schema=raw)


def _unique_keys(raw, names: list[str], schema_rel: str) -> tuple[tuple[str, ...], ...]:
    try:
        keys = tuple(model.as_list(k) for k in raw) if isinstance(raw, list) else None
    except ValueError:
        keys = None
    if keys is None or any(not k for k in keys):
        raise CatalogError(f"{schema_rel} [uniqueKeys]: not a list of field lists")
    if missing := sorted({n for k in keys for n in k} - set(names)):
        raise CatalogError(f"{schema_rel} [uniqueKeys]: names fields the schema does not have: {', '.join(missing)}")
    return keys


def _body(sql: str) -> str:
    """The SQL without its comments and string literals, so that a view named in prose or a value
    (a measure called 'turnout') is not taken for a dependency."""
    return re.sub(r"'(?:[^']|'')*'", "''", re.sub(r"--[^\n]*", "", sql))


def views(root: Path | None = None) -> list[View]:
    """Every view of queries/views/, by name."""
    root = root or package.root()
    found = [_view(root, f) for f in sorted((root / FOLDER).glob("*.sql"))]
    if not found:
        raise CatalogError(f"{FOLDER}: no view files")
    return found


def in_dependency_order(found: list[View]) -> list[View]:
    """The views, each after the views it reads (ties by name), as DuckDB must create them."""
    by_name = {v.name: v for v in found}
    graph = graphlib.TopologicalSorter()
    for name, v in by_name.items():
        body = _body(v.sql)
        graph.add(name, *(other for other in by_name if other != name and re.search(rf"\b{other}\b", body)))
    try:
        graph.prepare()
    except graphlib.CycleError as e:
        raise CatalogError(f"{FOLDER}: views read one another in a cycle: {' -> '.join(e.args[1])}") from None
    order = []
    while graph.is_active():
        ready = sorted(graph.get_ready())
        order += ready
        graph.done(*ready)
    return [by_name[n] for n in order]
