"""Each page of the explorer as HTML: the layout, the result, a question, a table, a source, SQL.

Pages live at index.html, contest/ID.html, view/NAME.html, table/NAME.html, source/ID.html and
sql.html; `root` is the way back to the site's root from a page ("" or "../"). Every fact row has
an id (its key, see row_id) so its URL is stable; every table and view links its CSV and JSON.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from . import facts as facts_mod
from .fmt import Names, cell, contest_href, label, number, plain, slug, source_href
from .html import Markup, el, join, raw, void

# Columns that say how a row was derived or recorded rather than what it answers: one click away,
# under "All columns", with the ids.
EXPLAINING = ("why", "basis", "share_basis", "derived_from", "notes", "round", "reliability_rank",
              "is_record_source", "preference", "date_basis", "decided_on_basis", "published_basis")
# Where a view's schema order puts the answer late, the columns that answer its question first.
LEAD = {"candidacies": ("candidate_id", "status", "withdrew_on", "launched_on", "result", "votes", "share_pct")}


@dataclass
class Page:
    path: str       # relative to the site root
    title: str
    body: Markup
    head: Markup = Markup("")
    script: str = "enhance.js"

    @property
    def root(self) -> str:
        return "../" * self.path.count("/")


def row_id(row: dict, key: tuple[str, ...]) -> str:
    return "--".join(slug(row[k]) for k in key)


def row_ids(rows: list[dict], key: tuple[str, ...]) -> list[str]:
    """Each row's anchor, from its key (a second row with the same key gets -2, -3: it stays stable
    as long as the data does)."""
    seen: dict[str, int] = {}
    out = []
    for i, r in enumerate(rows):
        base = row_id(r, key) if key else f"row-{i + 1}"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def layout(page: Page, site_title: str, description: str) -> str:
    r = page.root
    nav = el("nav", {"aria-label": "Site"}, el("ul", {},
             el("li", {}, el("a", {"href": f"{r}index.html"}, "Result")),
             el("li", {}, el("a", {"href": f"{r}index.html#questions-h"}, "Questions")),
             el("li", {}, el("a", {"href": f"{r}view/discrepancies.html"}, "Disagreements")),
             el("li", {}, el("a", {"href": f"{r}sql.html"}, "SQL")),
             el("li", {}, el("a", {"href": f"{r}datapackage.json"}, "Data package"))))
    head = join([
        raw('<meta charset="utf-8">'), raw('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        el("title", {}, f"{page.title} · {site_title}"),
        void("meta", {"name": "description", "content": description}),
        raw('<link rel="icon" href="data:,">'), void("link", {"rel": "stylesheet", "href": f"{r}style.css"}),
        page.head,
        el("script", {"type": "module", "src": f"{r}{page.script}"}),
    ])
    body = join([
        el("a", {"class_": "skip", "href": "#main"}, "Skip to content"),
        el("header", {}, el("p", {"class_": "brand"}, el("a", {"href": f"{r}index.html"}, "labour2016 explorer")), nav),
        el("main", {"id": "main"}, page.body),
        el("footer", {}, el("p", {}, "Data: ODC-By-1.0 (", el("a", {"href": f"{r}datapackage.json"}, "datapackage.json"),
                                 ", ", el("a", {"href": f"{r}queries/views.sql"}, "views.sql"),
                                 "). Quotations remain their authors'; each is a short span of a cited source. "
                                 "Pages are rendered from the package when it is built; nothing is sent anywhere.")),
    ])
    return f'<!doctype html>\n<html lang="en-GB">\n<head>\n{"".join(head)}\n</head>\n<body>\n{"".join(body)}\n</body>\n</html>\n'


# ---- the result -------------------------------------------------------------------------------

def section_name(s: str) -> str:
    return "All sections" if s == "all" else (s[:1].upper() + s[1:]).replace("_", " ")


def result_section(election: dict, results: list[dict], result_ids: dict, names: Names, root: str) -> Markup:
    """The result by section: a table (each figure with its publisher and evidence) and its chart."""
    mine = [r for r in results if r["election_id"] == election["election_id"]]
    if not mine:
        return el("p", {}, "The results view has no rows for this contest yet.")
    totals = {r["candidate_id"]: r["votes"] or 0 for r in mine if r["section"] == "all"}
    candidates = sorted({r["candidate_id"] for r in mine},
                        key=lambda c: (c != election["winner_id"], -totals.get(c, 0), c))
    sections = sorted({r["section"] for r in mine}, key=lambda s: (s != "all", s))
    at = {(r["section"], r["candidate_id"]): r for r in mine}
    who = {c: names.entities.get(c, {}).get("name", c) for c in candidates}

    def result_cell(s, c):
        r = at.get((s, c))
        if r is None:
            return el("td", {}, "—")
        source = names.sources.get(r["source_id"])
        link = el("a", {"href": f"{root}view/results.html#{result_ids[id(r)]}", "class_": "evidence-link",
                        "aria-label": f"Evidence for {who[c]}'s {number(r['votes'])} votes ({section_name(s)})"},
                  "evidence") if r["votes"] is not None else None
        origin = el("span", {"class_": "from"},
                    el("a", {"href": source_href(r["source_id"], root)}, source["publisher"]) if source else r["source_id"],
                    " · " if link else None, link)
        return el("td", {"class_": "num", "data-candidate": c, "title": r["why"]},
                  el("span", {"class_": "votes"}, number(r["votes"]) if r["votes"] is not None else "—"),
                  el("span", {"class_": "share", "data-share": c},
                     number(r["share_pct"], "share_pct") if r["share_pct"] is not None else "—"),
                  origin)

    table = el("table", {"id": "result"},
               el("caption", {}, "Votes and shares by section, from the ", el("a", {"href": f"{root}view/results.html"}, "results"), " view"),
               el("thead", {}, el("tr", {}, el("th", {"scope": "col"}, "Section"),
                                  *[el("th", {"scope": "col", "class_": "num"}, who[c]) for c in candidates])),
               el("tbody", {}, *[el("tr", {"data-section": s}, el("th", {"scope": "row"}, section_name(s)),
                                    *[result_cell(s, c) for c in candidates]) for s in sections]))
    bars = [(section_name(s), [(who[c], at[(s, c)]["share_pct"] if (s, c) in at else None) for c in candidates])
            for s in sections]
    return el("div", {"class_": "result-grid"},
              # more candidates than a phone's width holds scroll inside this box, never the page
              el("div", {"class_": "scroll", "tabindex": "0", "role": "region", "aria-label": "Table of the result by section"}, table),
              chart(bars, election["year"]))


COLOURS = ("#b0102a", "#3b5a80", "#5f6b2d", "#7a4a8c", "#8a5a00", "#2e6f6f")


def chart(bars: list[tuple[str, list[tuple[str, float | None]]]], year) -> Markup:
    """One bar per section, split by each candidate's share: SVG, with the table above as its text."""
    row, top, width = 56, 30, 400
    parts = [el("title", {"id": f"chart-title-{year}"}, f"Share of the vote by section, {year}: " + "; ".join(
        f"{b}: " + ", ".join(f"{n} {'no share' if s is None else f'{s:.1f}%'}" for n, s in ps) for b, ps in bars))]
    legend_step = width / max(1, len(bars[0][1]))
    for i, (name, _) in enumerate(bars[0][1]):
        parts.append(el("rect", {"x": f"{i * legend_step:.0f}", "y": "4", "width": "14", "height": "14", "fill": COLOURS[i % len(COLOURS)]}))
        parts.append(el("text", {"x": f"{i * legend_step + 20:.0f}", "y": "16", "class_": "legend"}, name))
    for j, (name, ps) in enumerate(bars):
        y = top + j * row
        parts.append(el("text", {"x": "0", "y": str(y + 14), "class_": "label"}, name))
        x = 0.0
        for i, (_, share) in enumerate(ps):
            if share is None:
                continue
            w = share * width / 100
            parts.append(el("rect", {"x": f"{x:.2f}", "y": str(y + 20), "width": f"{w:.2f}", "height": "26", "fill": COLOURS[i % len(COLOURS)]}))
            if w > 30:
                parts.append(el("text", {"x": f"{x + w / 2:.2f}", "y": str(y + 38), "text-anchor": "middle", "class_": "value"}, f"{share:.1f}%"))
            x += w
    return el("svg", {"xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {width} {top + row * len(bars)}",
                      "role": "img", "aria-labelledby": f"chart-title-{year}", "class_": "chart"}, *parts)


