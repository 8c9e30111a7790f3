"""Every foreignKey in the schemas resolves (composite keys too), and a candidate_id (or an
election's winner_id) next to an election_id names a candidate of that election
(`candidate-not-in-contest`), except in polls, which may ask about someone who never stood.

Each is an anti-join of the table's rows against the rows they refer to. An id that names no
row gets a hint naming the nearest id that exists; a person who stood in another contest gets
one naming that contest.
"""
from __future__ import annotations

import difflib

from ..problems import Rule
from ..sqlgen import ident

STEP = "crossref"
FOREIGN_KEY = Rule("foreign-key", "Foreign key error", "a row refers to a row that does not exist",
                   "add the row to {target} or correct the id (a typo?)", STEP)
NOT_IN_CONTEST = Rule("candidate-not-in-contest", "Candidate not in contest",
                      "a row names as a candidate someone who is not one in that election",
                      "add the candidate to {target} or correct election_id/{named}", STEP)
RULES = (FOREIGN_KEY, NOT_IN_CONTEST)

_CANDIDATES = "candidates"
# Tables whose candidate_id may name someone asked about who never stood (YouGov's July poll
# asked about Angela Eagle, who withdrew before the ballot): their foreign key to entities
# still checks the id, but not candidacy.
_ASKED_ABOUT = {"polls"}
# Columns that, beside election_id, name a candidate of that election (the contest's winner too).
_NAMES_A_CANDIDATE = ("candidate_id", "winner_id")
_CONTEST = "election_id"


def _dangling(db, t, fields, target, target_fields) -> list[tuple]:
    """(line, values) of the rows of t whose fields, all present, match no row of target."""
    on = " and ".join(f"s.{ident(a)} = o.{ident(b)}" for a, b in zip(fields, target_fields))
    present = " and ".join(f"s.{ident(a)} is not null" for a in fields)
    cols = ", ".join(f"s.{ident(a)}" for a in fields)
    return db.rows(f"select s._line, [{cols}] from {t.raw} s anti join {target.raw} o on {on} "
                   f"where {present} order by s._line")


def _nearest(db, target, fields, values) -> str:
    """What the target has nearest the values: the same last field under another first field (a
    candidate of another contest), else, for one field, the closest id (a typo)."""
    *firsts, last = fields
    if firsts:
        cols = ", ".join(ident(f) for f in firsts)
        found = [row for row in db.rows(f"select distinct {cols} from {target.raw} where {ident(last)} = ? "
                                        f"order by all", [values[-1]])]
        if found:
            named = "; ".join("|".join(str(v) for v in row) for row in found)
            return f"; {target.file} has {last} {values[-1]} with {','.join(firsts)} {named}: is {firsts[0]} right?"
        return ""
    known = [v for (v,) in db.rows(f"select distinct {ident(last)} from {target.raw} where {ident(last)} is not null")]
    close = difflib.get_close_matches(values[0], known, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def check(db) -> list:
    out, dangling = [], set()  # (table, field, line): already reported as a foreign-key error
    for t in db.tables.values():
        # single fields first: a composite key whose election_id names no election is that key's
        # problem, reported once, not again as the composite's
        for fk in sorted(t.resource.foreign_keys, key=lambda k: len(k.fields)):
            target = db.table(fk.resource or t.resource.name)
            if target is None:
                continue  # the model refused a key to a missing resource; an unreadable one is reported
            fields = list(fk.fields)
            if not set(fk.reference) <= set(target.resource.names):
                continue  # the model refused a key to fields the target lacks
            for line, values in _dangling(db, t, fields, target, list(fk.reference)):
                if any((t.resource.name, f, line) in dangling for f in fields):
                    continue
                dangling.update((t.resource.name, f, line) for f in fields)
                near = _nearest(db, target, list(fk.reference), values)
                out.append(FOREIGN_KEY(t.file, line, ",".join(fields), "|".join(values),
                                       f"no {target.resource.name} row has {','.join(fk.reference)} = this value"
                                       + near, target=target.file))
    cands = db.table(_CANDIDATES)
    if cands is None:
        return out
    for column in _NAMES_A_CANDIDATE:
        key = [_CONTEST, column]
        for t in db.with_fields(*key):
            if t is cands or t.resource.name in _ASKED_ABOUT:
                continue
            if any(sorted(fk.fields) == sorted(key) for fk in t.resource.foreign_keys):
                continue  # already a foreign key
            for line, (contest, person) in _dangling(db, t, key, cands, [_CONTEST, "candidate_id"]):
                if {(t.resource.name, _CONTEST, line), (t.resource.name, column, line)} & dangling:
                    continue  # an id that names no entity or election at all is reported once, as foreign-key
                elsewhere = _nearest(db, cands, [_CONTEST, "candidate_id"], [contest, person])
                out.append(NOT_IN_CONTEST(t.file, line, ",".join(key), f"{contest}|{person}",
                                          f"{column} is not a candidate of this election" + elsewhere,
                                          target=cands.file, named=column))
    return out
