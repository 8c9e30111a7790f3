"""`labour2016 cite`: how to cite the package, and the sources behind its figures.

Read from datapackage.json and the sources table, which travel inside the wheel, so a user
who installed the package can cite it without the repository (CITATION.cff says the same for
GitHub and Zenodo; tests/test_release.py keeps the two in step).
"""
from __future__ import annotations

import argparse
import json
import sys

HELP = "print how to cite the package (text, BibTeX or JSON), and with --sources the sources behind it"
EXAMPLE = "labour2016 cite --sources --format bibtex"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sources", action="store_true",
                        help="also list every source the data cites (cite those you rely on)")
    parser.add_argument("--format", choices=("text", "bibtex", "json"), default="text", help="output format")


def package_citation() -> dict:
    from .. import citation, package

    return citation.package_citation(package.model().raw)


def source_citations() -> list[dict]:
    from .. import package, reader

    keys = ("source_id", "publisher", "author", "title", "published", "published_basis", "url")
    return [{k: row[k] for k in keys} for row in reader.text_rows(package.model().resources["sources"])]


def _as_bibtex(pkg: dict, sources: list[dict]) -> str:
    from ..citation import bibtex, package_bibtex

    entries = [package_bibtex(pkg)]
    entries += [bibtex(s["source_id"], {
        "author": s["author"] or f"{{{s['publisher']}}}", "title": s["title"], "howpublished": s["publisher"],
        "date": s["published"], "url": s["url"]}) for s in sources]
    return "\n\n".join(entries)


def _as_text(pkg: dict, sources: list[dict]) -> str:
    lines = [f"{', '.join(pkg['authors'])} ({pkg['year']}). {pkg['title']} (version {pkg['version']}) "
             f"[data set]. Licence {pkg['licence']} ({pkg['licence_url']}).",
             "Cite also the source of any figure or quotation you rely on"
             + (":" if sources else " (labour2016 cite --sources lists them).")]
    for s in sources:
        by = f"{s['author']}, {s['publisher']}" if s["author"] else s["publisher"]
        when = s["published"] + ("" if s["published_basis"] == "stated" else f", date {s['published_basis']}") \
            if s["published"] else "date not given"
        lines.append(f"- [{s['source_id']}] {by} ({when.replace('_', ' ')}). {s['title']}."
                     + (f" {s['url']}" if s["url"] else ""))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    pkg = package_citation()
    sources = source_citations() if args.sources else []
    if args.format == "json":
        out = json.dumps({"package": pkg, "sources": sources}, indent=2, ensure_ascii=False)
    else:
        out = (_as_bibtex if args.format == "bibtex" else _as_text)(pkg, sources)
    sys.stdout.write(out + "\n")
    return 0
