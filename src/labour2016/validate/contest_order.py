"""A contest's dates hang together, for every contest.

`step-out-of-order`: a step of the contest is dated after every report of a step that follows it
(nominations open before they close and before voting opens; voting opens before it closes, and
closes before the result). Set against every report of the later step, never one, so two sources
that date a step differently are date-conflict's business, not this rule's.
`after-the-result`: a step that belongs before the result is dated after the contest's result date.
`ruling-before-hearing`: a court's ruling is dated before the hearing it decides.
`fieldwork-out-of-order`: a poll's fieldwork ends before it starts, or after the poll was published.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..problems import Rule
from ..sqlgen import ident

STEP = "contest_order"
OUT_OF_ORDER = Rule("step-out-of-order", "Step out of order",
                    "a step of a contest is dated after every report of a step that follows it",
                    "check the date and the event_type against the source", STEP)
AFTER_RESULT = Rule("after-the-result", "Dated after the result",
                    "a step that belongs before the result is dated after the contest's result date",
                    "check the date, the event_type and the election_id against the source", STEP)
BEFORE_HEARING = Rule("ruling-before-hearing", "Ruling before its hearing",
                      "a court's ruling is dated before its hearing", "check decided_on and hearing_date against the source",
                      STEP)
FIELDWORK = Rule("fieldwork-out-of-order", "Fieldwork out of order",
                 "a poll's fieldwork ends before it starts, or after the poll was published",
                 "check fieldwork_start, fieldwork_end and published against fieldwork_evidence", STEP)
RULES = (OUT_OF_ORDER, AFTER_RESULT, BEFORE_HEARING, FIELDWORK)

# (earlier, later): the steps every contest takes in this order
FOLLOWS = (("contest_opened", "nominations_opened"), ("nominations_opened", "nominations_closed"),
           ("nominations_opened", "voting_opened"), ("voting_opened", "voting_closed"),
           ("ballots_sent", "voting_closed"), ("voting_closed", "result_announced"))
BEFORE_RESULT = ("contest_opened", "nominations_opened", "nominations_closed", "registration_opened",
                 "registration_closed", "ballots_sent", "voting_opened", "voting_closed", "hustings",
                 "candidate_withdrew")


@dataclass(frozen=True)
class RowOrder:
    """Two dates of one row, the earlier first; `says` words a row that breaks the order."""
    rule: Rule
    table: str
    earlier: str
    later: str
    says: str  # with {earlier} and {later}


ROW_ORDERS = (
    RowOrder(BEFORE_HEARING, "court_rulings", "hearing_date", "decided_on", "decided on {later}, before the hearing on {earlier}"),
    RowOrder(FIELDWORK, "polls", "fieldwork_start", "fieldwork_end", "fieldwork ends on {later}, before it starts on {earlier}"),
    RowOrder(FIELDWORK, "polls", "fieldwork_end", "published", "published on {later}, before its fieldwork ended on {earlier}"),
)


def _row_order(db, order: RowOrder) -> list:
    table = db.table(order.table)
    if table is None or not {order.earlier, order.later} <= set(table.resource.names):
        return []
    earlier, later = ident(order.earlier), ident(order.later)
    return [order.rule(table.file, line, order.later, late, order.says.format(earlier=early, later=late))
            for line, early, late in db.rows(
                f"select _line, strftime({earlier}, '%Y-%m-%d'), strftime({later}, '%Y-%m-%d') "
                f"from {table.typed} where {later} < {earlier} order by 1")]


def _events(db, events, elections) -> list:
    out = []
    rows = db.rows(
        f"select a._line, a.event_type, strftime(a.date, '%Y-%m-%d'), f.later, strftime(max(b.date), '%Y-%m-%d') "
        f"from {events.typed} a join (select unnest(?) as earlier, unnest(?) as later) f on a.event_type = f.earlier "
        f"join {events.typed} b on b.election_id = a.election_id and b.event_type = f.later "
        f"where a.date is not null and b.date is not null group by all having a.date > max(b.date) order by 1, 4",
        [[e for e, _ in FOLLOWS], [b for _, b in FOLLOWS]])
    out += [OUT_OF_ORDER(events.file, line, "date", date,
                         f"{step} on {date}, after every report of {later} (the latest {latest})")
            for line, step, date, later, latest in rows]
    if elections is not None and {"election_id", "result_date"} <= set(elections.resource.names):
        rows = db.rows(
            f"select a._line, a.event_type, strftime(a.date, '%Y-%m-%d'), strftime(e.result_date, '%Y-%m-%d') "
            f"from {events.typed} a join {elections.typed} e using (election_id) "
            f"where list_contains(?, a.event_type) and a.date > e.result_date order by 1", [list(BEFORE_RESULT)])
        out += [AFTER_RESULT(events.file, line, "date", date, f"{step} on {date}, after the result on {result}")
                for line, step, date, result in rows]
    return out


def check(db) -> list:
    out = []
    events = db.table("events")
    if events is not None and {"election_id", "event_type", "date"} <= set(events.resource.names):
        out += _events(db, events, db.table("elections"))
    for order in ROW_ORDERS:
        out += _row_order(db, order)
    return out