# ---- fact tables (a view's rows, a table's rows) ------------------------------------------------

@dataclass
class Grid:
    """What a page's table of rows needs: its columns, rows, ids and how to find their evidence."""
    name: str
    caption: str
    fields: list                 # model.Field of every column, in order
    rows: list[dict]
    ids: list[str]
    spans: tuple[str, ...] = ()  # columns holding verbatim spans (a table's, or a view's evidence)
    link_base: str = ""          # the page holding the rows' anchors (for a source page's links)


def shown_columns(grid: Grid, names: Names) -> list:
    """The columns a reader sees: the answering ones first, ids and explanations left to "All columns"."""
    def surrogate(f):
        return f.name.endswith("_id") and not any(
            r[f.name] is None or str(r[f.name]) in names.entities or str(r[f.name]) in names.sources
            or str(r[f.name]) in names.elections for r in grid.rows)
    keep = [f for f in grid.fields if f.name not in EXPLAINING and not surrogate(f)]
    lead = [n for n in LEAD.get(grid.name, ()) if any(f.name == n for f in keep)]
    is_source = {f.name for f in keep if is_source_column(f.name)}
    return ([f for n in lead for f in keep if f.name == n]
            + [f for f in keep if f.name not in lead and f.name not in is_source]
            + [f for f in keep if f.name not in lead and f.name in is_source])


