"""`labour2016 build`: a DuckDB database (tables + views) and one Parquet file per table.

Every file is written under a temporary name in the output folder and renamed into place,
so a reader never sees a half-written file and a failed build leaves no debris.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HELP = "write build/labour2016.duckdb (tables and views) and build/parquet/<table>.parquet"
EXAMPLE = "labour2016 build --out build/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("build"), help="output folder (default: build/)")
    parser.add_argument("--package", type=Path, default=None,
                        help="folder holding datapackage.json (default: this package)")


def sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def run(args: argparse.Namespace) -> int:
    import duckdb

    from .. import api, package

    base = args.package.resolve() if args.package else package.root()
    out: Path = args.out.resolve()
    (out / "parquet").mkdir(parents=True, exist_ok=True)
    names = list(package.resources(base))
    t0 = time.perf_counter()
    tmp_paths: list[Path] = []
    try:
        db = out / "labour2016.duckdb"
        tmp_db = out / f".labour2016.duckdb.tmp-{os.getpid()}"
        tmp_paths.append(tmp_db)
        con = api.connect(safe=False, base=base, database=str(tmp_db))
        for name in names:
            n = con.execute(f'select count(*) from "{name}"').fetchone()[0]
            target = out / "parquet" / f"{name}.parquet"
            tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
            tmp_paths.append(tmp)
            con.execute(f'copy "{name}" to {sql_str(str(tmp))} (format parquet)')
            os.replace(tmp, target)
            print(f"labour2016 build: {name}: {n} rows -> {target}", file=sys.stderr)
        con.execute("checkpoint")
        con.close()
        os.replace(tmp_db, db)
        wal = Path(str(tmp_db) + ".wal")
        if wal.exists():
            wal.unlink()
        print(f"labour2016 build: {len(names)} tables and {len(api.view_questions(base))} views -> {db} "
              f"({time.perf_counter() - t0:.2f} s)", file=sys.stderr)
    except (duckdb.Error, OSError) as e:
        for p in tmp_paths + [Path(str(p) + ".wal") for p in tmp_paths]:
            if p.exists():
                p.unlink()
        print(f"labour2016 build: {e}", file=sys.stderr)
        return 1
    return 0
