"""A tiny package to test validate's rules on, one defect at a time, with the defect in the test.

`tiny(tmp_path, votes=VOTES + "...")` builds tmp_path/pkg from the real datapackage.json and
schemas/ (so the package has the real structure and the views can be built over it) with every
table header-only except a minimal valid contest below, and a table given as an argument
replacing it; tmp_path/sources holds its one source text. The contest, its people and its
source text are fictional: test data, not figures of any real election. Row n of a table's
CSV text is on line n + 1 of its file (line 1 is the header, written from the schema).
`problems(pkg)` is the complete list validate reports, as (file, line, column, value, rule) with
a constraint-error's constraint as "constraint-error/maximum".
"""
import hashlib
import json
import shutil
from pathlib import Path

from labour2016 import package
from labour2016.validate import validate

ROOT = package.root()
TEXT_FILE = "fictional-result.txt"
TEXT = (
    "A FICTIONAL REPORT, WRITTEN FOR LABOUR2016'S TESTS: NOTHING IN IT HAPPENED.\n"
    "24 September 2016. Alice Example won 300 votes (60%) to Bob Sample's 200 votes (40%) "
    "in the Test Party's leadership election.\n"
    "Bob Sample said the contest was fair.\n"
)
RAW = TEXT.encode("utf-8")

SOURCES = (
    "fictional-result,A fictional result (test data),Test Gazette,,news_article,2016-09-24,stated,,full_text,"
    f"{TEXT_FILE},{hashlib.sha256(RAW).hexdigest()},{len(RAW)},low,Written for labour2016's tests.\n"
)
ENTITIES = (
    "test-party,Test Party,political_party,A fictional party.,,fictional-result\n"
    "alice-example,Alice Example,person,A fictional candidate.,,fictional-result\n"
    "bob-sample,Bob Sample,person,A fictional candidate.,,fictional-result\n"
)
ELECTIONS = (
    "test-leadership-2016,Test Party leadership election 2016,test-party,leader,2016,2016-09-24,alice-example,"
    "fictional-result,Alice Example won,24 September 2016\n"
)
CANDIDATES = (
    "test-leadership-2016,alice-example,true,stood,,,fictional-result,Alice Example won 300 votes,,,,,\n"
    "test-leadership-2016,bob-sample,false,stood,,,fictional-result,Bob Sample's 200 votes,,,,,\n"
)
VOTES = (
    "test-leadership-2016,all,alice-example,votes,300,300,exact,,fictional-result,Alice Example won 300 votes (60%),\n"
    "test-leadership-2016,all,alice-example,share_pct,60,60%,exact,,fictional-result,Alice Example won 300 votes (60%),\n"
    "test-leadership-2016,all,bob-sample,votes,200,200,exact,,fictional-result,Bob Sample's 200 votes (40%),\n"
    "test-leadership-2016,all,bob-sample,share_pct,40,40%,exact,,fictional-result,Bob Sample's 200 votes (40%),\n"
)
BASE = {"sources": SOURCES, "entities": ENTITIES, "elections": ELECTIONS, "candidates": CANDIDATES, "votes": VOTES}


def tiny(tmp_path: Path, **tables: str) -> Path:
    """The tiny package at tmp_path/pkg: each table's header, then its rows from `tables`, else
    from BASE, else none; its source text at tmp_path/sources."""
    pkg = tmp_path / "pkg"
    pkg.mkdir(parents=True)
    shutil.copy(ROOT / "datapackage.json", pkg / "datapackage.json")
    shutil.copytree(ROOT / "schemas", pkg / "schemas")
    (pkg / "data").mkdir()
    names = package.model().resources
    unknown = set(tables) - set(names)
    assert not unknown, f"no such table: {unknown}"
    for name, resource in names.items():
        rows = tables.get(name, BASE.get(name, ""))
        (pkg / resource.path).write_text(",".join(resource.names) + "\n" + rows, encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / TEXT_FILE).write_bytes(RAW)
    return pkg


def problems(pkg: Path, sources: bool = False) -> list[tuple]:
    """Every problem validate reports on pkg (with its source texts, beside it, when `sources`)."""
    found = validate(pkg, pkg.parent / "sources" if sources else None).problems
    for p in found:
        assert p.message and p.hint, p
    return [(p.file, p.line, p.column, p.as_dict()["value"], "/".join(filter(None, (p.rule, p.constraint))))
            for p in found]


def replace(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in the file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def edit_field(schema: Path, name: str, constraints: dict | None = None, **changes) -> None:
    """Change a field of a Table Schema file: its keys (type=...), and constraints merged into its own."""
    d = json.loads(schema.read_text(encoding="utf-8"))
    field = next(f for f in d["fields"] if f["name"] == name)
    field.update(changes)
    if constraints:
        field.setdefault("constraints", {}).update(constraints)
    schema.write_text(json.dumps(d, indent=2), encoding="utf-8")


def edit_resource(pkg: Path, resource: str, **changes) -> None:
    """Change keys of one resource in the package's datapackage.json."""
    path = pkg / "datapackage.json"
    d = json.loads(path.read_text(encoding="utf-8"))
    next(r for r in d["resources"] if r["name"] == resource).update(changes)
    path.write_text(json.dumps(d, indent=2), encoding="utf-8")
