"""What a count by rounds promises, for every contest, each rule one query over whole tables.

`falls-between-rounds`: a candidate who continues from one round to the next loses no votes and no
share of a section (transfers only add; exhausted ballots only shrink the whole), as one source
states both rounds. `votes-after-exit`: a candidate eliminated in a round has no votes in a later
one, and one who withdrew or fell short at nominations has none at all. `votes-exceed-returned`:
a source's candidate votes in a section, in any round, do not add up to more than the votes it
says were returned there (electorate measure `turnout`). Figures are intervals
(labour2016.validate.intervals), so "59%" against "58.6%" is no fall.
"""
from __future__ import annotations

from ..problems import Rule
from .intervals import EPS, cells, figures, on

STEP = "rounds"
FALLS = Rule("falls-between-rounds", "Falls between rounds",
             "a continuing candidate's votes or share fall from one round to the next in one source's count",
             "check both rounds against the source: transfers add votes, they never take them away", STEP)
AFTER_EXIT = Rule("votes-after-exit", "Votes after exit",
                  "a candidate has votes in a round after their elimination, or after withdrawing or falling short",
                  "check the round, or the candidate's outcome and outcome_round in candidates", STEP)
EXCEED = Rule("votes-exceed-returned", "Votes exceed votes returned",
              "a source's candidate votes in a section add up to more than the votes it says were returned there",
              "check the counts and the section against the source", STEP)
RULES = (FALLS, AFTER_EXIT, EXCEED)

_NEED = {"election_id", "section", "candidate_id", "measure", "value", "stated_as", "qualifier", "source_id", "round"}
_KEY = ("election_id", "source_id", "section", "candidate_id", "measure")


def _falls(db, votes, f: str) -> list:
    c = cells(f"(select * from {f} where round <> '' and measure in ('votes', 'share_pct'))", (*_KEY, "round"))
    rows = db.rows(
        f"select b.line, r.value, b.candidate_id, b.measure, a.round, a.value, b.round, b.value "
        f"from {c} a join {c} b on {on(_KEY, 'a', 'b')} "
        f"and cast(b.round as integer) = cast(a.round as integer) + 1 "
        f"join {votes.raw} r on r._line = b.line where b.hi < a.lo - {EPS}")
    return [FALLS(votes.file, line, "value", raw,
                  f"{who}'s {measure} falls from {va:g} in round {ra} to {vb:g} in round {rb} (same source and section)")
            for line, raw, who, measure, ra, va, rb, vb in rows]


def _after_exit(db, votes, cands) -> list:
    if cands is None or not {"status", "outcome", "outcome_round"} <= set(cands.resource.names):
        return []
    rows = db.rows(
        f"select v._line, v.round, v.candidate_id, c.status, c.outcome, c.outcome_round "
        f"from {votes.typed} v join {cands.typed} c using (election_id, candidate_id) "
        f"where c.status in ('withdrew', 'fell_short') "
        f"or (c.outcome = 'eliminated' and v.round > c.outcome_round) order by v._line")
    out = []
    for line, rnd, who, status, outcome, out_round in rows:
        why = (f"{who} {status.replace('_', ' ')} ({cands.file}: status {status})" if status != "stood"
               else f"{who} was eliminated in round {out_round}")
        when = f"votes in round {rnd}" if rnd is not None else "votes"
        out.append(AFTER_EXIT(votes.file, line, "round" if rnd is not None else "candidate_id",
                              str(rnd) if rnd is not None else who, f"{when}, but {why}"))
    return out


def _exceed(db, votes, elec) -> list:
    if elec is None or not _NEED - {"candidate_id", "round"} <= set(elec.resource.names):
        return []
    f = figures(db, votes)
    g = ("election_id", "source_id", "section", "round")
    counts = cells(f"(select * from {f} where measure = 'votes')", (*g, "candidate_id"))
    e = figures(db, elec)
    returned = cells(f"(select * from {e} where measure = 'turnout')", ("election_id", "source_id", "section"))
    k = ", ".join(g)
    rows = db.rows(
        f"select t.line, s.section, s.round, s.source_id, s.value, t.value, s.lines from "
        f"(select {k}, sum(lo) as lo, sum(value) as value, string_agg(cast(line as varchar), ', ' order by line) as lines "
        f"from {counts} group by {k}) s join {returned} t "
        f"on {on(('election_id', 'source_id', 'section'), 's', 't')} where s.lo > t.hi + {EPS} order by t.line, s.round")
    return [EXCEED(elec.file, line, "value", f"{returned_value:g}",
                   f"{source}'s candidate votes in {section}" + (f", round {rnd}," if rnd else "")
                   + f" add up to {total:g}, more than the {returned_value:g} returned ({votes.file} lines {lines})")
            for line, section, rnd, source, total, returned_value, lines in rows]


def check(db) -> list:
    votes = db.table("votes")
    if votes is None or not _NEED <= set(votes.resource.names):
        return []
    f = figures(db, votes)
    return _falls(db, votes, f) + _after_exit(db, votes, db.table("candidates")) + _exceed(db, votes, db.table("electorate"))
