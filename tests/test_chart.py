"""`labour2016 chart`: charts of the views, committed in docs/charts and shown in README."""
import stat
import sys

import pytest

pytest.importorskip("matplotlib", reason="matplotlib is in the test extra; `pip install -e '.[test]'`")

from conftest import ROOT, copy_package  # noqa: E402
from labour2016 import api, charts, cli  # noqa: E402
from labour2016.commands.chart import NAMES  # noqa: E402


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    out = tmp_path_factory.mktemp("charts")
    assert cli.main(["chart", "--out", str(out)]) == 0
    return out


def test_committed_charts_are_current(capsys):
    code = cli.main(["chart", "--check"])
    assert code == 0, capsys.readouterr().err + "\nrun `make docs` (labour2016 docs) and commit docs/charts"


def test_writes_every_chart_in_both_formats_with_nothing_left_behind(drawn):
    assert sorted(p.name for p in drawn.iterdir()) == sorted(f"{n}.{f}" for n in NAMES for f in ("png", "svg"))
    png = drawn / "result-2016.png"
    assert png.read_bytes().startswith(b"\x89PNG") and stat.S_IMODE(png.stat().st_mode) & 0o044 == 0o044


def test_result_chart_labels_counts_shares_and_sources(drawn):
    svg = (drawn / "result-2016.svg").read_text(encoding="utf-8")
    for label in ("116,960 votes", "41.0%", "168,216 votes", "59.0%", "39,670 votes", "506,438",
                  "LabourList (labourlist-2016-09-24-result)", "Total Politics (totalpolitics-2016-09-24-breakdown)",
                  "`results` of labour2016"):
        assert label in svg, label


def test_compare_chart_shows_both_years_and_the_change(drawn):
    svg = (drawn / "compare-2015.svg").read_text(encoding="utf-8")
    for label in ("49.6%", "59.0%", "+9.4 pts", "-13.9 pts", "first round, four candidates",
                  "UK Political Info (ukpolitical-2015-results)"):
        assert label in svg, label


def test_discrepancies_chart_has_every_row_as_printed(drawn):
    svg = (drawn / "discrepancies.svg").read_text(encoding="utf-8")
    kinds = ", ".join(f"'{k}'" for k in charts.DRAWN_KINDS)
    rows = api.connect().execute("select count(*) from discrepancies where value_a is not null and value_b is not null "
                                 f"and kind in ({kinds})").fetchone()[0]
    assert svg.count(" v ") >= rows == 56
    for label in ("about 641,000 (BBC News)", "38.20% (LabourList)", "20 (The Scotsman)", "22 (The Guardian) v 21 (Metro)"):
        assert label.replace("'", "&#39;") in svg, label


def test_discrepancies_chart_lists_slips_as_slips(drawn):
    svg = (drawn / "discrepancies.svg").read_text(encoding="utf-8")
    slips = svg.split("Slips of print, kept as printed and not compared:", 1)[1]
    assert "malformed number: 6000,000 (The Independent)" in slips and "wrong name: Jones (PinkNews)" in slips
    assert " v 6000,000" not in svg and "6000,000 (The Independent) v" not in svg


def test_poll_accuracy_chart_draws_polls_only(drawn):
    svg = (drawn / "poll-accuracy.svg").read_text(encoding="utf-8")
    for label in ("62% (+0.2 pts)", "result 61.8%", "`poll_accuracy` of labour2016"):
        assert label in svg, label
    assert "Ben Bradshaw" not in svg and "46%" not in svg


def test_svg_is_deterministic():
    (chart,) = charts.draw(["discrepancies"])
    assert charts.render(chart, "svg") == charts.render(chart, "svg")


def test_check_names_a_missing_or_damaged_chart(drawn, tmp_path, capsys):
    out = tmp_path / "charts"
    out.mkdir()
    for p in drawn.iterdir():
        (out / p.name).write_bytes(p.read_bytes())
    assert cli.main(["chart", "--check", "--out", str(out)]) == 0
    (out / "compare-2015.svg").unlink()
    (out / "result-2016.png").write_bytes(b"\x89PNG")
    capsys.readouterr()
    assert cli.main(["chart", "--check", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"stale: {out / 'compare-2015.svg'}" in err and f"stale: {out / 'result-2016.png'}" in err
    assert "discrepancies" not in err and not (out / "compare-2015.svg").exists()


def test_a_changed_count_makes_the_chart_stale(tmp_path):
    pkg = copy_package(tmp_path / "pkg")
    votes = pkg / "data" / "votes.csv"
    text = votes.read_text(encoding="utf-8").replace(",116960,", ",116961,").replace("116,960", "116,961")
    votes.write_text(text, encoding="utf-8")
    (before,) = charts.draw(["result-2016"])
    (after,) = charts.draw(["result-2016"], con=api.connect(base=pkg))
    assert charts.fingerprint(before) != charts.fingerprint(after)


def test_unknown_chart_and_missing_matplotlib_exit_2_with_a_hint(monkeypatch, capsys):
    assert cli.main(["chart", "no-such-chart"]) == 2
    assert "choose from result-2016, compare-2015, discrepancies, poll-accuracy, selectorate" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert cli.main(["chart", "--check"]) == 2
    assert "pip install 'labour2016[charts]'" in capsys.readouterr().err


def test_readme_shows_every_chart():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"(docs/charts/{name}.png)" in readme, name


def test_selectorate_chart_has_each_contest_and_adds_nothing_up(drawn):
    svg = (drawn / "selectorate.svg").read_text(encoding="utf-8")
    for label in ("2010", "electoral college", "no stored source", "554,272", "422,871", "turnout 76.3%", "654,006",
                  "turnout 77.6%", "one member one vote"):
        assert label in svg, label
