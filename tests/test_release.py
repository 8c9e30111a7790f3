"""One version, one licence story: datapackage.json, the Python package, the command,
CITATION.cff, CHANGELOG.md and LICENSE agree."""
import datetime
import importlib.metadata
import json
import re

import pytest
import yaml

import labour2016
from conftest import ROOT
from labour2016 import cli

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
VERSION = DESCRIPTOR["version"]


@pytest.fixture(scope="module")
def citation() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_every_version_is_the_descriptors(citation, capsys):
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
    assert labour2016.__version__ == VERSION
    assert importlib.metadata.version("labour2016") == VERSION, "reinstall: pip install -e ."
    assert str(citation["version"]) == VERSION
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"labour2016 {VERSION}"


def test_pyproject_reads_the_version_from_the_descriptor():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'path = "datapackage.json"' in pyproject


def test_citation_describes_the_dataset(citation):
    assert citation["cff-version"] == "1.2.0"
    assert citation["type"] == "dataset"
    assert citation["title"] == DESCRIPTOR["title"]
    assert citation["authors"] == [{"name": "labour2016 contributors"}]
    assert citation["license"] == DESCRIPTOR["licenses"][0]["name"] == "ODC-By-1.0"
    assert [str(k) for k in citation["keywords"]] == DESCRIPTOR["keywords"]
    assert isinstance(citation["date-released"], datetime.date)
    # Nothing invented: no address or identifier until one exists.
    assert not {"url", "repository-code", "doi", "identifiers"} & set(citation)


def test_changelog_has_the_current_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    assert re.search(rf"^## \[{re.escape(VERSION)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M)


def test_licence_covers_code_data_and_quotations():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "ODC-By-1.0" in text and DESCRIPTOR["licenses"][0]["path"] in text
    assert "Quotations" in text and "does not redistribute" in text


def test_ci_runs_the_readme_commands_on_both_pythons():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    assert set(workflow[True]) == {"push", "pull_request"}  # YAML 1.1 reads the key `on` as True
    job = workflow["jobs"]["test"]
    assert job["runs-on"] == "ubuntu-latest"
    assert job["strategy"]["matrix"]["python-version"] == ["3.11", "3.12"]
    runs = [step.get("run", "") for step in job["steps"]]
    assert any(r.startswith("make test") for r in runs)


def test_readme_links_the_documentation_and_keeps_the_two_command_quick_start():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in ("docs/data-dictionary.md", "docs/datasheet.md", "CHANGELOG.md", "CITATION.cff", "LICENSE",
                   "CONTRIBUTING.md"):
        assert f"]({target})" in readme and (ROOT / target).is_file(), target
    quick_start = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in quick_start.strip().splitlines()] == [["make", "#"], ["make", "test"]]
