"""`labour2016 validate`: check the package (descriptor, files, schemas, keys, evidence,
arithmetic, source texts) and report every problem with its file and line."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .. import package
from ..problems import Exit

HELP = "validate the package: schemas, keys, evidence, arithmetic and (with the texts) sources; exit 1 on problems"
EXAMPLE = "labour2016 validate . --sources ../shared/sources --format json"



def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default=None, help=package.LOCATE_HELP)
    parser.add_argument("--sources", metavar="DIR", default=None,
                        help="folder of archived source texts (default: $LABOUR2016_SOURCES, then "
                             "../shared/sources beside a checkout)")
    parser.add_argument("--no-sources", action="store_true", help="skip the source-text checks")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="report format")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="name each step on stderr as it starts, with the seconds so far "
                             "(default: when stderr is a terminal)")


def _text_report(report, root: Path) -> str:
    out = [str(p) for p in report.problems]
    n = len(report.problems)
    files = len({p.file for p in report.problems})
    src = "source texts checked" if report.sources_checked else report.sources_note
    if n:
        out.append(f"{root}: {n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}; {src}")
    else:
        out.append(f"{root}: valid ({report.tables} tables, {report.rows} rows); {src}")
    return "\n".join(out)


def _cannot_run(args: argparse.Namespace, message: str, root: Path | None = None) -> int:
    """Exit 2: the message on stderr and, with --format json, still a JSON document on stdout."""
    print(f"labour2016 validate: {message}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps({"valid": False, "error_count": 0, "package": str(root) if root else None,
                          "cannot_run": message, "problems": []}, indent=2, ensure_ascii=False))
    return Exit.CANNOT_RUN


def run(args: argparse.Namespace) -> int:
    try:
        root, descriptor = package.locate(args.path)
        sources = None if args.no_sources else package.sources_dir(args.sources)
    except FileNotFoundError as e:
        return _cannot_run(args, str(e))
    from ..validate import validate

    show = sys.stderr.isatty() if args.progress is None else args.progress
    t0 = time.perf_counter()

    def progress(step: str) -> None:
        print(f"labour2016 validate: {time.perf_counter() - t0:6.2f} s  {step}", file=sys.stderr, flush=True)

    try:
        report = validate(root, sources, progress if show else None, descriptor=descriptor.name)
    except Exception as e:  # a bug in a check must not look like a verdict on the data
        return _cannot_run(args, f"cannot finish: {type(e).__name__}: {e}", root)
    if args.no_sources:
        report.sources_note = "source-text checks skipped (--no-sources)"
    if args.format == "json":
        print(json.dumps({
            "valid": not report.problems,
            "error_count": len(report.problems),
            "package": str(root),
            "cannot_run": None,
            "sources_checked": report.sources_checked,
            "sources_note": report.sources_note,
            "problems": [p.as_dict() for p in report.problems],
        }, indent=2, ensure_ascii=False))
    else:
        print(_text_report(report, root))
    return Exit.PROBLEMS if report.problems else Exit.OK
