"""Stated figures as intervals, in SQL: shared by the steps that compare figures (arithmetic,
winner), none of which imports another.

Every figure becomes an interval from its stated precision and qualifier, by the figure_slack,
slack_low and slack_high macros of queries/macros.sql, the one definition the `precision` view
uses too (through figure_low and figure_high): "59%" is 58.5..59.5, "more than 43,000"
42,500..inf. Where a source states the same cell twice ("61.8
per cent" and "61.80%"), the cell is the union of its exact statements.
"""
from __future__ import annotations

import threading

from .. import spelling
from ..sqlgen import ident

EPS = 1e-9
G = ("election_id", "section", "source_id", "round")
BOUNDS = tuple(sorted(spelling.LOWER_ONLY | spelling.UPPER_ONLY))
_MADE = threading.Lock()


def figures(db, t) -> str:
    """Table figures_t<k>: t's stated figures (value, stated_as present and the value a number),
    with line, round as text ('' when none), qualifier (exact when none), lo, hi and exact. Made
    once on the database and shared by the steps that read it: they run side by side, so the
    first makes it, under a lock, and the others wait for it. The figure_* macros are the
    database's (files.read defines them)."""
    name = f"figures_t{t.k}"
    cols = [c for c in t.resource.names if c not in ("value", "stated_as", "qualifier", "round")]
    keep = ", ".join(ident(c) for c in cols)
    rnd = "coalesce(cast(round as varchar), '')" if "round" in t.resource.names else "''"
    with _MADE:
        db.con.execute(
            f"create table if not exists {name} as select * exclude (slack), slack_low(value, slack, qualifier) as lo, "
            f"slack_high(value, slack, qualifier) as hi, not list_contains(?, qualifier) as exact from ("
            f"select *, figure_slack(stated_as, value, qualifier) as slack from ("
            f"select _line as line, {keep}, {rnd} as round, cast(value as double) as value, stated_as, "
            f"coalesce(qualifier, 'exact') as qualifier from {t.typed} "
            f"where value is not null and stated_as is not null))", [list(BOUNDS)])
    return name


def cells(source: str, keys) -> str:
    """SQL: one interval per cell (keys): the union of its exact statements, else of all of them;
    its first line and the median of its values."""
    k = ", ".join(ident(c) for c in keys)
    return (f"(select {k}, min(lo) as lo, max(hi) as hi, min(line) as line, median(value) as value from "
            f"(select *, bool_or(exact) over (partition by {k}) as has_exact from {source}) "
            f"where exact or not has_exact group by {k})")


def on(keys, left: str = "a", right: str = "b") -> str:
    """A join condition matching keys, a missing value matching a missing one (as pandas merges)."""
    return " and ".join(f"{left}.{ident(c)} is not distinct from {right}.{ident(c)}" for c in keys)


def complete(cell_sql: str, candidates) -> str:
    """SQL: the cells of the groups (per G) that give every candidate still in the count in their
    round: every candidate on the ballot, less those eliminated in an earlier round (figures with
    no round named are final: less every eliminated candidate). A candidate who withdrew before the
    ballot has no votes to count."""
    if candidates is None:
        return f"(select * from {cell_sql} where false)"
    staged = {"outcome", "outcome_round"} <= set(candidates.resource.names)
    out, out_round = ("outcome", "outcome_round") if staged else ("null", "null")
    stood = (f"(select distinct election_id, candidate_id, {out} as outcome, {out_round} as outcome_round "
             f"from {candidates.typed} where status = 'stood' and election_id is not null and candidate_id is not null)")
    # in the count of round r (text, '' when unnamed): not eliminated, or eliminated in round r or later
    in_count = ("(s.outcome is distinct from 'eliminated' "
                "or (c.round <> '' and s.outcome_round >= try_cast(c.round as integer)))")
    by = ", ".join(f"c.{ident(x)}" for x in G)
    needed = (f"(select count(*) from {stood} s where s.election_id = c.election_id and {in_count})")
    return (f"(select * exclude (given, needed) from ("
            f"select c.*, count(*) over (partition by {by}) as given, {needed} as needed "
            f"from {cell_sql} c join {stood} s using (election_id, candidate_id) where {in_count}) "
            f"where given = needed)")


def disjoint(lo_a: str, hi_a: str, lo_b: str, hi_b: str) -> str:
    return f"({lo_a} > {hi_b} + {EPS} or {hi_a} < {lo_b} - {EPS})"
