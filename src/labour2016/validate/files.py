"""Each CSV is read once, by the one reader (labour2016.reader), into the DuckDB every later step
queries: UTF-8, the schema's header, no ragged or blank rows. A byte-order mark and CRLF line
endings are read as the LF original (spreadsheet programs and git on Windows write them)."""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from typing import Any

from .. import reader

RULES = (*reader.RULES, reader.ENCODING)


# Above this much CSV, DuckDB may spill the tables to a temporary folder past MEMORY_LIMIT, so
# memory stays bounded at scale (an in-memory database spills; a database file would be slower to write).
SPILL_ABOVE = 64 << 20
MEMORY_LIMIT = "800MB"


@dataclass(frozen=True)
class Database:
    """The package's readable tables (name -> reader.Table, with views `t<k>_raw` and
    `t<k>_typed`) on the DuckDB connection `con`; `folder` holds its file when it has one."""
    con: Any
    tables: dict
    folder: str | None = None

    def close(self) -> None:
        self.con.close()
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def table(self, name: str):
        return self.tables.get(name)

    def with_fields(self, *names: str) -> list:
        """The readable tables whose schema has all these fields."""
        return [t for t in self.tables.values() if all(n in t.resource.names for n in names)]

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()


def read(model) -> tuple[Database, list]:
    """Every resource read into one in-memory DuckDB, which then may touch no other file."""
    import duckdb

    size = sum(r.file.stat().st_size for r in model.resources.values())
    folder = tempfile.mkdtemp(prefix="labour2016-validate-") if size > SPILL_ABOVE else None
    con = duckdb.connect(config={"threads": 2, **({"memory_limit": MEMORY_LIMIT, "temp_directory": folder}
                                                  if folder else {})})
    tables, problems = {}, []
    for k, resource in enumerate(model.resources.values()):
        table, found = reader.load(con, resource, k)
        problems += found
        if table is not None:
            tables[resource.name] = table
    con.execute("set enable_external_access = false")
    return Database(con, tables, folder), problems
