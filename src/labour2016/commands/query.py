"""`labour2016 query "SQL"`: run SQL over the package's tables and views.

The connection is locked (no file or network access, no configuration changes), so
COPY ... TO, read_csv('/elsewhere') and ATTACH are refused. Imports duckdb only:
never pandas, pandera or frictionless.
"""
from __future__ import annotations

import argparse
import sys

HELP = "run SQL over the package's tables and views (read-only: no file access)"
EXAMPLE = ("labour2016 query \"select section, candidate_id, votes, round(share_pct, 2) as share_pct "
           "from results where election_id = 'labour-leadership-2016'\" --format markdown")
FORMATS = ("table", "csv", "json", "markdown")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sql", help="one SQL statement; see `labour2016 views` for the views")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")


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

        json.dump([{c: jsonable(v) for c, v in zip(columns, row)} for row in rows], out, ensure_ascii=False, indent=1)
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

    from .. import api

    try:
        con = api.connect(safe=True)
        statements = con.extract_statements(args.sql)
        if not statements:
            print("labour2016 query: no SQL statement given", file=sys.stderr)
            return 2
        for statement in statements:
            kind = statement.type.name
            if kind in REFUSED:
                raise duckdb.PermissionException(f"{kind} statements are not allowed in labour2016 query")
        cur = con.execute(args.sql)
        if cur is None or cur.description is None:
            return 0
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error as e:
        print(f"labour2016 query: {e}", file=sys.stderr)
        return 1
    write(sys.stdout, columns, rows, args.format)
    return 0
