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
# The --package/path help of every command that takes one; locate() is what it describes.
LOCATE_HELP = ("folder holding datapackage.json, or a descriptor file (default: the current folder if it has "
               "one, else the installed package)")


def root() -> Path:
    """The folder holding datapackage.json: the checkout first, then the installed copy."""
    for candidate in (HERE.parent.parent, HERE / "package"):
        if (candidate / DESCRIPTOR).is_file():
            return candidate
    raise FileNotFoundError("labour2016: no datapackage.json in the checkout or the installed package")


def locate(path: str | os.PathLike | None = None) -> tuple[Path, Path]:
    """(package folder, descriptor file) for a command: the one place that chooses the package.

    An explicit folder (which must hold datapackage.json) or descriptor file, else the current
    folder when it holds datapackage.json, else this package (checkout or installed copy), so
    that validate, query and build always read the same package.
    """
    if path is None:
        here = Path.cwd()
        folder = here if (here / DESCRIPTOR).is_file() else root()
        return folder.resolve(), folder.resolve() / DESCRIPTOR
    p = Path(path)
    if p.is_dir():
        if not (p / DESCRIPTOR).is_file():
            raise FileNotFoundError(f"no {DESCRIPTOR} in {p}")
        return p.resolve(), p.resolve() / DESCRIPTOR
    if p.is_file():
        return p.resolve().parent, p.resolve()
    raise FileNotFoundError(f"{p} does not exist")


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
    """The folder of archived source texts, or None when none is configured or beside a checkout.

    Order: an explicit path, then $LABOUR2016_SOURCES, then ../shared/sources beside a checkout.
    A folder that was asked for (explicitly or in the variable) and is missing is an error, not
    a quiet skip: a typo must not turn the source checks off.
    """
    asked = [(explicit, "--sources"), (os.environ.get(SOURCES_ENV), f"${SOURCES_ENV}")]
    for value, origin in asked:
        if value:
            folder = Path(value)
            if not folder.is_dir():
                raise FileNotFoundError(f"{origin} names {folder}, which is not a folder")
            return folder
    beside = HERE.parent.parent.parent / "shared" / "sources"
    return beside if beside.is_dir() else None
