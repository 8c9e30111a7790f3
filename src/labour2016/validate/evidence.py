"""A figure's stated_as occurs in its evidence and spells the figure's value.

Which field is the stated_as of which value is declared in the Table Schema (`statedAsOf`, see
labour2016.model.CONVENTIONS), never guessed from names. The number a stated_as spells is read
once per distinct wording (spelling.parse) and joined back in DuckDB.
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


def spelled(db, table: str, column: str) -> str:
    """A temp table (s, n) of the number each distinct wording in table.column spells (NULL if none)."""
    words = [w for (w,) in db.rows(f"select distinct {ident(column)} from {table} where {ident(column)} is not null")]
    name = f"spelled_{table}_{abs(hash(column))}"
    db.con.execute(f"create or replace temp table {name} as select unnest(?::varchar[]) as s, unnest(?::double[]) as n",
                   [words, [spelling.parse(w) for w in words]])
    return name


def _pair(db, t, value_f, stated_f) -> list:
    out = []
    v, s = ident(value_f), ident(stated_f)
    # a value that is not a number is a type-error, reported once there
    rows = db.rows(f"select y._line, y.{v} is not null from {t.typed} y join {t.raw} r using (_line) "
                   f"where (y.{v} is not null) != (y.{s} is not null) and (r.{v} is null or y.{v} is not null) "
                   f"order by y._line")
    for line, has_value in rows:
        lone, other = (value_f, stated_f) if has_value else (stated_f, value_f)
        if t.resource.field(other).required:
            continue  # the schema checks report a missing required value
        out.append(PAIR(t.file, line, other, None, f"{lone} is given but {other} is not", value_field=value_f, stated_field=stated_f))
    return out


def _figures(db, t, value_f, stated_f) -> list:
    v, s, e = ident(value_f), ident(stated_f), ident(EVIDENCE)
    out = [STATED_AS(t.file, line, stated_f, stated, "stated_as does not occur in evidence")
           for line, stated in db.rows(
               f"select _line, {s} from {t.typed} where {v} is not null and {s} is not null and {e} is not null "
               f"and strpos({e}, {s}) = 0 order by _line")]
    words = spelled(db, t.typed, stated_f)
    for line, stated, raw, value, n in db.rows(
            f"select y._line, y.{s}, r.{v}, y.{v}::double, p.n from {t.typed} y join {t.raw} r using (_line) "
            f"join {words} p on p.s = y.{s} where y.{v} is not null "
            f"and (p.n is null or abs(y.{v}::double - p.n) > 1e-9 + 1e-9 * abs(p.n)) order by y._line"):
        if n is None:
            out.append(FIGURE(t.file, line, stated_f, stated, "no number can be read from stated_as"))
        else:
            out.append(FIGURE(t.file, line, value_f, raw, f"{value_f} is not the number stated_as spells "
                                                          f"({stated!r} = {n:g})",
                              hint=f"set {value_f} to {n:g}, or fix stated_as"))
    return out


def check(db) -> list:
    out = []
    for t in db.with_fields(EVIDENCE):
        for value_f, stated_f, _ in t.resource.stated:
            out += _pair(db, t, value_f, stated_f) + _figures(db, t, value_f, stated_f)
    return out
