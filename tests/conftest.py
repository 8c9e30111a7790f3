import csv
from pathlib import Path

import pytest

from labour2016 import package

ROOT = package.root()

# `make check`, the edit loop, runs these modules (marked `check`), less any test marked `slow`:
# the derived files, the views' contracts and real values, the spelling of figures, the command
# line, the pins. The validation rules' own tests, the builds, the browser, the wheel, R, the
# servers and the README runs are left to `make test`.
CHECK_MODULES = {"test_card", "test_cli", "test_constraints", "test_dictionary_cli", "test_docs", "test_downstream",
                 "test_package", "test_release", "test_spelling", "test_validate_parts", "test_view_contracts",
                 "test_views"}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.module.__name__ in CHECK_MODULES:
            item.add_marker(pytest.mark.check)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def read_table(name: str, base: Path = ROOT) -> list[dict]:
    with open(base / "data" / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def tables() -> dict[str, list[dict]]:
    return {name: read_table(name) for name in package.model().resources}


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    found = package.sources_dir()  # a $LABOUR2016_SOURCES that names no folder is an error, not a skip
    if found is None:
        pytest.skip(
            "source texts not available: set LABOUR2016_SOURCES or put shared/sources beside the checkout"
        )
    return found


def duckdb_cli() -> str | None:
    """The `duckdb` CLI binary: $DUCKDB_CLI, then the venv's (pip install duckdb-cli), then PATH."""
    import os
    import shutil
    import sys

    beside = Path(sys.executable).parent / "duckdb"
    return os.environ.get("DUCKDB_CLI") or (str(beside) if beside.exists() else shutil.which("duckdb"))


@pytest.fixture(scope="session")
def duckdb_bin() -> str:
    found = duckdb_cli()
    if not found:
        pytest.skip("no duckdb CLI binary (pip install duckdb-cli, i.e. the `test` extra, or set DUCKDB_CLI)")
    return found


def copy_package(dest: Path, parts=("datapackage.json", "schemas", "data", "queries")) -> Path:
    """A copy of the package (descriptor, schemas, data, SQL) at dest, to corrupt or modify."""
    import shutil

    dest.mkdir(parents=True, exist_ok=True)
    for name in parts:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    return dest


def build(out: Path, *extra: str):
    """`labour2016 build --out out`, as a user runs it."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "labour2016.cli", "build", "--out", str(out), *extra],
                          capture_output=True, text=True)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """One build of the package for the session: (its output folder, the finished process)."""
    out = tmp_path_factory.mktemp("build") / "out"
    p = build(out)
    assert p.returncode == 0, p.stderr
    return out, p
