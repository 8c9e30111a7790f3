"""`labour2016 validate` on a tmp copy of the package: pristine passes, each corruption is
reported with its file, line and rule, and the command never crashes or writes."""
import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from labour2016 import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def pkg(tmp_path):
    for part in ("data", "schemas"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    return tmp_path


def run(capsys, *argv):
    code = cli.main(["validate", *map(str, argv), "--format", "json"])
    out = capsys.readouterr().out
    return code, (json.loads(out) if out.strip() else None)


def edit_line(path: Path, line: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], (path, line, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")


def edit_descriptor(pkg: Path, resource: str, key: str, value) -> None:
    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    next(r for r in d["resources"] if r["name"] == resource)[key] = value
    (pkg / "datapackage.json").write_text(json.dumps(d, indent=2), encoding="utf-8")


def edit_field(schema, field, **changes):
    def apply(p):
        f = p / schema
        d = json.loads(f.read_text(encoding="utf-8"))
        target = next(x for x in d["fields"] if x["name"] == field)
        for key, value in changes.items():
            target.setdefault("constraints", {}).update(value) if key == "constraints" else target.update({key: value})
        f.write_text(json.dumps(d, indent=2), encoding="utf-8")
    return apply


def line_edit(file, line, old, new):
    return lambda p: edit_line(p / file, line, old, new)


def truncate_row(p):
    lines = (p / "data/candidates.csv").read_text(encoding="utf-8").split("\n")
    lines[2] = ",".join(lines[2].split(",")[:2])
    (p / "data/candidates.csv").write_text("\n".join(lines), encoding="utf-8")


def extra_column(p):
    f = p / "data/candidates.csv"
    lines = [ln + ",x" if ln else ln for ln in f.read_text(encoding="utf-8").split("\n")]
    f.write_text("\n".join(lines), encoding="utf-8")


def bad_bytes(p):
    f = p / "data/entities.csv"
    lines = f.read_bytes().split(b"\n")
    lines[4] += b" \xff\xfe"
    f.write_bytes(b"\n".join(lines))


def malformed_json(p):
    f = p / "datapackage.json"
    f.write_text(f.read_text(encoding="utf-8").replace('"name": "labour2016",', '"name": "labour2016"', 1),
                 encoding="utf-8")


def both(*edits):
    def apply(p):
        for e in edits:
            e(p)
    return apply


def parts_vs_total(p):
    edit_line(p / "data/electorate.csv", 13, "640000,\"640,000\"", "6405000,\"6,405,000\"")


CORRUPTIONS = {
    "duplicate key": (line_edit("data/entities.csv", 3, "plp,Parliamentary Labour Party", "labour-party,Parliamentary Labour Party"),
                      "data/entities.csv", 3, "primary-key"),
    "dangling entity ref": (line_edit("data/elections.csv", 2, "2016-09-24,jeremy-corbyn", "2016-09-24,jeremy-corbin"),
                            "data/elections.csv", 2, "foreign-key"),
    "dangling source_id": (line_edit("data/events.csv", 2, "independent-2016-06-28-no-confidence", "no-such-source"),
                           "data/events.csv", 2, "foreign-key"),
    "dangling composite candidate": (line_edit("data/votes.csv", 2, "jeremy-corbyn", "andy-burnham"),
                                     "data/votes.csv", 2, "foreign-key"),
    "candidate not in election": (line_edit("data/endorsements.csv", 2, ",owen-smith,", ",andy-burnham,"),
                                  "data/endorsements.csv", 2, "candidate-not-in-contest"),
    "negative count": (line_edit("data/nominations.csv", 2, ",count,,285,285,", ",count,,-285,285,"),
                       "data/nominations.csv", 2, "constraint-error/minimum"),
    "share as a fraction": (line_edit("data/votes.csv", 4, ",61.8,61.8 per cent,", ",0.618,61.8 per cent,"),
                            "data/votes.csv", 4, "evidence-figure"),
    "share over 100": (line_edit("data/endorsements.csv", 2, "more_than,60,60%", "more_than,160,60%"),
                       "data/endorsements.csv", 2, "constraint-error/maximum"),
    "vote share over 100": (line_edit("data/votes.csv", 6, "share_pct,38.2,38.2%", "share_pct,138.2,138.2%"),
                            "data/votes.csv", 6, "constraint-error/maximum"),
    "enum typo": (line_edit("data/figures.csv", 2, ",members,18000,members,", ",members,18000,membres,"),
                  "data/figures.csv", 2, "constraint-error/enum"),
    "bad slug pattern": (line_edit("data/entities.csv", 2, "labour-party,", "Labour_Party,"),
                         "data/entities.csv", 2, "constraint-error/pattern"),
    "bad sha256 pattern": (lambda p: _sha(p, "XYZ"), "data/sources.csv", 2, "constraint-error/pattern"),
    "required empty": (line_edit("data/entities.csv", 2, ",Labour Party,", ",,"),
                       "data/entities.csv", 2, "constraint-error/required"),
    "text in a number column": (line_edit("data/electorate.csv", 3, ",1042,", ",lots,"),
                                "data/electorate.csv", 3, "type-error"),
    "bad boolean": (line_edit("data/candidates.csv", 2, ",true,", ",yes,"), "data/candidates.csv", 2, "type-error"),
    "bad date": (line_edit("data/events.csv", 2, "2016-06-28", "2016-13-28"), "data/events.csv", 2, "type-error"),
    "stated_as not in evidence": (line_edit("data/figures.csv", 2, "18000,members,\"18,000\"", "19000,members,\"19,000\""),
                                  "data/figures.csv", 2, "stated-as"),
    "value differs from stated_as": (line_edit("data/figures.csv", 2, ",18000,", ",18500,"),
                                     "data/figures.csv", 2, "evidence-figure"),
    "endorsement figure differs": (line_edit("data/endorsements.csv", 2, ",43000,", ",44000,"),
                                   "data/endorsements.csv", 2, "evidence-figure"),
    "ragged (truncated) row": (truncate_row, "data/candidates.csv", 3, "missing-cell"),
    "extra column": (extra_column, "data/candidates.csv", 1, "header-error"),
    "renamed header": (line_edit("data/candidates.csv", 1, "candidate_id", "candidate"), "data/candidates.csv", 1, "header-error"),
    "bad UTF-8 bytes": (bad_bytes, "data/entities.csv", 5, "encoding-error"),
    "empty file": (lambda p: (p / "data/events.csv").write_text(""), "data/events.csv", 1, "empty-file"),
    "missing CSV": (lambda p: (p / "data/events.csv").unlink(), "data/events.csv", None, "missing-file"),
    "missing schema file": (lambda p: (p / "schemas/events.schema.json").unlink(),
                            "schemas/events.schema.json", None, "missing-file"),
    "unsafe path": (lambda p: edit_descriptor(p, "events", "path", "../x.csv"), "datapackage.json", None, "unsafe-path"),
    "absolute path": (lambda p: edit_descriptor(p, "events", "path", "/etc/passwd"), "datapackage.json", None, "unsafe-path"),
    "URL path": (lambda p: edit_descriptor(p, "events", "path", "https://example.com/x.csv"),
                 "datapackage.json", None, "unsafe-path"),
    "unsafe schema path": (lambda p: edit_descriptor(p, "events", "schema", "../events.schema.json"),
                           "datapackage.json", None, "unsafe-path"),
    "malformed JSON": (malformed_json, "datapackage.json", None, "json-error"),
    "malformed schema JSON": (lambda p: (p / "schemas/events.schema.json").write_text("{\"fields\": [", encoding="utf-8"),
                              "schemas/events.schema.json", None, "json-error"),
    "unknown field type": (edit_field("schemas/events.schema.json", "date", type="when"),
                           "schemas/events.schema.json", None, "schema-error"),
    "field type not checked": (edit_field("schemas/events.schema.json", "date", type="year"),
                               "schemas/events.schema.json", None, "schema-error"),
    "constraint not enforced": (edit_field("schemas/votes.schema.json", "value", constraints={"exclusiveMinimum": 0}),
                                "schemas/votes.schema.json", None, "schema-error"),
    "invalid pattern": (edit_field("schemas/entities.schema.json", "entity_id", constraints={"pattern": "^[a-z"}),
                        "schemas/entities.schema.json", None, "schema-error"),
    "unique constraint broken": (edit_field("schemas/candidates.schema.json", "election_id", constraints={"unique": True}),
                                 "data/candidates.csv", 3, "unique-error/unique"),
    "parts vs total": (parts_vs_total, "data/electorate.csv", 13, "parts-vs-total"),
    "shares not summing to 100": (line_edit("data/votes.csv", 21, ",59,59%,", ",69,69%,"), "data/votes.csv", 21, "sum-100"),
    "share disagrees with counts": (both(line_edit("data/votes.csv", 21, ",59,59%,", ",69,69%,"),
                                         line_edit("data/votes.csv", 23, ",41,41%,", ",31,31%,")),
                                    "data/votes.csv", 21, "share-vs-counts"),
    "votes vs valid votes": (line_edit("data/electorate.csv", 5, ",506438,\"506,438\"", ",516438,\"516,438\""),
                             "data/electorate.csv", 5, "parts-vs-total"),
    "turnout disagrees": (line_edit("data/electorate.csv", 2, ",77.6,77.6%,", ",79.6,79.6%,"),
                          "data/electorate.csv", 2, "turnout"),
}


def _sha(p, value):
    f = p / "data/sources.csv"
    rows = list(csv.reader(io.StringIO(f.read_text(encoding="utf-8"), newline="")))
    rows[1][rows[0].index("sha256")] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    f.write_text(buf.getvalue(), encoding="utf-8")


def assert_reported(report, file, line, rule):
    """rule: frictionless' error type, or "constraint-error/NAME" for the constraint broken."""
    rule, _, constraint = rule.partition("/")
    hits = [p for p in report["problems"] if p["file"] == file and p["rule"] == rule
            and (line is None or p["line"] == line) and (p["constraint"] == (constraint or None))]
    assert hits, json.dumps(report["problems"], indent=1, ensure_ascii=False)
    for p in report["problems"]:
        assert set(p) == {"file", "line", "column", "value", "rule", "message", "hint", "constraint"}
        assert p["message"] and p["hint"]


@pytest.mark.parametrize("name", list(CORRUPTIONS))
def test_corruption_is_reported(pkg, capsys, name):
    corrupt, file, line, rule = CORRUPTIONS[name]
    corrupt(pkg)
    code, report = run(capsys, pkg, "--no-sources")
    assert code == 1
    assert report["valid"] is False and report["error_count"] == len(report["problems"]) > 0
    assert_reported(report, file, line, rule)


@pytest.fixture
def src_copy(sources_dir, tmp_path):
    dest = tmp_path / "sources"
    shutil.copytree(sources_dir, dest)
    return dest


SOURCE_CORRUPTIONS = {
    "altered statement text": (line_edit("data/statements.csv", 2, "said this was not a great result",
                                         "said this was a great result"), "data/statements.csv", 2, "span-not-in-source"),
    "evidence not in source": (line_edit("data/figures.csv", 2, "now counting 18,000 members", "now counting 18,000 members!"),
                               "data/figures.csv", 2, "span-not-in-source"),
}


@pytest.mark.parametrize("name", list(SOURCE_CORRUPTIONS))
def test_source_corruption_is_reported(pkg, src_copy, capsys, name):
    corrupt, file, line, rule = SOURCE_CORRUPTIONS[name]
    corrupt(pkg)
    code, report = run(capsys, pkg, "--sources", src_copy)
    assert code == 1 and report["sources_checked"]
    assert_reported(report, file, line, rule)


def _source_row(pkg, name):
    rows = list(csv.DictReader(io.StringIO((pkg / "data/sources.csv").read_text(encoding="utf-8"), newline="")))
    i = next(i for i, r in enumerate(rows) if r["source_id"] == name)
    return rows[i], i + 2


def test_source_hash_mismatch(pkg, src_copy, capsys):
    row, line = _source_row(pkg, "labourlist-2016-09-24-result")
    with open(src_copy / row["path"], "a", encoding="utf-8") as f:
        f.write("an added line\n")
    code, report = run(capsys, pkg, "--sources", src_copy)
    assert code == 1
    assert_reported(report, "data/sources.csv", line, "source-hash")


def test_missing_source_file(pkg, src_copy, capsys):
    row, line = _source_row(pkg, "gulftimes-2016-09-24-corbyn-wins")
    (src_copy / row["path"]).unlink()
    code, report = run(capsys, pkg, "--sources", src_copy)
    assert code == 1
    assert_reported(report, "data/sources.csv", line, "source-missing")


def test_pristine_is_valid_without_sources(pkg, capsys):
    code, report = run(capsys, pkg, "--no-sources")
    assert (code, report["problems"], report["sources_checked"]) == (0, [], False)


def test_pristine_is_valid_with_sources(pkg, src_copy, capsys):
    code, report = run(capsys, pkg / "datapackage.json", "--sources", src_copy)
    assert (code, report["problems"], report["sources_checked"]) == (0, [], True)


def test_text_report(pkg, capsys):
    edit_line(pkg / "data/votes.csv", 4, ",61.8,61.8 per cent,", ",0.618,61.8 per cent,")
    assert cli.main(["validate", str(pkg), "--no-sources"]) == 1
    out = capsys.readouterr().out
    assert "data/votes.csv:4 [value] '0.618': evidence-figure — " in out and "(hint: " in out
    assert "problems in" in out.splitlines()[-1]


def test_crlf_is_valid(pkg, capsys):
    for f in (pkg / "data").glob("*.csv"):
        f.write_bytes(f.read_bytes().replace(b"\n", b"\r\n"))
    code, report = run(capsys, pkg, "--no-sources")
    assert (code, report["problems"]) == (0, [])


def test_shuffled_rows_are_valid(pkg, capsys):
    rng = random.Random(2016)
    for f in (pkg / "data").glob("*.csv"):
        rows = list(csv.reader(io.StringIO(f.read_text(encoding="utf-8"), newline="")))
        body = rows[1:]
        rng.shuffle(body)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([rows[0], *body])
        f.write_text(buf.getvalue(), encoding="utf-8")
    code, report = run(capsys, pkg, "--no-sources")
    assert (code, report["problems"]) == (0, [])


def test_multiline_field_keeps_physical_lines(pkg, capsys):
    edit_line(pkg / "data/statements.csv", 2, "Labour MP Neil Coyle,Labour MP", "\"Labour MP\nNeil Coyle\",Labour MP")
    edit_line(pkg / "data/statements.csv", 5, ",", ",")
    lines = (pkg / "data/statements.csv").read_text(encoding="utf-8").split("\n")
    row = lines[4].split(",")
    row[0] = "BAD ID"
    lines[4] = ",".join(row)
    (pkg / "data/statements.csv").write_text("\n".join(lines), encoding="utf-8")
    code, report = run(capsys, pkg, "--no-sources")
    assert code == 1
    assert_reported(report, "data/statements.csv", 5, "constraint-error/pattern")


def test_nonexistent_path_exits_2(tmp_path, capsys):
    assert cli.main(["validate", str(tmp_path / "nowhere")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_folder_without_descriptor_exits_2(tmp_path, capsys):
    assert cli.main(["validate", str(tmp_path)]) == 2


def test_bad_option_exits_2(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["validate", "--format", "xml"])
    assert e.value.code == 2


@pytest.mark.parametrize("name", ["malformed JSON", "bad UTF-8 bytes", "ragged (truncated) row"])
def test_subprocess_no_traceback(pkg, name):
    CORRUPTIONS[name][0](pkg)
    exe = Path(sys.executable).parent / "labour2016"
    r = subprocess.run([str(exe), "validate", str(pkg), "--no-sources"], capture_output=True, text=True,
                       env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert r.returncode == 1
    assert "Traceback" not in r.stderr + r.stdout


def test_validate_writes_nothing(pkg, capsys):
    """Neither a run with the source texts on a valid package nor one on a corrupted copy writes."""
    def snapshot():
        return {p: p.stat().st_mtime_ns for p in sorted(pkg.rglob("*"))}

    before = snapshot()
    run(capsys, pkg)
    assert snapshot() == before
    edit_line(pkg / "data/votes.csv", 4, ",61.8,", ",0.618,")
    before = snapshot()
    run(capsys, pkg, "--no-sources")
    assert snapshot() == before


def test_progress_names_each_step_on_stderr_only_when_asked(capsys):
    from labour2016.validate import STEPS

    assert cli.main(["validate", str(ROOT), "--no-sources", "--progress"]) == 0
    shown = capsys.readouterr()
    steps = [line.split()[-2] for line in shown.err.splitlines()]
    assert steps == list(STEPS) and "valid (16 tables" in shown.out
    assert cli.main(["validate", str(ROOT), "--no-sources", "--no-progress"]) == 0
    assert capsys.readouterr().err == ""
