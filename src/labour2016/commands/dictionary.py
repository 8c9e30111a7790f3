"""`labour2016 dictionary`: the data dictionary, printed from the Table Schemas the package carries.

The same text as docs/data-dictionary.md, so a user who installed the wheel can read it
without the repository.
"""
from __future__ import annotations

import argparse
import json
import sys

HELP = "print the data dictionary (every table, or those named): fields, types, constraints, keys, descriptions"
EXAMPLE = "labour2016 dictionary votes electorate"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("tables", nargs="*", metavar="TABLE", help="tables to describe (default: all)")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown",
                        help="markdown (as docs/data-dictionary.md) or json (each resource with its Table Schema)")


def run(args: argparse.Namespace) -> int:
    from .. import dictionary, package

    resources = package.model().resources
    unknown = [t for t in args.tables if t not in resources]
    if unknown:
        print(f"labour2016 dictionary: no table named {', '.join(unknown)}; have {', '.join(resources)}",
              file=sys.stderr)
        return 2
    names = args.tables or list(resources)
    if args.format == "json":
        out = {n: {**resources[n].raw, "schema": resources[n].raw_schema} for n in names}
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    elif args.tables:
        sections = ["\n".join(dictionary.render_table(resources[n])) for n in names]
        sys.stdout.write("\n".join(sections))
    else:
        sys.stdout.write(dictionary.render_dictionary())
    return 0
