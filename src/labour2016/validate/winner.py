"""`winner-not-top`: an election's winner_id is the candidate with the most votes; and
`winner-withdrew`: it is not a candidate whose candidacy the candidates table says was withdrawn.

Judged per source, on the source's final count: its section `all` vote counts (measure `votes`)
in the last round it gives (figures with no round named are its final figures), and only where
that count gives every candidate of the election; an earlier round's leader may lose on
transfers, and a partial count proves nothing. Counts are intervals ("193,000" is
192,500..193,500, "more than 193,000" has no top), so the winner fails only when another
candidate's count is certainly higher. A winner who is not a candidate at all is crossref's
`candidate-not-in-contest`.
"""
from __future__ import annotations

from ..problems import Rule
from ..sqlgen import ident
from .intervals import EPS, G, cells, complete, figures, on

STEP = "winner"
NOT_TOP = Rule("winner-not-top", "Winner not top",
               "the winner does not have the most votes in a source's complete count",
               "correct winner_id, or check the votes rows against the source", STEP)
WITHDREW = Rule("winner-withdrew", "Winner withdrew",
                "an election's winner is a candidate the candidates table says withdrew",
                "correct winner_id, or the candidate's status if the source says they stood", STEP)
RULES = (NOT_TOP, WITHDREW)

_NEED = {"election_id", "section", "candidate_id", "measure", "value", "stated_as", "qualifier", "source_id"}


def check(db) -> list:
    elections, votes, cands = db.table("elections"), db.table("votes"), db.table("candidates")
    if elections is None or not {"election_id", "winner_id"} <= set(elections.resource.names):
        return []
    won = (f"(select election_id, winner_id, _line as at from {elections.typed} "
           f"where election_id is not null and winner_id is not null)")
    out = []
    if cands is not None and {"election_id", "candidate_id", "status"} <= set(cands.resource.names):
        out += [WITHDREW(elections.file, at, "winner_id", winner, f"{winner} withdrew from {contest} "
                                                                  f"({cands.file}: status withdrew)")
                for at, winner, contest in db.rows(
                    f"select w.at, w.winner_id, w.election_id from {won} w join {cands.typed} c "
                    f"on c.election_id = w.election_id and c.candidate_id = w.winner_id where c.status = 'withdrew'")]
    if votes is None or not _NEED <= set(votes.resource.names):
        return out
    f = figures(db, votes)
    counts = cells(f"(select * from {f} where measure = 'votes' and section = 'all')", (*G, "candidate_id"))
    order = "coalesce(try_cast(round as double), 'inf'::double)"  # no round named: the final count
    last = (f"(select * exclude (ord, last) from (select *, {order} as ord, max({order}) over "
            f"(partition by election_id, source_id) as last from {counts}) where ord = last)")
    final = complete(last, cands)
    keyed = ", ".join(f"r.{ident(c)}" for c in G)
    rows = db.rows(
        f"select * from (select w.at, w.winner_id, r.source_id, r.candidate_id, r.value, x.value, r.line, "
        f"row_number() over (partition by {keyed} order by r.value desc) as k "
        f"from {final} x join {won} w on x.election_id = w.election_id and x.candidate_id = w.winner_id "
        f"join {final} r on {on(G, 'r', 'x')} where r.lo > x.hi + {EPS}) where k = 1")
    out += [NOT_TOP(elections.file, at, "winner_id", winner,
                    f"{source} gives {rival} {value:,.15g} votes, more than {winner}'s {value_w:,.15g} "
                    f"({votes.file} line {int(line)})")
            for at, winner, source, rival, value, value_w, line, _ in rows]
    return out
