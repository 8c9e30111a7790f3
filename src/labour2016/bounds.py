"""The bounds of every query on the package: time, memory, threads, and no spilling to disk.

One place for api.connect() and `labour2016 query` (whose --help shows the defaults, so this
module imports nothing heavy). DuckDB enforces each bound itself: max_execution_time stops a
statement with an InterruptException, memory_limit with an OutOfMemoryException.
"""
from __future__ import annotations

TIMEOUT = 30.0        # seconds one statement may run
MEMORY_LIMIT = "2GB"  # DuckDB memory_limit: the whole package needs a few MB


def config(timeout: float | None = TIMEOUT, memory_limit: str | None = MEMORY_LIMIT,
           threads: int | None = None) -> dict:
    """DuckDB configuration for these bounds (None or 0: no bound, DuckDB's default).

    DuckDB's temporary folder is switched off, so no statement writes to disk (it would spill
    to ./.tmp): one that needs more than memory_limit fails instead.
    """
    out = {"temp_directory": ""}
    if timeout:
        out["max_execution_time"] = max(1, round(timeout * 1000))  # milliseconds
    if memory_limit:
        out["memory_limit"] = memory_limit
    if threads:
        out["threads"] = threads
    return out
