"""`labour2016 views`: the analytic views, the question each answers and its grain."""
from __future__ import annotations

import argparse
import json
import sys

HELP = "list the analytic views, the question each answers and its grain (base tables: one per resource)"
EXAMPLE = "labour2016 views --format json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base", action="store_true", help="also list the base tables (one per resource)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (a line each) or json (name, kind, question, grain, files and key of each)")


def run(args: argparse.Namespace) -> int:
    from .. import catalog, package

    tables = [{"name": name, "kind": "table", "title": r.title or r.description or name, "path": r.path,
               "primary_key": list(r.primary_key)} for name, r in package.model().resources.items()] if args.base else []
    views = [{**v.summary(), "schema_path": v.schema_path, "primary_key": list(v.primary_key),
              "unique_keys": [list(k) for k in v.unique_keys]} for v in catalog.views()]
    if args.format == "json":
        sys.stdout.write(json.dumps(tables + views, indent=2, ensure_ascii=False) + "\n")
        return 0
    rows = [(t["name"], "base table: " + t["title"]) for t in tables]
    rows += [(v["name"], f"{v['question']} ({v['grain']})") for v in views]
    width = max(len(n) for n, _ in rows)
    for name, question in rows:
        sys.stdout.write(f"{name.ljust(width)}  {question}\n")
    return 0
