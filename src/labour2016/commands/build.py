"""`labour2016 build`: a DuckDB database (tables + views), one Parquet file per table and per view
with its descriptions (see labour2016.parquet), a SQLite copy of the tables and views with
Datasette metadata (see labour2016.sqlite), and croissant.json,
the package as MLCommons Croissant metadata (see labour2016.croissant).

Every file is first written under a temporary name in its final folder; only when all of
them are written are they renamed into place. A failed build renames nothing and removes its
temporary files, so a reader never sees a half-written file and an earlier build survives;
the temporary files of a build that was killed are removed by the next build.
The database is written in DuckDB's v1.0.0 storage format, which every DuckDB from 1.0 on
(including the `duckdb` CLI from PyPI's duckdb-cli) can open; Parquet is readable everywhere.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import time
from pathlib import Path

from .. import model, package, sqlgen
from ..problems import Exit
from ..sqlgen import sql_str

HELP = ("write OUT/labour2016.duckdb (tables and views), OUT/parquet/<table or view>.parquet (described), "
        "OUT/labour2016.sqlite (tables and views) with OUT/datasette-metadata.json, and OUT/croissant.json, atomically")
EXAMPLE = "labour2016 build --out build/"
DATABASE = "labour2016.duckdb"
SQLITE = "labour2016.sqlite"
DATASETTE_METADATA = "datasette-metadata.json"
CROISSANT = "croissant.json"
STORAGE_VERSION = "v1.0.0"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("build"), help="output folder (default: build/)")
    parser.add_argument("--package", metavar="DIR", default=None, help=package.LOCATE_HELP)


def progress(message: str) -> None:
    print(f"labour2016 build: {message}", file=sys.stderr, flush=True)


def _temporary(target: Path) -> Path:
    return target.with_name(f".{target.name}.tmp-{os.getpid()}")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _remove_stale(out: Path) -> None:
    """Remove the temporary files (and their .wal) of builds whose process is no longer running."""
    for folder in (out, out / "parquet"):
        for f in folder.glob(".*.tmp-*"):
            found = re.fullmatch(r"\..+\.tmp-(\d+)(\.wal)?", f.name)
            if found and not _running(int(found.group(1))):
                f.unlink()
                progress(f"removed {f.name}, left by an interrupted build")


def _write_databases(con, pkg: model.Package, out: Path, staged: list[tuple[Path, Path]],
                     views: list) -> dict[str, str]:
    """The Parquet files, the DuckDB file and the SQLite file, from con (the package's tables and
    views); return each view's kind in the SQLite file (see sqlite.write)."""
    from .. import parquet, sqlite

    for resource in pkg.resources.values():
        target = out / "parquet" / f"{resource.name}.parquet"
        staged.append((_temporary(target), target))
        n = parquet.write(con, resource.name, resource.title or resource.name, resource.description,
                          resource.fields, staged[-1][0])
        progress(f"{resource.name}: {n} rows -> parquet/{target.name}")
    # Each view's rows go into a temporary table (DuckDB spills it past the memory bound; `copy from
    # database` leaves it out) that both the Parquet file and the SQLite copy read, so the two do not
    # compute the view twice: at 10^6 rows, discrepancies and precision again for SQLite took 80 s.
    # The space keeps the name from any resource's (model.NAME), which the temporary table would hide.
    computed = {view.name: f"computed {view.name}" for view in views}
    for view in views:
        con.execute(f"create temp table {sqlgen.ident(computed[view.name])} as select * from {sqlgen.ident(view.name)}")
        target = out / "parquet" / f"{view.name}.parquet"
        staged.append((_temporary(target), target))
        parquet.write(con, view.name, view.question, f"{view.grain[0].upper()}{view.grain[1:]} ({view.path}).",
                      view.fields, staged[-1][0], source=computed[view.name])
    progress(f"{len(views)} views -> parquet/<view>.parquet")
    target = out / DATABASE
    staged.append((_temporary(target), target))
    con.execute(sqlgen.comments_sql(pkg, views))
    con.execute(f"attach {sql_str(str(staged[-1][0]))} as build_out (storage_version '{STORAGE_VERSION}')")
    # the tables' database: in memory, or a file of the workspace's for a large package
    (tables,), = con.execute("select current_database()").fetchall()
    con.execute(f"copy from database {sqlgen.ident(tables)} to build_out")
    con.execute("detach build_out")
    progress(f"{len(pkg.resources)} tables and {len(views)} views -> {DATABASE}")
    target = out / SQLITE
    staged.append((_temporary(target), target))
    return sqlite.write(con, pkg, staged[-1][0], views, computed)


