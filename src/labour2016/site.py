"""`make site`: the explorer in build/site, every page rendered from the package's views.

    python -m labour2016.site [--out build/site]

The package is read through the gate (as every door) and opened with labour2016's own DuckDB
connection and views; each page is then written as static HTML (labour2016.pages): the result
(home, and one page per contest), each question (view), each table and each source, with every
fact row's evidence, and CSV and JSON of every table and view. The pages need no JavaScript to be
read; a small script (site/enhance.js) adds a filter and sorting. Only the SQL page loads
duckdb-wasm, which runs queries/views.sql unchanged over data/*.csv. The site's scripts are bundled
by esbuild from site/node_modules (`npm ci` from site/package-lock.json). It is built in a
temporary folder beside OUT and renamed into place, so a failed build leaves the earlier site
whole. Needs the checkout (site/ is not in the wheel).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

from . import catalog, gate, model, package, sqlgen
from .pages import facts, render
from .pages.fmt import Names
from .problems import Exit

SITE_SRC = package.HERE.parent.parent / "site"
WASM_DIST = Path("node_modules") / "@duckdb" / "duckdb-wasm" / "dist"
# The bundles duckdb.selectBundle chooses between on a plain static server (the `coi` bundle needs
# cross-origin isolation headers, which such a server does not send).
WASM_FILES = ("duckdb-mvp.wasm", "duckdb-browser-mvp.worker.js", "duckdb-eh.wasm", "duckdb-browser-eh.worker.js")
STATIC_FILES = ("style.css",)  # copied as they are
SCRIPTS = ("enhance.js", "sql.js")  # the entry points esbuild bundles: every page's, the SQL page's
ENGINE = "duckdb-eh.wasm"  # the bundle a current browser chooses: its size is the one the SQL page gives
HOME = "labour-leadership-2016"
VIEWS_SQL = "queries/views.sql"  # where the page fetches the library's own views.sql from


class SiteError(Exception):
    """The site cannot be built (missing npm install, esbuild failure); the message says why."""


def dataset_jsonld(base: Path | None = None) -> dict:
    """The schema.org Dataset the page embeds for search engines: croissant.json's own description
    (labour2016.croissant), so the page and `labour2016 build` describe the package one way."""
    from . import croissant

    document = croissant.metadata(package.model(base))
    return {k: v for k, v in document.items() if k not in ("recordSet", "conformsTo")}


def _fields(fields) -> list[dict]:
    return [{"name": f.name, "title": f.title or f.name, "description": f.description, "type": f.type.name}
            for f in fields]


def site_json(base: Path | None = None) -> dict:
    """What the page needs to know of the package: tables (fields, evidence columns) and views."""

    pkg = package.model(base)
    tables = [{
        "name": r.name, "title": r.title or r.name, "description": r.description, "path": r.path,
        "fields": _fields(r.fields),
        "spans": r.spans,
    } for r in pkg.resources.values()]
    return {
        "title": pkg.raw["title"], "version": pkg.version, "licence": pkg.raw["licenses"][0],
        "views_sql": VIEWS_SQL, "tables": tables,
        "views": [{"name": v.name, "question": v.question, "grain": v.grain, "path": v.path,
                   "schema_path": v.schema_path, "fields": _fields(v.fields)} for v in catalog.views()],
    }


def _bundle(dest: Path) -> None:
    if not all((SITE_SRC / name).is_file() for name in SCRIPTS):
        raise SiteError(f"no site sources in {SITE_SRC}: the site is built from a checkout of the repository")
    esbuild = SITE_SRC / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists() or not (SITE_SRC / WASM_DIST).is_dir():
        raise SiteError(f"{SITE_SRC}/node_modules is missing: run `make site` (npm ci in site/) first")
    done = subprocess.run([str(esbuild), *SCRIPTS, "--bundle", "--format=esm", "--minify", "--sourcemap",
                           "--log-level=warning", f"--outdir={dest.resolve()}"],
                          cwd=SITE_SRC, capture_output=True, text=True)
    if done.returncode != 0:
        raise SiteError(f"esbuild failed on {SITE_SRC}:\n{done.stderr.strip()}")


def _rows(con, name: str) -> list[dict]:
    cursor = con.execute(f'select * from "{name}"')
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, r)) for r in cursor.fetchall()]


def _csv(rows: list[dict], columns: list[str]) -> str:
    def value(v):
        return "" if v is None else ("true" if v else "false") if isinstance(v, bool) else \
            v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else repr(v) if isinstance(v, float) else str(v)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([value(r[c]) for c in columns] for r in rows)
    return buffer.getvalue()


def _json(name: str, rows: list[dict], fields) -> str:
    return json.dumps({"name": name, "fields": [{"name": f.name, "type": f.type.name, "description": f.description} for f in fields],
                       "rows": rows}, ensure_ascii=False, indent=1, default=lambda v: v.isoformat()) + "\n"


def _key(primary: tuple, unique: tuple = ()) -> tuple[str, ...]:
    return tuple(primary) or (tuple(unique[0]) if unique else ())


def write_pages(dest: Path, pkg: model.Package, base: Path, engine_bytes: int) -> None:
    """Every page, and the CSV and JSON of every table and view, from the package through its views."""
    from . import api

    con = api.open_model(pkg)
    try:
        views = catalog.views()
        data = {name: _rows(con, name) for name in pkg.resources}
        view_rows = {v.name: _rows(con, v.name) for v in views}
    finally:
        con.close()
    enums = {}
    for f in [f for r in pkg.resources.values() for f in r.fields] + [f for v in views for f in v.fields]:
        enums.setdefault(f.name, set()).update(f.constraints.get("enum", ()))
    names = Names(entities={r["entity_id"]: r for r in data.get("entities", [])},
                  sources={r["source_id"]: r for r in data.get("sources", [])},
                  elections={r["election_id"]: r for r in data.get("elections", [])}, enums=enums)
    grids = {}
    for name, r in pkg.resources.items():
        grids[name] = render.Grid(name, f"{r.title or name} ({name})", list(r.fields), data[name],
                                  render.row_ids(data[name], _key(r.primary_key)), tuple(r.spans))
    fact_tables = [facts.Table(g.name, pkg.resources[g.name].title or g.name, tuple(f.name for f in g.fields), g.spans,
                               tuple(g.rows), tuple(g.ids))
                   for g in grids.values() if g.spans and any(f.name == "source_id" for f in g.fields)]
    pages = []
    for v in views:
        rows = view_rows[v.name]
        own = ("evidence",) if "evidence" in v.names else ()
        grid = render.Grid(v.name, f"{v.name}: {v.question}", list(v.fields), rows,
                           render.row_ids(rows, _key(v.primary_key, v.unique_keys)), own)
        pages.append(render.view_page(v, grid, names, fact_tables))
        _write(dest / "csv" / f"{v.name}.csv", _csv(rows, v.names))
        _write(dest / "json" / f"{v.name}.json", _json(v.name, rows, v.fields))
    for name, r in pkg.resources.items():
        pages.append(render.table_page(r, grids[name], names))
        _write(dest / "json" / f"{name}.json", _json(name, data[name], r.fields))
    for s in data.get("sources", []):
        cited = [render.Grid(g.name, g.caption, g.fields, [row for row in g.rows if row.get("source_id") == s["source_id"]],
                             [i for row, i in zip(g.rows, g.ids) if row.get("source_id") == s["source_id"]], g.spans,
                             link_base=f"../table/{g.name}.html")
                 for g in grids.values() if g.name != "sources" and any(f.name == "source_id" for f in g.fields)]
        pages.append(render.source_page(s, [g for g in cited if g.rows], names))
    results = view_rows.get("results", [])
    result_ids = {id(r): i for r, i in zip(results, render.row_ids(results, _key(
        next(v for v in views if v.name == "results").primary_key)))} if results else {}
    elections = sorted(data.get("elections", []), key=lambda e: (e["year"], e["election_id"]))
    for e in elections:
        pages.append(render.contest_page(e, render.lede(e, results, names, "../"),
                                         render.result_section(e, results, result_ids, names, "../")))
    home = next((e for e in elections if e["election_id"] == HOME), elections[-1] if elections else None)
    if home is not None:
        pages.append(render.home_page(home, elections, render.lede(home, results, names, ""),
                                      render.result_section(home, results, result_ids, names, ""),
                                      names, views, pkg.resources.values(), sorted(data.get("sources", []), key=lambda s: (
                                          str(s["published"] or ""), s["source_id"])), dataset_jsonld(base)))
    pages.append(render.sql_page(engine_bytes))
    description = pkg.raw.get("description", "")[:300]
    for p in pages:
        _write(dest / p.path, render.layout(p, "labour2016 explorer", description))


def _write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def build(out: Path, base: Path | None = None) -> Path:
    """Write the site to out (replacing an earlier one only once the new one is complete)."""
    base = Path(base) if base else package.root()
    out = Path(out)
    pkg = gate.check(base)
    tmp = out.with_name(f".{out.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        (tmp / "duckdb").mkdir(parents=True)
        _bundle(tmp)
        for name in WASM_FILES:
            shutil.copy2(SITE_SRC / WASM_DIST / name, tmp / "duckdb" / name)
        for name in STATIC_FILES:
            shutil.copy2(SITE_SRC / name, tmp / name)
        write_pages(tmp, pkg, base, (SITE_SRC / WASM_DIST / ENGINE).stat().st_size)
        for part in (package.DESCRIPTOR, "schemas", "data"):
            (shutil.copytree if (base / part).is_dir() else shutil.copy2)(base / part, tmp / part)
        # The library's own views.sql, whatever package is built: as every door, never a package's SQL.
        (tmp / VIEWS_SQL).parent.mkdir()
        (tmp / VIEWS_SQL).write_text(sqlgen.views_sql(), encoding="utf-8")
        (tmp / "site.json").write_text(json.dumps(site_json(base), ensure_ascii=False, indent=1), encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m labour2016.site", description=__doc__.split("\n\n")[0],
                                     epilog="example: python -m labour2016.site --out build/site && "
                                            "python -m http.server -d build/site")
    parser.add_argument("--out", type=Path, default=Path("build") / "site", help="output folder (default: build/site)")
    args = parser.parse_args(argv)
    try:
        out = build(args.out)
    except model.PackageError as e:  # the gate's report: the package has problems
        print(f"labour2016 site: {e}", file=sys.stderr)
        return Exit.PROBLEMS
    except (SiteError, OSError) as e:
        print(f"labour2016 site: {e}", file=sys.stderr)
        return Exit.CANNOT_RUN
    print(f"labour2016 site: wrote {out}/ (serve it with: python -m http.server -d {out})")
    return Exit.OK


if __name__ == "__main__":
    sys.exit(main())
