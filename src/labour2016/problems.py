"""The one shape of a problem, the rule it breaks, and the exit codes every command keeps.

A rule is declared once, where the step that reports it lives (frictionless' error types, as
objects): its id, title, description, a hint template, and that step's name. A Problem is only
ever made by its rule, so no problem can name a rule nobody declared. Reader, model, validate's
steps, the views' contracts, the CLI and its JSON all pass the same Problem. Standard library only:
every command imports this.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import IntEnum
from typing import Any


class Exit(IntEnum):
    """Exit codes of every command: 0 ok, 1 problems found, 2 cannot run, 130 interrupted (Ctrl-C)."""
    OK = 0
    PROBLEMS = 1
    CANNOT_RUN = 2
    INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    value: Any
    rule: str            # a Rule's id: frictionless' error type where one exists (type-error, ...)
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



@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    description: str
    hint: str            # a template: format fields are given where the problem is made
    step: str            # the validate step that reports it

    def __call__(self, file: str, line: int | None, column: str | None, value: Any, message: str,
                 hint: str | None = None, constraint: str | None = None, **fields: Any) -> Problem:
        """The problem this rule finds at (file, line, column, value); `hint` replaces the
        template where a problem knows better advice than the rule's."""
        # an explicit hint is used as given: it may quote the package's own text, braces and all
        text = hint if hint is not None else self.hint.format(**fields) if fields else self.hint
        return Problem(file, None if line is None else int(line), column, value, self.id, message, text, constraint)


def rules_by_id(*groups: tuple[Rule, ...]) -> dict[str, Rule]:
    """One dict of rules, refusing an id declared twice (a bug of this library's own, so raised)."""
    out: dict[str, Rule] = {}
    for group in groups:
        for r in group:
            if r.id in out:
                raise ValueError(f"rule {r.id!r} is declared twice")
            out[r.id] = r
    return out
