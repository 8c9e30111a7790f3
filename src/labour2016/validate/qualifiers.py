"""`qualifier-vs-hedge`: a figure's qualifier agrees with the words it was stated with.

The hedge words ("more than", "about", ...) and what each means live in spelling.HEDGES. A
stated_as that starts with a hedge must carry that hedge's qualifier ("more than 43,000" is
more_than, never exact). A bare stated_as ("£60bn") is exact unless the hedge stands just
before it in the evidence ("more than £60bn") or the row's notes give the hedge it is read with:
a converted figure that inherits the hedge of the one it converts ("more than £60bn"), or a
figure printed with a sign no hedge word spells ("380,000-plus", "20+", read as more than or at
least). A note that names no hedge does not excuse it.
"""
from __future__ import annotations

import re

from .. import spelling
from . import Context
from .evidence import pairs


def _hedged_in_evidence(evidence: str, stated: str, qualifier: str) -> bool:
    """The words just before some occurrence of `stated` in `evidence` mean `qualifier`."""
    at = evidence.find(stated)
    while at >= 0:
        before = " " + " ".join(evidence[:at].lower().split())
        if any(before.endswith(" " + p) and spelling.HEDGES[p] == qualifier for p in spelling.HEDGES):
            return True
        at = evidence.find(stated, at + 1)
    return False


# Signs a figure is printed with that mean a lower bound, which a note may give in place of a hedge word.
_PLUS = {"more_than": ("plus", "+"), "at_least": ("plus", "+")}


def _note_gives_hedge(note: str, qualifier: str) -> bool:
    """The note names a hedge that means `qualifier`, or the sign the figure was printed with."""
    text = " ".join(note.lower().split())
    phrases = [p for p, q in spelling.HEDGES.items() if q == qualifier] + [qualifier.replace("_", " ")]
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text) for p in phrases) \
        or any(s in text for s in _PLUS.get(qualifier, ()))


def _excused(rows, qual_f, stated_f) -> list[bool]:
    """Bare figures given a qualifier: excused by a hedge just before them in the evidence or in
    the note. Decided once per distinct (figure, qualifier, evidence, note): copies repeat."""
    key = rows[[stated_f, qual_f, "evidence", "notes"]].fillna("")
    distinct = key.drop_duplicates()
    ok = [_note_gives_hedge(r.notes, r.qualifier) or _hedged_in_evidence(r.evidence, r.stated, r.qualifier)
          for r in distinct.set_axis(["stated", "qualifier", "evidence", "notes"], axis=1).itertuples()]
    return key.merge(distinct.assign(ok=ok), how="left")["ok"].tolist()


def _accepted(t, qual_f):
    """Rows whose qualifier the Table Schema accepts: one outside the enum, or a missing one the
    schema requires, is reported by the schema checks and not again here. A missing optional
    qualifier reads as exact, as arithmetic reads it."""
    field = t.resource.field(qual_f)
    given = t.typed[qual_f]
    ok = given.isin(field.constraints["enum"]) if "enum" in field.constraints else given.notna()
    return ok | (given.isna() & (not field.required))


def check(ctx: Context) -> None:
    import numpy as np

    for t in ctx.tables.values():
        if t.typed is None:
            continue
        for _, stated_f, qual_f in pairs(t.resource):
            if qual_f is None:
                continue
            stated = t.typed[stated_f]
            given = t.typed[qual_f].fillna(spelling.EXACT).astype(str)
            meant = stated.map({s: spelling.qualifier(s) for s in stated.dropna().unique()})
            differs = np.flatnonzero((stated.notna() & (given != meant) & _accepted(t, qual_f)).to_numpy())
            if not len(differs):
                continue
            rows = t.typed.iloc[differs].assign(**{qual_f: given.iloc[differs]})
            rows = rows.assign(evidence=rows["evidence"] if "evidence" in rows else "",
                               notes=rows["notes"] if "notes" in rows else "")
            bare = (meant.iloc[differs] == spelling.EXACT).to_numpy()
            excused = np.zeros(len(differs), bool)
            if bare.any():
                excused[bare] = _excused(rows[bare], qual_f, stated_f)
            for j in np.flatnonzero(~excused):
                i, figure, q = differs[j], stated.iloc[differs[j]], given.iloc[differs[j]]
                if bare[j]:
                    message = (f"{stated_f} {figure!r} is a bare figure but {qual_f} is {q}, and no hedge "
                               f"stands just before it in the evidence nor does the note give one")
                    hint = (f"set {qual_f} to exact, copy the hedge into {stated_f}, or say in notes which "
                            "hedge it is read with")
                else:
                    message = f"{stated_f} {figure!r} means {meant.iloc[i]}, not {q}"
                    hint = f"set {qual_f} to {meant.iloc[i]}"
                ctx.add(t.file, t.lines[i], qual_f, t.frame[qual_f].iloc[i], "qualifier-vs-hedge", message, hint)
