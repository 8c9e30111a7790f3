"""The explorer site (`make site`): its metadata, its build, and the pages in a real browser.

The browser tests build the site into a temporary folder, serve it from 127.0.0.1, and drive
Debian's Chromium through Playwright for Python (no browser download). They skip, saying why,
when Chromium, Playwright or site/node_modules (npm ci) is missing, except where
LABOUR2016_REQUIRE_BROWSER=1 (set by .ci/run), where a missing piece fails instead. Any console
error, uncaught exception or request leaving 127.0.0.1 fails the test that caused it.
Screenshots of the home page go to build/test-output/.
"""
from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import labour2016
from conftest import ROOT, copy_package, read_table
from labour2016 import catalog, package, site

Y16 = "labour-leadership-2016"
SHOTS = ROOT / "build" / "test-output"
REQUIRE = os.environ.get("LABOUR2016_REQUIRE_BROWSER") == "1"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 # Nothing but this machine resolves: a page that fetched from the internet would fail.
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


def unavailable(reason: str):
    if REQUIRE:
        pytest.fail(f"{reason}; LABOUR2016_REQUIRE_BROWSER=1 says the browser tests must run here")
    pytest.skip(reason)


# ---- metadata and build, no browser ----------------------------------------------------------

def test_jsonld_is_the_croissant_dataset():
    """The page's JSON-LD is croissant.json's Dataset (its files, SHA-256s and licence), record sets aside."""
    import hashlib

    from labour2016 import croissant

    desc = package.model().raw
    ld = site.dataset_jsonld()
    document = croissant.metadata(package.model())
    assert ld == {k: v for k, v in document.items() if k not in ("recordSet", "conformsTo")}
    assert ld["@context"]["@vocab"] == "https://schema.org/" and ld["@type"] == "sc:Dataset"
    assert ld["alternateName"] == desc["title"] and ld["description"] == desc["description"]
    assert ld["version"] == desc["version"] == labour2016.__version__
    assert ld["license"] == "https://opendatacommons.org/licenses/by/1-0/"
    assert ld["creator"] == [{"@type": "sc:Organization", "name": "labour2016 contributors"}]
    votes = next(d for d in ld["distribution"] if d["contentUrl"] == "data/votes.csv")
    assert votes["encodingFormat"] == "text/csv"
    assert votes["sha256"] == hashlib.sha256((package.root() / "data/votes.csv").read_bytes()).hexdigest()
    assert "https://labourlist.org/2016/09/jeremy-corbyn-earns-refreshed-mandate-as-he-is-re-elected-labour-leader/" \
        in ld["isBasedOn"]


def test_jsonld_cannot_end_its_script_element_early(tmp_path):
    copy_package(tmp_path)
    path = tmp_path / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    desc["description"] = "Corbyn v Smith </script><script>alert(1)</script>"
    path.write_text(json.dumps(desc), encoding="utf-8")
    html = site.index_html(tmp_path)
    start = html.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    body = html[start:html.index("</script>", start)]
    assert json.loads(body)["description"] == desc["description"]


def test_site_json_names_the_evidence_columns_and_every_view():
    data = site.site_json()
    spans = {t["name"]: t["spans"] for t in data["tables"]}
    assert spans["votes"] == ["evidence"] and spans["statements"] == ["text"]
    assert spans["elections"] == ["result_evidence", "date_evidence"] and spans["sources"] == []
    assert [(v["name"], v["question"], v["grain"]) for v in data["views"]] == \
        [(v.name, v.question, v.grain) for v in catalog.views()]
    results = next(v for v in data["views"] if v["name"] == "results")
    assert [f["name"] for f in results["fields"]][:3] == ["election_id", "section", "candidate_id"]
    assert all(f["description"] for v in data["views"] for f in v["fields"])
    assert [t["path"] for t in data["tables"]] == [r.path for r in package.model().resources.values()]


def test_a_failed_build_leaves_the_earlier_site_whole(tmp_path, monkeypatch):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("earlier build")
    bare = tmp_path / "src"
    bare.mkdir()
    shutil.copy(site.SITE_SRC / "app.js", bare / "app.js")  # the sources, but no npm ci
    monkeypatch.setattr(site, "SITE_SRC", bare)
    with pytest.raises(site.SiteError, match="node_modules is missing: run `make site`"):
        site.build(out)
    assert (out / "index.html").read_text() == "earlier build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "src"]


