"""`labour2016 dictionary`: the data dictionary from the schemas the package (or wheel) carries."""
import json

from conftest import ROOT
from labour2016 import cli, package


def run(capsys, *argv):
    code = cli.main(["dictionary", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_the_committed_dictionary(capsys):
    code, out, _ = run(capsys)
    assert code == 0 and out == (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")


def test_one_table_shows_its_fields_keys_and_enums(capsys):
    code, out, _ = run(capsys, "votes")
    assert code == 0 and out.startswith("## `votes`") and "## `electorate`" not in out
    assert "| `value` | number | yes | minimum `0` | The figure as a number. |" in out
    assert "one of `members`, `registered_supporters`, `affiliated_supporters`, `all`" in out
    assert "`source_id` → `sources.source_id`" in out


def test_json_carries_each_table_schema(capsys):
    code, out, _ = run(capsys, "events", "--format", "json")
    data = json.loads(out)
    assert code == 0 and list(data) == ["events"]
    assert data["events"]["schema"] == package.model().resources["events"].raw_schema


def test_an_unknown_table_exits_2_naming_the_tables(capsys):
    code, out, err = run(capsys, "vote")
    assert code == 2 and out == "" and "no table named vote; have sources, entities" in err
