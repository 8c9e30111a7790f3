"""Charts drawn from the package's views: what `labour2016 chart` writes.

Each chart reads its rows from a view through api.connect(), so a chart shows what a query
shows, and its caption names the view and the sources of the rows it draws. Every file carries
a fingerprint of those rows and of this module in its metadata; a chart is stale when the
fingerprint it carries differs from the one the package gives now, which (unlike comparing
bytes) does not depend on the matplotlib or FreeType version that drew it.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("svg", "png")
CORBYN, SMITH = "jeremy-corbyn", "owen-smith"
COLOURS = {CORBYN: "#c8102e", SMITH: "#4a5a6a", 2015: "#e8a0a8", 2016: "#c8102e",
           "sources_disagree": "#c8102e", "total_vs_parts": "#e08a00", "share_vs_counts": "#4a5a6a",
           "poll_reports_differ": "#6a3d9a", "lead_vs_shares": "#1f78b4"}
SECTIONS = ("all", "members", "registered_supporters", "affiliated_supporters")
SECTION_LABELS = {"all": "All sections", "members": "Members", "registered_supporters": "Registered supporters",
                  "affiliated_supporters": "Affiliated supporters"}
FINGERPRINT = re.compile(rb"labour2016-chart-fingerprint:([0-9a-f]{64})")


@dataclass
class Chart:
    name: str
    view: str
    title: str
    figure: object  # matplotlib.figure.Figure
    rows: list[tuple]


def _rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def _publishers(con) -> dict[str, str]:
    return dict(_rows(con, "select source_id, publisher from sources"))


def _entity_names(con) -> dict[str, str]:
    return dict(_rows(con, "select entity_id, name from entities"))


def _credit(con, view: str, source_ids, note: str = "") -> str:
    from . import package

    pubs = _publishers(con)
    named = "; ".join(f"{pubs[s]} ({s})" for s in sorted(set(source_ids)) if s in pubs)
    text = f"Sources: {named}. {note}".strip() + (
        f" Drawn by `labour2016 chart` from the view `{view}` of labour2016 {package.version()}.")
    return "\n".join(textwrap.wrap(text, 125))


def _figure(height: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, height), dpi=100, layout="constrained")
    return fig, fig.add_subplot()


def _title(fig, title: str) -> None:
    fig.suptitle(title, x=0.01, ha="left", fontsize=14, fontweight="bold")


def _tidy(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _head(fig, ax, title: str, ncols: int, fontsize: int) -> None:
    """Title, the legend in one row above the axes, and no top or right spine."""
    _title(fig, title)
    ax.legend(ncols=ncols, loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False, fontsize=fontsize)
    _tidy(ax)


def result_2016(con) -> Chart:
    rows = _rows(con, "select section, candidate_id, votes, share_pct, source_id from results "
                      "where election_id = 'labour-leadership-2016'")
    by = {(r[0], r[1]): r for r in rows}
    names = _entity_names(con)
    fig, ax = _figure(4.8)
    labels = [SECTION_LABELS[s] for s in SECTIONS]
    y = list(range(len(SECTIONS)))[::-1]
    left = [0.0] * len(SECTIONS)
    for cand in (CORBYN, SMITH):
        shares = [by[(s, cand)][3] for s in SECTIONS]
        bars = ax.barh(y, shares, left=left, color=COLOURS[cand], height=0.62, label=names[cand])
        for bar, s, share in zip(bars, SECTIONS, shares):
            ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                    f"{by[(s, cand)][2]:,} votes\n{share:.1f}%", ha="center", va="center",
                    color="white", fontsize=10, fontweight="bold")
        left = [a + b for a, b in zip(left, shares)]
    totals = [by[(s, CORBYN)][2] + by[(s, SMITH)][2] for s in SECTIONS]
    for yy, total in zip(y, totals):
        ax.text(101, yy, f"{total:,}\nvotes cast", va="center", fontsize=9, color="#333333")
    ax.set_yticks(y, labels, fontsize=11)
    ax.set_xlim(0, 100)
    ax.set_xticks(range(0, 101, 25), [f"{t}%" for t in range(0, 101, 25)])
    ax.axvline(50, color="white", linewidth=1, linestyle=":")
    ax.set_xlabel("Share of the valid votes in the section (computed from the counts)")
    title = "2016 Labour leadership result by section: Corbyn v Smith"
    _head(fig, ax, title, ncols=2, fontsize=10)
    fig.text(0, 0, _credit(con, "results", [r[4] for r in rows],
                           "Shares are each candidate's count over the section's counts; the sources print "
                           "them rounded."), fontsize=8, color="#555555", va="top")
    return Chart("result-2016", "results", title, fig, rows)


def compare_2015(con) -> Chart:
    rows = _rows(con, "select section, share_2015, share_2016, change_points, votes_2015, votes_2016, "
                      "source_2015, source_2016 from compare_2015")
    by = {r[0]: r for r in rows}
    standing = dict(_rows(con, "select year, count(*) from candidates join elections using (election_id) "
                          "where status = 'stood' group by year"))
    words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
    fig, ax = _figure(4.8)
    y = list(range(len(SECTIONS)))[::-1]
    h = 0.36
    for year, column, offset in ((2015, 1, h / 2), (2016, 2, -h / 2)):
        shares = [by[s][column] for s in SECTIONS]
        votes = [by[s][column + 3] for s in SECTIONS]
        bars = ax.barh([v + offset for v in y], shares, height=h, color=COLOURS[year],
                       label=f"{year} ({'first round, ' if year == 2015 else ''}{words[standing[year]]} candidates)")
        for bar, share, n in zip(bars, shares, votes):
            ax.text(bar.get_width() + 0.8, bar.get_y() + h / 2, f"{share:.1f}%  ({n:,})", va="center", fontsize=9)
    for yy, s in zip(y, SECTIONS):
        change = by[s][3]
        ax.text(112, yy, f"{change:+.1f} pts", va="center", ha="right", fontsize=11, fontweight="bold",
                color="#1a7f37" if change > 0 else "#b35900")
    ax.set_yticks(y, [SECTION_LABELS[s] for s in SECTIONS], fontsize=11)
    ax.set_xlim(0, 112)
    ax.set_xticks(range(0, 101, 25), [f"{t}%" for t in range(0, 101, 25)])
    ax.set_xlabel("Jeremy Corbyn's share of the valid votes in the section (votes in brackets)")
    title = "Corbyn's share by section, 2015 against 2016"
    _head(fig, ax, title, ncols=2, fontsize=10)
    fig.text(0, 0, _credit(con, "compare_2015", [r[6] for r in rows] + [r[7] for r in rows],
                           f"2015 shares are of the first round, among {words[standing[2015]]} candidates; 2016 had "
                           f"{words[standing[2016]]}."),
             fontsize=8, color="#555555", va="top")
    return Chart("compare-2015", "compare_2015", title, fig, rows)


def _stated(value, stated_as: str | None, source: str, pubs: dict[str, str]) -> str:
    shown = stated_as or f"{value:,.2f}"
    return f"{shown} ({pubs.get(source, source)})"


# Kinds drawn as bars: figures that cannot both hold. Slips of print are listed under the bars;
# rounding differences and canvasses beside polls stay in the view (they are not disagreements).
DRAWN_KINDS = ("sources_disagree", "total_vs_parts", "share_vs_counts", "poll_reports_differ", "lead_vs_shares")


def discrepancies(con) -> Chart:
    kinds = ", ".join(f"'{k}'" for k in DRAWN_KINDS)
    rows = _rows(con, "select kind, election_id, coalesce(subject, ''), measure, value_a, stated_as_a, source_a, "
                      f"value_b, stated_as_b, source_b, gap from discrepancies where (kind in ({kinds}) "
                      # names and dates printed differently have no gap to draw: the view lists them
                      "and value_a is not null and value_b is not null) or kind = 'slip_of_print'")
    pubs = _publishers(con)
    names = _entity_names(con)
    slips = sorted(r for r in rows if r[0] == "slip_of_print")
    others = _rows(con, f"select kind, count(*) from discrepancies where (kind not in ({kinds}) "
                        "or value_a is null or value_b is null) and kind <> 'slip_of_print' group by kind order by kind")
    # A gap as a share of the larger value puts 0.05 points of a share and 200,000 members on one axis.
    items = sorted(((abs(r[10]) / max(abs(r[4]), abs(r[7])) * 100, r) for r in rows if r[0] != "slip_of_print"),
                   key=lambda t: (t[0], str(t[1])))
    fig, ax = _figure(1.6 + 0.62 * len(items) + 0.22 * len(slips))
    labels = []
    for i, (rel, r) in enumerate(items):
        ax.barh(i, rel, color=COLOURS[r[0]], height=0.6)
        ax.text(rel * 1.15, i, f"{rel:.2g}%", va="center", fontsize=9)
        measure = r[3].replace("share_pct", "share (%)").replace("_", " ")
        what = " ".join(p for p in (r[1][-4:], names.get(r[2], r[2]), measure) if p)
        labels.append(f"{what}\n{_stated(r[4], r[5], r[6], pubs)} v {_stated(r[7], r[8], r[9], pubs)}")
    ax.set_yticks(range(len(items)), labels, fontsize=8.5)
    ax.set_xscale("log")
    ax.set_xlim(0.01, 1000)
    ax.set_xticks([0.01, 0.1, 1, 10, 100], ["0.01%", "0.1%", "1%", "10%", "100%"])
    ax.set_xlabel("Gap as a share of the larger value (log scale)")
    from matplotlib.patches import Patch

    drawn = sorted({r[0] for _, r in items})
    ax.legend(handles=[Patch(color=COLOURS[k], label=k.replace("_", " ")) for k in drawn],
              loc="lower right", frameon=False, fontsize=9)
    title = "Where the sources disagree, and by how much"
    _title(fig, title)
    _tidy(ax)
    listed = "\n".join(f"  {r[3].replace('_', ' ')}: {r[5]} ({pubs.get(r[6], r[6])})" for r in slips)
    kept = "; ".join(f"{n} {k.replace('_', ' ')}" for k, n in others)
    fig.text(0, 0, f"Slips of print, kept as printed and not compared:\n{listed}\n\n"
             + _credit(con, "discrepancies", [r[6] for r in rows] + [r[9] for r in rows if r[9]],
                       f"Values as printed; none is corrected in the data. Also in the view, not drawn: {kept}."),
             fontsize=8, color="#555555", va="top")
    # The tall caption moves the constrained layout on its first pass: settle it before any file is
    # written, so every render of the chart gives the same bytes.
    fig.savefig(io.BytesIO(), format="svg", bbox_inches="tight", pad_inches=0.25)
    return Chart("discrepancies", "discrepancies", title, fig, rows + others)


def poll_accuracy(con) -> Chart:
    rows = _rows(con, "select section, source_id, poll_pct, stated_as, result_pct, error_points, result_source_id "
                      # the chart is of 2016's late-August poll; the view also matches 2015's polls to round one
                      f"from poll_accuracy where candidate_id = '{CORBYN}' and election_id = 'labour-leadership-2016' "
                      "order by section, source_id")
    pubs = _publishers(con)
    sections = [s for s in SECTIONS if any(r[0] == s for r in rows)]
    sources = sorted({r[1] for r in rows})
    fig, ax = _figure(1.4 + 0.9 * len(sections))
    y = {s: len(sections) - 1 - i for i, s in enumerate(sections)}
    result = {r[0]: r[4] for r in rows}
    ax.barh([y[s] for s in sections], [result[s] for s in sections], height=0.6, color=COLOURS[CORBYN], alpha=0.25,
            label="Result (share of the valid votes)")
    for s in sections:
        ax.text(result[s] + 0.3, y[s] + 0.22, f"result {result[s]:.1f}%", fontsize=8.5, color="#333333")
    markers = ("o", "D", "s", "^")
    for k, src in enumerate(sources):
        mine = [r for r in rows if r[1] == src]
        off = 0.12 * (k - (len(sources) - 1) / 2)
        ax.scatter([r[2] for r in mine], [y[r[0]] + off for r in mine], marker=markers[k % len(markers)], s=46,
                   color="#222222", zorder=3, label=f"{pubs.get(src, src)}: YouGov's figure")
        for r in mine:
            ax.text(r[2] + 0.35, y[r[0]] + off, f"{r[3]} ({r[5]:+.1f} pts)", va="center", fontsize=8.5)
    ax.set_yticks([y[s] for s in sections], [SECTION_LABELS[s] for s in sections], fontsize=11)
    ax.set_xlim(50, 80)
    ax.set_xlabel("Jeremy Corbyn's share (%, axis from 50%): poll excluding don't knows, and the result")
    title = "How good was YouGov's late-August poll? Corbyn's share, poll against result"
    _head(fig, ax, title, ncols=3, fontsize=9)
    fig.text(0, 0, _credit(con, "poll_accuracy", [r[1] for r in rows] + [r[6] for r in rows],
                           "Only polls (kind = poll) with a stated base excluding don't knows are compared; MPs' "
                           "canvasses and campaign claims are not polls and are not drawn. Error = poll minus result, "
                           "in points."),
             fontsize=8, color="#555555", va="top")
    return Chart("poll-accuracy", "poll_accuracy", title, fig, rows)


def selectorate(con) -> Chart:
    """The selectorate and the number who voted in each contest, all sections together, as reported."""
    rows = _rows(con, "select year, election_id, eligible, turnout_reported, turnout_pct_reported, electoral_system "
                      "from compare_contests where section = 'all' order by year")
    sources = _rows(con, "select t.eligible_source_id, t.turnout_pct_source_id from turnout t "
                         "where t.section = 'all'")
    fig, ax = _figure(4.8)
    years = [r[0] for r in rows]
    x = range(len(years))
    eligible = [r[2] or 0 for r in rows]
    voted = [r[3] or 0 for r in rows]
    ax.bar([i - 0.2 for i in x], eligible, width=0.4, color="#e8a0a8", label="Eligible (the best-ranked report)")
    ax.bar([i + 0.2 for i in x], voted, width=0.4, color="#c8102e", label="Voted (as reported)")
    top = max(eligible + voted + [1])
    for i, r in enumerate(rows):
        if r[2] is None and r[3] is None:
            ax.text(i, top * 0.05, "no stored source\ngives the\nselectorate", ha="center", fontsize=8.5, color="#555555")
            continue
        if r[2]:
            ax.text(i - 0.2, r[2] + top * 0.01, f"{r[2]:,.0f}", ha="center", fontsize=8.5)
        if r[3]:
            ax.text(i + 0.2, r[3] + top * 0.01, f"{r[3]:,.0f}", ha="center", fontsize=8.5)
        if r[4] is not None:
            ax.text(i, -top * 0.09, f"turnout {r[4]:g}%", ha="center", fontsize=9, color="#c8102e")
    system = {"electoral_college": "electoral college", "one_member_one_vote": "one member one vote"}
    ax.set_xticks(list(x), [f"{r[0]}\n{system.get(r[5], 'system not stated')}" for r in rows], fontsize=9)
    ax.tick_params(axis="x", pad=22)
    ax.set_ylim(0, top * 1.12)
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    ax.set_ylabel("People, all sections")
    title = "Selectorate and turnout, contest by contest"
    _head(fig, ax, title, ncols=2, fontsize=9)
    fig.text(0, 0, _credit(con, "compare_contests", [s for r in sources for s in r if s],
                           "Eligible and voted are the figures the view turnout ranks first for each contest "
                           "(eligible_reports there lists every other report); turnout as a source states it. "
                           "Nothing is added up across sections."),
             fontsize=8, color="#555555", va="top")
    return Chart("selectorate", "compare_contests", title, fig, rows)


CHARTS = {"result-2016": result_2016, "compare-2015": compare_2015, "discrepancies": discrepancies,
          "poll-accuracy": poll_accuracy, "selectorate": selectorate}


def fingerprint(chart: Chart) -> str:
    """A hash of the rows drawn, the title, and the code that draws them."""
    # Rows sorted as text: the order a view returns them in is not part of what was drawn.
    rows = sorted(json.dumps(r, default=str) for r in chart.rows)
    h = hashlib.sha256(json.dumps([chart.name, chart.view, chart.title, rows]).encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()


def render(chart: Chart, fmt: str) -> bytes:
    """The chart as SVG or PNG bytes; the same rows give the same bytes on the same matplotlib."""
    import matplotlib

    description = f"{chart.title}. labour2016-chart-fingerprint:{fingerprint(chart)}"
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "labour2016", "svg.fonttype": "none"}):
        if fmt == "svg":
            metadata = {"Date": None, "Title": chart.title, "Description": description}
        else:
            metadata = {"Software": None, "Title": chart.title, "Description": description}
        chart.figure.savefig(buf, format=fmt, metadata=metadata, dpi=150 if fmt == "png" else None,
                             facecolor="white", bbox_inches="tight", pad_inches=0.25)
    return buf.getvalue()


def carried_fingerprint(path: Path) -> str | None:
    """The fingerprint a written chart carries (SVG text or PNG tEXt chunk), if any."""
    found = FINGERPRINT.search(path.read_bytes()) if path.is_file() else None
    return found.group(1).decode() if found else None


def draw(names=None, con=None) -> list[Chart]:
    from . import api

    con = con or api.connect()
    return [CHARTS[n](con) for n in (names or CHARTS)]
