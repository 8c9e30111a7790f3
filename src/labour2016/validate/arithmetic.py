"""Figures one source gives must agree with each other, each rule one query over whole tables.

Figures are intervals (labour2016.validate.intervals): `sum-100` shares of a section sum to 100;
`share-vs-counts` a share agrees with the counts; `parts-vs-total` sections sum to `all`, and
candidates' votes to the valid votes; `turnout` turnout_pct agrees with (valid + spoilt) / ballots
distributed. Only failing rows come back to Python, with their lines.
"""
from __future__ import annotations

from ..problems import Rule
from ..sqlgen import ident
from .intervals import G, cells, complete, disjoint, figures, on

STEP = "arithmetic"
_HINT = "check the figures against the source"
SUM_100 = Rule("sum-100", "Shares do not sum to 100", "one source's shares of a section do not sum to 100", _HINT, STEP)
SHARE_VS_COUNTS = Rule("share-vs-counts", "Share disagrees with counts", "a share disagrees with the same source's counts",
                       _HINT, STEP)
PARTS_VS_TOTAL = Rule("parts-vs-total", "Parts do not sum to the total",
                      "a source's sections (or candidates) do not sum to its total", _HINT, STEP)
TURNOUT = Rule("turnout", "Turnout does not add up",
               "a turnout disagrees with valid and spoilt votes over ballots distributed", _HINT, STEP)
RULES = (SUM_100, SHARE_VS_COUNTS, PARTS_VS_TOTAL, TURNOUT)

PARTS = ("members", "registered_supporters", "affiliated_supporters")
_NEED = {"election_id", "section", "measure", "value", "stated_as", "qualifier", "source_id"}
_G = ", ".join(ident(c) for c in G)


def _raw(db, t, line: int, value: float) -> str:
    """The value as written in the CSV on that line (failing rows only: a handful)."""
    got = db.rows(f"select value from {t.raw} where _line = ?", [line])
    return got[0][0] if got else f"{value:g}"


def _parts_vs_total(db, t, cell_sql: str, keys) -> list:
    """A source's section figures sum to its `all` figure, where it gives every section."""
    k = ", ".join(ident(c) for c in keys)
    rows = db.rows(
        f"select a.line, a.value, p.value, p.lines from (select * from {cell_sql} where section = 'all') a "
        f"join (select {k}, sum(lo) as lo, sum(hi) as hi, sum(value) as value, "
        f"string_agg(cast(line as varchar), ', ' order by line) as lines from {cell_sql} "
        f"where list_contains(?, section) group by {k} having count(*) = ?) p on {on(keys, 'a', 'p')} "
        f"where {disjoint('a.lo', 'a.hi', 'p.lo', 'p.hi')}", [list(PARTS), len(PARTS)])
    return [PARTS_VS_TOTAL(t.file, line, "value", _raw(db, t, line, value),
                           f"'all' is {value:g} but the sections from the same source sum to {parts:g} (lines {lines})")
            for line, value, parts, lines in rows]


