"""The gate every door other than validate passes: a package is read only if validate accepts it.

`check(root)` runs the same checks as `labour2016 validate --no-sources` and returns the
package model, or raises PackageError carrying validate's report, so build, connect(base=...)
and query refuse exactly what validate refuses.
"""
from __future__ import annotations

from pathlib import Path

from . import model, package

MAX_SHOWN = 20


def check(root: Path, descriptor: str = model.DESCRIPTOR) -> model.Package:
    from .validate import validate

    report = validate(root, None, descriptor=descriptor)
    if report.problems:
        shown = [str(p) for p in report.problems[:MAX_SHOWN]]
        more = len(report.problems) - len(shown)
        raise model.PackageError(
            f"{root}: the package has {len(report.problems)} problem(s), so it is not read "
            f"(the same report as `labour2016 validate {root}`):\n" + "\n".join(shown)
            + (f"\n... and {more} more" if more > 0 else ""), report.problems)
    return report.model or package.model(root, descriptor)
