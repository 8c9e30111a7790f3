"""The explorer site (`make site`): its metadata, its build and how its pages say things, without a
browser (tests/test_site_browser.py drives the built pages in Chromium)."""
from __future__ import annotations

import csv
import datetime as dt
import json
import shutil

import pytest

import labour2016
from conftest import copy_package, read_table
from labour2016 import catalog, model, package, site
from labour2016.pages import facts, fmt, render
from labour2016.pages.html import el

Y16 = "labour-leadership-2016"


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


def test_jsonld_cannot_end_its_script_element_early():
    desc = {"description": "Corbyn v Smith </script><script>alert(1)</script>"}
    html = render.jsonld_script(desc)
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
    for name in site.SCRIPTS:  # the sources, but no npm ci
        shutil.copy(site.SITE_SRC / name, bare / name)
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


def test_a_package_the_gate_refuses_builds_no_site(tmp_path, capsys):
    """The site reads the package through the gate, as every door: an invalid one writes nothing."""
    copy_package(tmp_path / "pkg")
    votes = tmp_path / "pkg" / "data" / "votes.csv"
    votes.write_text(votes.read_text(encoding="utf-8").replace(",313209,", ",-313209,", 1), encoding="utf-8")
    with pytest.raises(model.PackageError, match="problem"):
        site.build(tmp_path / "out", tmp_path / "pkg")
    assert not (tmp_path / "out").exists() and not (tmp_path / ".out.tmp").exists()


# ---- how values read ----------------------------------------------------------------------

@pytest.mark.parametrize("value, column, shown", [
    (313209, "votes", "313,209"), (61.84547763003566, "share_pct", "61.85%"), (0.1545223699643401, "error_points", "0.15"),
    (77.6, "value", "77.6"), (654006.0, "value_a", "654,006"), (0.00012, "gap", "0.0001"), (-2.5, "change_points", "-2.5"), (-2.567, "change_points", "-2.57"),
    (1e-9, "gap", "0.0000"), (59.5, "share_pct_reported", "59.5%")])
def test_numbers_read_with_separators_and_at_most_two_places(value, column, shown):
    assert fmt.number(value, column) == shown


def test_ids_read_as_names_and_dates_as_dates():
    names = fmt.Names(entities={"labour-nec": {"name": "National Executive Committee", "description": "The NEC."}},
                      sources={"s-1": {"title": "A <b>title</b>", "publisher": "The Paper"}},
                      elections={"e-2016": {"title": "Election 2016", "year": 2016}}, enums={"section": {"affiliated_supporters"}})
    assert fmt.cell("s-1", "source_id", names, "../") == \
        '<a href="../source/s-1.html" title="A &lt;b&gt;title&lt;/b&gt;" class="source">The Paper</a>'
    assert fmt.cell("labour-nec", "decided_by_id", names, "") == '<span class="entity" title="The NEC.">National Executive Committee</span>'
    # a view that already gives the name keeps the description, which is what a filter for "NEC" finds
    assert 'title="The NEC."' in fmt.cell("National Executive Committee", "decided_by", names, "")
    assert fmt.cell("e-2016", "election_id", names, "") == '<a href="contest/e-2016.html" title="Election 2016">2016</a>'
    assert fmt.cell("s-1; e-2016", "source_ids", names, "").count("<a ") == 2
    assert fmt.cell(dt.date(2016, 7, 19), "withdrew_on", names, "") == '<time datetime="2016-07-19">19 July 2016</time>'
    assert fmt.cell("affiliated_supporters", "section", names, "") == "affiliated supporters"
    assert fmt.cell("88 mps (s-1); 2 meps (s-2) <i>", "close_nominations", names, "") == \
        '88 mps (<a href="source/s-1.html" title="A &lt;b&gt;title&lt;/b&gt;" class="source">The Paper</a>); 2 meps (s-2) &lt;i&gt;'
    assert fmt.cell("<script>alert(1)</script>", "notes", names, "") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert fmt.cell(None, "x", names, "") == "" and fmt.cell(True, "incumbent", names, "") == "yes"
    assert fmt.label("candidate_id") == "Candidate" and fmt.label("share_pct") == "Share %"


