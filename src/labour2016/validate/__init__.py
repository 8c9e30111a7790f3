"""`labour2016 validate`: every check of the package, each in its own module.

Modules run in order over a shared Context; each appends Problems and never raises for bad
data. pandas and pandera are imported inside the checks, never at `import labour2016`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable


# Every rule validate reports, and what it means: frictionless' error types where one exists, then
# labour2016's own. Context.add accepts no other id, and a test holds each to a test that triggers it.
RULES = {
    "json-error": "a descriptor or schema file is not a JSON object",
    "encoding-error": "a file is not UTF-8",
    "descriptor-error": "the descriptor lists a resource no door can read (name, path, duplicate, dialect)",
    "schema-error": "a Table Schema says something no door can honour (type, format, constraint, key)",
    "unsafe-path": "a path or symbolic link leads out of the package, or a source path out of the sources folder",
    "missing-file": "a data or schema file the descriptor names does not exist",
    "views-error": "the package's tables cannot carry labour2016's views (a table or column is missing)",
    "empty-file": "a CSV file is empty",
    "header-error": "a CSV header is not the schema's fields in order",
    "source-error": "a CSV cannot be parsed, or DuckDB (which the views read with) cannot read it",
    "missing-cell": "a row has fewer cells than the header",
    "extra-cell": "a row has more cells than the header",
    "blank-row": "a row is blank, or every cell of it is empty",
    "type-error": "a cell is not of its field's type",
    "constraint-error": "a cell breaks a constraint of its field (named in `constraint`)",
    "unique-error": "a field the schema says is unique repeats a value",
    "primary-key": "two rows share a primary key",
    "foreign-key": "a row refers to a row that does not exist",
    "candidate-not-in-contest": "a row names as a candidate someone who is not one in that election",
    "stated-as": "stated_as does not occur in the row's evidence",
    "stated-as-pair": "a figure is given without stated_as, or stated_as without the figure",
    "evidence-figure": "the value is not the number stated_as spells",
    "sum-100": "one source's shares of a section do not sum to 100",
    "share-vs-counts": "a share disagrees with the same source's counts",
    "parts-vs-total": "a source's sections (or candidates) do not sum to its total",
    "turnout": "a turnout disagrees with valid and spoilt votes over ballots distributed",
    "winner-not-top": "the winner does not have the most votes in a source's complete count",
    "winner-withdrew": "an election's winner is a candidate the candidates table says withdrew",
    "date-conflict": "two rows date the same event differently",
    "speaker-not-named": "a quotation's speaker is not the one its recorded words name",
    "speaker-without-attribution": "a quotation whose text names no speaker is given one",
    "qualifier-vs-hedge": "a qualifier contradicts the hedge stated_as opens with",
    "source-missing": "a source text is not in the sources folder",
    "source-hash": "a source text's SHA-256 or size differs from sources.csv",
    "span-not-in-source": "an evidence span or quotation is not in its source verbatim",
}


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
        if rule not in RULES:
            raise ValueError(f"validate reports only the rules in RULES, not {rule!r}")  # a bug, not bad data
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
