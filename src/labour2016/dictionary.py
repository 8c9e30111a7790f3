"""Documentation derived from the package, so it cannot drift from it.

The Table Schemas are the one description of the structure: of the tables (schemas/) and of
the analytic views (queries/views/NAME.schema.json, see labour2016.catalog). This module renders
them into ``docs/data-dictionary.md``, and renders row counts and other tallies of
the data into the marked composition block of ``docs/datasheet.md``. Both are
checked in; ``--check`` (and the test suite) fails when either is stale.

    labour2016 docs            # rewrite the generated docs
    labour2016 docs --check    # exit 1 if they are stale

Only the standard library and labour2016's model, catalog and reader are imported.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from . import catalog, model, package, reader
from .atomic import write_atomic
from .problems import Exit

DICTIONARY = "data-dictionary.md"
DATASHEET = "datasheet.md"
COUNTS_BEGIN = "<!-- BEGIN generated composition: `labour2016 docs` rewrites this block -->"
COUNTS_END = "<!-- END generated composition -->"
CONSTRAINT_ORDER = ("enum", "minimum", "maximum", "minLength", "maxLength", "pattern", "unique")


def _code(value) -> str:
    """Inline code safe inside a Markdown table cell."""
    return "`" + str(value).replace("|", "\\|") + "`"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _columns(resource: str, names: tuple[str, ...]) -> str:
    """`table.field`, or `table(field, field)` for a composite key; no table prefix when resource is empty."""
    if len(names) == 1:
        return _code(f"{resource}.{names[0]}" if resource else names[0])
    return _code(f"{resource}({', '.join(names)})")


def _constraints(field: model.Field) -> str:
    cons = field.constraints
    parts = [f"format {_code(field.format)}"] if field.format != "default" else []
    for key in CONSTRAINT_ORDER:
        if key not in cons:
            continue
        value = cons[key]
        if key == "enum":
            parts.append("one of " + ", ".join(_code(v) for v in value))
        elif key == "unique":
            parts.append("unique" if value else "")
        else:
            parts.append(f"{key} {_code(value)}")
    return "; ".join(p for p in parts if p)


def render_table(resource: model.Resource) -> list[str]:
    """One table's section of the dictionary, as lines of Markdown."""
    r = resource
    lines = [f"## `{r.name}`", "", f"**{r.title or r.name}.** {r.description}", ""]
    lines.append(f"- File: `{r.path}`; schema: `{r.schema_path}`" if r.schema_path
                 else f"- File: `{r.path}`; schema: inline")
    lines.append("- Primary key: " + ", ".join(_code(k) for k in r.primary_key))
    if r.foreign_keys:
        lines.append("- Foreign keys:")
        for fk in r.foreign_keys:
            lines.append(f"  - {_columns('', fk.fields)} → {_columns(fk.resource or r.name, fk.reference)}")
    else:
        lines.append("- Foreign keys: none")
    lines.append("- Missing values: " + ", ".join(_code(v) if v else "empty cell" for v in r.missing_values))
    return lines + _field_table(r.fields)


def _field_table(fields) -> list[str]:
    lines = ["", "| field | type | required | constraints | description |", "|---|---|---|---|---|"]
    for field in fields:
        lines.append(f"| {_code(field.name)} | {field.type.name} | {'yes' if field.required else 'no'} | "
                     f"{_constraints(field)} | {_cell(field.description)} |")
    return lines + [""]


def render_view(view: catalog.View) -> list[str]:
    """One view's section of the dictionary, as lines of Markdown."""
    return [f"## view `{view.name}`", "", f"**{_cell(view.question[0].upper() + view.question[1:])}** "
            f"{_cell(view.grain[0].upper() + view.grain[1:])}.", "",
            f"- SQL: `{view.path}`; columns: `{view.schema_path}`",
            _view_key(view), *_field_table(view.fields)]