def test_markup_escapes_every_text_and_attribute():
    assert el("a", {"href": '"><script>', "class_": "x", "hidden": True, "title": None}, "<b>") == \
        '<a href="&quot;&gt;&lt;script&gt;" class="x" hidden>&lt;b&gt;</a>'


def test_row_ids_come_from_the_key_and_stay_unique():
    rows = [{"a": "X 1", "b": None}, {"a": "x-1", "b": None}, {"a": "y", "b": 2}]
    assert render.row_ids(rows, ("a", "b")) == ["x-1--none", "x-1--none-2", "y--2"]
    assert render.row_ids(rows, ()) == ["row-1", "row-2", "row-3"]


@pytest.fixture(scope="module")
def con():
    return labour2016.connect()


def fact_tables(con):

    out = []
    for name, r in package.model().resources.items():
        spans = r.spans
        if spans and "source_id" in r.names:
            cursor = con.execute(f'select * from "{name}"')
            rows = [dict(zip([d[0] for d in cursor.description], row)) for row in cursor.fetchall()]
            out.append(facts.Table(name, r.title, tuple(r.names), tuple(spans), tuple(rows),
                                   tuple(render.row_ids(rows, r.primary_key))))
    return out


def test_a_disagreement_finds_each_sides_own_words(con):
    cursor = con.execute("select * from discrepancies where kind = 'sources_disagree' and measure = 'eligible' "
                         "and source_a = 'gulftimes-2016-09-24-corbyn-wins' and source_b = 'pinknews-2016-09-24-corbyn-wins'")
    columns = [d[0] for d in cursor.description]
    row = dict(zip(columns, cursor.fetchall()[0]))
    a, b = facts.evidence(row, columns, fact_tables(con))
    electorate = read_table("electorate")
    for side, source, printed in ((a, row["source_a"], "654,006"), (b, row["source_b"], "640,500")):
        assert side.source_id == source and side.facts
        expected = {r["evidence"] for r in electorate if r["source_id"] == source and r["measure"] == "eligible"
                    and r["section"] == "all"}
        assert {t.rows[i]["evidence"] for t, i in side.facts} == expected
        assert all(printed in t.rows[i]["evidence"] for t, i in side.facts)


def test_a_result_row_rests_on_the_votes_rows_of_its_source(con):
    cursor = con.execute("select * from results where election_id = ? and section = 'affiliated_supporters' "
                         "and candidate_id = 'owen-smith'", [Y16])
    columns = [d[0] for d in cursor.description]
    (side,) = facts.evidence(dict(zip(columns, cursor.fetchall()[0])), columns, fact_tables(con))
    expected = [r for r in read_table("votes") if r["election_id"] == Y16 and r["section"] == "affiliated_supporters"
                and r["candidate_id"] == "owen-smith" and r["source_id"] == side.source_id]
    assert sorted(t.rows[i]["evidence"] for t, i in side.facts) == sorted(r["evidence"] for r in expected)
    assert all(t.name == "votes" for t, _ in side.facts) and "39,670" in side.facts[0][0].rows[side.facts[0][1]]["evidence"]


def test_a_row_resting_only_on_its_source_claims_no_fact_rows(con):
    cursor = con.execute("select * from source_coverage limit 1")
    columns = [d[0] for d in cursor.description]
    (side,) = facts.evidence(dict(zip(columns, cursor.fetchall()[0])), columns, fact_tables(con))
    assert side.facts == ()


def test_view_csv_and_json_hold_every_row_exactly(tmp_path, con):
    """The downloads carry the exact values (the pages round; the files do not)."""
    view = next(v for v in catalog.views() if v.name == "poll_accuracy")
    cursor = con.execute("select * from poll_accuracy")
    rows = [dict(zip(view.names, r)) for r in cursor.fetchall()]
    text = site._csv(rows, view.names)
    back = list(csv.DictReader(text.splitlines()))
    assert [float(r["error_points"]) for r in back] == [r["error_points"] for r in rows]
    data = json.loads(site._json("poll_accuracy", rows, view.fields))
    assert [f["name"] for f in data["fields"]] == view.names
    assert [r["result_pct"] for r in data["rows"]] == [r["result_pct"] for r in rows]