def is_source_column(name: str) -> bool:
    return name.startswith("source") or name.endswith("source_id")


def sort_key(value) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return None


def span_quote(value: str) -> Markup:
    return el("q", {"class_": "span"}, value)


def evidence_cell(row: dict, columns: list[str], tables: list, names: Names, root: str) -> Markup:
    found = facts_mod.evidence(row, columns, tables)
    if not found:
        return el("td", {"class_": "evidence-cell", "data-label": "Evidence"},
                  el("span", {"class_": "derived"}, "derived: see “How it is computed”"))
    blocks, count = [], 0
    for side in found:
        source = names.sources.get(side.source_id, {})
        head = None
        if side.label:
            value = row.get(f"value_{side.label}")
            printed = row.get(f"stated_as_{side.label}")
            head = el("p", {"class_": "side"}, el("b", {}, f"{side.label.upper()}: "),
                      printed if printed else ("" if value is None else number(value)),
                      " — ", el("a", {"href": source_href(side.source_id, root)}, source.get("publisher") or side.source_id))
        # a span quoted once, however many fact rows rest on it (a count and its share), with a link to each row
        spans: dict[str, list] = {}
        for t, i in side.facts:
            for s in t.spans:
                if t.rows[i].get(s):
                    spans.setdefault(t.rows[i][s], []).append((t, i))
        quotes = []
        for span, rows in spans.items():
            count += 1
            quotes.append(el("blockquote", {"class_": "span"}, span))
            quotes.append(el("p", {"class_": "cite"}, "— ", el("a", {"href": source_href(side.source_id, root)}, source.get("publisher") or side.source_id),
                             [", ", cell(source["published"], "", names, root)] if source.get("published") else "",
                             " · ", row_links(rows, root)))
        if not side.facts:
            quotes.append(el("p", {"class_": "cite"}, "No row of the tables quotes this from ",
                             el("a", {"href": source_href(side.source_id, root)}, source.get("publisher") or side.source_id), "."))
        if side.more:
            quotes.append(el("p", {"class_": "cite"}, f"and {side.more} more rows on the source's page."))
        blocks.append(el("div", {"class_": "side-block"}, head, *quotes))
    summary = f"Evidence: {count} quote{'s' if count != 1 else ''}" if count else "Evidence"
    return el("td", {"class_": "evidence-cell", "data-label": "Evidence"},
              el("details", {"class_": "evidence"}, el("summary", {}, summary), *blocks))


def row_links(rows: list, root: str) -> list:
    """Links to the fact rows a span stands for: "votes row", or "votes rows 1 2" when several."""
    out = []
    tables = {t.name: t for t, _ in rows}
    for t in tables.values():
        mine = [i for u, i in rows if u.name == t.name]
        href = [f"{root}table/{t.name}.html#{t.row_ids[i]}" for i in mine]
        name = (t.title or t.name).lower()
        if len(mine) == 1:
            out.append(el("a", {"href": href[0]}, f"{name} row"))
        else:
            out.append([f"{name} rows", *[(" ", el("a", {"href": h, "aria-label": f"{name} row {n}"}, str(n)))
                                         for n, h in enumerate(href, 1)]])
    return out


