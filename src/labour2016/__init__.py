"""labour2016: the 2016 UK Labour Party leadership election as an evidenced data package.

>>> import labour2016
>>> con = labour2016.connect()          # DuckDB connection with every view
>>> votes = labour2016.load("votes")    # a table or view as a pandas DataFrame
"""
from __future__ import annotations

from .package import version as _version

__version__ = _version()
__all__ = ["__version__", "connect", "load"]


def connect(*args, **kwargs):
    """A DuckDB connection with the package's tables and views (see labour2016.api)."""
    from .api import connect as _connect

    return _connect(*args, **kwargs)


def load(name: str, *args, **kwargs):
    """A table or view as a pandas DataFrame, typed by the Table Schema (see labour2016.api)."""
    from .api import load as _load

    return _load(name, *args, **kwargs)
