"""Every rule validate can report is in validate.RULES, with its meaning, and some test triggers it."""
import json
import re
from pathlib import Path

import pytest

from conftest import copy_package
from labour2016 import cli
from labour2016.validate import RULES, Context

TESTS = Path(__file__).resolve().parent


def test_every_rule_is_triggered_by_some_test():
    texts = "\n".join(p.read_text(encoding="utf-8") for p in TESTS.glob("test_*.py"))
    untested = [r for r in RULES if not re.search(rf"[\"']{re.escape(r)}[\"'/]", texts)]
    assert untested == []


def test_a_rule_outside_the_registry_is_a_bug_not_a_verdict(tmp_path):
    with pytest.raises(ValueError, match="no-such-rule"):
        Context(root=tmp_path, sources=None).add("x.csv", 2, "a", "b", "no-such-rule", "m", "h")


def test_cells_short_of_the_header_and_beyond_it(tmp_path, capsys):
    pkg = copy_package(tmp_path / "pkg")
    f = pkg / "data" / "candidates.csv"
    lines = f.read_text(encoding="utf-8").split("\n")
    lines[1] += ",extra"
    lines[2] = ",".join(lines[2].split(",")[:3])
    f.write_text("\n".join(lines), encoding="utf-8")
    assert cli.main(["validate", str(pkg), "--no-sources", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["file"], p["line"], p["rule"]) for p in problems] == [
        ("data/candidates.csv", 2, "extra-cell"), ("data/candidates.csv", 3, "missing-cell")]


def test_a_figure_without_its_stated_as(tmp_path, capsys):
    """An optional figure (a ballot's turnout) given without the words it was stated in."""
    pkg = copy_package(tmp_path / "pkg")
    f = pkg / "data" / "endorsements.csv"
    text = f.read_text(encoding="utf-8")
    assert ',43000,"more than 43,000",more_than,60,60%,' in text
    f.write_text(text.replace(',43000,"more than 43,000",more_than,60,60%,', ",43000,,more_than,60,60%,", 1),
                 encoding="utf-8")
    assert cli.main(["validate", str(pkg), "--no-sources", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["file"], p["line"], p["column"], p["rule"]) for p in problems] == [
        ("data/endorsements.csv", 2, "ballot_participants_stated_as", "stated-as-pair")]


@pytest.mark.parametrize("written", ["2016.0", "+2016.5", "2,016", " 2016"])
def test_an_integer_is_written_as_one(tmp_path, capsys, written):
    """As frictionless reads integers: "2016.0" is a number, not an integer (DuckDB would cast it)."""
    pkg = copy_package(tmp_path / "pkg")
    f = pkg / "data" / "elections.csv"
    lines = f.read_text(encoding="utf-8").split("\n")
    assert ",leader,2016,2016-09-24," in lines[1]
    lines[1] = lines[1].replace(",leader,2016,", f',leader,"{written}",')
    f.write_text("\n".join(lines), encoding="utf-8")
    assert cli.main(["validate", str(pkg), "--no-sources", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["file"], p["line"], p["column"], p["value"], p["rule"]) for p in problems] == [
        ("data/elections.csv", 2, "year", written, "type-error")]