def test_site_command_reports_a_missing_npm_install_without_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(site, "SITE_SRC", tmp_path)
    assert site.main(["--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("labour2016 site: no site sources in") and "Traceback" not in err


# ---- the site in Chromium --------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(tmp_path_factory):
    try:
        out = site.build(tmp_path_factory.mktemp("site") / "site")
    except site.SiteError as e:
        unavailable(str(e))
    handler = functools.partial(QuietHandler, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", out
    server.shutdown()
    server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    chromium = os.environ.get("LABOUR2016_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        unavailable("Chromium not found (apt-get install chromium, or set LABOUR2016_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python not installed (the `test` extra: pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page whose console errors, uncaught exceptions and non-local requests are recorded."""

    def __init__(self, browser, base: str, **context):
        self.base = base
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console error: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        self.page.on("request", lambda r: r.url.startswith((base, "data:")) or self.problems.append(f"fetched {r.url}"))

    def open(self, hash: str = "") -> None:
        self.page.goto(self.base + hash)
        self.page.wait_for_selector("html[data-ready=true]", timeout=30_000)

    def go(self, hash: str):
        # one test's open dialog must not stand in front of the next test's page
        self.page.evaluate("() => document.querySelectorAll('dialog[open]').forEach(d => d.close())")
        self.page.evaluate("h => { location.hash = h; }", hash)
        self.page.wait_for_selector(f'main[data-page="{hash}"]', timeout=10_000)
        return self.page


@pytest.fixture(scope="module")
def desktop(browser, served):
    w = Watched(browser, served[0], viewport={"width": 1280, "height": 900})
    w.open()
    yield w
    w.context.close()


@pytest.fixture(autouse=True)
def no_console_errors(request):
    """Fail the test if any page it used logged an error or reached beyond 127.0.0.1."""
    yield
    for name in ("desktop", "phone"):
        if name in request.fixturenames:
            w = request.getfixturevalue(name)
            problems, w.problems[:] = list(w.problems), []
            assert not problems, problems


@pytest.fixture(scope="module")
def con():
    return labour2016.connect()


def test_home_page_shows_the_2016_result_on_load(desktop, con):
    page = desktop.page
    page.goto(desktop.base)  # a fresh load, no click: the result must be there by itself
    page.wait_for_selector("#result", timeout=30_000)
    cell = page.locator('#result tr[data-section="all"] td[data-candidate="jeremy-corbyn"] .votes')
    assert cell.inner_text() == "313,209"
    assert page.locator("#winner-votes").inner_text() == "313,209"
    rows = con.execute("select section, candidate_id, votes, share_pct from results where election_id = ?",
                       [Y16]).fetchall()
    assert len(rows) == 8
    for section, candidate, votes, share in rows:
        row = page.locator(f'#result tr[data-section="{section}"]')
        assert row.locator(f'td[data-candidate="{candidate}"] .votes').inner_text() == f"{votes:,}"
        assert row.locator(f'[data-share="{candidate}"]').inner_text() == f"{share:.2f}%"
    assert page.locator('#result tr[data-section="members"] td[data-candidate="owen-smith"] .votes').inner_text() \
        == "116,960"
    chart = page.locator("svg.chart")
    assert "Members: Jeremy Corbyn 59.0%, Owen Smith 41.0%" in chart.locator("title").text_content()
    assert chart.locator("rect").count() == 2 + 8  # the legend's two keys and a bar part per cell
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "home.png"), full_page=True)


def test_home_page_lists_every_question_table_and_source(desktop):
    page = desktop.go("#/")
    links = page.locator("ul.questions a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == \
        [f"#/view/{v.name}" for v in catalog.views()]
    assert page.locator("ul.tables a").count() == len(package.model().resources)
    assert page.locator("ul.sources a").count() == len(read_table("sources"))


def test_a_view_page_says_its_grain_and_what_each_column_means(desktop):
    view = next(v for v in catalog.views() if v.name == "margins")
    page = desktop.go("#/view/margins")
    assert page.locator("p.grain").inner_text().startswith(view.grain[0].upper() + view.grain[1:] + ". The margins view")
    page.locator("details.columns summary").click()
    assert page.locator("details.columns dt code").all_inner_texts() == view.names
    assert page.locator("details.columns dd").all_inner_texts() == [f.description for f in view.fields]
    margin = next(f for f in view.fields if f.name == "margin_votes")
    assert page.locator('th[data-column="margin_votes"] button').get_attribute("title") == margin.description


def test_a_table_page_says_what_each_column_means(desktop):
    votes = package.model().resources["votes"]
    page = desktop.go("#/table/votes")
    page.locator("details.columns summary").click()
    assert page.locator("details.columns dd").all_inner_texts() == [f.description for f in votes.fields]


def test_the_browser_runs_views_sql_byte_for_byte(desktop, served):
    sql = (ROOT / "queries" / "views.sql").read_text(encoding="utf-8")
    assert desktop.page.evaluate("window.explorer.viewsSql") == sql
    for name in ("queries/views.sql", "data/votes.csv", "data/sources.csv"):
        assert (served[1] / name).read_bytes() == (ROOT / name).read_bytes()


def comparable(cell) -> str:
    """A value as the page prints it, numbers to 12 significant digits (JS and Python print floats alike
    but not always the same way: 60 and 60.0, 5e-7 and 5e-07)."""
    text = "" if cell is None else ("true" if cell else "false") if isinstance(cell, bool) else str(cell)
    try:
        return f"{float(text):.12g}"
    except ValueError:
        return text


def test_each_view_has_the_rows_the_python_api_has(desktop, con):
    for name, question in ((v.name, v.question) for v in catalog.views()):
        page = desktop.go(f"#/view/{name}")
        assert page.locator("h1").inner_text().lower() == question.lower()
        rel = con.sql(f'select * from "{name}"')
        expected = sorted(tuple(comparable(c) for c in row) for row in rel.fetchall())
        assert page.locator(".row-count").get_attribute("data-total") == str(len(expected)), name
        # Every cell too, in any order (a view without ORDER BY may list rows differently).
        shown = page.evaluate("""columns => [...document.querySelectorAll('tbody tr')].map(tr => columns.map(c => {
            const td = tr.querySelector(`td[data-column="${c}"]`);
            return td.querySelector('.span-button') ? td.textContent.slice(1, -1) : td.textContent; }))""", rel.columns)
        assert sorted(tuple(comparable(c) for c in row) for row in shown) == expected, name


def test_each_table_page_has_every_row_and_column(desktop):
    for name, resource in package.model().resources.items():
        page = desktop.go(f"#/table/{name}")
        assert page.locator(".row-count").get_attribute("data-total") == str(len(read_table(name))), name
        fields = resource.names
        assert page.locator("thead th").evaluate_all("ths => ths.map(t => t.dataset.column)") == fields
        shown = page.locator("tbody tr").evaluate_all("""trs => trs.map(tr => [...tr.cells].map(td =>
            td.querySelector('.span-button') ? td.textContent.slice(1, -1) : td.textContent))""")
        assert sorted(tuple(map(comparable, row)) for row in shown) == \
            sorted(tuple(comparable(row[f]) for f in fields) for row in read_table(name)), name


def test_tables_filter_and_sort_by_keyboard(desktop):
    page = desktop.go("#/table/votes")
    page.get_by_label("Filter rows").fill("owen-smith")
    expected = sum(1 for r in read_table("votes") if "owen-smith" in ",".join(r.values()).lower())
    assert page.locator(".row-count").get_attribute("data-shown") == str(expected)
    header = page.locator('th[data-column="value"] button')
    header.focus()
    page.keyboard.press("Enter")
    assert page.locator('th[data-column="value"]').get_attribute("aria-sort") == "ascending"
    values = [float(v) for v in page.locator('tbody td[data-column="value"]').all_inner_texts()]
    assert values == sorted(values) and len(values) == expected
    page.keyboard.press("Enter")
    assert page.locator('th[data-column="value"]').get_attribute("aria-sort") == "descending"
    assert float(page.locator('tbody td[data-column="value"]').first.inner_text()) == max(values)


def test_an_evidence_span_opens_with_its_source(desktop):
    rows = [r for r in read_table("votes") if "116,960" in ",".join(r.values())]
    page = desktop.go("#/table/votes")
    page.get_by_label("Filter rows").fill("116,960")
    # the filter applies as the reader types: wait until every row shown is a match
    page.wait_for_function("[...document.querySelectorAll('tbody tr')].every(tr => tr.innerText.includes('116,960'))")
    button = page.locator("tbody .span-button").first
    button.focus()
    page.keyboard.press("Enter")  # keyboard, not a click: the span must open for everyone
    dialog = page.locator("dialog#evidence[open]")
    # whichever row an earlier sort put first, its span is one of these rows' evidence, verbatim
    row = next(r for r in rows if r["evidence"] == dialog.locator("blockquote.span").inner_text())
    source = next(s for s in read_table("sources") if s["source_id"] == row["source_id"])
    assert dialog.locator(".source-title").inner_text() == source["title"]
    text = dialog.inner_text()
    assert source["publisher"] in text and source["published"] in text
    assert dialog.locator(f'a[href="{source["url"]}"]').count() == 1
    page.keyboard.press("Escape")
    assert page.locator("dialog#evidence").evaluate("d => !d.open")
    page.wait_for_function("document.activeElement.classList.contains('span-button')", timeout=2_000)


def test_a_home_page_figure_opens_the_spans_it_rests_on(desktop):
    page = desktop.go("#/")
    page.locator('#result tr[data-section="all"] td[data-candidate="jeremy-corbyn"] .evidence-button').click()
    page.wait_for_selector("dialog#evidence[open]")
    spans = page.locator("dialog#evidence blockquote.span").all_inner_texts()
    assert "Jeremy Corbyn won 313,209 votes (61.8 per cent) to Owen Smith’s 193,229 votes (38.2%)." in spans
    expected = [r["evidence"] for r in read_table("votes") if r["election_id"] == Y16 and r["section"] == "all"
                and r["candidate_id"] == "jeremy-corbyn" and r["source_id"] == "labourlist-2016-09-24-result"]
    assert sorted(spans) == sorted(expected)
    page.keyboard.press("Escape")


def test_view_rows_link_their_sources_and_open_their_spans(desktop, con):
    page = desktop.go("#/view/discrepancies")
    sources = {r[0] for r in con.execute("select source_a from discrepancies").fetchall()} & \
        {r["source_id"] for r in read_table("sources")}
    links = page.locator('tbody td[data-column="source_a"] a').evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert set(links) == {f"#/source/{s}" for s in sources} and sources
    page = desktop.go("#/view/precision")
    page.get_by_label("Filter rows").fill("116,960")
    page.locator('tbody td[data-column="evidence"] .span-button').first.click()
    page.wait_for_selector("dialog#evidence[open]")
    assert "116,960" in page.locator("dialog#evidence blockquote.span").inner_text()
    page.keyboard.press("Escape")


def test_a_source_page_lists_the_rows_that_cite_it(desktop):
    sid = "bbc-2016-08-10-gmb-backs-smith"
    page = desktop.go(f"#/source/{sid}")
    cited = sum(1 for name in package.model().resources if name != "sources"
                for r in read_table(name) if r.get("source_id") == sid)
    totals = page.locator(".row-count").evaluate_all("ps => ps.map(p => +p.dataset.total)")
    assert sum(totals) == cited and cited > 0
    assert "BBC News" in page.locator("main .source-card").inner_text()


def test_the_sql_box_runs_a_query_and_reports_an_error(desktop, con):
    page = desktop.go("#/sql")
    sql = "select candidate_id, votes from results where election_id = 'labour-leadership-2016' " \
          "and section = 'members' order by votes desc"
    page.get_by_label("SQL query").fill(sql)
    page.get_by_role("button", name="Run query").click()
    page.wait_for_selector("#sql-result .row-count")
    cells = page.locator('#sql-result tbody td[data-column="votes"]').all_inner_texts()
    assert cells == [str(r[1]) for r in con.execute(sql).fetchall()] == ["168216", "116960"]
    page.get_by_label("SQL query").fill("select * from no_such_view")
    page.get_by_label("SQL query").press("Control+Enter")
    assert "no_such_view" in page.get_by_role("alert").inner_text()


def test_the_page_embeds_the_dataset_jsonld(desktop):
    page = desktop.go("#/")
    embedded = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert embedded == site.dataset_jsonld()


def test_every_control_is_labelled_and_every_header_scoped(desktop):
    for hash in ("#/", "#/table/votes", "#/view/discrepancies", "#/sql"):
        page = desktop.go(hash)
        unlabelled = page.evaluate("""[...document.querySelectorAll('input, textarea, select')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.outerHTML)""")
        assert unlabelled == [], hash
        unscoped = page.evaluate("[...document.querySelectorAll('th')].filter(t => !t.scope).length")
        assert unscoped == 0, hash
        assert page.evaluate("document.documentElement.lang") == "en-GB"


@pytest.fixture(scope="module")
def phone(browser, served):
    w = Watched(browser, served[0], viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                device_scale_factor=2)
    w.open()
    yield w
    w.context.close()


def test_readable_on_a_phone(phone):
    for hash in ("#/", "#/table/votes", "#/view/results"):
        page = phone.go(hash)
        # The page itself never scrolls sideways; wide tables scroll inside their own box.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), hash
    page = phone.go("#/")
    assert page.locator('#result tr[data-section="all"] td[data-candidate="jeremy-corbyn"] .votes').inner_text() \
        == "313,209"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "home-phone.png"), full_page=True)
