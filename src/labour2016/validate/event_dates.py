"""`date-conflict`: every row that dates the same event of a contest gives the same date.

SAME_EVENT is the one list of where the package dates an event that happens once per contest:
each event names the places (table, date column, and the values that pick its rows) that state
its date. The first place listed is the reference (elections.result_date for the result). Where
it has no row for the contest, the reference is the date the other rows give, preferring rows
whose notes do not state a second date, then the earliest date: never the order of the rows,
so the same rows in any order give the same verdict. A row that differs from the reference is
accepted only when its notes give both dates (as YYYY-MM-DD, or a day and month in words), i.e.
say why the package states two dates. Endorsements and no-confidence votes happen many times a
contest, and "nominations closed" names more than one deadline, so they are not listed. An event
that happens once per contest and person (a candidate's withdrawal) names the column that says
whom it is about, and is compared per person. A new dated table joins by adding its place here.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..problems import Rule
from ..sqlgen import ident

STEP = "event_dates"
DATE_CONFLICT = Rule("date-conflict", "Date conflict", "two rows date the same event differently",
                     "correct the date, or say in notes why it differs from {reference} (giving both dates)", STEP)
RULES = (DATE_CONFLICT,)


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
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_MONTH_LIST = "[" + ", ".join(f"'{m}'" for m in _MONTHS) + "]"  # this library's constant, not a package's


def _gives(notes: str, date: str) -> str:
    """SQL: the notes write the date (a DATE) as YYYY-MM-DD or as a day and month in words."""
    day = f"cast(day({date}) as varchar) || '(st|nd|rd|th)?'"
    month = f"list_extract({_MONTH_LIST}, month({date}))"
    # a pattern made for each row is compiled for each row: only notes that name the month need it
    return (f"case when {notes} is null then false when strpos({notes}, cast({date} as varchar)) > 0 then true "
            f"when strpos(lower({notes}), lower({month})) = 0 then false else regexp_matches({notes}, "
            f"'(?i)\\b(' || {day} || ' ' || {month} || '|' || {month} || ' ' || {day} || ')\\b') end")


def _rows(db, event: str, order: int, place: Place):
    """SQL of the place's dated rows (event, contest, subject, date, notes, ord, line, file, column),
    with its parameters; None if the table or a column is not there."""
    t = db.table(place.table)
    wanted = {_CONTEST, place.date, *(c for c, _ in place.where), *([place.subject] if place.subject else [])}
    if t is None or not wanted <= set(t.resource.names):
        return None
    notes = "notes" if "notes" in t.resource.names else "cast(null as varchar)"
    subject = f"coalesce(cast({ident(place.subject)} as varchar), '')" if place.subject else "''"
    where = "".join(f" and {ident(c)} = ?" for c, _ in place.where)
    return (f"select ? as event, {_CONTEST} as contest, {subject} as subject, {ident(place.date)} as date, "
            f"{notes} as notes, {order} as ord, _line as line, ? as file, ? as col from {t.typed} "
            f"where {_CONTEST} is not null and {ident(place.date)} is not null{where}",
            [event, t.file, place.date, *(v for _, v in place.where)])


def check(db) -> list:
    found = [_rows(db, event, k, place) for event, places in SAME_EVENT.items() for k, place in enumerate(places)]
    found = [f for f in found if f is not None]
    if not found:
        return []
    # only an event the package dates more than once can conflict: keep those rows, so the
    # notes are read (a pattern a row) for them alone
    db.con.execute("create or replace temp table dated as select * from (" + " union all ".join(s for s, _ in found)
                   + ") qualify count(distinct date) over (partition by event, contest, subject) > 1",
                   [p for _, ps in found for p in ps])
    same = "o.event = r.event and o.contest = r.contest and o.subject = r.subject"
    # a row whose notes give its own date and another explains why the package states two dates
    explains = (f"select r.*, exists (select 1 from dated o where {same} and o.date != r.date "
                f"and {_gives('r.notes', 'o.date')}) and {_gives('r.notes', 'r.date')} as explains from dated r")
    ranked = (f"select *, first(date order by ord, explains, date) over (partition by event, contest, subject) "
              f"as ref from ({explains})")
    out = []
    for event, contest, subject, date, line, file, col, ref, ref_file, ref_line in db.rows(
            f"select r.event, r.contest, r.subject, r.date, r.line, r.file, r.col, r.ref, o.file, o.line "
            f"from ({ranked}) r join (select event, contest, subject, date, min_by(file, ord * 1e12 + line) as file, "
            f"min(ord * 1e12 + line) % 1e12 as line from dated group by all) o on {same} and o.date = r.ref "
            f"where r.date != r.ref and not ({_gives('r.notes', 'r.ref')} and {_gives('r.notes', 'r.date')})"):
        about = f" ({subject})" if subject else ""
        out.append(DATE_CONFLICT(file, line, col, str(date),
                                 f"{event} of {contest}{about} is dated {ref} in {ref_file} line {int(ref_line)}, "
                                 f"but {date} here", reference=str(ref)))
    return out
