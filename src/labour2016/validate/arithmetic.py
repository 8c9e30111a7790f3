"""Check 6: figures one source gives must agree with each other.

Every figure becomes an interval from its stated precision and qualifier (numbers.bounds):
"59%" is 58.5..59.5, "more than 43,000" 42,500..inf. Where a source states the same cell twice
("61.8 per cent" and "61.80%"), the cell is the union of its exact statements. Checks:
`sum-100` shares of a section sum to 100; `share-vs-counts` a share agrees with the counts;
`parts-vs-total` sections sum to `all`, and candidates' votes to the valid votes;
`turnout` turnout_pct agrees with (valid + spoilt) / ballots distributed.
"""
from __future__ import annotations

from .. import numbers
from . import Context

PARTS = ["members", "registered_supporters", "affiliated_supporters"]
ALL = "all"
EPS = 1e-9


def _intervals(t):
    """The table's figures with lo/hi bounds and line numbers, rows with unusable values dropped."""
    import numpy as np

    df = t.typed.copy()
    df["line"] = t.lines
    df["round"] = df["round"].astype("string").fillna("") if "round" in df else ""
    df = df[df["value"].notna() & df["stated_as"].notna() & ~t.bad["value"]]
    tol = df["stated_as"].map({s: numbers.tolerance(s) for s in df["stated_as"].unique()}).astype(float)
    q = df["qualifier"].fillna("exact")
    v = df["value"].astype(float)
    tol = np.where(q == "approximately", np.maximum(2 * tol, 0.02 * v.abs()), tol)
    df["lo"] = np.where(q.isin(list(numbers.UPPER_ONLY)), -np.inf, v - tol)
    df["hi"] = np.where(q.isin(list(numbers.LOWER_ONLY)), np.inf, v + tol)
    df["exact"] = ~q.isin(list(numbers.LOWER_ONLY | numbers.UPPER_ONLY))
    return df


def _cells(df, keys):
    """One interval per cell: the union of its exact statements, else of all its statements."""
    has_exact = df.groupby(keys, dropna=False)["exact"].transform("any")
    use = df[df["exact"] | ~has_exact]
    return use.groupby(keys, dropna=False).agg(lo=("lo", "min"), hi=("hi", "max"), line=("line", "min"),
                                               value=("value", "median")).reset_index()


def _candidates(ctx: Context) -> dict[str, frozenset]:
    c = ctx.tables.get("candidates")
    if c is None or c.typed is None:
        return {}
    return {e: frozenset(g["candidate_id"]) for e, g in c.typed.dropna(subset=["election_id"]).groupby("election_id")}


def _complete(cells, group, field, expected):
    """Groups whose `field` values are exactly the expected set (per election or fixed)."""
    sets = cells.groupby(group, dropna=False)[field].agg(frozenset)
    return sets


def _votes_checks(ctx: Context, t, electorate) -> None:
    df = _intervals(t)
    cands = _candidates(ctx)
    G = ["election_id", "section", "source_id", "round"]
    shares = df[df["measure"] == "share_pct"]
    counts = df[df["measure"] == "votes"]
    share_cells = _cells(shares, G + ["candidate_id"])
    count_cells = _cells(counts, G + ["candidate_id"])

    def full(cells):
        s = cells.groupby(G, dropna=False)["candidate_id"].agg(frozenset)
        return {k for k, v in s.items() if v == cands.get(k[0])}

    # sum-100 (the complete groups are found once: inside the loop it was quadratic in rows)
    complete_shares = full(share_cells)
    share_sums = share_cells.groupby(G, dropna=False).agg(lo=("lo", "sum"), hi=("hi", "sum"), value=("value", "sum"))
    for key, lo, hi, value in zip(share_sums.index, share_sums["lo"], share_sums["hi"], share_sums["value"]):
        if key not in complete_shares:
            continue
        if lo > 100 + EPS or hi < 100 - EPS:
            rows = shares[(shares[G] == list(key)).all(axis=1)]
            for line, val in zip(rows["line"], rows["value"]):
                ctx.add(t.file, line, "value", _raw(t, line, val), "sum-100",
                        f"shares of {key[1]} from {key[2]} sum to {value:g}, not 100 "
                        f"(allowing for rounding: {lo:g}..{hi:g})",
                        "check each candidate's share against the source")
    # share-vs-counts
    complete_counts = full(count_cells)
    count_sums = count_cells.assign(half=(count_cells["hi"] - count_cells["lo"]) / 2).groupby(G, dropna=False).agg(
        value=("value", "sum"), half=("half", "sum"))
    totals = {k: (value, half) for k, value, half in zip(count_sums.index, count_sums["value"], count_sums["half"])
              if k in complete_counts}
    if totals:
        merged = shares.merge(count_cells[G + ["candidate_id", "value", "lo", "hi"]], on=G + ["candidate_id"],
                              suffixes=("", "_n"))
        # Each share row on its own, with the precision of the source's most loosely written exact
        # statement of the same cell ("61.80%" beside "61.8 per cent" is read to 0.05).
        half = ((merged["hi"] - merged["lo"]) / 2).where(merged["exact"])
        widest = half.groupby([merged[k] for k in G + ["candidate_id"]], dropna=False).transform("max")
        merged["lo"] = merged["lo"].where(~merged["exact"], merged["value"] - widest)
        merged["hi"] = merged["hi"].where(~merged["exact"], merged["value"] + widest)
        for r in merged.itertuples(index=False):
            key = (r.election_id, r.section, r.source_id, r.round)
            if key not in totals:
                continue
            total, total_tol = totals[key]
            if total <= 0:
                continue
            computed = 100 * r.value_n / total
            slack = 100 * ((r.hi_n - r.lo_n) / 2 / total + r.value_n * total_tol / total ** 2)
            c = {"lo": r.lo, "hi": r.hi}
            if computed + slack < c["lo"] - EPS or computed - slack > c["hi"] + EPS:
                ctx.add(t.file, r.line, "value", _raw(t, r.line, r.value), "share-vs-counts",
                        f"share {r.value:g}% disagrees with the source's counts: {r.value_n:g} of {total:g} "
                        f"is {computed:.2f}%", "check the share and the counts against the source")
    # parts-vs-total: a candidate's sections sum to the source's `all` count
    _parts_vs_total(ctx, t, count_cells, ["election_id", "source_id", "round", "candidate_id"])
    # candidates' votes in a section sum to the source's valid votes for that section
    if electorate is not None:
        valid = electorate[electorate["measure"].isin(["valid_votes", "votes_cast"])]
        valid_cells = _cells(valid, G + ["measure"])
        sums = count_cells.groupby(G, dropna=False).agg(lo=("lo", "sum"), hi=("hi", "sum"), value=("value", "sum"))
        for r in valid_cells.itertuples(index=False):
            key = (r.election_id, r.section, r.source_id, r.round)
            if key not in complete_counts:
                continue
            s = sums.loc[key]
            if s["lo"] > r.hi + EPS or s["hi"] < r.lo - EPS:
                ctx.add(ctx.tables["electorate"].file, r.line, "value", _raw(ctx.tables["electorate"], r.line, r.value), "parts-vs-total",
                        f"{r.measure} {r.value:g} disagrees with the sum of the candidates' votes from the same "
                        f"source ({s['value']:g})", "check the total and each candidate's count against the source")


