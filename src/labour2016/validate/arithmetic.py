"""Figures one source gives must agree with each other.

Every figure becomes an interval from its stated precision and qualifier, by the figure_low and
figure_high macros of queries/views.sql, the one definition the `precision` view uses too:
"59%" is 58.5..59.5, "more than 43,000" 42,500..inf. Where a source states the same cell twice
("61.8 per cent" and "61.80%"), the cell is the union of its exact statements. Checks:
`sum-100` shares of a section sum to 100; `share-vs-counts` a share agrees with the counts;
`parts-vs-total` sections sum to `all`, and candidates' votes to the valid votes;
`turnout` turnout_pct agrees with (valid + spoilt) / ballots distributed.

Every check is a group-by or a merge over whole tables (they grow to millions of rows);
Python loops run only over the rows that fail.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import spelling
from . import Context

if TYPE_CHECKING:  # pandas is imported where a check runs, not when the module loads
    import pandas as pd

PARTS = ["members", "registered_supporters", "affiliated_supporters"]
ALL = "all"
EPS = 1e-9
G = ["election_id", "section", "source_id", "round"]
HINT = "check the figures against the source"


def bounds(stated: "pd.DataFrame"):
    """(lo, hi) arrays for rows of stated_as, value, qualifier, evaluated by views.sql's macros."""
    import duckdb

    from .. import sqlgen

    con = duckdb.connect()
    try:
        con.execute(sqlgen.split(sqlgen.views_sql())[0])
        con.execute("set enable_external_access = false")
        distinct = stated.drop_duplicates().reset_index(drop=True)
        con.register("stated", distinct)
        got = con.sql("select stated_as, value, qualifier, figure_low(stated_as, value, qualifier) as lo, "
                      "figure_high(stated_as, value, qualifier) as hi from stated").df()
    finally:
        con.close()
    merged = stated.merge(got, on=["stated_as", "value", "qualifier"], how="left")
    return merged["lo"].to_numpy(), merged["hi"].to_numpy()


def intervals(t):
    """The table's figures with lo/hi bounds and line numbers, rows with unusable values dropped."""
    df = t.typed.copy()
    df["line"] = t.lines
    df["round"] = df["round"].astype("string").fillna("") if "round" in df else ""
    df = df[df["value"].notna() & df["stated_as"].notna() & ~t.bad["value"]]
    df["value"] = df["value"].astype(float)
    df["qualifier"] = df["qualifier"].fillna("exact").astype(str)
    df["stated_as"] = df["stated_as"].astype(str)
    df["lo"], df["hi"] = bounds(df[["stated_as", "value", "qualifier"]])
    df["exact"] = ~df["qualifier"].isin(list(spelling.LOWER_ONLY | spelling.UPPER_ONLY))
    return df


def cells_of(df, keys):
    """One interval per cell: the union of its exact statements, else of all its statements."""
    has_exact = df.groupby(keys, dropna=False)["exact"].transform("any")
    use = df[df["exact"] | ~has_exact]
    return use.groupby(keys, dropna=False).agg(lo=("lo", "min"), hi=("hi", "max"), line=("line", "min"),
                                               value=("value", "median")).reset_index()


def _disjoint(lo_a, hi_a, lo_b, hi_b):
    return (lo_a > hi_b + EPS) | (hi_a < lo_b - EPS)


def complete_cells(ctx: Context, cells):
    """The cells of the groups (per G) that give every candidate on the election's ballot."""
    c = ctx.tables.get("candidates")
    if c is None or c.typed is None or cells.empty:
        return cells.iloc[:0]
    # a candidate who withdrew before the ballot has no votes to count
    on_ballot = c.typed[c.typed["status"] == "stood"] if "status" in c.typed else c.typed
    stood = on_ballot[["election_id", "candidate_id"]].dropna().drop_duplicates()
    needed = stood.groupby("election_id").size()
    known = cells.merge(stood, on=["election_id", "candidate_id"])
    given = known.groupby(G, dropna=False)["value"].transform("size")
    return known[given.to_numpy() == known["election_id"].map(needed).to_numpy()]


def _complete(ctx: Context, cells):
    """Sums of cells per G, only for groups giving every candidate on the election's ballot."""
    known = complete_cells(ctx, cells)
    if known.empty:
        return cells.iloc[:0][G + ["lo", "hi", "value"]].assign(n=0)
    return known.groupby(G, dropna=False).agg(lo=("lo", "sum"), hi=("hi", "sum"), value=("value", "sum"),
                                              n=("value", "size")).reset_index()


def _report(ctx, t, failing, rule, message, column="value"):
    """One problem per failing row; `message` formats a row (a namedtuple) into text."""
    for r in failing.itertuples(index=False):
        ctx.add(t.file, r.line, column, _raw(t, r.line, r.value), rule, message(r), HINT)


def _raw(t, line, fallback):
    """The value as written in the CSV on that line (failing rows only: a handful)."""
    import numpy as np

    hit = np.flatnonzero(t.lines == line)
    return t.frame["value"].iloc[hit[0]] if len(hit) else f"{fallback:g}"


