"""The Hugging Face dataset card: README.md's YAML front matter, and the view snapshots it names.

`datasets.load_dataset(<checkout or Hub repo>, "votes")` reads README's `configs:` block: one
config per table, reading data/NAME.csv, and one per view, reading views/NAME.csv. A view is
SQL, which `datasets` cannot run, so its rows are checked in as a CSV snapshot (sorted, so the
file changes only when the answer does): the same files serve a fresh clone and a Hub copy,
with no build step. `dataset_info` gives every column's type from its Table Schema (TYPES
below), so dates load as dates and integer columns with gaps as integers, not floats.

Both the front matter and the snapshots are derived: `labour2016 docs` rewrites them, and the
tests fail while either is stale. YAML is written by hand, every string as a JSON string (which
YAML reads as the same string), so no YAML library is needed at run time.
"""
from __future__ import annotations

import csv
import datetime
import io
import json

from . import catalog, model
from .sqlgen import ident

FOLDER = "views"
FRONT = "---\n"
DEFAULT = "votes"  # the config `load_dataset(folder)` reads when none is named: the results as reported
# Table Schema type -> Hugging Face `datasets` Value dtype.
TYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool", "date": "date32"}


def snapshot_path(view: catalog.View) -> str:
    return f"{FOLDER}/{view.name}.csv"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def snapshot(con, view: catalog.View) -> str:
    """The view's rows as CSV (header, every row in sorted order), from a connection that holds it."""
    cols = ", ".join(f"cast({ident(f.name)} as {f.type.duckdb})" for f in view.fields)
    rows = con.execute(f"select {cols} from {ident(view.name)} order by all").fetchall()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(view.names)
    writer.writerows([list(map(_text, r)) for r in rows])
    return out.getvalue()


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _features(config: str, fields: tuple[model.Field, ...]) -> list[str]:
    lines = [f"- config_name: {config}", "  features:"]
    for f in fields:
        lines += [f"  - name: {_q(f.name)}", f"    dtype: {TYPES[f.type.name]}"]
    return lines


def front_matter(pkg: model.Package, views: list[catalog.View]) -> str:
    """The dataset card's YAML block, with its --- fences."""
    d = pkg.raw
    lines = ["---", "# Generated from datapackage.json and the Table Schemas by `labour2016 docs`: do not edit.",
             f"pretty_name: {_q(d['title'])}", "license: odc-by", "language:", "- en",
             "tags:", *[f"- {_q(k)}" for k in d.get("keywords", [])], "configs:"]
    for name, resource in pkg.resources.items():
        lines += [f"- config_name: {name}", f"  data_files: {_q(resource.path)}"]
        if name == DEFAULT:
            lines.append("  default: true")
    for view in views:
        lines += [f"- config_name: {view.name}", f"  data_files: {_q(snapshot_path(view))}"]
    lines.append("dataset_info:")
    for name, resource in pkg.resources.items():
        lines += _features(name, resource.fields)
    for view in views:
        lines += _features(view.name, view.fields)
    return "\n".join(lines + ["---"]) + "\n"


def splice(readme: str, card: str) -> str:
    """README with its front matter replaced by card (or card put first where it has none)."""
    if readme.startswith(FRONT):
        end = readme.find("\n---\n", len(FRONT) - 1)
        if end < 0:
            raise ValueError("README.md: its front matter opens with --- but never closes")
        readme = readme[end + len("\n---\n"):]
    return card + readme