def _raw(t, line, fallback):
    """The value as written in the CSV on that line."""
    import numpy as np

    hit = np.flatnonzero(t.lines == line)
    return t.frame["value"].iloc[hit[0]] if len(hit) else _fmt(fallback)


def _fmt(v):
    return f"{v:g}" if isinstance(v, float) else str(v)


def _parts_vs_total(ctx: Context, t, cells, keys) -> None:
    # Vectorised: one groupby over all keys (a Python loop with set_index/loc per key took ~1 ms a
    # key, minutes at 10^6 rows). Cells are unique per keys + section.
    import pandas as pd

    sub = cells[cells["section"].isin(PARTS)]
    parts = sub.groupby(keys, dropna=False).agg(n=("section", "nunique"), lo=("lo", "sum"), hi=("hi", "sum"),
                                                value=("value", "sum")).reset_index()
    parts = parts[parts["n"] == len(PARTS)]
    total = cells[cells["section"] == ALL][keys + ["lo", "hi", "line", "value"]]
    both = parts.merge(total, on=keys, suffixes=("", "_all")).sort_values(keys)
    bad = both[(both["lo"] > both["hi_all"] + EPS) | (both["hi"] < both["lo_all"] - EPS)]
    for r in bad.to_dict("records"):
        mine = sub.merge(pd.DataFrame([{k: r[k] for k in keys}]).astype(sub[keys].dtypes.to_dict()), on=keys)
        lines = mine.set_index("section").loc[PARTS, "line"]
        ctx.add(t.file, r["line"], "value", _raw(t, r["line"], r["value_all"]), "parts-vs-total",
                f"'all' is {r['value_all']:g} but the sections from the same source sum to "
                f"{r['value']:g} (lines {', '.join(str(int(x)) for x in lines)})",
                "check the total and each section's figure against the source")


def _electorate_checks(ctx: Context, t, df) -> None:
    cells = _cells(df, ["election_id", "source_id", "round", "measure", "section"])
    _parts_vs_total(ctx, t, cells[cells["measure"] != "turnout_pct"], ["election_id", "source_id", "round", "measure"])
    # turnout: ignore round (a source states turnout once per contest)
    c = _cells(df, ["election_id", "source_id", "section", "measure"]).set_index(
        ["election_id", "source_id", "section", "measure"])
    c = dict(zip(c.index, c.to_dict("records")))  # dict look-ups: iterrows + .loc cost ~0.1 ms a row
    for (e, s, sec, m), row in c.items():
        if m != "turnout_pct":
            continue
        try:
            v, sp, b = (c[(e, s, sec, x)] for x in ("valid_votes", "spoilt_ballots", "ballots_distributed"))
        except KeyError:
            continue
        if b["hi"] <= 0:
            continue
        lo = 100 * (v["lo"] + sp["lo"]) / b["hi"]
        hi = 100 * (v["hi"] + sp["hi"]) / max(b["lo"], EPS)
        if lo > row["hi"] + EPS or hi < row["lo"] - EPS:
            ctx.add(t.file, row["line"], "value", _raw(t, row["line"], row["value"]), "turnout",
                    f"turnout {row['value']:g}% disagrees with (valid {v['value']:g} + spoilt {sp['value']:g}) / "
                    f"distributed {b['value']:g} = {100 * (v['value'] + sp['value']) / b['value']:.2f}%",
                    "check turnout, valid votes, spoilt ballots and ballots distributed against the source")


def check(ctx: Context) -> None:
    need = {"election_id", "section", "measure", "value", "stated_as", "qualifier", "source_id"}
    votes = ctx.tables.get("votes")
    elec = ctx.tables.get("electorate")
    elec_df = None
    if elec is not None and elec.typed is not None and need <= set(elec.typed.columns):
        elec_df = _intervals(elec)
        _electorate_checks(ctx, elec, elec_df)
    if votes is not None and votes.typed is not None and need | {"candidate_id"} <= set(votes.typed.columns):
        _votes_checks(ctx, votes, elec_df)
