"""One rule chooses the package for validate, query and build (package.locate), and one the
source texts (package.sources_dir): --package DIR, else the folder you stand in, else the
installed package; a sources folder that was named but is missing is exit 2 everywhere."""
import json
import os
import subprocess
import sys

import duckdb
import pytest

from conftest import ROOT, copy_package
from labour2016 import package

L16 = [sys.executable, "-m", "labour2016.cli"]
EDITED = "select count(*) from votes where notes = 'edited copy'"


def run(*args, cwd=None, env=None):
    return subprocess.run([*L16, *args], capture_output=True, text=True, cwd=cwd, timeout=60,
                          env={**os.environ, **(env or {})})


@pytest.fixture
def edited(tmp_path):
    """A copy of the package that validate still accepts, with one note changed."""
    pkg = copy_package(tmp_path / "pkg")
    votes = pkg / "data" / "votes.csv"
    text = votes.read_text(encoding="utf-8")
    row = "labourlist-2016-09-24-result,winning over 60 per cent of the vote,\n"
    assert text.count(row) == 1
    votes.write_text(text.replace(row, row[:-1] + "edited copy\n"), encoding="utf-8")
    return pkg


def test_locate_explicit_folder_file_current_folder_then_installed(edited, tmp_path, monkeypatch):
    assert package.locate(edited) == (edited, edited / "datapackage.json")
    assert package.locate(edited / "datapackage.json") == (edited, edited / "datapackage.json")
    monkeypatch.chdir(edited)
    assert package.locate() == (edited, edited / "datapackage.json")
    monkeypatch.chdir(tmp_path)
    assert package.locate() == (package.root(), package.root() / "datapackage.json")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        package.locate(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="no datapackage.json in"):
        package.locate(tmp_path)


def test_query_reads_the_package_of_the_current_folder_or_of_package(edited, tmp_path):
    assert run("query", EDITED, "--format", "csv", cwd=edited).stdout == "count_star()\n1\n"
    assert run("query", EDITED, "--format", "csv", "--package", str(edited), cwd=tmp_path).stdout.endswith("\n1\n")
    assert run("query", EDITED, "--format", "csv", cwd=tmp_path).stdout.endswith("\n0\n")  # the installed one


def test_build_reads_the_package_of_the_current_folder(edited, tmp_path):
    p = run("build", "--out", str(tmp_path / "out"), cwd=edited)
    assert p.returncode == 0, p.stderr
    votes = str(tmp_path / "out" / "parquet" / "votes.parquet")
    assert duckdb.sql(f"select count(*) from '{votes}' where notes = 'edited copy'").fetchall() == [(1,)]


def test_validate_reads_the_package_of_the_current_folder(edited):
    p = run("validate", "--no-sources", "--format", "json", cwd=edited)
    assert p.returncode == 0 and json.loads(p.stdout)["package"] == str(edited)


@pytest.mark.parametrize("command", ["query", "build"])
def test_package_that_is_not_a_package_is_exit_2(command, tmp_path):
    args = ["select 1"] if command == "query" else ["--out", str(tmp_path / "out")]
    for where, message in [(tmp_path / "nowhere", "does not exist"), (tmp_path, "no datapackage.json in")]:
        p = run(command, *args, "--package", str(where))
        assert p.returncode == 2 and message in p.stderr and "Traceback" not in p.stderr and p.stdout == ""


def test_validate_checks_the_descriptor_file_it_is_given(tmp_path):
    pkg = copy_package(tmp_path / "pkg")
    other = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    del other["resources"]
    (pkg / "other.json").write_text(json.dumps(other), encoding="utf-8")
    p = run("validate", str(pkg / "other.json"), "--no-sources", "--format", "json")
    report = json.loads(p.stdout)
    assert p.returncode == 1 and [(x["file"], x["message"]) for x in report["problems"]] == [
        ("other.json", "no resources list")]
    assert run("validate", str(pkg / "datapackage.json"), "--no-sources").returncode == 0


@pytest.mark.parametrize("how", ["argument", "variable"])
def test_a_missing_sources_folder_is_exit_2_with_a_json_report(how, tmp_path):
    missing = tmp_path / "no-such-folder"
    args, env = ((["--sources", str(missing)], {}) if how == "argument"
                 else ([], {package.SOURCES_ENV: str(missing)}))
    p = run("validate", str(ROOT), *args, "--format", "json", env=env)
    origin = "--sources" if how == "argument" else "$LABOUR2016_SOURCES"
    message = f"{origin} names {missing}, which is not a folder"
    assert p.returncode == 2 and p.stderr == f"labour2016 validate: {message}\n"
    assert json.loads(p.stdout) == {"valid": False, "error_count": 0, "package": None, "cannot_run": message,
                                    "problems": []}
    with pytest.raises(FileNotFoundError, match="not a folder"):
        package.sources_dir(missing)


def test_a_missing_package_is_exit_2_with_a_json_report(tmp_path):
    p = run("validate", str(tmp_path / "nowhere"), "--format", "json")
    assert p.returncode == 2 and json.loads(p.stdout)["cannot_run"] == f"{tmp_path / 'nowhere'} does not exist"


def test_query_and_build_read_another_package_only_if_validate_accepts_it(tmp_path):
    bad = copy_package(tmp_path / "bad")
    votes = bad / "data" / "votes.csv"
    votes.write_text(votes.read_text(encoding="utf-8").replace(",313209,", ",not-a-number,", 1), encoding="utf-8")
    for args in (["query", "select count(*) from votes"], ["build", "--out", str(tmp_path / "out")]):
        p = run(*args, "--package", str(bad))
        assert p.returncode == 1 and p.stdout == "" and "Traceback" not in p.stderr
        assert "data/votes.csv:3 [value] 'not-a-number'" in p.stderr
    assert not (tmp_path / "out" / "labour2016.duckdb").exists()


def test_query_and_build_take_a_descriptor_file(edited, tmp_path):
    (edited / "datapackage.json").rename(edited / "other.json")
    p = run("query", EDITED, "--format", "csv", "--package", str(edited / "other.json"), cwd=tmp_path)
    assert p.returncode == 0 and p.stdout.endswith("\n1\n"), p.stderr
    p = run("build", "--out", str(tmp_path / "out"), "--package", str(edited / "other.json"), cwd=tmp_path)
    assert p.returncode == 0, p.stderr