def _write_all(pkg: model.Package, out: Path, staged: list[tuple[Path, Path]]) -> int:
    """Write every output under its temporary name, recording (temporary, final) in staged."""
    import json

    from .. import api, bounds, catalog, croissant, sqlite

    names = list(pkg.resources)
    views = catalog.views()
    # A build is not a user's query: no time bound; its memory is bounded as validate's reader's
    # is, spilling past the bound, so a package whose views' self-joins grow with its size (the
    # synthetic copies' repeated keys) neither exhausts the machine nor fails for memory.
    with bounds.Workspace("build") as workspace:
        con = api.open_model(pkg, safe=False, database=workspace.database(pkg.resources.values()), **workspace.bounds)
        try:
            kinds = _write_databases(con, pkg, out, staged, views)
        finally:
            con.close()
    target = out / DATASETTE_METADATA
    staged.append((_temporary(target), target))
    metadata = sqlite.datasette_metadata(pkg, Path(SQLITE).stem, views, kinds)
    staged[-1][0].write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    translated = sum(kind == sqlite.VIEW for kind in kinds.values())
    progress(f"{len(names)} tables, {translated} views and {len(kinds) - translated} views computed by DuckDB "
             f"-> {SQLITE}, descriptions -> {DATASETTE_METADATA} (datasette {SQLITE} -m {DATASETTE_METADATA})")
    target = out / CROISSANT
    staged.append((_temporary(target), target))
    # contentUrl is relative to the file's own folder, so OUT/croissant.json reads the package's CSVs.
    back = Path(os.path.relpath(pkg.root, out)).as_posix()
    document = croissant.metadata(pkg, prefix="" if back == "." else back + "/")
    staged[-1][0].write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    progress(f"{len(names)} record sets, {len(document['distribution'])} files with SHA-256 -> {CROISSANT}")
    return len(names)


def _discard(staged: list[tuple[Path, Path]]) -> None:
    for tmp, _ in staged:
        for p in (tmp, Path(f"{tmp}.wal")):
            if p.exists():
                p.unlink()


def run(args: argparse.Namespace) -> int:
    import sqlite3

    import duckdb

    from .. import gate

    t0 = time.perf_counter()
    try:
        base, descriptor = package.locate(args.package)
    except FileNotFoundError as e:
        progress(str(e))
        return Exit.CANNOT_RUN
    staged: list[tuple[Path, Path]] = []
    out: Path = args.out.resolve()
    created = not out.exists()  # a folder this run makes is removed again if the run fails
    try:
        pkg = gate.check(base, descriptor.name)
        (out / "parquet").mkdir(parents=True, exist_ok=True)
        _remove_stale(out)
        _write_all(pkg, out, staged)
        for tmp, target in staged:
            os.replace(tmp, target)
    except model.PackageError as e:
        progress(str(e))
        return Exit.PROBLEMS
    except (duckdb.Error, sqlite3.Error, OSError, ValueError, KeyError) as e:
        _discard(staged)
        if created:
            shutil.rmtree(out, ignore_errors=True)
        if isinstance(e, duckdb.InterruptException):
            raise KeyboardInterrupt from None  # Ctrl-C (see cli.entry)
        progress(f"failed: {e} (temporary files removed)")
        return Exit.PROBLEMS
    except BaseException:  # Ctrl-C: leave nothing half-written behind either
        _discard(staged)
        raise
    progress(f"done in {time.perf_counter() - t0:.2f} s -> {out}")
    return 0