def _votes_checks(ctx: Context, t, electorate) -> None:
    df = intervals(t)
    shares = df[df["measure"] == "share_pct"]
    share_cells = cells_of(shares, G + ["candidate_id"])
    count_cells = cells_of(df[df["measure"] == "votes"], G + ["candidate_id"])

    share_sums = _complete(ctx, share_cells)
    bad = share_sums[_disjoint(share_sums["lo"], share_sums["hi"], 100, 100)]
    failing = shares.merge(bad[G + ["value", "lo", "hi"]], on=G, suffixes=("", "_sum"))
    _report(ctx, t, failing, "sum-100",
            lambda r: f"shares of {r.section} from {r.source_id} sum to {r.value_sum:g}, not 100 "
                      f"(allowing for rounding: {r.lo_sum:g}..{r.hi_sum:g})")

    totals = _complete(ctx, count_cells)
    totals["tol"] = (totals["hi"] - totals["lo"]) / 2
    m = shares.merge(count_cells[G + ["candidate_id", "value", "lo", "hi"]], on=G + ["candidate_id"],
                     suffixes=("", "_n"))
    m = m.merge(totals[G + ["value", "tol"]].rename(columns={"value": "total"}), on=G)
    m = m[m["total"] > 0]
    # Each share row on its own, with the precision of the source's most loosely written exact
    # statement of the same cell ("61.80%" beside "61.8 per cent" is read to 0.05).
    half = ((m["hi"] - m["lo"]) / 2).where(m["exact"])
    widest = half.groupby([m[k] for k in G + ["candidate_id"]], dropna=False).transform("max")
    lo = m["lo"].where(~m["exact"], m["value"] - widest)
    hi = m["hi"].where(~m["exact"], m["value"] + widest)
    m["computed"] = 100 * m["value_n"] / m["total"]
    slack = 100 * ((m["hi_n"] - m["lo_n"]) / 2 / m["total"] + m["value_n"] * m["tol"] / m["total"] ** 2)
    failing = m[_disjoint(m["computed"] - slack, m["computed"] + slack, lo, hi)]
    _report(ctx, t, failing, "share-vs-counts",
            lambda r: f"share {r.value:g}% disagrees with the source's counts: {r.value_n:g} of {r.total:g} "
                      f"is {r.computed:.2f}%")

    _parts_vs_total(ctx, t, count_cells, ["election_id", "source_id", "round", "candidate_id"])

    if electorate is not None:
        elec = ctx.tables["electorate"]
        valid = cells_of(electorate[electorate["measure"].isin(["valid_votes", "votes_cast"])], G + ["measure"])
        m = valid.merge(totals[G + ["value", "lo", "hi"]], on=G, suffixes=("", "_sum"))
        failing = m[_disjoint(m["lo"], m["hi"], m["lo_sum"], m["hi_sum"])]
        _report(ctx, elec, failing, "parts-vs-total",
                lambda r: f"{r.measure} {r.value:g} disagrees with the sum of the candidates' votes from the "
                          f"same source ({r.value_sum:g})")


def _parts_vs_total(ctx: Context, t, cells, keys) -> None:
    """A source's section figures sum to its `all` figure, where it gives every section."""
    parts = cells[cells["section"].isin(PARTS)].groupby(keys, dropna=False).agg(
        lo=("lo", "sum"), hi=("hi", "sum"), value=("value", "sum"), n=("value", "size"),
        lines=("line", lambda s: ", ".join(str(int(x)) for x in sorted(s))))
    parts = parts[parts["n"] == len(PARTS)].reset_index()
    total = cells[cells["section"] == ALL]
    m = total.merge(parts, on=keys, suffixes=("", "_parts"))
    failing = m[_disjoint(m["lo"], m["hi"], m["lo_parts"], m["hi_parts"])]
    _report(ctx, t, failing, "parts-vs-total",
            lambda r: f"'all' is {r.value:g} but the sections from the same source sum to "
                      f"{r.value_parts:g} (lines {r.lines})")


def _turnout(ctx: Context, t, df) -> None:
    """turnout_pct against (valid + spoilt) / distributed; a source states turnout once per
    contest, so round is ignored."""
    keys = ["election_id", "source_id", "section"]
    cells = cells_of(df, keys + ["measure"])
    wide = None
    for measure, tag in (("turnout_pct", ""), ("valid_votes", "_v"), ("spoilt_ballots", "_s"),
                         ("ballots_distributed", "_b")):
        part = cells[cells["measure"] == measure].drop(columns="measure")
        part = part.rename(columns={c: c + tag for c in ("lo", "hi", "line", "value")})
        wide = part if wide is None else wide.merge(part, on=keys)
    wide = wide[wide["hi_b"] > 0]
    lo = 100 * (wide["lo_v"] + wide["lo_s"]) / wide["hi_b"]
    hi = 100 * (wide["hi_v"] + wide["hi_s"]) / wide["lo_b"].clip(lower=EPS)
    wide["computed"] = 100 * (wide["value_v"] + wide["value_s"]) / wide["value_b"]
    failing = wide[_disjoint(lo, hi, wide["lo"], wide["hi"])]
    _report(ctx, t, failing, "turnout",
            lambda r: f"turnout {r.value:g}% disagrees with (valid {r.value_v:g} + spoilt {r.value_s:g}) / "
                      f"distributed {r.value_b:g} = {r.computed:.2f}%")


def check(ctx: Context) -> None:
    need = {"election_id", "section", "measure", "value", "stated_as", "qualifier", "source_id"}
    votes = ctx.tables.get("votes")
    elec = ctx.tables.get("electorate")
    elec_df = None
    if elec is not None and elec.typed is not None and need <= set(elec.typed.columns):
        elec_df = intervals(elec)
        cells = cells_of(elec_df, ["election_id", "source_id", "round", "measure", "section"])
        _parts_vs_total(ctx, elec, cells[cells["measure"] != "turnout_pct"],
                        ["election_id", "source_id", "round", "measure"])
        _turnout(ctx, elec, elec_df)
    if votes is not None and votes.typed is not None and need | {"candidate_id"} <= set(votes.typed.columns):
        _votes_checks(ctx, votes, elec_df)
