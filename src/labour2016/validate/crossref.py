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


def _dangling(t, fields, target, target_fields) -> str:
    """SQL: (line, values) of the rows of t whose fields, all present, match no row of target."""
    on = " and ".join(f"s.{ident(a)} = o.{ident(b)}" for a, b in zip(fields, target_fields))
    present = " and ".join(f"s.{ident(a)} is not null" for a in fields)
    cols = ", ".join(f"s.{ident(a)}" for a in fields)
    return f"select s._line, [{cols}] from {t.raw} s anti join {target.raw} o on {on} where {present}"


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


def _keys(db) -> list[tuple]:
    """(table, fields, target, target fields) of each foreign key whose tables were read, a table's
    single fields first: a composite key whose election_id names no election is that key's problem,
    reported once, not again as the composite's."""
    keys = []
    for t in db.tables.values():
        for fk in sorted(t.resource.foreign_keys, key=lambda k: len(k.fields)):
            target = db.table(fk.resource or t.resource.name)
            # the model refused a key to a missing resource or to fields the target lacks; an
            # unreadable target is reported
            if target is not None and set(fk.reference) <= set(target.resource.names):
                keys.append((t, list(fk.fields), target, list(fk.reference)))
    return keys


def _contests(db) -> list[tuple]:
    """(table, column) of each candidate a table names beside its contest, not already a foreign key."""
    cands = db.table(_CANDIDATES)
    return [(t, column) for column in _NAMES_A_CANDIDATE for t in db.with_fields(_CONTEST, column)
            if cands is not None and t is not cands and t.resource.name not in _ASKED_ABOUT
            and not any(sorted(fk.fields) == sorted([_CONTEST, column]) for fk in t.resource.foreign_keys)]


def check(db) -> list:
    keys, contests, cands = _keys(db), _contests(db), db.table(_CANDIDATES)
    found = db.each([_dangling(*key) for key in keys]
                    + [_dangling(t, [_CONTEST, column], cands, [_CONTEST, "candidate_id"]) for t, column in contests])
    out, dangling = [], set()  # (table, field, line): already reported as a foreign-key error
    for (t, fields, target, reference), rows in zip(keys, found):
        for line, values in rows:
            if any((t.resource.name, f, line) in dangling for f in fields):
                continue
            dangling.update((t.resource.name, f, line) for f in fields)
            out.append(FOREIGN_KEY(t.file, line, ",".join(fields), "|".join(values),
                                   f"no {target.resource.name} row has {','.join(reference)} = this value"
                                   + _nearest(db, target, reference, values), target=target.file))
    for (t, column), rows in zip(contests, found[len(keys):]):
        for line, (contest, person) in rows:
            if {(t.resource.name, _CONTEST, line), (t.resource.name, column, line)} & dangling:
                continue  # an id that names no entity or election at all is reported once, as foreign-key
            elsewhere = _nearest(db, cands, [_CONTEST, "candidate_id"], [contest, person])
            out.append(NOT_IN_CONTEST(t.file, line, f"{_CONTEST},{column}", f"{contest}|{person}",
                                      f"{column} is not a candidate of this election" + elsewhere,
                                      target=cands.file, named=column))
    return out
