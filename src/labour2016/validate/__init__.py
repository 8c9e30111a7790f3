"""`labour2016 validate`: every check of the package, each in its own module.

Modules run in order over a shared Context; each appends Problems and never raises for bad
data. pandas and pandera are imported inside the checks, never at `import labour2016`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Problem:
    file: str
    line: int | None
    column: str | None
    value: Any
    rule: str
    message: str
    hint: str

    def as_dict(self) -> dict:
        d = asdict(self)
        if d["value"] is not None and not isinstance(d["value"], (str, int, float, bool)):
            d["value"] = str(d["value"])
        return d


@dataclass
class Table:
    name: str
    file: str            # path relative to the package, as written in the descriptor
    schema: dict         # the Table Schema JSON
    frame: Any = None    # pandas DataFrame of strings (None if the file could not be read)
    lines: Any = None    # numpy array: physical line number of each row
    typed: Any = None    # frame with missing values as NA and numbers/booleans/dates parsed
    bad: Any = None      # boolean DataFrame: cells already reported (type errors)


@dataclass
class Context:
    root: Path
    sources: Path | None
    descriptor: dict | None = None
    tables: dict[str, Table] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sources_checked: bool = False
    sources_note: str = ""

    def add(self, file, line, column, value, rule, message, hint) -> None:
        if line is not None:
            line = int(line)
        self.problems.append(Problem(file, line, column, value, rule, message, hint))

    def table_with(self, *columns: str):
        """Loaded tables whose schema has all these fields."""
        for t in self.tables.values():
            if t.typed is not None and all(c in t.typed.columns for c in columns):
                yield t


def validate(root: Path, sources: Path | None) -> Context:
    from . import arithmetic, crossref, descriptor, evidence, files, source_texts, tables

    ctx = Context(root=root, sources=sources)
    descriptor.check(ctx)
    if ctx.descriptor is not None:
        files.check(ctx)
        tables.check(ctx)
        crossref.check(ctx)
        evidence.check(ctx)
        arithmetic.check(ctx)
        source_texts.check(ctx)
    return ctx
