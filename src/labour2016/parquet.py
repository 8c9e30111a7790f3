"""Parquet files that describe themselves, for `labour2016 build`: one per table and per view.

Each column is cast to the type its Table Schema gives (model.TYPES' DuckDB type), so a view's
integer counts are integers, not doubles, and the file carries the descriptions a reader would
otherwise lose on import: the table's name, title and description as schema metadata, and each
column's description (and Table Schema type) as field metadata, both read by pyarrow
(`pq.read_schema(path).field("value").metadata`) and polars, pandas and DuckDB through it.
"""
from __future__ import annotations

from pathlib import Path

from . import model
from .sqlgen import ident


def metadata(name: str, title: str, description: str) -> dict[bytes, bytes]:
    return {b"name": name.encode(), b"title": title.encode(), b"description": description.encode()}


def write(con, name: str, title: str, description: str, fields: tuple[model.Field, ...], path: Path,
          source: str | None = None) -> int:
    """Write table or view name of the DuckDB connection con to path (its rows read from table
    source, where given); return its row count.

    The rows stream from DuckDB to the file a batch at a time, so a large view is never held
    whole in memory, where DuckDB's memory limit could not bound it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = ", ".join(f"cast({ident(f.name)} as {f.type.duckdb}) as {ident(f.name)}" for f in fields)
    batches = con.sql(f"select {cols} from {ident(source or name)}").to_arrow_reader()
    schema = pa.schema([batches.schema.field(f.name).with_metadata(
                            {b"description": f.description.encode(), b"type": f.type.name.encode()})
                        for f in fields], metadata=metadata(name, title, description))
    rows = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in batches:
            writer.write_batch(batch.cast(schema))
            rows += batch.num_rows
    return rows