def _view_key(view: catalog.View) -> str:
    if view.primary_key:
        return "- Primary key: " + ", ".join(_code(k) for k in view.primary_key)
    return "- Unique key (no primary key: a null counted as a value): " + "; ".join(
        ", ".join(_code(k) for k in key) for key in view.unique_keys)


def render_dictionary(pkg: model.Package | None = None, views: list[catalog.View] | None = None) -> str:
    """The data dictionary as Markdown, from the package model (datapackage.json and its Table Schemas)
    and the views' Table Schemas."""
    pkg = pkg or package.model()
    views = catalog.views() if views is None else views
    desc = pkg.raw
    lines = [
        "# Data dictionary",
        "",
        "<!-- Generated from datapackage.json and schemas/*.schema.json by `labour2016 docs`"
        " Do not edit by hand: edit the schema and regenerate. -->",
        "",
        f"{desc.get('title', desc['name'])}.",
        "",
        f"{len(pkg.resources)} tables, each a CSV file (UTF-8, header row) described by a Table Schema. "
        "An empty cell is a missing value. A field marked required must not be empty.",
        "",
        "| table | title | primary key |",
        "|---|---|---|",
    ]
    for name, res in pkg.resources.items():
        lines.append(f"| [`{name}`](#{name}) | {_cell(res.title or name)} | "
                     f"{', '.join(_code(k) for k in res.primary_key)} |")
    lines += ["", f"{len(views)} analytic views, defined in `queries/views.sql` (one file each in `queries/views/`): "
              "what is derived from the tables, and how, column by column. Their primary keys are unique and their "
              "required columns never null, on every change (tests/test_view_contracts.py).", "",
              "| view | question | grain |", "|---|---|---|"]
    for v in views:
        lines.append(f"| [`{v.name}`](#view-{v.name}) | {_cell(v.question)} | {_cell(v.grain)} |")
    lines.append("")
    for res in pkg.resources.values():
        lines += render_table(res)
    for v in views:
        lines += render_view(v)
    return "\n".join(lines).rstrip("\n") + "\n"


def read_tables(pkg: model.Package) -> dict[str, list[dict]]:
    """Table name -> its rows as dicts of strings (a missing value is "")."""
    return {name: reader.text_rows(res) for name, res in pkg.resources.items()}


