"""Every checked-in file derived from the data, regenerated (or checked) by one command.

`labour2016 docs` (`make docs`) runs these steps in order, each reading what the ones before it
wrote, so after an edit to data/, schemas/ or queries/views/ one command brings them all up to date:

1. queries/views.sql, assembled from its parts (labour2016.sqlgen);
2. docs/data-dictionary.md, the datasheet's composition block and datapackage.json's `sources`
   (labour2016.dictionary);
3. views/NAME.csv, the view snapshots the dataset card names (labour2016.card), and
   queries/views.bound, the fingerprint of what the views were bound over (validate's views step);
4. README.md: the dataset card (its YAML front matter) and every example's output, which
   carries the counts (labour2016.card, labour2016.readme);
5. docs/charts/ (labour2016.charts; needs matplotlib, skipped with a note without it).

With check, nothing is written: each stale file is named with the command that fixes it. The
tests check each file on its own, with the same message.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from . import card, catalog, dictionary, package, readme, sqlgen
from .atomic import write_atomic
from .problems import Exit

FIX = "run `make docs` (labour2016 docs) and commit the result"


def _views_sql(root: Path) -> dict[Path, str]:
    return {root / sqlgen.VIEWS_SQL: sqlgen.assemble(root)}


def _dictionary(root: Path) -> dict[Path, str]:
    return dictionary.expected(root / "docs", package.model(root))


def snapshots(root: Path) -> dict[Path, str]:
    """views/NAME.csv for every view, as the package's views.sql answers, and, the views having
    bound, queries/views.bound (labour2016.validate.views)."""
    from . import api, bounds
    from .validate import views

    # bounded as build's connection is: a package whose views' self-joins grow with its size
    # spills to disk instead of exhausting the machine
    pkg = package.model(root)
    with bounds.Workspace("docs") as workspace:
        con = api.open_model(pkg, safe=False, **workspace.bounds)
        try:
            out = {root / card.snapshot_path(v): card.snapshot(con, v) for v in catalog.views(root)}
        finally:
            con.close()
    return out | {root / views.BOUND: views.fingerprint(pkg) + "\n"}


def readme_text(root: Path, sources: Path | None, examples: bool = True) -> dict[Path, str]:
    """README.md with its dataset card and (with examples) its example outputs as they are now."""
    path = root / "README.md"
    text = card.splice(path.read_text(encoding="utf-8"), card.front_matter(package.model(root), catalog.views(root)))
    return {path: readme.regenerate(text, root, sources) if examples else text}


def _charts(root: Path) -> dict[Path, bytes]:
    """The charts whose drawing no longer matches the data (charts carry a fingerprint of it)."""
    from . import charts

    out = {}
    for chart in charts.draw():
        for fmt in charts.FORMATS:
            path = root / "docs" / "charts" / f"{chart.name}.{fmt}"
            if charts.carried_fingerprint(path) != charts.fingerprint(chart):
                out[path] = charts.render(chart, fmt)
    return out


def _has_matplotlib() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def steps(root: Path, sources: Path | None) -> Iterator[tuple[str, Callable[[], dict[Path, str | bytes]]]]:
    yield "queries/views.sql", lambda: _views_sql(root)
    yield "docs/data-dictionary.md, docs/datasheet.md, datapackage.json sources", lambda: _dictionary(root)
    yield "views/*.csv, queries/views.bound", lambda: snapshots(root)
    yield "README.md (dataset card, example outputs)", lambda: readme_text(root, sources)
    if _has_matplotlib():
        yield "docs/charts", lambda: _charts(root)
    else:
        print("labour2016 docs: docs/charts skipped: drawing them needs matplotlib "
              "(pip install 'labour2016[charts]')", file=sys.stderr)


def _current(path: Path, content: str | bytes) -> bool:
    if not path.is_file():
        return False
    return (path.read_text(encoding="utf-8") if isinstance(content, str) else path.read_bytes()) == content


def run(root: Path, sources: Path | None, check: bool = False) -> int:
    """Regenerate (or with check, verify) every derived file; Exit.PROBLEMS when one is stale (check)."""
    stale = []
    for label, produce in steps(root, sources):
        wrote = False
        for path, content in produce().items():
            if _current(path, content):
                continue
            shown = path.relative_to(root)
            if check:
                stale.append(path)
                print(f"stale: {shown} ({FIX})", file=sys.stderr)
            else:
                write_atomic(path, content)
                print(f"wrote {shown}")
                wrote = True
        # a step whose files were written says so above; "up to date" only for one left as it was
        if not check and not wrote:
            print(f"up to date: {label}", file=sys.stderr)
    if sources is None:
        print("labour2016 docs: README's validate example with the source texts was not re-run: "
              "no source texts found (--sources DIR or LABOUR2016_SOURCES)", file=sys.stderr)
    return Exit.PROBLEMS if stale else Exit.OK
