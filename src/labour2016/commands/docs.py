"""`labour2016 docs`: regenerate (or --check) the docs derived from the Table Schemas."""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "regenerate docs/data-dictionary.md and the datasheet's row counts from the package (--check: exit 1 if stale)"
EXAMPLE = "labour2016 docs --check"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a generated doc differs from what the package says")
    parser.add_argument("--docs-dir", type=Path, default=None,
                        help="folder holding the docs (default: docs/ beside datapackage.json)")


def run(args: argparse.Namespace) -> int:
    from .. import dictionary

    return dictionary.run(args.docs_dir or dictionary.default_docs_dir(), check=args.check)
