"""The generated docs (data dictionary, datasheet composition) agree with the package."""
import json
import shutil

import pytest

import counts
from conftest import ROOT, read_table
from labour2016 import cli, dictionary, package

DOCS = ROOT / "docs"


@pytest.fixture()
def copy(tmp_path):
    """A copy of the package and its docs that a test may change."""
    shutil.copy(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    for folder in ("schemas", "data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_checked_in_docs_are_up_to_date():
    assert dictionary.stale(DOCS) == [], "run `make docs` (labour2016 docs) and commit docs/"


def test_dictionary_lists_every_table_field_and_constraint():
    text = (DOCS / "data-dictionary.md").read_text(encoding="utf-8")
    for name, resource in package.model().resources.items():
        section = text.split(f"## `{name}`\n", 1)[1].split("\n## ", 1)[0]
        assert resource.description in section
        schema = resource.raw_schema
        for field in schema["fields"]:
            row = next(line for line in section.splitlines() if line.startswith(f"| `{field['name']}` |"))
            required = "yes" if field["constraints"].get("required") else "no"
            assert f"| {field['type']} | {required} |" in row
            for value in field["constraints"].get("enum", []):
                assert f"`{value}`" in row
    votes = text.split("## `votes`\n", 1)[1].split("\n## ", 1)[0]
    assert "`(election_id, candidate_id)` → `candidates(election_id, candidate_id)`" in votes
    assert "| `value` | number | yes | minimum `0` |" in votes
    assert "pattern `^[0-9a-f]{64}$`" in text  # sources.sha256


def test_datasheet_counts_match_the_csv_files():
    sheet = (DOCS / "datasheet.md").read_text(encoding="utf-8")
    n = counts.ROWS
    assert f"| **all tables** | **{counts.ALL_ROWS}** |" in sheet
    assert f"Statements with no speaker (`speaker_id` empty): {counts.where('statements', 'speaker_id')} of " \
           f"{n['statements']}." in sheet
    assert f"Entities with a Wikidata id: {n['entities'] - counts.where('entities', 'wikidata_id')} of " \
           f"{n['entities']}." in sheet
    stated = [r["qualifier"] for r in read_table("rules") if r["qualifier"]]  # a rule with no figure has none
    assert f"`rules` {sum(q != 'exact' for q in stated)} of {len(stated)}" in sheet
    for name, rows in dictionary.read_tables(package.model()).items():
        assert f"| `{name}` | {len(rows)} |" in sheet


def test_a_schema_change_makes_the_dictionary_stale(copy):
    assert dictionary.stale(copy / "docs", package.model(copy)) == []
    path = copy / "schemas" / "votes.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["fields"][0]["description"] = "A changed description."
    path.write_text(json.dumps(schema), encoding="utf-8")
    assert dictionary.stale(copy / "docs", package.model(copy)) == [copy / "docs" / "data-dictionary.md"]
    assert "A changed description." in dictionary.render_dictionary(package.model(copy))


def test_a_new_row_makes_the_datasheet_stale_and_generate_fixes_it(copy):
    with open(copy / "data" / "events.csv", "a", encoding="utf-8") as f:
        f.write(open(ROOT / "data" / "events.csv", encoding="utf-8").read().splitlines()[1].replace(
            "plp-no-confidence-vote", "plp-no-confidence-vote-copy", 1) + "\n")
    assert dictionary.stale(copy / "docs", package.model(copy)) == [copy / "docs" / "datasheet.md"]
    assert dictionary.generate(copy / "docs", package.model(copy)) == [copy / "docs" / "datasheet.md"]
    assert f"| `events` | {counts.ROWS['events'] + 1} |" in (copy / "docs" / "datasheet.md").read_text(encoding="utf-8")
    assert dictionary.stale(copy / "docs", package.model(copy)) == []
    assert not [p for p in (copy / "docs").iterdir() if p.name.startswith(".")]  # no temp files


def test_docs_command_checks_and_rewrites(copy, capsys):
    docs = copy / "docs"
    (docs / "data-dictionary.md").write_text("stale\n", encoding="utf-8")
    assert cli.main(["docs", "--check", "--docs-dir", str(docs)]) == 1
    assert "stale:" in capsys.readouterr().err
    assert (docs / "data-dictionary.md").read_text(encoding="utf-8") == "stale\n"  # --check writes nothing
    assert cli.main(["docs", "--docs-dir", str(docs)]) == 0
    assert (docs / "data-dictionary.md").read_text(encoding="utf-8") == (DOCS / "data-dictionary.md").read_text(encoding="utf-8")
    assert cli.main(["docs", "--check", "--docs-dir", str(docs)]) == 0


def test_cannot_run_without_a_docs_folder_or_the_datasheet_block(copy, capsys):
    assert dictionary.run(copy / "no-such-folder") == 2
    assert "no docs folder" in capsys.readouterr().err
    assert not (copy / "no-such-folder").exists()
    (copy / "docs" / "datasheet.md").write_text("# Datasheet\n", encoding="utf-8")
    assert dictionary.run(copy / "docs", check=True) == 2


def test_docs_names_each_stale_derived_file_with_the_command_and_rewrites_it(tmp_path, monkeypatch, capsys):
    from labour2016 import derived

    current, stale = tmp_path / "current.md", tmp_path / "sub" / "stale.csv"
    current.write_text("same\n", encoding="utf-8")
    stale.parent.mkdir()
    stale.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(derived, "steps", lambda root, sources: iter(
        [("a step", lambda: {current: "same\n", stale: "new\n"})]))
    assert derived.run(tmp_path, None, check=True) == 1
    err = capsys.readouterr().err
    assert "stale: sub/stale.csv (run `make docs` (labour2016 docs) and commit the result)" in err
    assert "current.md" not in err and stale.read_text(encoding="utf-8") == "old\n"
    assert derived.run(tmp_path, None) == 0
    out = capsys.readouterr()
    assert out.out == "wrote sub/stale.csv\n" and stale.read_text(encoding="utf-8") == "new\n"
    assert "up to date: a step" not in out.err, "a step just rewritten is not also reported up to date"
    assert derived.run(tmp_path, None, check=True) == 0
    assert derived.run(tmp_path, None) == 0
    assert "up to date: a step" in capsys.readouterr().err


def test_the_descriptors_sources_are_made_from_sources_csv(tmp_path):
    """One list of sources: editing sources.csv makes the descriptor stale until `labour2016 docs`."""
    from conftest import copy_package
    from labour2016 import dictionary, package

    pkg = copy_package(tmp_path / "pkg", parts=("datapackage.json", "schemas", "data"))
    model = package.model(pkg)
    assert dictionary.descriptor_sources(model) == (pkg / "datapackage.json").read_text(encoding="utf-8")
    sources = pkg / "data/sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace("IBTimes UK,", "IBTimes,", 1), encoding="utf-8")
    assert pkg / "datapackage.json" in dictionary.stale(pkg / "docs", package.model(pkg))
    written = dictionary.descriptor_sources(package.model(pkg))
    assert '"title": "IBTimes: ' in written and '"title": "IBTimes UK: ' not in written


def test_the_view_snapshots_are_computed_within_builds_bounds(monkeypatch):
    """make docs computes every view, as build does, on a connection with a memory limit, two
    threads and a spill folder of its own, removed afterwards (unbounded, a large package's views
    could take the machine's memory)."""
    import os

    import duckdb

    from labour2016 import api, bounds, derived, package

    seen = []
    opened = api.open_model

    def recording(*a, **k):
        con = opened(*a, **k)
        seen.append(con.execute("select current_setting('memory_limit'), current_setting('threads'), "
                                "current_setting('temp_directory')").fetchone())
        return con

    monkeypatch.setattr(api, "open_model", recording)
    snapshots = derived.snapshots(package.root())
    [(memory, threads, folder)] = seen
    work = duckdb.connect(config={"memory_limit": bounds.WORK_MEMORY}).execute("select current_setting('memory_limit')")
    assert (memory, threads) == (work.fetchone()[0], bounds.WORK_THREADS)
    assert "labour2016-docs-" in folder and not os.path.exists(folder)
    assert len(snapshots) == len(list((package.root() / "views").glob("*.csv"))) + 1  # and queries/views.bound