def grid_table(grid: Grid, names: Names, root: str, tables: list, *, filterable: bool = True,
               anchors: bool = True) -> Markup:
    columns = shown_columns(grid, names)
    all_names = [f.name for f in grid.fields]
    own_spans = [c for c in grid.spans if c in all_names]
    with_evidence = not own_spans and any(facts_mod.sides(r, all_names) for r in grid.rows)
    # the evidence (each side's words and publisher) before the columns naming the sources
    at = next((n for n, f in enumerate(columns) if is_source_column(f.name)), len(columns)) if with_evidence else len(columns)
    heads = [el("th", {"scope": "col", "data-column": f.name, "title": f.description or None}, label(f.name)) for f in columns]
    if with_evidence:
        heads.insert(at, el("th", {"scope": "col", "data-column": "evidence"}, "Evidence"))
    heads.append(el("th", {"scope": "col", "class_": "raw-head"}, "Row"))
    body = []
    for r, rid in zip(grid.rows, grid.ids):
        cells = []
        for f in columns:
            v = r[f.name]
            shown = span_quote(v) if f.name in own_spans and v else cell(v, f.name, names, root)
            cells.append(el("td", {"data-column": f.name, "data-label": label(f.name), "data-sort": sort_key(v),
                                   "class_": "num" if isinstance(v, (int, float)) and not isinstance(v, bool) else None},
                            # one box: on a phone the cell is a grid of its label and its value
                            el("span", {"class_": "v"}, shown) if shown else None))
        if with_evidence:
            cells.insert(at, evidence_cell(r, all_names, tables, names, root))
        href = f"{grid.link_base}#{rid}" if grid.link_base else f"#{rid}"
        raw_list = el("dl", {}, *[(el("dt", {}, f.name), el("dd", {}, plain(r[f.name]))) for f in grid.fields])
        cells.append(el("td", {"class_": "raw-cell", "data-label": "Row"},
                        el("a", {"href": href, "class_": "row-link", "aria-label": f"Link to this row ({rid})"}, "link"),
                        " ", el("details", {"class_": "raw"}, el("summary", {}, "All columns"), raw_list)))
        body.append(el("tr", {"id": rid if anchors else None}, *cells))
    tools = el("div", {"class_": "table-tools", "hidden": True},
               el("label", {"for": f"filter-{grid.name}"}, "Filter rows"),
               void("input", {"type": "search", "id": f"filter-{grid.name}", "autocomplete": "off"}),
               el("p", {"class_": "row-count", "aria-live": "polite", "data-total": str(len(grid.rows)),
                        "data-shown": str(len(grid.rows))}, f"{len(grid.rows)} rows")) if filterable else \
        el("p", {"class_": "row-count", "data-total": str(len(grid.rows))}, f"{len(grid.rows)} rows")
    return el("div", {"class_": "data-table", "data-filterable": "true" if filterable else None},
              tools,
              # a wide table scrolls inside its own box on a desk; on a phone its rows are cards
              el("div", {"class_": "scroll", "tabindex": "0", "role": "region", "aria-label": grid.caption},
                 el("table", {"class_": "facts"}, el("caption", {}, grid.caption),
                    el("thead", {}, el("tr", {}, *heads)), el("tbody", {}, *body))))


def column_notes(fields) -> Markup:
    return el("details", {"class_": "columns"}, el("summary", {}, "What each column means"),
              el("dl", {}, *[(el("dt", {}, el("code", {}, f.name), f" ({f.type.name})"), el("dd", {}, f.description))
                             for f in fields]))


def downloads(csv_href: str, json_href: str) -> Markup:
    return el("p", {"class_": "downloads"}, "Download: ", el("a", {"href": csv_href, "download": True}, "CSV"),
              " · ", el("a", {"href": json_href, "download": True}, "JSON"))


def capitalise(s: str) -> str:
    return s[:1].upper() + s[1:]


