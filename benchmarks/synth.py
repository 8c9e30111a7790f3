"""Write a synthetic copy of the labour2016 package with N rows in every fact table.

    python benchmarks/synth.py OUT_DIR --rows 100000

The copy keeps the package's descriptor and Table Schemas unchanged (datapackage.json and
schemas/ are copied, and queries/ too when it exists) and replicates the real rows:

* the fact tables (votes, electorate, statements, figures, endorsements, nominations, events,
  polls, slips, rules, court_rulings)
  get exactly N rows each: row i is real row ``i mod B`` of that table (B real rows), copy
  ``c = i // B``;
* every copy of a row gets new keys: surrogate ids (figure_id, statement_id, ...) and the ids
  of what each copy has its own of (a poll: poll_id) get the suffix ``-s<c>``, and election ids
  get ``-s<e>``, where each synthetic election is a full copy of the real elections rows and their sections and candidates rows, so foreign keys and primary keys still
  hold (votes and electorate, whose keys have no surrogate id, take e = c; the other tables take
  e = c mod E);
* evidence, stated_as, value and qualifier are copied together, so checks between them still
  pass; sources and entities are copied as they are.

Rows are rendered once per real row as CSV text with marker characters where the suffixes go,
then streamed to disk copy by copy, so memory stays flat whatever N is.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import math
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# table -> its surrogate id column (None: the key is composite and includes election_id)
FACT_TABLES = {
    "votes": None,
    "electorate": None,
    "statements": "statement_id",
    "figures": "figure_id",
    "endorsements": "endorsement_id",
    "nominations": "nomination_id",
    "events": "event_id",
    "polls": "poll_figure_id",
    "slips": "slip_id",
    "rules": "rule_id",
    "court_rulings": "ruling_id",
}
# Beside the surrogate id, the columns naming something each copy has its own of: copy c of a poll's
# rows is another poll. Shared, every copy would be one more report of the same poll, and
# discrepancies, which sets every two reports of a poll side by side, would compare 2.7 * 10^13
# pairs at 10^5 rows, a load no real package has.
OWN_IDS = {"polls": ("poll_id",)}
ELECTION_TABLES = ("elections", "sections", "candidates")  # one full copy per synthetic election
ID_MARK, ELECTION_MARK = "\x02", "\x03"  # never in the data; csv leaves them unquoted


def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, list(reader)


def render_templates(header: list[str], rows: list[list[str]], id_columns: tuple[str, ...]) -> list[str]:
    """Each row as one CSV line, with ID_MARK after each of its ids and ELECTION_MARK after each election id."""
    id_at = [header.index(c) for c in id_columns]
    election_at = header.index("election_id") if "election_id" in header else None
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    templates = []
    for row in rows:
        row = list(row)
        for at in id_at:
            row[at] += ID_MARK
        if election_at is not None and row[election_at]:
            row[election_at] += ELECTION_MARK
        buf.seek(0)
        buf.truncate()
        writer.writerow(row)
        templates.append(buf.getvalue())
    return templates


def write_copies(path: Path, header: list[str], templates: list[str], n_rows: int, election_of) -> None:
    """Stream n_rows rows: copy c of the templates, with its id and election suffixes."""
    if not templates:
        raise ValueError(f"{path.name}: no real rows to replicate")
    block = "".join(templates)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        full, rest = divmod(n_rows, len(templates))
        for c in range(full + (1 if rest else 0)):
            text = block if c < full else "".join(templates[:rest])
            f.write(text.replace(ID_MARK, f"-s{c}").replace(ELECTION_MARK, f"-s{election_of(c)}"))


def elections_needed(base: Path, n_rows: int) -> int:
    """Synthetic elections needed so that votes and electorate keys stay unique: one per copy."""
    per_copy = min(len(read_rows(base / "data" / f"{t}.csv")[1]) for t, id_col in FACT_TABLES.items() if id_col is None)
    return max(1, math.ceil(n_rows / per_copy))


def generate(out: Path, n_rows: int, base: Path = ROOT) -> dict[str, int]:
    """Write the synthetic package into out; return table -> rows written."""
    if n_rows < 1:
        raise ValueError("n_rows must be at least 1")
    out = Path(out)
    (out / "data").mkdir(parents=True, exist_ok=True)
    shutil.copy2(base / "datapackage.json", out / "datapackage.json")
    shutil.copytree(base / "schemas", out / "schemas", dirs_exist_ok=True)
    if (base / "queries").is_dir():
        shutil.copytree(base / "queries", out / "queries", dirs_exist_ok=True)

    n_elections = elections_needed(base, n_rows)
    counts: dict[str, int] = {}
    names = [r["name"] for r in json.loads((base / "datapackage.json").read_text(encoding="utf-8"))["resources"]]
    for name in names:
        src, dst = base / "data" / f"{name}.csv", out / "data" / f"{name}.csv"
        header, rows = read_rows(src)
        if name in FACT_TABLES:
            id_column = FACT_TABLES[name]
            templates = render_templates(header, rows, (id_column, *OWN_IDS.get(name, ())) if id_column else ())
            if FACT_TABLES[name] is None:
                write_copies(dst, header, templates, n_rows, lambda c: c)
            else:
                write_copies(dst, header, templates, n_rows, lambda c: c % n_elections)
            counts[name] = n_rows
        elif name in ELECTION_TABLES:
            templates = render_templates(header, rows, ())
            write_copies(dst, header, templates, n_elections * len(rows), lambda c: c)
            counts[name] = n_elections * len(rows)
        else:
            shutil.copy2(src, dst)
            counts[name] = len(rows)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the synthetic package into")
    parser.add_argument("--rows", type=int, default=1000, help="rows per fact table (default 1000)")
    parser.add_argument("--base", type=Path, default=ROOT, help="package to replicate (default: this checkout)")
    args = parser.parse_args(argv)
    counts = generate(args.out, args.rows, args.base)
    for name, n in counts.items():
        print(f"{name:13} {n:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
