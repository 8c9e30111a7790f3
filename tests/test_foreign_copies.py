"""The same package as Windows, Excel or another editor writes it validates exactly as the
original; a hostile descriptor is refused without a traceback or a network call; the verdict never
depends on the order of rows; a refused build leaves nothing behind; a pattern cannot hang validate."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_package
from labour2016 import cli
from tiny import ELECTIONS, problems, replace, tiny


def report(pkg, capsys, *extra):
    code = cli.main(["validate", str(pkg), "--format", "json", *map(str, extra)])
    return code, json.loads(capsys.readouterr().out)["problems"]


@pytest.mark.parametrize("how", ["crlf", "bom", "no-final-newline", "all"])
def test_windows_and_excel_copies_validate_as_the_original_with_their_sources(tmp_path, capsys, sources_dir, how):
    # multi-line evidence spans included: with CRLF inside a quoted cell they still match the source
    pkg = copy_package(tmp_path / "pkg")
    for f in (pkg / "data").glob("*.csv"):
        raw = f.read_bytes()
        if how in ("crlf", "all"):
            raw = raw.replace(b"\n", b"\r\n")
        if how in ("bom", "all"):
            raw = b"\xef\xbb\xbf" + raw
        if how in ("no-final-newline", "all"):
            raw = raw.rstrip(b"\r\n")
        f.write_bytes(raw)
    assert report(pkg, capsys, "--sources", sources_dir) == (0, [])


def test_a_crlf_copy_reports_the_same_problems_on_the_same_lines(tmp_path):
    rows = ('bob-fair,test-leadership-2016,bob-sample,Bob Sample,"the contest\nwas fair",reported_speech,,'
            "fictional-result,\nBAD ID,test-leadership-2016,,,the contest was fair,reported_speech,,fictional-result,\n")
    lf = problems(tiny(tmp_path / "lf", statements=rows))
    crlf = problems(tiny(tmp_path / "crlf", statements=rows.replace("\n", "\r\n")))
    assert lf == crlf == [("data/statements.csv", 4, "statement_id", "BAD ID", "constraint-error/pattern")]


def test_a_key_given_twice_in_the_descriptor_is_refused(tmp_path, capsys):
    pkg = tiny(tmp_path)
    text = (pkg / "datapackage.json").read_text(encoding="utf-8")
    (pkg / "datapackage.json").write_text(text.replace('"name": "labour2016"', '"name": "labour2016", "name": "x"', 1),
                                          encoding="utf-8")
    code, found = report(pkg, capsys, "--no-sources")
    assert code == 1 and [(p["file"], p["rule"], p["value"]) for p in found] == [("datapackage.json", "json-error", "name")]


def test_absurd_nesting_and_size_are_refused(tmp_path, capsys):
    pkg = tiny(tmp_path)
    (pkg / "schemas/slips.schema.json").write_text('{"fields": ' + "[" * 100000 + "]" * 100000 + "}", encoding="utf-8")
    code, found = report(pkg, capsys, "--no-sources")
    assert code == 1 and [(p["file"], p["rule"]) for p in found] == [("schemas/slips.schema.json", "json-error")]
    assert "nested" in found[0]["message"]
    with open(pkg / "schemas/slips.schema.json", "w", encoding="utf-8") as f:
        f.write('{"fields": [], "x": "' + "x" * (9 << 20) + '"}')
    code, found = report(pkg, capsys, "--no-sources")
    assert code == 1 and [(p["file"], p["rule"]) for p in found] == [("schemas/slips.schema.json", "json-error")]


def test_a_remote_resource_is_refused_without_a_network_call(tmp_path, capsys):
    pkg = tiny(tmp_path)
    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    d["resources"][-1]["path"] = "http://127.0.0.1:9/never.csv"  # nothing listens there; nothing is asked
    (pkg / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    code, found = report(pkg, capsys, "--no-sources")
    assert code == 1 and [p["rule"] for p in found] == ["unsafe-path"] and "URL" in found[0]["message"]


def events(*rows):
    return "".join(f"{eid},test-leadership-2016,{date},stated,voting_closed,,Voting closes.,fictional-result,"
                   f"24 September 2016,{notes}\n" for eid, date, notes in rows)


def test_the_order_of_rows_never_changes_the_verdict(tmp_path):
    # two rows date the close of voting apart; one says why in its notes, giving both dates
    rows = [("close-a", "2016-09-21", ""), ("close-b", "2016-09-24", "Dated 24 September here; the ballot closed 2016-09-21.")]
    forward = problems(tiny(tmp_path / "a", events=events(*rows)))
    backward = problems(tiny(tmp_path / "b", events=events(*reversed(rows))))
    assert forward == [] and backward == []
    # without the note each order reports the same row: the later date, whichever line it is on
    rows[1] = ("close-b", "2016-09-24", "")
    assert problems(tiny(tmp_path / "c", events=events(*rows))) == [
        ("data/events.csv", 3, "date", "2016-09-24", "date-conflict")]
    assert problems(tiny(tmp_path / "d", events=events(*reversed(rows)))) == [
        ("data/events.csv", 2, "date", "2016-09-24", "date-conflict")]


def test_the_real_package_in_reverse_row_order_is_valid(tmp_path, capsys):
    pkg = copy_package(tmp_path / "pkg")
    for f in (pkg / "data").glob("*.csv"):
        import csv
        import io
        rows = list(csv.reader(io.StringIO(f.read_text(encoding="utf-8"), newline="")))
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([rows[0], *reversed(rows[1:])])
        f.write_text(buf.getvalue(), encoding="utf-8")
    assert report(pkg, capsys, "--no-sources") == (0, [])


def test_a_refused_build_leaves_no_output_folder(tmp_path, capsys):
    pkg = tiny(tmp_path, elections=ELECTIONS.replace(",alice-example,", ",nobody-at-all,"))
    out = tmp_path / "out"
    assert cli.main(["build", "--package", str(pkg), "--out", str(out)]) == 1
    assert not out.exists()


def test_a_crafted_pattern_cannot_hang_validate(tmp_path):
    # "(a|aa)*" against 61 a's and a b takes Python's backtracking `re` longer than the universe
    # has; polars' regular expressions run in linear time
    from tiny import edit_field
    pkg = tiny(tmp_path)
    edit_field(pkg / "schemas/entities.schema.json", "description", {"pattern": "(a|aa)*"})
    replace(pkg / "data/entities.csv", "A fictional party.", "a" * 61 + "b")
    done = subprocess.run([str(Path(sys.executable).parent / "labour2016"), "validate", str(pkg), "--no-sources", "--format", "json"],
                          capture_output=True, text=True, timeout=300)
    found = json.loads(done.stdout)["problems"]
    assert done.returncode == 1 and ("constraint-error", "pattern") in {(p["rule"], p["constraint"]) for p in found}