def view_page(view, grid: Grid, names: Names, tables: list) -> Page:
    root = "../"
    body = join([
        el("h1", {}, capitalise(view.question)),
        el("p", {"class_": "grain"}, f"{capitalise(view.grain)}. The ", el("code", {}, view.name), " view of ",
           el("a", {"href": f"{root}queries/views.sql"}, "queries/views.sql"), ", as the CLI and the Python API run it."),
        downloads(f"{root}csv/{view.name}.csv", f"{root}json/{view.name}.json"),
        column_notes(view.fields),
        el("details", {"class_": "sql", "id": "sql"}, el("summary", {}, "How it is computed (SQL)"),
           el("pre", {}, el("code", {}, view.sql))),
        grid_table(grid, names, root, tables),
    ])
    return Page(f"view/{view.name}.html", capitalise(view.question), body)


def table_page(resource, grid: Grid, names: Names) -> Page:
    root = "../"
    body = join([
        el("h1", {}, resource.title or resource.name),
        el("p", {}, resource.description),
        downloads(f"{root}{resource.path}", f"{root}json/{resource.name}.json"),
        column_notes(resource.fields),
        grid_table(grid, names, root, []),
    ])
    return Page(f"table/{resource.name}.html", resource.title or resource.name, body)


def source_page(source: dict, cited: list[Grid], names: Names) -> Page:
    root = "../"
    card = el("dl", {"class_": "source-card"},
              el("dt", {}, "Publisher"), el("dd", {}, source["publisher"] or "not stated"),
              el("dt", {}, "Author"), el("dd", {}, source["author"] or "not stated"),
              el("dt", {}, "Published"), el("dd", {}, cell(source["published"], "published", names, root) if source["published"] else "date not known",
                                          f" ({source['published_basis']} date)" if source.get("published_basis") else ""),
              el("dt", {}, "Link"), el("dd", {}, el("a", {"href": source["url"], "rel": "noopener"}, source["url"]) if source["url"] else "none (no public address)"),
              el("dt", {}, "Reliability"), el("dd", {}, source["reliability"] or ""),
              el("dt", {}, "Archived as"), el("dd", {}, source["archive"] or "not archived"),
              el("dt", {}, "SHA-256"), el("dd", {"class_": "hash"}, source["sha256"] or "not recorded"),
              el("dt", {}, "Bytes"), el("dd", {}, number(source["bytes"]) if source["bytes"] is not None else "not recorded"))
    sections = [el("section", {"aria-labelledby": f"cited-{g.name}"},
                   el("h2", {"id": f"cited-{g.name}"}, f"{g.caption}: {len(g.rows)} row{'s' if len(g.rows) != 1 else ''}"),
                   grid_table(g, names, root, [], filterable=False, anchors=False)) for g in cited]
    body = join([
        el("h1", {}, source["title"]), card,
        el("p", {}, source["reliability_notes"] or ""),
        el("p", {"class_": "note"}, "The text itself belongs to its publisher and is not redistributed: each row below quotes only its evidence span."),
        sections or el("p", {}, "No row cites this source."),
    ])
    return Page(f"source/{slug(source['source_id'])}.html", source["publisher"] or source["title"], body)


def lede(election: dict, results: list[dict], names: Names, root: str) -> Markup:
    """Who won, with how many votes and what share, and when it was declared."""
    winner = names.entities.get(election["winner_id"], {}).get("name", election["winner_id"])
    total = next((r for r in results if r["election_id"] == election["election_id"] and r["section"] == "all"
                  and r["candidate_id"] == election["winner_id"]), None)
    votes = ([" with ", el("strong", {"id": "winner-votes"}, number(total["votes"])), " votes",
              f" ({number(total['share_pct'], 'share_pct')})" if total["share_pct"] is not None else ""]
             if total and total["votes"] is not None else [])
    return el("p", {"class_": "lede"}, f"{winner} won", *votes, ", declared on ",
              cell(election["result_date"], "", names, root),
              ". Every figure below comes from a named source, and each links to the exact words it was read from.")


