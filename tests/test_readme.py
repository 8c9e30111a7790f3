"""README examples show real output: re-run them and compare."""
import subprocess
import sys

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def query(sql, fmt):
    done = subprocess.run([sys.executable, "-m", "labour2016.cli", "query", sql, "--format", fmt],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    return done.stdout.strip()


def test_result_example_matches_the_results_view():
    out = query("select section, candidate_id, votes, round(share_pct,2) as share_pct, source_id from results "
                "where election_id='labour-leadership-2016' order by section, votes desc", "table")
    assert out in README


def test_timeline_example_matches_the_timeline_view():
    out = query("select date, event_type, description from timeline where election_id='labour-leadership-2016' "
                "order by date", "markdown")
    assert out in README


def test_compare_2015_example_matches_the_view():
    out = query("select section, round(share_2015,2) as share_2015, round(share_2016,2) as share_2016, "
                "round(change_points,2) as change_points from compare_2015 order by section", "markdown")
    assert out in README