def _votes(db, votes, candidates, elec_figures: str | None) -> list:
    out = []
    f = figures(db, votes)
    shares = f"(select * from {f} where measure = 'share_pct')"
    share_cells = cells(shares, (*G, "candidate_id"))
    count_cells = cells(f"(select * from {f} where measure = 'votes')", (*G, "candidate_id"))
    share_sums = (f"(select {_G}, sum(lo) as lo, sum(hi) as hi, sum(value) as value "
                  f"from {complete(share_cells, candidates)} group by {_G})")
    for line, raw, section, source, total, lo, hi in db.rows(
            f"select s.line, r.value, s.section, s.source_id, b.value, b.lo, b.hi from {shares} s "
            f"join {share_sums} b on {on(G, 's', 'b')} join {votes.raw} r on r._line = s.line "
            f"where {disjoint('b.lo', 'b.hi', '100', '100')}"):
        out.append(SUM_100(votes.file, line, "value", raw,
                           f"shares of {section} from {source} sum to {total:g}, not 100 "
                           f"(allowing for rounding: {lo:g}..{hi:g})"))

    totals = (f"(select {_G}, sum(lo) as lo, sum(hi) as hi, sum(value) as value, (sum(hi) - sum(lo)) / 2 as tol "
              f"from {complete(count_cells, candidates)} group by {_G})")
    # Each share row on its own, with the precision of the source's most loosely written exact
    # statement of the same cell ("61.80%" beside "61.8 per cent" is read to 0.05).
    keyed = ", ".join(f"s.{c}" for c in (*G, "candidate_id"))
    m = (f"select s.line, r.value as raw, s.value, n.value as value_n, t.value as total, "
         f"100 * n.value / t.value as computed, "
         f"100 * ((n.hi - n.lo) / 2 / t.value + n.value * t.tol / (t.value * t.value)) as slack, "
         f"case when s.exact then s.value - max(case when s.exact then (s.hi - s.lo) / 2 end) "
         f"over (partition by {keyed}) else s.lo end as lo, "
         f"case when s.exact then s.value + max(case when s.exact then (s.hi - s.lo) / 2 end) "
         f"over (partition by {keyed}) else s.hi end as hi "
         f"from {shares} s join {count_cells} n on {on((*G, 'candidate_id'), 's', 'n')} "
         f"join {totals} t on {on(G, 's', 't')} join {votes.raw} r on r._line = s.line where t.value > 0")
    for line, raw, value, value_n, total, computed in db.rows(
            f"select line, raw, value, value_n, total, computed from ({m}) "
            f"where {disjoint('computed - slack', 'computed + slack', 'lo', 'hi')}"):
        out.append(SHARE_VS_COUNTS(votes.file, line, "value", raw,
                                   f"share {value:g}% disagrees with the source's counts: {value_n:g} of {total:g} "
                                   f"is {computed:.2f}%"))

    out += _parts_vs_total(db, votes, count_cells, ("election_id", "source_id", "round", "candidate_id"))

    if elec_figures is not None:
        elec = db.table("electorate")
        valid = cells(f"(select * from {elec_figures} where measure in ('valid_votes', 'votes_cast'))", (*G, "measure"))
        for line, measure, value, total in db.rows(
                f"select v.line, v.measure, v.value, t.value from {valid} v join {totals} t on {on(G, 'v', 't')} "
                f"where {disjoint('v.lo', 'v.hi', 't.lo', 't.hi')}"):
            out.append(PARTS_VS_TOTAL(elec.file, line, "value", _raw(db, elec, line, value),
                                      f"{measure} {value:g} disagrees with the sum of the candidates' votes from the "
                                      f"same source ({total:g})"))
    return out


def _turnout(db, elec, f: str) -> list:
    """turnout_pct against (valid + spoilt) / distributed; a source states turnout once per
    contest, so round is ignored."""
    keys = ("election_id", "source_id", "section")
    c = cells(f, (*keys, "measure"))
    part = {m: f"(select * from {c} where measure = '{m}')"
            for m in ("turnout_pct", "valid_votes", "spoilt_ballots", "ballots_distributed")}
    rows = db.rows(
        f"select * from (select t.line, t.value, v.value as v, s.value as s, b.value as b, "
        f"100 * (v.lo + s.lo) / b.hi as lo, 100 * (v.hi + s.hi) / greatest(b.lo, 1e-9) as hi, t.lo as t_lo, "
        f"t.hi as t_hi from {part['turnout_pct']} t join {part['valid_votes']} v on {on(keys, 't', 'v')} "
        f"join {part['spoilt_ballots']} s on {on(keys, 't', 's')} "
        f"join {part['ballots_distributed']} b on {on(keys, 't', 'b')} where b.hi > 0) "
        f"where {disjoint('lo', 'hi', 't_lo', 't_hi')}")
    return [TURNOUT(elec.file, line, "value", _raw(db, elec, line, value),
                    f"turnout {value:g}% disagrees with (valid {v:g} + spoilt {s:g}) / distributed {b:g} = "
                    f"{100 * (v + s) / b:.2f}%")
            for line, value, v, s, b, *_ in rows]


def check(db) -> list:
    out = []
    votes, elec = db.table("votes"), db.table("electorate")
    elec_figures = None
    if elec is not None and _NEED <= set(elec.resource.names):
        elec_figures = figures(db, elec)
        keys = ("election_id", "source_id", "round", "measure")
        out += _parts_vs_total(db, elec, cells(f"(select * from {elec_figures} where measure != 'turnout_pct')",
                                               (*keys, "section")), keys)
        out += _turnout(db, elec, elec_figures)
    if votes is not None and _NEED | {"candidate_id"} <= set(votes.resource.names):
        out += _votes(db, votes, db.table("candidates"), elec_figures)
    return out