def home_page(election: dict, elections: list[dict], lede_p: Markup, results_section: Markup, names: Names, views,
              resources, sources: list[dict], jsonld: dict) -> Page:
    body = join([
        el("h1", {}, election["title"]),
        lede_p,
        el("section", {"aria-labelledby": "result-h"}, el("h2", {"id": "result-h"}, "The result by section"), results_section,
           el("p", {"class_": "note"}, "Shares are computed from the counts where every candidate has one; the ",
              el("a", {"href": "view/discrepancies.html"}, "discrepancies"), " view lists where the sources print something else.")),
        el("section", {"aria-labelledby": "contests-h"}, el("h2", {"id": "contests-h"}, "The contests"),
           el("ul", {"class_": "contests"}, *[el("li", {}, el("a", {"href": contest_href(e["election_id"], "")}, e["title"]))
                                              for e in elections])) if len(elections) > 1 else None,
        el("section", {"aria-labelledby": "questions-h"}, el("h2", {"id": "questions-h"}, "Questions the package answers"),
           el("ul", {"class_": "questions"}, *[el("li", {}, el("a", {"href": f"view/{v.name}.html"}, capitalise(v.question)))
                                               for v in views])),
        el("section", {"aria-labelledby": "tables-h"}, el("h2", {"id": "tables-h"}, "The tables"),
           el("p", {}, "What the sources report, one row per reported figure or passage, each with its source and evidence."),
           el("ul", {"class_": "tables"}, *[el("li", {}, el("a", {"href": f"table/{r.name}.html"}, r.title or r.name), f": {r.description}")
                                            for r in resources])),
        el("section", {"aria-labelledby": "sources-h"}, el("h2", {"id": "sources-h"}, "The sources"),
           el("ul", {"class_": "sources"}, *[el("li", {}, el("a", {"href": source_href(s["source_id"], "")}, s["title"]),
                                                 f" — {s['publisher'] or 'publisher not stated'}, ",
                                                 cell(s["published"], "", names, "") if s["published"] else "undated")
                                             for s in sources])),
    ])
    return Page("index.html", election["title"], body, head=jsonld_script(jsonld))


def jsonld_script(document: dict) -> Markup:
    """The schema.org Dataset for search engines; "</" would end the script element early, and JSON allows "<\\/"."""
    data = json.dumps(document, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return raw(f'<script type="application/ld+json">\n{data}\n</script>')


def contest_page(election: dict, lede_p: Markup, results_section: Markup) -> Page:
    body = join([
        el("h1", {}, election["title"]),
        lede_p,
        el("section", {"aria-labelledby": "result-h"}, el("h2", {"id": "result-h"}, "The result by section"), results_section),
        el("p", {}, "Every question's page lists this contest's rows beside the others': see ",
           el("a", {"href": "../index.html#questions-h"}, "the questions"), "."),
    ])
    return Page(f"contest/{slug(election['election_id'])}.html", election["title"], body)


def sql_page(engine_bytes: int) -> Page:
    mb = f"{engine_bytes / 1e6:.0f} MB"
    body = join([
        el("h1", {}, "Query the package in SQL"),
        el("p", {}, "The tables and the views of ", el("a", {"href": "queries/views.sql"}, "queries/views.sql"),
           " load into DuckDB in your browser; e.g. ", el("code", {}, "select * from discrepancies"), ". Each query runs read-only, one statement at a time."),
        el("div", {"id": "engine", "role": "status"},
           el("label", {"for": "engine-progress"}, f"Loading the SQL engine (DuckDB, {mb}, once)"), " ",
           el("progress", {"id": "engine-progress", "max": str(engine_bytes), "data-bytes": str(engine_bytes)}),
           el("span", {"id": "engine-count"}, "")),
        el("noscript", {}, el("p", {}, "The SQL box runs DuckDB in your browser and needs JavaScript; every other page reads without it.")),
        el("form", {"class_": "sql", "id": "sql-form"},
           el("label", {"for": "sql"}, "SQL query"),
           el("textarea", {"id": "sql", "name": "q", "rows": "6", "spellcheck": "false", "aria-describedby": "sql-help"},
              "select section, candidate_id, votes, round(share_pct, 2) as share_pct, source_id\nfrom results where election_id = 'labour-leadership-2016'\norder by section, votes desc"),
           el("p", {"id": "sql-help", "class_": "note"}, "One SELECT over the tables and views; Ctrl+Enter runs it. Nothing leaves your browser."),
           el("button", {"type": "submit", "disabled": True}, "Run query")),
        el("div", {"id": "sql-result"}),
    ])
    return Page("sql.html", "SQL", body, script="sql.js")
