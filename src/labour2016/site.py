"""`make site`: the static explorer in build/site, DuckDB in the browser over the package's files.

    python -m labour2016.site [--out build/site]

The page runs queries/views.sql unchanged over data/*.csv, registered in the browser under the
paths views.sql reads, so it answers from the same views as the CLI. This step gathers what the
page needs: the site's own code (site/, bundled with the duckdb-wasm module by esbuild from
site/node_modules, installed by `npm ci` from site/package-lock.json), duckdb-wasm's WebAssembly
and worker files, the package's descriptor, schemas, CSVs and views.sql, site.json (tables, their
fields and evidence columns, the views and their questions) and the schema.org Dataset JSON-LD in
index.html. It is built in a temporary folder beside OUT and renamed into place, so a failed build
leaves the earlier site whole. Needs the checkout (site/ is not in the wheel).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from . import catalog, package, sqlgen
from .problems import Exit

SITE_SRC = package.HERE.parent.parent / "site"
WASM_DIST = Path("node_modules") / "@duckdb" / "duckdb-wasm" / "dist"
# The bundles duckdb.selectBundle chooses between on a plain static server (the `coi` bundle needs
# cross-origin isolation headers, which such a server does not send).
WASM_FILES = ("duckdb-mvp.wasm", "duckdb-browser-mvp.worker.js", "duckdb-eh.wasm", "duckdb-browser-eh.worker.js")
STATIC_FILES = ("style.css",)  # copied as they are; index.html gains the JSON-LD
JSONLD_MARKER = "<!-- dataset JSON-LD -->"
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
    from .validate.source_texts import span_fields

    pkg = package.model(base)
    tables = [{
        "name": r.name, "title": r.title or r.name, "description": r.description, "path": r.path,
        "fields": _fields(r.fields),
        "spans": span_fields(r),
    } for r in pkg.resources.values()]
    return {
        "title": pkg.raw["title"], "version": pkg.version, "licence": pkg.raw["licenses"][0],
        "views_sql": VIEWS_SQL, "tables": tables,
        "views": [{"name": v.name, "question": v.question, "grain": v.grain, "path": v.path,
                   "schema_path": v.schema_path, "fields": _fields(v.fields)} for v in catalog.views()],
    }


def index_html(base: Path | None = None) -> str:
    """site/index.html with the Dataset JSON-LD in its head."""
    template = (SITE_SRC / "index.html").read_text(encoding="utf-8")
    if JSONLD_MARKER not in template:
        raise SiteError(f"{SITE_SRC / 'index.html'}: no {JSONLD_MARKER} marker for the JSON-LD")
    # "</" would end the script element early; JSON allows "<\/" for it.
    data = json.dumps(dataset_jsonld(base), ensure_ascii=False, indent=1).replace("</", "<\\/")
    return template.replace(JSONLD_MARKER, f'<script type="application/ld+json">\n{data}\n</script>')


def _bundle(dest: Path) -> None:
    if not (SITE_SRC / "app.js").is_file():
        raise SiteError(f"no site sources in {SITE_SRC}: the site is built from a checkout of the repository")
    esbuild = SITE_SRC / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists() or not (SITE_SRC / WASM_DIST).is_dir():
        raise SiteError(f"{SITE_SRC}/node_modules is missing: run `make site` (npm ci in site/) first")
    done = subprocess.run([str(esbuild), "app.js", "--bundle", "--format=esm", "--minify", "--sourcemap",
                           "--log-level=warning", f"--outfile={dest.resolve() / 'app.js'}"],
                          cwd=SITE_SRC, capture_output=True, text=True)
    if done.returncode != 0:
        raise SiteError(f"esbuild failed on {SITE_SRC / 'app.js'}:\n{done.stderr.strip()}")


def build(out: Path, base: Path | None = None) -> Path:
    """Write the site to out (replacing an earlier one only once the new one is complete)."""
    base = Path(base) if base else package.root()
    out = Path(out)
    tmp = out.with_name(f".{out.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        (tmp / "duckdb").mkdir(parents=True)
        _bundle(tmp)
        for name in WASM_FILES:
            shutil.copy2(SITE_SRC / WASM_DIST / name, tmp / "duckdb" / name)
        for name in STATIC_FILES:
            shutil.copy2(SITE_SRC / name, tmp / name)
        (tmp / "index.html").write_text(index_html(base), encoding="utf-8")
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
    except (SiteError, OSError) as e:
        print(f"labour2016 site: {e}", file=sys.stderr)
        return Exit.CANNOT_RUN
    print(f"labour2016 site: wrote {out}/ (serve it with: python -m http.server -d {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
