"""`labour2016 validate`: every check of the package, each step in its own module.

A step module declares the rules it reports (`RULES`, labour2016.problems.Rule objects) and a
`check` function that takes what it needs as arguments, by name: `model` (the package model),
`db` (the tables DuckDB read, see files.Database) and `sources` (the folder of source texts). It
returns the problems it finds and changes nothing it is given, so no step depends on another
having run, only on the tables being read. Each rule is a query that returns only its failing
rows, with their lines. The report lists problems step by step and, within a step, by file,
line and column, so the same rows in any order give the same report.
"""
from __future__ import annotations

import importlib
import inspect
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..problems import Problem, Rule, rules_by_id

# The steps, in the order they report. Reading the files is a step of its own: the others run
# only when the descriptor could be read.
STEPS = ("descriptor", "views", "files", "tables", "constraints", "crossref", "evidence", "arithmetic", "rounds",
         "winner", "event_dates", "contest_order", "attribution", "qualifiers", "source_texts")
# The steps that take longest, started first (then the rest, in the order of STEPS), so that the two
# threads finish together: measured on the real package and at 10^5 rows (benchmarks/RESULTS.md).
# Only the start changes; the report keeps the order of STEPS.
LONGEST = ("constraints", "tables", "attribution", "arithmetic")


def start_order(names: list[str]) -> list[str]:
    return sorted(names, key=lambda name: LONGEST.index(name) if name in LONGEST else len(LONGEST))


def step_module(name: str):
    return importlib.import_module(f".{name}", __name__)


def _declared() -> dict[str, Rule]:
    seen: list[Rule] = []
    for name in STEPS:
        for r in step_module(name).RULES:
            if r not in seen:  # a rule two steps report (encoding-error) is one object
                seen.append(r)
    return rules_by_id(tuple(seen))


RULES: dict[str, Rule] = _declared()


@dataclass
class Report:
    root: Path
    problems: list[Problem] = field(default_factory=list)
    model: Any = None
    tables: int = 0
    rows: int = 0
    sources_checked: bool = False
    sources_note: str = ""


def _in_order(found: list[Problem], declared: tuple[Rule, ...], step: str) -> list[Problem]:
    """A step's problems by file and line, then rule (in the order the step declares them), as a
    linter lists them: never the order the rows or the queries came in. Two problems of one rule
    on one line keep the order the step found them in (a source's sha256 before its size)."""
    order = {r.id: k for k, r in enumerate(declared)}
    for p in found:
        if p.rule not in order:
            raise ValueError(f"step {step} reported {p.rule!r}, which it does not declare")  # a bug, not bad data
    return sorted(found, key=lambda p: (p.file, p.line or 0, order[p.rule]))


def _call(check: Callable, **available) -> list[Problem]:
    wanted = inspect.signature(check).parameters
    return list(check(**{k: available[k] for k in wanted}))


_HEARD = threading.Lock()  # steps start side by side: one line of progress at a time


def _started(name: str, progress: Callable[[str], None] | None) -> None:
    if progress:
        with _HEARD:
            progress(f"{name} ({STEPS.index(name) + 1}/{len(STEPS)})")


def _run(name: str, available: dict[str, Any], progress: Callable[[str], None] | None) -> list[Problem]:
    _started(name, progress)
    return _in_order(_call(step_module(name).check, **available), step_module(name).RULES, name)


def validate(root: Path, sources: Path | None, progress: Callable[[str], None] | None = None,
             descriptor: str = "datapackage.json") -> Report:
    """Run every step; `progress` hears the name of each as it starts. The descriptor is read
    first and the files next; the other steps need only those, so they run side by side (DuckDB
    gives a table of under 122,880 rows one thread, and most steps wait on DuckDB), and report
    in the order of STEPS."""
    from .. import bounds, package

    report = Report(root=Path(root))
    pkg = package.model(root, descriptor)
    sources = Path(sources) if sources is not None else None
    available: dict[str, Any] = {"model": pkg, "sources": sources}
    found: dict[str, list[Problem]] = {}
    try:
        found["descriptor"] = _run("descriptor", available, progress)
        if pkg.raw is not None:
            _started("files", progress)
            db, problems = step_module("files").read(pkg)
            available["db"] = db
            found["files"] = _in_order(problems, step_module("files").RULES, "files")
            report.tables, report.rows = len(db.tables), sum(t.rows for t in db.tables.values())
            rest = start_order([name for name in STEPS if name not in found])
            # each on a connection of its own, so its temporary tables are its own
            found.update(zip(rest, bounds.side_by_side(
                db.con, lambda cursor, name: _run(name, dict(available, db=db.using(cursor)), progress), rest)))
    finally:
        if "db" in available:
            available["db"].close()  # and its temporary folder
    report.problems = [p for name in STEPS for p in found.get(name, [])]
    report.model = pkg if pkg.raw is not None else None
    if sources is None:
        report.sources_note = ("source texts not found: sha256 and verbatim-span checks skipped "
                               "(use --sources DIR or set LABOUR2016_SOURCES)")
    else:
        report.sources_checked = True
    return report
