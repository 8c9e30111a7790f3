"""`labour2016 docs`: regenerate (or --check) every checked-in file derived from the data."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = ("regenerate everything derived from the data (queries/views.sql, the data dictionary, the datasheet's "
        "counts, views/*.csv, README's dataset card and example outputs, the charts); --check: exit 1 if stale")
EXAMPLE = "labour2016 docs --check"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="write nothing; exit 1 naming each derived file that differs from what the package says")
    mode.add_argument("--write", action="store_true", help="rewrite the stale derived files (the default)")
    parser.add_argument("--docs-dir", type=Path, default=None,
                        help="only the data dictionary and datasheet, in this folder (default: every derived file "
                             "of the checkout)")
    parser.add_argument("--sources", metavar="DIR", default=None,
                        help="source texts, to re-run README's validate example with them "
                             "(default: $LABOUR2016_SOURCES, else ../shared/sources beside the checkout)")


def run(args: argparse.Namespace) -> int:
    from .. import derived, dictionary, model, package
    from ..problems import Exit

    if args.docs_dir is not None:
        return dictionary.run(args.docs_dir, check=args.check)
    root = package.root()
    if not (root / "README.md").is_file() or not (root / "docs").is_dir():
        print(f"labour2016 docs: {root} is not a checkout (no README.md or docs/); the derived files live in one "
              "(pass --docs-dir for the data dictionary alone)", file=sys.stderr)
        return Exit.CANNOT_RUN
    try:
        sources = package.sources_dir(args.sources)
        return derived.run(root, sources, check=args.check)
    except (model.CatalogError, model.PackageError, OSError, ValueError, RuntimeError) as e:
        print(f"labour2016 docs: {e}", file=sys.stderr)
        return Exit.CANNOT_RUN
