"""Where the data package lives and what its descriptor says.

The package is found in one of two places: a source checkout (datapackage.json two
levels above this file) or the copy shipped inside the wheel (``labour2016/package``).
Nothing here imports pandas, pandera or duckdb, so every command can afford it.
"""
from __future__ import annotations

import os
from pathlib import Path

from . import model as _model
from .model import DESCRIPTOR

HERE = Path(__file__).resolve().parent
SOURCES_ENV = "LABOUR2016_SOURCES"


def root() -> Path:
    """The folder holding datapackage.json: the checkout first, then the installed copy."""
    for candidate in (HERE.parent.parent, HERE / "package"):
        if (candidate / DESCRIPTOR).is_file():
            return candidate
    raise FileNotFoundError("labour2016: no datapackage.json in the checkout or the installed package")


def model(base: Path | None = None, descriptor: str = DESCRIPTOR) -> _model.Package:
    """The parsed model of the package at base; this package's own is read once per process
    (another may be edited between two reads, as tests do)."""
    if base is not None:
        return _model.load(Path(base).resolve(), descriptor)
    global _OWN
    if _OWN is None:
        _OWN = _model.load(root())
    return _OWN


_OWN: _model.Package | None = None


def version() -> str:
    return model().version


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
