"""Each CSV is read once, by the one reader (labour2016.reader), into the DuckDB every later step
queries: UTF-8, the schema's header, no ragged or blank rows. A byte-order mark and CRLF line
endings are read as the LF original (spreadsheet programs and git on Windows write them)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .. import bounds, reader, sqlgen

RULES = (*reader.RULES, reader.ENCODING)


@dataclass(frozen=True)
class Database:
    """The package's readable tables (name -> reader.Table, with views `t<k>_raw` and
    `t<k>_typed`) and the figure_* macros of queries/macros.sql, on the DuckDB connection `con`,
    bounded by `workspace`."""
    con: Any
    tables: dict
    workspace: bounds.Workspace

    def close(self) -> None:
        try:
            self.con.close()
        finally:
            self.workspace.close()  # a large package's database file is there: never left behind

    def using(self, con) -> Database:
        """The same tables on another connection to the database (a cursor of `con`)."""
        return replace(self, con=con)

    def table(self, name: str):
        return self.tables.get(name)

    def with_fields(self, *names: str) -> list:
        """The readable tables whose schema has all these fields."""
        return [t for t in self.tables.values() if all(n in t.resource.names for n in names)]

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()

    def each(self, queries: list[str], params: list[list] | None = None) -> list[list[tuple]]:
        """The rows of each query (`params[k]`: query k's parameters), each's ordered by all its
        columns. Over a small package they are asked of DuckDB as one (`union all`): DuckDB takes a
        millisecond or two to plan and start a query whatever its rows, more than a rule's query
        over most of the real package's tables takes; the queries then give columns of the same
        types. Over a large one they are asked one by one, since the union took more CPU than its
        parts (measured at 10^6 rows: the tables step's queries, 13 to 17 s against 12 s)."""
        params = params or [[] for _ in queries]
        if len(params) != len(queries):
            raise ValueError(f"{len(queries)} queries, {len(params)} lists of parameters")  # a bug, not bad data
        if not queries:
            return []
        if sum(t.rows for t in self.tables.values()) > ONE_QUERY:
            return [[tuple(row) for row in self.rows(f"select * from ({q}) order by all", p)]
                    for q, p in zip(queries, params)]
        union = " union all ".join(f"select {k} as _query, * from ({q})" for k, q in enumerate(queries))
        out: list[list[tuple]] = [[] for _ in queries]
        for k, *row in self.rows(f"select * from ({union}) order by all", [x for p in params for x in p]):
            out[k].append(tuple(row))
        return out


# The rows in all of a package whose rules' queries over many tables are asked as one (Database.each):
# DuckDB's row group, under which a table is scanned by one thread.
ONE_QUERY = 122_880


def read(model) -> tuple[Database, list]:
    """Every resource read into one DuckDB, in memory or, for a large package, in a file of its
    workspace (bounds.Workspace.database), which then may touch no other file but its workspace.
    The files are read side by side, each by one of DuckDB's reader threads (labour2016.reader),
    on a connection of its own."""
    import duckdb

    resources = list(model.resources.values())
    workspace = bounds.Workspace("validate", bounds.VALIDATE_MEMORY)
    try:
        con = duckdb.connect(workspace.database(resources), config=bounds.config(**workspace.bounds))
    except BaseException:
        workspace.close()
        raise
    try:
        loaded = bounds.side_by_side(con, lambda cursor, k: reader.load(cursor, resources[k], k), range(len(resources)))
        con.execute(sqlgen.split(sqlgen.views_sql())[0])  # the macros, which the rules share with the views
        con.execute("set enable_external_access = false")
    except BaseException:
        con.close()
        workspace.close()
        raise
    tables, problems = {}, []
    for resource, (table, found) in zip(resources, loaded):
        problems += found
        if table is not None:
            tables[resource.name] = table
    return Database(con, tables, workspace), problems
