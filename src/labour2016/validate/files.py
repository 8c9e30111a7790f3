"""Each CSV is read once, by the one reader (labour2016.reader), into the DuckDB every later step
queries: UTF-8, the schema's header, no ragged or blank rows. A byte-order mark and CRLF line
endings are read as the LF original (spreadsheet programs and git on Windows write them)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import bounds, reader

RULES = (*reader.RULES, reader.ENCODING)


@dataclass(frozen=True)
class Database:
    """The package's readable tables (name -> reader.Table, with views `t<k>_raw` and
    `t<k>_typed`) on the DuckDB connection `con`, bounded by `workspace`."""
    con: Any
    tables: dict
    workspace: bounds.Workspace

    def close(self) -> None:
        self.con.close()
        self.workspace.close()

    def table(self, name: str):
        return self.tables.get(name)

    def with_fields(self, *names: str) -> list:
        """The readable tables whose schema has all these fields."""
        return [t for t in self.tables.values() if all(n in t.resource.names for n in names)]

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()


def read(model) -> tuple[Database, list]:
    """Every resource read into one in-memory DuckDB, which then may touch no other file but its
    spill folder."""
    import duckdb

    workspace = bounds.Workspace("validate")
    con = duckdb.connect(config=bounds.config(**workspace.bounds))
    tables, problems = {}, []
    for k, resource in enumerate(model.resources.values()):
        table, found = reader.load(con, resource, k)
        problems += found
        if table is not None:
            tables[resource.name] = table
    con.execute("set enable_external_access = false")
    return Database(con, tables, workspace), problems
