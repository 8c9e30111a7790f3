"""`winner-not-top`: an election's winner_id is the candidate with the most votes; and
`winner-withdrew`: it is not a candidate whose candidacy the candidates table says was withdrawn.

Judged per source, on the source's final count: its section `all` vote counts (measure
`votes`) in the last round it gives (figures with no round named are its final figures), and
only where that count gives every candidate of the election; an earlier round's leader may
lose on transfers, and a partial count proves nothing. Counts are the intervals arithmetic
reads ("193,000" is 192,500..193,500, "more than 193,000" has no top), so the winner fails only
when another candidate's count is certainly higher. A winner who is not a candidate at all is
crossref's `candidate-not-in-contest`.
"""
from __future__ import annotations

from . import Context
from .arithmetic import ALL, EPS, G, cells_of, complete_cells, intervals

_NEED = {"election_id", "section", "candidate_id", "measure", "value", "stated_as", "qualifier", "source_id"}


def _final_counts(ctx: Context, votes):
    """One interval per candidate and (election, source, round), in each source's last round."""
    import numpy as np
    import pandas as pd

    df = intervals(votes)
    df = df[(df["measure"] == "votes") & (df["section"] == ALL)]
    cells = cells_of(df, G + ["candidate_id"])
    order = pd.to_numeric(cells["round"], errors="coerce").fillna(np.inf)  # no round named: the final count
    last = order.groupby([cells["election_id"], cells["source_id"]]).transform("max")
    return complete_cells(ctx, cells[(order == last).to_numpy()])


def _withdrawn(ctx: Context, elections, won) -> None:
    cands = ctx.tables.get("candidates")
    if cands is None or cands.typed is None or not {"election_id", "candidate_id", "status"} <= set(cands.typed):
        return
    out = won.merge(cands.typed[cands.typed["status"] == "withdrew"], left_on=["election_id", "winner_id"],
                    right_on=["election_id", "candidate_id"])
    for r in out.itertuples(index=False):
        ctx.add(elections.file, r.at, "winner_id", r.winner_id, "winner-withdrew",
                f"{r.winner_id} withdrew from {r.election_id} ({cands.file}: status withdrew)",
                "correct winner_id, or the candidate's status if the source says they stood")


def check(ctx: Context) -> None:
    elections, votes = ctx.tables.get("elections"), ctx.tables.get("votes")
    if elections is None or elections.typed is None or not {"election_id", "winner_id"} <= set(elections.typed):
        return
    # each election's winner, with the line it is stated on
    won = elections.typed[["election_id", "winner_id"]].assign(at=elections.lines).dropna()
    _withdrawn(ctx, elections, won)
    if votes is None or votes.typed is None or not _NEED <= set(votes.typed):
        return
    counts = _final_counts(ctx, votes)
    winner = counts.merge(won, left_on=["election_id", "candidate_id"], right_on=["election_id", "winner_id"])
    rivals = counts.merge(winner[G + ["winner_id", "hi", "value", "at"]], on=G, suffixes=("", "_w"))
    beaten = rivals[rivals["lo"] > rivals["hi_w"] + EPS]
    top = beaten.sort_values("value", ascending=False).drop_duplicates(G)
    for r in top.itertuples(index=False):
        ctx.add(elections.file, r.at, "winner_id", r.winner_id, "winner-not-top",
                f"{r.source_id} gives {r.candidate_id} {r.value:,.15g} votes, more than {r.winner_id}'s {r.value_w:,.15g} "
                f"({votes.file} line {int(r.line)})",
                "correct winner_id, or check the votes rows against the source")
