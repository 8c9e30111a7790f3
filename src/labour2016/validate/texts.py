"""The archived source texts a package cites, read once per step that needs them (a handful of
files): shared by the steps that compare cells with their sources, none of which imports another."""
from __future__ import annotations

from pathlib import Path

from ..model import outside


def listed(db) -> list[tuple[int, str, str, str | None, int | None]]:
    """(line, source_id, path, sha256, bytes) of each sources row with an id and a path."""
    src = db.table("sources")
    if src is None:
        return []
    return db.rows(f"select _line, source_id, path, sha256, bytes from {src.typed} "
                   f"where source_id is not null and path is not null order by _line")


def read(sources: Path, path: str) -> bytes | None:
    """The bytes of a source text inside the sources folder, or None (outside it, or missing)."""
    if outside(sources, path) or not (sources / path).is_file():
        return None
    return (sources / path).read_bytes()


def texts(db, sources: Path | None) -> dict[str, str]:
    """source_id -> text, for every listed source whose text is in the folder and is UTF-8."""
    out = {}
    if sources is None:
        return out
    for _, sid, path, _, _ in listed(db):
        raw = read(sources, path)
        if raw is not None:
            try:
                out[sid] = raw.decode("utf-8")
            except UnicodeDecodeError:
                pass
    return out


def table(db, texts_by_id: dict[str, str]) -> str:
    """Temp table source_text(source_id, text) of the texts, for joins in DuckDB."""
    db.con.execute("create or replace temp table source_text as select unnest(?::varchar[]) as source_id, "
                   "unnest(?::varchar[]) as text", [list(texts_by_id), list(texts_by_id.values())])
    return "source_text"
