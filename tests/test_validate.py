"""`labour2016 validate` as a command, on a tmp copy of the package (pristine passes, however its
files are written) and on tests/tiny.py's package: its reports, exit codes and physical lines,
and it never crashes or writes. Each rule's own tests are tests/test_rules_*.py."""
import counts
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
from tiny import problems, tiny

ROOT = Path(__file__).resolve().parent.parent
# A share written as a fraction: 0.6 where the evidence says 60%.
SHARE_AS_A_FRACTION = ("winner-share,,alice-example,winner_share_pct,0.6,percent,60%,exact,test-leadership-2016,"
                       "fictional-result,won 300 votes (60%),\n")


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


@pytest.fixture
def src_copy(sources_dir, tmp_path):
    dest = tmp_path / "sources"
    shutil.copytree(sources_dir, dest)
    return dest


def test_pristine_is_valid_without_sources(pkg, capsys):
    code, report = run(capsys, pkg, "--no-sources")
    assert (code, report["problems"], report["sources_checked"]) == (0, [], False)


def test_pristine_is_valid_with_sources(pkg, src_copy, capsys):
    code, report = run(capsys, pkg / "datapackage.json", "--sources", src_copy)
    assert (code, report["problems"], report["sources_checked"]) == (0, [], True)


def test_json_report(tmp_path, capsys):
    code, report = run(capsys, tiny(tmp_path, figures=SHARE_AS_A_FRACTION), "--no-sources")
    assert (code, report["valid"], report["error_count"]) == (1, False, 1)
    assert set(report["problems"][0]) == {"file", "line", "column", "value", "rule", "message", "hint", "constraint"}
    assert report["problems"][0]["rule"] == "evidence-figure"


def test_text_report(tmp_path, capsys):
    assert cli.main(["validate", str(tiny(tmp_path, figures=SHARE_AS_A_FRACTION)), "--no-sources"]) == 1
    out = capsys.readouterr().out
    assert "data/figures.csv:2 [value] '0.6': evidence-figure — " in out and "(hint: " in out
    assert "1 problem in 1 file" in out.splitlines()[-1]


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


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_multiline_field_keeps_physical_lines(tmp_path, ending):
    # the first statement spans lines 2 and 3, so the second is on line 4
    rows = ('bob-fair,test-leadership-2016,bob-sample,Bob Sample,"the contest\nwas fair",reported_speech,,'
            "fictional-result,\n"
            "BAD ID,test-leadership-2016,,,the contest was fair,reported_speech,,fictional-result,\n")
    pkg = tiny(tmp_path, statements=rows.replace("\n", ending))
    assert problems(pkg) == [("data/statements.csv", 4, "statement_id", "BAD ID", "constraint-error/pattern")]


def test_nonexistent_path_exits_2(tmp_path, capsys):
    assert cli.main(["validate", str(tmp_path / "nowhere")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_folder_without_descriptor_exits_2(tmp_path, capsys):
    assert cli.main(["validate", str(tmp_path)]) == 2


def test_bad_option_exits_2(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["validate", "--format", "xml"])
    assert e.value.code == 2


@pytest.mark.parametrize("corrupt", [
    lambda pkg: (pkg / "datapackage.json").write_text("{", encoding="utf-8"),
    lambda pkg: (pkg / "data/entities.csv").write_bytes((pkg / "data/entities.csv").read_bytes() + b"\xff\n"),
    lambda pkg: (pkg / "data/entities.csv").write_text("entity_id,name\n", encoding="utf-8"),
    lambda pkg: (pkg / "data/candidates.csv").write_text(
        (pkg / "data/candidates.csv").read_text(encoding="utf-8") + "test-leadership-2016\n", encoding="utf-8"),
], ids=["malformed JSON", "bad UTF-8 bytes", "renamed header", "ragged row"])
def test_subprocess_no_traceback(tmp_path, corrupt):
    pkg = tiny(tmp_path)
    corrupt(pkg)
    exe = Path(sys.executable).parent / "labour2016"
    r = subprocess.run([str(exe), "validate", str(pkg), "--no-sources"], capture_output=True, text=True,
                       env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert r.returncode == 1
    assert "Traceback" not in r.stderr + r.stdout


def snapshot(folder):
    return {p: p.stat().st_mtime_ns for p in sorted(folder.rglob("*"))}


def test_validate_writes_nothing(pkg, tmp_path, capsys):
    """Neither a run with the source texts on a valid package nor one on a corrupted one writes."""
    before = snapshot(pkg)
    run(capsys, pkg)
    assert snapshot(pkg) == before
    corrupted = tiny(tmp_path / "tiny", figures=SHARE_AS_A_FRACTION)
    before = snapshot(corrupted)
    assert run(capsys, corrupted, "--no-sources")[0] == 1
    assert snapshot(corrupted) == before


def test_progress_names_each_step_on_stderr_only_when_asked(capsys):
    from labour2016.validate import STEPS

    assert cli.main(["validate", str(ROOT), "--no-sources", "--progress"]) == 0
    shown = capsys.readouterr()
    steps = [line.split()[-2] for line in shown.err.splitlines()]
    # the descriptor, then the files; the other steps run side by side, so start in any order
    assert steps[:2] == ["descriptor", "files"] and sorted(steps) == sorted(STEPS)
    assert f"valid ({counts.TABLES} tables" in shown.out
    assert cli.main(["validate", str(ROOT), "--no-sources", "--no-progress"]) == 0
    assert capsys.readouterr().err == ""


def test_an_interrupted_validate_starts_no_further_step_and_leaves_nothing_behind(monkeypatch, tmp_path):
    # Ctrl-C in a step (or a step that fails) ends validate then, not after every step queued
    # behind it: the steps run side by side, two at a time. Here `constraints`, the first to start, is
    # interrupted, the second holds its thread until released, and at most one more may start (on
    # the interrupted one's thread, before the interruption is seen).
    import tempfile
    import threading

    from labour2016.validate import STEPS, start_order, step_module, validate

    order = start_order([name for name in STEPS if name not in ("descriptor", "files")])
    assert order[0] == "constraints"
    started, release = [], threading.Event()

    def held(name):
        def check():
            started.append(name)
            release.wait(10)
            return []
        return check

    def interrupted():
        started.append("constraints")
        raise KeyboardInterrupt

    for name in order[1:]:
        monkeypatch.setattr(step_module(name), "check", held(name))
    monkeypatch.setattr(step_module("constraints"), "check", interrupted)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the workspace's spill folder goes here
    timer = threading.Timer(2.0, release.set)  # the held steps end; nothing else may have begun
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            validate(ROOT, None)
    finally:
        timer.cancel()
        release.set()
    assert set(order[:2]) <= set(started) <= set(order[:3]), started
    assert not list(tmp_path.iterdir())
