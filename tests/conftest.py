import csv
from pathlib import Path

import pytest

from labour2016 import package

ROOT = package.root()


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def read_table(name: str, base: Path = ROOT) -> list[dict]:
    with open(base / "data" / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def tables() -> dict[str, list[dict]]:
    return {name: read_table(name) for name in package.resources()}


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    found = package.sources_dir()
    if found is None or not found.is_dir():
        pytest.skip(
            "source texts not available: set LABOUR2016_SOURCES or put shared/sources beside the checkout"
        )
    return found
