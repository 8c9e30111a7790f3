"""The bounds of every query on the package: time, memory, threads, and no spilling to disk;
and of the connections that work through a whole package (validate's reader, build), which
spill past their memory bound instead, and of the work they do side by side (side_by_side: as
many threads as the machine's cores, and an end to all of it when one part fails).

One place for api.connect(), `labour2016 query` (whose --help shows the defaults, so this
module imports nothing heavy), validate and build. DuckDB enforces each bound itself:
max_execution_time stops a statement with an InterruptException, memory_limit with an
OutOfMemoryException.
"""
from __future__ import annotations

TIMEOUT = 30.0        # seconds one statement may run
MEMORY_LIMIT = "2GB"  # DuckDB memory_limit: the whole package needs a few MB


def config(timeout: float | None = TIMEOUT, memory_limit: str | None = MEMORY_LIMIT,
           threads: int | None = None, spill: str | None = None) -> dict:
    """DuckDB configuration for these bounds (None or 0: no bound, DuckDB's default).

    Without a spill folder, DuckDB's temporary folder is switched off, so no statement writes to
    disk (it would spill to ./.tmp): one that needs more than memory_limit fails instead.
    """
    out = {"temp_directory": spill or ""}
    if timeout:
        out["max_execution_time"] = max(1, round(timeout * 1000))  # milliseconds
    if memory_limit:
        out["memory_limit"] = memory_limit
    if threads:
        out["threads"] = threads
    return out


# A connection that works through a whole package (validate's reader, build's tables and views)
# holds at most WORK_MEMORY and spills the rest to a temporary folder of its own, so its memory
# stays bounded at any scale, the views' self-joins included; two threads, the machine's cores.
# A small package's tables are held in memory, a large one's in a database file (FILE_DATABASE_BYTES).
WORK_MEMORY = "800MB"
WORK_THREADS = 2
# validate's reader holds the package's tables and then runs two steps side by side over them, each
# with working memory of its own: at 10^5 rows the tables alone are 470 MB, and under 800MB the
# steps spilled and evicted (validate 5.2 s, 4.7 s under this bound; peak 0.94 GB to 1.05 GB). At
# 10^6 rows both bounds spill: 68 s and 1.28 GB, 62 s and 1.54 GB (benchmarks/RESULTS.md).
VALIDATE_MEMORY = "1200MB"
# A package with more CSV than this is read into a database file in the workspace's folder, not into
# memory: DuckDB keeps a database file's tables compressed, in memory and on disk, where an
# in-memory database spills them uncompressed. Its tables take about 1.2 times their CSV, so past
# half of VALIDATE_MEMORY the steps evict and spill them. By hand, on the synthetic packages
# (benchmarks/synth.py), in memory against a file: validate, 400 MB of CSV 4.5 s against 6.3 s;
# 815 MB 8.5 s against 7.7 s; 1.2 GB 14.0 s against 11.3 s; 4.0 GB 53.6 s against 36.5 s, peak
# memory 1.66 GB against 1.42 GB. build, 1.2 GB: 107 s against 97 s, 1.58 GB against 1.18 GB. (Those
# packages repeat the real rows, so they compress better than a real package that size would.)
FILE_DATABASE_BYTES = 600 << 20


class Workspace:
    """The bounds of one connection that works through a whole package, and the temporary folder
    it spills into and keeps a large package's database file in; close() (or leaving the `with`
    block) removes the folder, after the connection is closed."""

    def __init__(self, purpose: str, memory: str = WORK_MEMORY):
        import tempfile  # here, not above: `labour2016 query` imports this module for its defaults

        self.folder = tempfile.mkdtemp(prefix=f"labour2016-{purpose}-")
        # the keyword arguments of config() and of api.open_model(): no time bound, a job not a query
        self.bounds = {"timeout": None, "memory_limit": memory, "threads": WORK_THREADS, "spill": self.folder}

    def database(self, resources) -> str:
        """Where a connection holding these resources' tables keeps them: in memory, or past
        FILE_DATABASE_BYTES of CSV in a database file in the folder, removed with it."""
        import os

        size = sum(r.file.stat().st_size for r in resources)
        return os.path.join(self.folder, "tables.duckdb") if size > FILE_DATABASE_BYTES else ":memory:"

    def close(self) -> None:
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def side_by_side(con, work, items) -> list:
    """work(cursor, item) for each item, on WORK_THREADS threads, each call on a connection of its
    own to con's database (closed after); the results in the order of the items. When a call
    fails, or the caller is interrupted (Ctrl-C), no other call starts and the queries still
    running are interrupted, so the failure is raised at once, not after every item's work."""
    from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

    running: set = set()

    def one(item):
        cursor = con.cursor()
        running.add(cursor)
        try:
            return work(cursor, item)
        finally:
            running.discard(cursor)
            cursor.close()

    pool = ThreadPoolExecutor(WORK_THREADS)
    try:
        futures = [pool.submit(one, item) for item in items]
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        for f in done:
            f.result()  # a failure is raised here, before waiting for the rest
        return [f.result() for f in futures]
    except BaseException:
        for cursor in list(running):
            cursor.interrupt()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
