"""The built wheel, installed in a fresh virtual environment, works from an empty folder.

The wheel is built from this checkout and installed without its dependencies; the fresh
environment borrows them from the test environment through a .pth file placed after its own
site-packages, so the test runs offline while `labour2016` itself comes from the wheel alone.
"""
import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

import counts
from conftest import ROOT, read_table
from labour2016 import catalog, package

VERSION = package.version()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                           "-q", "-w", str(out), str(ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("labour2016-*.whl")
    return built


@pytest.fixture(scope="module")
def env(wheel, tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # "zz" sorts last, so the borrowed folder comes after the fresh site-packages on sys.path.
    Path(purelib, "zz_borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                           "-q", str(wheel)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return home


def run(env: Path, cwd: Path, *argv: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("LABOUR2016_SOURCES", "PYTHONPATH")}
    return subprocess.run([str(env / "bin" / argv[0]), *argv[1:]], capture_output=True, text=True, cwd=cwd,
                          env=clean)


def test_the_wheel_carries_the_package_and_nothing_else(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    inside = {n.removeprefix("labour2016/package/") for n in names if n.startswith("labour2016/package/")}
    expected = {"datapackage.json", "queries/views.sql"} | {r.path for r in package.model().resources.values()} | \
        {r.schema_path for r in package.model().resources.values()} | \
        {p for v in catalog.views() for p in (v.path, v.schema_path)} | {"queries/macros.sql"}
    assert expected <= inside
    assert "labour2016/cli.py" in names and "labour2016/charts.py" in names
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "docs/", "data/"))]


def test_the_installed_module_is_the_wheels(env, tmp_path):
    done = run(env, tmp_path, "python", "-c", "import labour2016, labour2016.package as p; "
               "print(labour2016.__file__); print(p.root()); print(labour2016.__version__)")
    assert done.returncode == 0, done.stderr
    module, root, version = done.stdout.split()
    assert module.startswith(str(env)) and root.startswith(str(env)) and root.endswith("labour2016/package")
    assert version == VERSION


def test_command_version_and_query_from_an_empty_folder(env, tmp_path):
    assert run(env, tmp_path, "labour2016", "--version").stdout.strip() == f"labour2016 {VERSION}"
    done = run(env, tmp_path, "labour2016", "query", "--format", "json",
               "select votes from results where election_id = 'labour-leadership-2016' "
               "and section = 'members' and candidate_id = 'owen-smith'")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"votes": 116960}]
    assert list(tmp_path.iterdir()) == []


def test_validate_dictionary_and_cite_from_the_wheel(env, tmp_path):
    done = run(env, tmp_path, "labour2016", "validate", "--no-progress")
    rows = sum(len(read_table(name)) for name in package.model().resources)
    assert done.returncode == 0 and f"valid ({counts.TABLES} tables, {rows} rows)" in done.stdout, done.stdout + done.stderr
    assert "source texts not found: sha256 and verbatim-span checks skipped" in done.stdout
    done = run(env, tmp_path, "labour2016", "dictionary", "votes", "margins")
    assert done.returncode == 0 and "| `value` | number | yes | minimum `0` |" in done.stdout
    assert "## view `margins`" in done.stdout and "| `margin_votes` | integer |" in done.stdout
    done = run(env, tmp_path, "labour2016", "cite", "--format", "bibtex")
    assert done.returncode == 0 and f"version = {{{VERSION}}}" in done.stdout


def test_python_api_loads_typed_frames(env, tmp_path):
    done = run(env, tmp_path, "python", "-c",
               "import labour2016; v = labour2016.load('votes'); "
               "s = v[(v.candidate_id == 'owen-smith') & (v.section == 'members') & (v.measure == 'votes')]; "
               "print(len(v), sorted(set(s.value)))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(maxsplit=1) == [str(len(read_table("votes"))), "[116960.0]\n"]


def test_charts_from_the_wheel_match_the_committed_ones(env, tmp_path):
    done = run(env, tmp_path, "labour2016", "chart", "result-2016", "--format", "svg", "--out", "charts")
    assert done.returncode == 0, done.stderr
    drawn = (tmp_path / "charts" / "result-2016.svg").read_text(encoding="utf-8")
    assert "116,960 votes" in drawn
    from labour2016 import charts
    assert charts.carried_fingerprint(tmp_path / "charts" / "result-2016.svg") == \
        charts.carried_fingerprint(ROOT / "docs" / "charts" / "result-2016.svg")
