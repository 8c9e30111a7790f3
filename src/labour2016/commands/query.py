"""`labour2016 query "SQL"`: run one SQL statement over the package's tables and views.

The connection is locked (no file or network access, no configuration changes), so
COPY ... TO, read_csv('/elsewhere') and ATTACH are refused, and bounded (labour2016.bounds):
a statement stops after --timeout seconds or at --memory-limit, and writes nothing to disk.
Imports duckdb only: never pandas, pandera or frictionless.
"""
from __future__ import annotations

import argparse
import math
import re
import sys

from .. import bounds, package
from ..problems import Exit

HELP = "run one SQL statement over the package's tables and views (read-only, bounded in time and memory)"
EXAMPLE = ("labour2016 query \"select section, candidate_id, votes, round(share_pct, 2) as share_pct "
           "from results where election_id = 'labour-leadership-2016'\" --format markdown --timeout 10")
FORMATS = ("table", "csv", "json", "markdown")


def seconds(value: str) -> float:
    try:
        out = float(value)
    except ValueError:
        out = -1.0
    if not (math.isfinite(out) and out >= 0):
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds (0: no limit)")
    return out


def size(value: str) -> str:
    # DuckDB's own units; checked here so that a typo is a usage error, not a failed query.
    if not re.fullmatch(r"\s*\d+(\.\d+)?\s*([KMGT]i?B|B)?\s*", value, re.IGNORECASE):
        raise argparse.ArgumentTypeError(f"{value!r} is not a size such as 500MB or 2GB")
    return value.strip()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sql", help="one SQL statement; see `labour2016 views` for the views")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("--package", metavar="DIR", default=None, help=package.LOCATE_HELP)
    parser.add_argument("--timeout", type=seconds, default=bounds.TIMEOUT, metavar="SECONDS",
                        help=f"stop the statement after this many seconds (default: {bounds.TIMEOUT:g}; 0: no limit)")
    parser.add_argument("--memory-limit", type=size, default=bounds.MEMORY_LIMIT, metavar="SIZE",
                        help=f"memory the statement may use, e.g. 500MB (default: {bounds.MEMORY_LIMIT}); "
                             "nothing is spilled to disk")


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if value == value else "nan"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def jsonable(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN or Infinity
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if type(value).__name__ == "Decimal":
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return str(value)


def write(out, columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "csv":
        import csv

        w = csv.writer(out, lineterminator="\n")
        w.writerow(columns)
        w.writerows([text(v) for v in row] for row in rows)
    elif fmt == "json":
        import json

        json.dump([{c: jsonable(v) for c, v in zip(columns, row)} for row in rows], out, ensure_ascii=False, indent=1,
                  allow_nan=False)
        out.write("\n")
    else:
        cells = [[text(v) for v in row] for row in rows]
        if fmt == "markdown":
            esc = lambda s: s.replace("|", "\\|").replace("\n", " ")  # noqa: E731
            out.write("| " + " | ".join(map(esc, columns)) + " |\n")
            out.write("|" + "|".join("---" for _ in columns) + "|\n")
            for row in cells:
                out.write("| " + " | ".join(map(esc, row)) + " |\n")
        else:
            widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
            numeric = [all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool) for r in rows if r[i] is not None)
                       for i in range(len(columns))]
            def line(vals):
                return "  ".join(v.rjust(w) if n else v.ljust(w) for v, w, n in zip(vals, widths, numeric)).rstrip()
            out.write(line(columns) + "\n")
            out.write("  ".join("-" * w for w in widths) + "\n")
            for row in cells:
                out.write(line(row) + "\n")
            out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


# Statement kinds refused even where the locked connection would allow them (ATTACH ':memory:').
REFUSED = {"ATTACH", "DETACH", "COPY", "COPY_DATABASE", "EXPORT", "LOAD", "SET", "VARIABLE_SET"}


def run(args: argparse.Namespace) -> int:
    import duckdb

    from .. import api, model

    try:
        root, descriptor = package.locate(args.package)
    except FileNotFoundError as e:
        print(f"labour2016 query: {e}", file=sys.stderr)
        return Exit.CANNOT_RUN
    try:
        if root == package.root().resolve() and descriptor.name == package.DESCRIPTOR:
            pkg = package.model()  # this package's own, which the tests validate
        else:
            from .. import gate

            pkg = gate.check(root, descriptor.name)  # another folder's: only if validate accepts it
    except model.PackageError as e:
        print(f"labour2016 query: {e}", file=sys.stderr)
        return Exit.PROBLEMS
    try:
        con = api.open_model(pkg, safe=True, timeout=args.timeout, memory_limit=args.memory_limit)
        statements = con.extract_statements(args.sql)
        if len(statements) != 1:
            got = "no SQL statement" if not statements else f"{len(statements)} statements"
            print(f"labour2016 query: one SQL statement per call, got {got} (nothing was run)", file=sys.stderr)
            return Exit.CANNOT_RUN
        kind = statements[0].type.name
        if kind in REFUSED:
            raise duckdb.PermissionException(f"{kind} statements are not allowed in labour2016 query")
        cur = con.execute(statements[0])
        if cur is None or cur.description is None:
            return 0
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error as e:
        bound = api.stopped(e)
        if bound == "timeout":
            print(f"labour2016 query: query stopped after {args.timeout:g} s (--timeout)", file=sys.stderr)
        elif bound == "memory":
            print(f"labour2016 query: query stopped: it needs more than {args.memory_limit} of memory "
                  f"(--memory-limit; nothing is spilled to disk)", file=sys.stderr)
        elif isinstance(e, duckdb.InterruptException):
            raise KeyboardInterrupt from None  # Ctrl-C (see cli.entry)
        else:
            print(f"labour2016 query: {e}", file=sys.stderr)
        return Exit.PROBLEMS
    write(sys.stdout, columns, rows, args.format)
    return 0
