"""`date-conflict`: every row that dates the same event of a contest gives the same date.

SAME_EVENT is the one list of where the package dates an event that happens once per contest:
each event names the places (table, date column, and the values that pick its rows) that state
its date. The first place listed is the reference (elections.result_date for the result); each
other row must agree with it, or, where it has no row for the contest, with the first row
found. A row that differs is accepted only when its notes give the date it differs from (as
YYYY-MM-DD), i.e. say why the package states two dates. Endorsements and no-confidence votes
happen many times a contest, and "nominations closed" names more than one deadline, so they
are not listed. An event that happens once per contest and person (a candidate's withdrawal)
names the column that says whom it is about, and is compared per person. A new dated table
joins by adding its place here.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import Context


@dataclass(frozen=True)
class Place:
    table: str
    date: str
    where: tuple[tuple[str, str], ...] = ()  # (column, value) pairs that pick the rows
    subject: str | None = None  # the column naming whom the event is about, if once per contest and person


def _event(event_type: str, subject: str | None = None) -> Place:
    return Place("events", "date", (("event_type", event_type),), subject)


SAME_EVENT = {
    "result_announced": (Place("elections", "result_date"), _event("result_announced")),
    "voting_opened": (_event("voting_opened"),),
    "voting_closed": (_event("voting_closed"),),
    "candidate_withdrew": (Place("candidates", "status_date", (("status", "withdrew"),), "candidate_id"),
                           _event("candidate_withdrew", "subject_id")),
}
_CONTEST = "election_id"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _gives(notes, iso: str) -> bool:
    """The notes write the date `iso` (YYYY-MM-DD) as such or as a day and month in words."""
    if not isinstance(notes, str):
        return False
    import re

    _, month, day = iso.split("-")
    d, m = str(int(day)), _MONTHS[int(month) - 1]
    day_words = rf"{d}(?:st|nd|rd|th)?"
    return iso in notes or re.search(rf"\b(?:{day_words} {m}|{m} {day_words})\b", notes, re.I) is not None


def _rows(ctx: Context, event: str, order: int, place: Place):
    """The place's dated rows: contest, date, notes, where they are; None if it is not there."""
    import pandas as pd

    t = ctx.tables.get(place.table)
    wanted = {_CONTEST, place.date, *(c for c, _ in place.where), *([place.subject] if place.subject else [])}
    if t is None or t.typed is None or not wanted <= set(t.typed.columns):
        return None
    df = t.typed
    pick = df[_CONTEST].notna() & df[place.date].notna()
    for column, value in place.where:
        pick &= df[column] == value
    pick = pick.fillna(False).to_numpy()
    notes = df["notes"] if "notes" in df.columns else pd.Series(pd.NA, index=df.index)
    subject = df[place.subject].fillna("").astype(str) if place.subject else pd.Series("", index=df.index)
    return pd.DataFrame({"event": event, "contest": df[_CONTEST][pick].to_numpy(),
                         "subject": subject[pick].to_numpy(),
                         "date": df[place.date][pick].astype(str).to_numpy(), "notes": notes[pick].to_numpy(),
                         "order": order, "line": t.lines[pick], "file": t.file, "column": place.date})


def check(ctx: Context) -> None:
    import pandas as pd

    found = [_rows(ctx, event, k, place) for event, places in SAME_EVENT.items() for k, place in enumerate(places)]
    found = [f for f in found if f is not None and len(f)]
    if not found:
        return
    key = ["event", "contest", "subject"]
    df = pd.concat(found, ignore_index=True).sort_values([*key, "order", "line"], kind="stable")
    first = df.groupby(key, sort=False)[["date", "file", "line"]].transform("first")
    for i in (df["date"] != first["date"]).to_numpy().nonzero()[0]:
        r, ref = df.iloc[i], first.iloc[i]
        if _gives(r["notes"], ref["date"]) and _gives(r["notes"], r["date"]):
            continue
        about = f" ({r['subject']})" if r["subject"] else ""
        ctx.add(r["file"], r["line"], r["column"], r["date"], "date-conflict",
                f"{r['event']} of {r['contest']}{about} is dated {ref['date']} in {ref['file']} "
                f"line {int(ref['line'])}, but {r['date']} here",
                f"correct the date, or say in notes why it differs from {ref['date']} (giving both dates)")
