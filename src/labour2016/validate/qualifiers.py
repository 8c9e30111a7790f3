"""`qualifier-vs-hedge`: a figure's qualifier agrees with the words it was stated with.

The hedge words ("more than", "about", ...) and what each means live in spelling.HEDGES. A
stated_as that starts with a hedge must carry that hedge's qualifier ("more than 43,000" is
more_than, never exact). A bare stated_as ("£60bn") is exact unless the hedge stands just before
it in the evidence ("more than £60bn") or the row's notes give the hedge it is read with: a
converted figure that inherits the hedge of the one it converts ("more than £60bn"), or a figure
printed with a sign no hedge word spells ("380,000-plus", "20+", read as more than or at least).
A note that names no hedge does not excuse it. Which field qualifies which figure is declared in
the Table Schema (`qualifierOf`). Judged once per distinct wording, evidence and note.
"""
from __future__ import annotations

import re

from .. import spelling
from ..problems import Rule
from ..sqlgen import ident

STEP = "qualifiers"
QUALIFIER = Rule("qualifier-vs-hedge", "Qualifier contradicts hedge", "a qualifier contradicts the hedge stated_as opens with",
                 "set {qualifier} to {meant}", STEP)
RULES = (QUALIFIER,)

EVIDENCE, NOTES = "evidence", "notes"
# Signs a figure is printed with that mean a lower bound, which a note may give in place of a hedge word.
_PLUS = {"more_than": ("plus", "+"), "at_least": ("plus", "+")}


def _hedged_in_evidence(evidence: str, stated: str, qualifier: str) -> bool:
    """The words just before some occurrence of `stated` in `evidence` mean `qualifier`."""
    at = evidence.find(stated)
    while at >= 0:
        before = " " + " ".join(evidence[:at].lower().split())
        if any(before.endswith(" " + p) and spelling.HEDGES[p] == qualifier for p in spelling.HEDGES):
            return True
        at = evidence.find(stated, at + 1)
    return False


def _note_gives_hedge(note: str, qualifier: str) -> bool:
    """The note names a hedge that means `qualifier`, or the sign the figure was printed with."""
    text = " ".join(note.lower().split())
    phrases = [p for p, q in spelling.HEDGES.items() if q == qualifier] + [qualifier.replace("_", " ")]
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text) for p in phrases) \
        or any(s in text for s in _PLUS.get(qualifier, ()))


def _verdict(stated: str, given: str, evidence: str, note: str) -> tuple[str, str] | None:
    """(message, hint) if the qualifier contradicts the wording, else None."""
    meant = spelling.qualifier(stated)
    if given == meant:
        return None
    if meant == spelling.EXACT:
        if _note_gives_hedge(note, given) or _hedged_in_evidence(evidence, stated, given):
            return None
        return (f"is a bare figure but the qualifier is {given}, and no hedge stands just before it in the evidence "
                f"nor does the note give one", "exact")
    return (f"means {meant}, not {given}", meant)


def _check(db, t, stated_f: str, qual_f: str) -> list:
    field = t.resource.field(qual_f)
    names = t.resource.names
    evidence = ident(EVIDENCE) if EVIDENCE in names else "''"
    notes = ident(NOTES) if NOTES in names else "''"
    s, q = ident(stated_f), ident(qual_f)
    # a qualifier outside the enum, or a missing one the schema requires, is the schema checks'; a
    # missing optional qualifier reads as exact, as arithmetic reads it
    accepted = (f"(list_contains(?, {q}) or ({q} is null and {str(not field.required).lower()}))"
                if "enum" in field.constraints else f"({q} is not null or {str(not field.required).lower()})")
    params = [field.constraints["enum"]] if "enum" in field.constraints else []
    distinct = db.rows(f"select distinct {s}, coalesce({q}, ?), coalesce({evidence}, ''), coalesce({notes}, '') "
                       f"from {t.raw} where {s} is not null and {accepted}", [spelling.EXACT, *params])
    failing = [(stated, given, ev, note, *v) for stated, given, ev, note in distinct
               if (v := _verdict(stated, given, ev, note))]
    if not failing:
        return []
    db.con.execute("create or replace temp table unhedged as select unnest(?::varchar[]) as stated, "
                   "unnest(?::varchar[]) as given, unnest(?::varchar[]) as ev, unnest(?::varchar[]) as note, "
                   "unnest(?::varchar[]) as message, unnest(?::varchar[]) as meant",
                   [list(col) for col in zip(*failing)])
    out = []
    for line, raw, stated, message, meant in db.rows(
            f"select r._line, r.{q}, r.{s}, u.message, u.meant from {t.raw} r join unhedged u on u.stated = r.{s} "
            f"and u.given = coalesce(r.{q}, ?) and u.ev = coalesce(r.{evidence}, '') "
            f"and u.note = coalesce(r.{notes}, '')", [spelling.EXACT]):
        bare = message.startswith("is a bare")
        out.append(QUALIFIER(t.file, line, qual_f, raw, f"{stated_f} {stated!r} {message}".replace(
            "the qualifier", qual_f),
            hint=(f"set {qual_f} to exact, copy the hedge into {stated_f}, or say in notes which hedge it is read with"
                  if bare else None), qualifier=qual_f, meant=meant))
    return out


def check(db) -> list:
    out = []
    for t in db.tables.values():
        for _, stated_f, qual_f in t.resource.stated:
            if qual_f is not None:
                out += _check(db, t, stated_f, qual_f)
    return out
