"""`labour2016 views`: the analytic views, the question each answers and its grain."""
from __future__ import annotations

import argparse
import sys

HELP = "list the analytic views, the question each answers and its grain (base tables: one per resource)"
EXAMPLE = "labour2016 views"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--base", action="store_true", help="also list the base tables (one per resource)")


def run(args: argparse.Namespace) -> int:
    from .. import catalog, package

    rows = [(name, "base table: " + (r.title or r.description or name))
            for name, r in package.model().resources.items()] if args.base else []
    rows += [(v.name, f"{v.question} ({v.grain})") for v in catalog.views()]
    width = max(len(n) for n, _ in rows)
    for name, question in rows:
        sys.stdout.write(f"{name.ljust(width)}  {question}\n")
    return 0
