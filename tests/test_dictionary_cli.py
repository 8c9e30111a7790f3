"""`labour2016 dictionary`: the data dictionary from the schemas the package (or wheel) carries."""
import json

from conftest import ROOT
from labour2016 import catalog, cli, package


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
    assert "one of `members`, `registered_supporters`, `affiliated_supporters`, `mps_meps`, `affiliates`, `all`" in out
    assert "`source_id` → `sources.source_id`" in out


def test_json_carries_each_table_schema(capsys):
    code, out, _ = run(capsys, "events", "--format", "json")
    data = json.loads(out)
    assert code == 0 and list(data) == ["events"]
    assert data["events"]["schema"] == package.model().resources["events"].raw_schema


def test_an_unknown_name_exits_2_naming_the_tables_and_views(capsys):
    code, out, err = run(capsys, "vote")
    assert code == 2 and out == "" and "no table or view named vote; have tables sources, entities" in err
    assert "and views candidacies, compare_2015" in err


def test_a_view_shows_its_question_grain_key_and_columns(capsys):
    code, out, _ = run(capsys, "results")
    assert code == 0 and out.startswith("## view `results`\n\n**What is the canonical result per election, ")
    assert "- SQL: `queries/views/results.sql`; columns: `queries/views/results.schema.json`" in out
    assert "- Primary key: `election_id`, `section`, `candidate_id`" in out
    assert "| `votes` | integer | no |  | The chosen exact count: the value reported_counts ranks first" in out
    assert "## `votes`" not in out


def test_the_whole_dictionary_documents_every_view(capsys):
    _, out, _ = run(capsys)
    for v in catalog.views():
        assert f"\n## view `{v.name}`\n" in out and f"(#view-{v.name})" in out
        assert all(f"| `{f.name}` | {f.type.name} |" in out for f in v.fields)


def test_json_carries_each_view_schema(capsys):
    code, out, _ = run(capsys, "margins", "votes", "--format", "json")
    data = json.loads(out)
    view = next(v for v in catalog.views() if v.name == "margins")
    assert code == 0 and list(data) == ["margins", "votes"]
    assert data["margins"] == {"name": "margins", "kind": "view", "question": view.question, "grain": view.grain,
                               "path": "queries/views/margins.sql", "schema": view.raw_schema}
