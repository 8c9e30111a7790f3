"""`labour2016 validate`: every check of the package, each in its own module.

Modules run in order over a shared Context; each appends Problems and never raises for bad
data. pandas and pandera are imported inside the checks, never at `import labour2016`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable


@dataclass
class Problem:
    file: str
    line: int | None
    column: str | None
    value: Any
    rule: str            # frictionless' error type where one exists (type-error, constraint-error, ...)
    message: str
    hint: str
    constraint: str | None = None  # for a constraint-error: which constraint (required, enum, ...)

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        col = f" [{self.column}]" if self.column else ""
        val = f" {self.value!r}" if self.value not in (None, "") else ""
        return f"{where}{col}{val}: {self.rule} — {self.message} (hint: {self.hint})"

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
    resource: Any = None # its labour2016.model.Resource
    frame: Any = None    # pandas DataFrame of strings (None if the file could not be read)
    lines: Any = None    # numpy array: physical line number of each row
    typed: Any = None    # frame with missing values as NA and numbers/booleans/dates parsed
    bad: Any = None      # boolean DataFrame: cells already reported (type errors)


@dataclass
class Context:
    root: Path
    sources: Path | None
    descriptor_file: str = "datapackage.json"
    descriptor: dict | None = None
    model: Any = None    # the labour2016.model.Package, once read
    tables: dict[str, Table] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sources_checked: bool = False
    sources_note: str = ""

    def add(self, file, line, column, value, rule, message, hint, constraint=None) -> None:
        if line is not None:
            line = int(line)
        self.problems.append(Problem(file, line, column, value, rule, message, hint, constraint))

    def table_with(self, *columns: str):
        """Loaded tables whose schema has all these fields."""
        for t in self.tables.values():
            if t.typed is not None and all(c in t.typed.columns for c in columns):
                yield t


STEPS = ("descriptor", "views", "files", "tables", "crossref", "evidence", "arithmetic", "winner",
         "event_dates", "attribution", "qualifiers", "source_texts")


def validate(root: Path, sources: Path | None, progress: Callable[[str], None] | None = None,
             descriptor: str = "datapackage.json") -> Context:
    """Run every check in order; `progress` hears the name of each step as it starts."""
    import importlib

    ctx = Context(root=root, sources=sources, descriptor_file=descriptor)
    for k, step in enumerate(STEPS, 1):
        if k > 1 and ctx.descriptor is None:
            break
        if progress:
            progress(f"{step} ({k}/{len(STEPS)})")
        importlib.import_module(f".{step}", __name__).check(ctx)
    return ctx
