"""A figure's stated_as occurs in its evidence and spells the figure's value.

Which field is the stated_as of which value is declared in the Table Schema (`statedAsOf`, see
labour2016.model.CONVENTIONS), never guessed from names. The number a stated_as spells is read
once per distinct wording (spelling.parse) and joined back in DuckDB; each rule asks its question
of every figure of every table together (files.Database.each).
"""
from __future__ import annotations

from .. import spelling
from ..problems import Rule
from ..sqlgen import ident

STEP = "evidence"
STATED_AS = Rule("stated-as", "Stated-as not in evidence", "stated_as does not occur in the row's evidence",
                 "copy the figure exactly as the evidence writes it", STEP)
PAIR = Rule("stated-as-pair", "Stated-as without its figure",
            "a figure is given without stated_as, or stated_as without the figure",
            "give both {value_field} and {stated_field}, or neither", STEP)
FIGURE = Rule("evidence-figure", "Figure not as stated", "the value is not the number stated_as spells",
              "write the figure as the source does (digits or words)", STEP)
RULES = (STATED_AS, PAIR, FIGURE)

EVIDENCE = "evidence"  # every fact table's evidence span is called this (its schema marks it verbatimSpan)


_SPELLED = "evidence_spelled"  # the step's temporary table (s, n): the number each wording spells


def _spell(db, figures: list) -> None:
    """Make _SPELLED: the number each distinct stated_as of the figures spells (NULL if none)."""
    words = [w for (w,) in db.rows(" union ".join(f"select {ident(s)} from {t.typed} where {ident(s)} is not null"
                                                  for t, _, s in figures))]
    db.con.execute(f"create or replace temp table {_SPELLED} as select unnest(?::varchar[]) as s, "
                   f"unnest(?::double[]) as n", [words, [spelling.parse(w) for w in words]])


def _lone(t, value_f, stated_f) -> str:
    """SQL: (line, whether the value is the one given) of rows giving one of the pair. A value that
    is not a number is a type-error, reported once there."""
    v, s = ident(value_f), ident(stated_f)
    return (f"select y._line, y.{v} is not null from {t.typed} y join {t.raw} r using (_line) "
            f"where (y.{v} is not null) != (y.{s} is not null) and (r.{v} is null or y.{v} is not null)")


def _absent(t, value_f, stated_f) -> str:
    """SQL: (line, stated_as) of rows whose stated_as does not occur in their evidence."""
    v, s, e = ident(value_f), ident(stated_f), ident(EVIDENCE)
    return (f"select _line, {s} from {t.typed} where {v} is not null and {s} is not null and {e} is not null "
            f"and strpos({e}, {s}) = 0")


def _misread(t, value_f, stated_f) -> str:
    """SQL: (line, stated_as, value as written, value, number stated_as spells) of rows whose
    stated_as spells no number or another one."""
    v, s = ident(value_f), ident(stated_f)
    return (f"select y._line, y.{s}, r.{v}, y.{v}::double, p.n from {t.typed} y join {t.raw} r using (_line) "
            f"join {_SPELLED} p on p.s = y.{s} where y.{v} is not null "
            f"and (p.n is null or abs(y.{v}::double - p.n) > 1e-9 + 1e-9 * abs(p.n))")


def check(db) -> list:
    figures = [(t, value_f, stated_f) for t in db.with_fields(EVIDENCE) for value_f, stated_f, _ in t.resource.stated]
    if not figures:
        return []
    _spell(db, figures)
    lone, absent, misread = (db.each([query(*f) for f in figures]) for query in (_lone, _absent, _misread))
    out = []
    for (t, value_f, stated_f), lone_rows, absent_rows, misread_rows in zip(figures, lone, absent, misread):
        for line, has_value in lone_rows:
            given, other = (value_f, stated_f) if has_value else (stated_f, value_f)
            if not t.resource.field(other).required:  # the schema checks report a missing required value
                out.append(PAIR(t.file, line, other, None, f"{given} is given but {other} is not",
                                value_field=value_f, stated_field=stated_f))
        out += [STATED_AS(t.file, line, stated_f, stated, "stated_as does not occur in evidence")
                for line, stated in absent_rows]
        for line, stated, raw, value, n in misread_rows:
            if n is None:
                out.append(FIGURE(t.file, line, stated_f, stated, "no number can be read from stated_as"))
            else:
                out.append(FIGURE(t.file, line, value_f, raw, f"{value_f} is not the number stated_as spells "
                                                              f"({stated!r} = {n:g})",
                                  hint=f"set {value_f} to {n:g}, or fix stated_as"))
    return out
