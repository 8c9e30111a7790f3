"""`labour2016 gaps`: per source, the sentences with a figure or a quotation that no row cites."""
from __future__ import annotations

import argparse
import json
import sys

HELP = ("list, per archived source text, the sentences with a figure or a quotation that no row's evidence cites: "
        "what a source says that the package does not hold yet (exit 1 when there are any)")
EXAMPLE = "labour2016 gaps --sources ../shared/sources --source independent-2016-09-21-smith-concedes"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from .. import package

    parser.add_argument("--sources", metavar="DIR", default=None,
                        help="the archived source texts (default: $LABOUR2016_SOURCES, else ../shared/sources "
                             "beside the checkout)")
    parser.add_argument("--source", metavar="ID", action="append", default=None,
                        help="only this source_id (repeat for more)")
    parser.add_argument("--package", metavar="DIR", default=None, help=package.LOCATE_HELP)
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def run(args: argparse.Namespace) -> int:
    from .. import gaps, gate, model, package
    from ..problems import Exit

    try:
        sources = package.sources_dir(args.sources)
        base, descriptor = package.locate(args.package)
    except FileNotFoundError as e:
        print(f"labour2016 gaps: {e}", file=sys.stderr)
        return Exit.CANNOT_RUN
    if sources is None:
        print("labour2016 gaps: no source texts found: pass --sources DIR or set LABOUR2016_SOURCES "
              "(in /work they are ../shared/sources beside the checkout)", file=sys.stderr)
        return Exit.CANNOT_RUN
    try:
        pkg = gate.check(base, descriptor.name)
        found, missing = gaps.find(pkg, sources, args.source)
    except model.PackageError as e:
        print(f"labour2016 gaps: {e}", file=sys.stderr)
        return Exit.PROBLEMS
    except (OSError, UnicodeDecodeError) as e:
        print(f"labour2016 gaps: cannot read a source text: {e}", file=sys.stderr)
        return Exit.CANNOT_RUN
    unknown = sorted(set(args.source or []) - {g.source_id for g in found} - set(missing))
    if unknown:
        print(f"labour2016 gaps: no source {', '.join(unknown)} in sources.csv", file=sys.stderr)
        return Exit.CANNOT_RUN
    for sid in missing:
        print(f"labour2016 gaps: {sid}: its text is not in {sources}, skipped", file=sys.stderr)
    if args.format == "json":
        print(json.dumps([g.as_json() for g in found], indent=2, ensure_ascii=False))
    else:
        for g in found:
            if not g.uncited:
                continue
            print(f"{g.source_id} ({g.path}): {len(g.uncited)} of {g.noted} sentences with a figure or "
                  "quotation cited by no row")
            for s in g.uncited:
                print(f"  line {s.line}: {s.text}")
        total = sum(len(g.uncited) for g in found)
        print(f"{total} uncited sentence(s) in {sum(1 for g in found if g.uncited)} of {len(found)} source(s)",
              file=sys.stderr)
    return Exit.PROBLEMS if any(g.uncited for g in found) else Exit.OK
