"""`labour2016 chart`: draw the charts of the views as SVG and PNG (or --check they are current)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..problems import Exit

HELP = "draw charts of the views (2016 result, 2015 v 2016, discrepancies, poll accuracy) as SVG/PNG; --check: exit 1 if stale"
EXAMPLE = "labour2016 chart result-2016 --format png --out charts/"
NAMES = ("result-2016", "compare-2015", "discrepancies", "poll-accuracy", "selectorate")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"charts to draw: {', '.join(NAMES)} (default: all)")
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: docs/charts in a checkout, else ./charts)")
    parser.add_argument("--format", choices=("svg", "png", "both"), default="both", help="file format (default: both)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a chart is missing or was drawn from other data or code")


def default_out() -> Path:
    from ..dictionary import default_docs_dir

    docs = default_docs_dir()
    return docs / "charts" if docs.is_dir() else Path("charts")


def run(args: argparse.Namespace) -> int:
    unknown = [n for n in args.names if n not in NAMES]
    if unknown:
        print(f"labour2016 chart: no chart named {', '.join(unknown)}; choose from {', '.join(NAMES)}",
              file=sys.stderr)
        return Exit.CANNOT_RUN
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print("labour2016 chart: needs matplotlib; install it with `pip install 'labour2016[charts]'` "
              "(or `pip install matplotlib`)", file=sys.stderr)
        return Exit.CANNOT_RUN
    from .. import charts
    from ..atomic import write_atomic

    out: Path = args.out or default_out()
    formats = charts.FORMATS if args.format == "both" else (args.format,)
    stale = []
    try:
        for chart in charts.draw(args.names or None):
            for fmt in formats:
                path = out / f"{chart.name}.{fmt}"
                current = charts.carried_fingerprint(path) == charts.fingerprint(chart)
                if args.check:
                    if not current:
                        stale.append(path)
                        print(f"stale: {path} (run `make docs`, or `labour2016 chart`)", file=sys.stderr)
                elif not current:
                    write_atomic(path, charts.render(chart, fmt))
                    print(f"wrote {path}")
                else:
                    print(f"up to date: {path}")
    except OSError as e:
        print(f"labour2016 chart: cannot write: {e}", file=sys.stderr)
        return Exit.CANNOT_RUN
    if args.check and not stale:
        print(f"up to date: {len(formats) * len(args.names or NAMES)} charts in {out}")
    return Exit.PROBLEMS if stale else Exit.OK