def _tally(rows: list[dict], column: str) -> str:
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[column] or "(empty)"] = counts.get(r[column] or "(empty)", 0) + 1
    return ", ".join(f"{_code(k)} {n}" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def render_composition(pkg: model.Package | None = None) -> str:
    """The datasheet's generated block: rows per table and counts the datasheet's prose relies on."""
    pkg = pkg or package.model()
    resources = pkg.resources
    tables = read_tables(pkg)
    lines = [COUNTS_BEGIN, "| table | rows | one row is |", "|---|---:|---|"]
    for name, rows in tables.items():
        lines.append(f"| `{name}` | {len(rows)} | {_cell(resources[name].description)} |")
    lines += [f"| **all tables** | **{sum(len(r) for r in tables.values())}** | |", ""]
    sources, statements, entities = tables["sources"], tables["statements"], tables["entities"]
    # a row with no figure (a rule without a number) has no qualifier, hedged or not
    stated = {n: [r for r in tables[n] if r["qualifier"]] for n in tables if tables[n] and "qualifier" in tables[n][0]}
    hedged = {n: sum(1 for r in rows if r["qualifier"] != "exact") for n, rows in stated.items()}
    lines += [
        f"- Sources by archive: {_tally(sources, 'archive')}.",
        f"- Sources by reliability: {_tally(sources, 'reliability')}.",
        f"- Sources by kind: {_tally(sources, 'kind')}.",
        f"- Sources by basis of the publication date: {_tally(sources, 'published_basis')}.",
        f"- Statements with no speaker (`speaker_id` empty): "
        f"{sum(1 for r in statements if not r['speaker_id'])} of {len(statements)}.",
        f"- Statements by kind: {_tally(statements, 'kind')}.",
        f"- Statements with a date (`said_on`): {sum(1 for r in statements if r['said_on'])} of {len(statements)}.",
        f"- Events by basis of the date: {_tally(tables['events'], 'date_basis')}.",
        f"- Entities with a Wikidata id: {sum(1 for r in entities if r['wikidata_id'])} of {len(entities)}.",
        "- Figures stated with a hedge (`qualifier` not `exact`): "
        + ", ".join(f"`{n}` {k} of {len(stated[n])}" for n, k in hedged.items()) + ".",
        COUNTS_END,
    ]
    return "\n".join(lines)


def splice_counts(datasheet: str, pkg: model.Package | None = None) -> str:
    """The datasheet text with its composition block replaced by fresh counts."""
    start, end = datasheet.find(COUNTS_BEGIN), datasheet.find(COUNTS_END)
    if start < 0 or end < start:
        raise ValueError(f"{DATASHEET}: no block between {COUNTS_BEGIN!r} and {COUNTS_END!r}")
    return datasheet[:start] + render_composition(pkg) + datasheet[end + len(COUNTS_END):]


def descriptor_sources(pkg: model.Package | None = None) -> str:
    """datapackage.json with its `sources` made from data/sources.csv, the one list of sources:
    one entry per row, titled "publisher: title", with the page's URL as its path where it has one."""
    pkg = pkg or package.model()
    path = pkg.root / pkg.descriptor_file
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    rows = reader.text_rows(pkg.resources["sources"])
    descriptor["sources"] = [{"title": f"{s['publisher']}: {s['title']}", **({"path": s["url"]} if s["url"] else {})}
                             for s in rows]
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


def expected(docs_dir: Path, pkg: model.Package | None = None) -> dict[Path, str]:
    """Each generated file -> the text it should hold (the descriptor's list of sources too)."""
    pkg = pkg or package.model()
    out = {docs_dir / DICTIONARY: render_dictionary(pkg), pkg.root / pkg.descriptor_file: descriptor_sources(pkg)}
    sheet = docs_dir / DATASHEET
    if sheet.is_file():
        out[sheet] = splice_counts(sheet.read_text(encoding="utf-8"), pkg)
    return out


def stale(docs_dir: Path, pkg: model.Package | None = None) -> list[Path]:
    """The generated files that differ from what the package says they should be."""
    return [p for p, text in expected(docs_dir, pkg).items()
            if not p.is_file() or p.read_text(encoding="utf-8") != text]


def generate(docs_dir: Path, pkg: model.Package | None = None) -> list[Path]:
    """Rewrite the stale generated files; return those written."""
    texts = expected(docs_dir, pkg)
    written = stale(docs_dir, pkg)
    for path in written:
        write_atomic(path, texts[path])
    return written


def default_docs_dir() -> Path:
    return package.root() / "docs"


def run(docs_dir: Path, check: bool = False) -> int:
    """Regenerate (or with check, verify) the docs in docs_dir; 0 ok, 1 stale, 2 cannot run."""
    if not docs_dir.is_dir():
        print(f"labour2016 docs: no docs folder at {docs_dir} (in a checkout it is docs/; "
              "otherwise pass --docs-dir)", file=sys.stderr)
        return Exit.CANNOT_RUN
    try:
        if check:
            out_of_date = stale(docs_dir)
            for p in out_of_date:
                print(f"stale: {p} (run `labour2016 docs` or `make docs`)", file=sys.stderr)
            if not out_of_date:
                print("up to date: " + ", ".join(str(p) for p in expected(docs_dir)))
            return Exit.PROBLEMS if out_of_date else Exit.OK
        for p in generate(docs_dir):
            print(f"wrote {p}")
        return Exit.OK
    except (OSError, ValueError) as exc:
        print(f"labour2016 docs: {exc}", file=sys.stderr)
        return Exit.CANNOT_RUN


