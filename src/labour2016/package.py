"""Where the data package lives and what its descriptor says.

The package is found in one of two places: a source checkout (datapackage.json two
levels above this file) or the copy shipped inside the wheel (``labour2016/package``).
Nothing here imports pandas, pandera or duckdb, so every command can afford it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
DESCRIPTOR = "datapackage.json"
SOURCES_ENV = "LABOUR2016_SOURCES"


def root() -> Path:
    """The folder holding datapackage.json: the checkout first, then the installed copy."""
    for candidate in (HERE.parent.parent, HERE / "package"):
        if (candidate / DESCRIPTOR).is_file():
            return candidate
    raise FileNotFoundError("labour2016: no datapackage.json in the checkout or the installed package")


def descriptor(base: Path | None = None) -> dict:
    with open((base or root()) / DESCRIPTOR, encoding="utf-8") as f:
        return json.load(f)


def version() -> str:
    return descriptor()["version"]


def table_schema(resource: dict, base: Path | None = None) -> dict:
    """A resource's Table Schema, inline or from its schema path."""
    schema = resource["schema"]
    if isinstance(schema, str):
        with open((base or root()) / schema, encoding="utf-8") as f:
            return json.load(f)
    return schema


def resources(base: Path | None = None) -> dict[str, dict]:
    """Resource name -> resource descriptor, in descriptor order."""
    return {r["name"]: r for r in descriptor(base)["resources"]}


def read_rows(name: str, base: Path | None = None) -> list[dict]:
    """A table's CSV rows as dicts of strings (an empty cell is "")."""
    import csv

    base = base or root()
    with open(base / resources(base)[name]["path"], encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def sources_dir(explicit: str | os.PathLike | None = None) -> Path | None:
    """The folder of archived source texts, if one is available.

    Order: an explicit path, then $LABOUR2016_SOURCES, then ../shared/sources beside a checkout.
    """
    if explicit:
        return Path(explicit)
    env = os.environ.get(SOURCES_ENV)
    if env:
        return Path(env)
    beside = HERE.parent.parent.parent / "shared" / "sources"
    return beside if beside.is_dir() else None
