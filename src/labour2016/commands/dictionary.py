"""`labour2016 dictionary`: the data dictionary, printed from the Table Schemas the package carries.

The same text as docs/data-dictionary.md, so a user who installed the wheel can read it
without the repository: every table, then every analytic view, column by column.
"""
from __future__ import annotations

import argparse
import json
import sys

from ..problems import Exit

HELP = ("print the data dictionary (every table and view, or those named): fields, types, constraints, keys, "
        "descriptions")
EXAMPLE = "labour2016 dictionary votes results"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME", help="tables or views to describe (default: all)")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown",
                        help="markdown (as docs/data-dictionary.md) or json (each table or view with its Table Schema)")


def run(args: argparse.Namespace) -> int:
    from .. import catalog, dictionary, package

    resources = package.model().resources
    views = {v.name: v for v in catalog.views()}
    unknown = [n for n in args.names if n not in resources and n not in views]
    if unknown:
        print(f"labour2016 dictionary: no table or view named {', '.join(unknown)}; have tables "
              f"{', '.join(resources)} and views {', '.join(views)}", file=sys.stderr)
        return Exit.CANNOT_RUN
    names = args.names or [*resources, *views]
    if args.format == "json":
        out = {n: {**resources[n].raw, "schema": resources[n].raw_schema} if n in resources else
               {**views[n].summary(), "schema": views[n].raw_schema} for n in names}
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    elif args.names:
        sections = ["\n".join(dictionary.render_table(resources[n]) if n in resources else
                              dictionary.render_view(views[n])) for n in names]
        sys.stdout.write("\n".join(sections))
    else:
        sys.stdout.write(dictionary.render_dictionary())
    return 0
