"""The benchmark's synthetic-package generator, at a tiny size, and its report (no benchmark runs here)."""
import csv
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from frictionless import Package

from conftest import ROOT

spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
synth = importlib.util.module_from_spec(spec)
spec.loader.exec_module(synth)

N = 50


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("synth")
    return out, synth.generate(out, N)


def count_rows(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1


def test_fact_tables_have_the_requested_rows(synthetic):
    out, counts = synthetic
    for table in synth.FACT_TABLES:
        assert counts[table] == N
        assert count_rows(out / "data" / f"{table}.csv") == N, table
    elections = count_rows(out / "data" / "elections.csv")
    assert elections == counts["elections"] == count_rows(ROOT / "data" / "elections.csv") * synth.elections_needed(ROOT, N)
    assert count_rows(out / "data" / "candidates.csv") == counts["candidates"]


def test_descriptor_and_schemas_are_copied_unchanged(synthetic):
    out, _ = synthetic
    assert (out / "datapackage.json").read_bytes() == (ROOT / "datapackage.json").read_bytes()
    for schema in (ROOT / "schemas").glob("*.json"):
        assert (out / "schemas" / schema.name).read_bytes() == schema.read_bytes()


def test_synthetic_package_is_valid_per_frictionless(synthetic):
    out, _ = synthetic
    report = Package(str(out / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_synthetic_package_is_valid_per_labour2016_validate(synthetic):
    out, _ = synthetic
    exe = shutil.which("labour2016", path=str(Path(sys.executable).parent)) or "labour2016"
    done = subprocess.run([exe, "validate", "--no-sources", str(out / "datapackage.json")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_copies_use_new_keys(synthetic):
    out, _ = synthetic
    with open(out / "data" / "figures.csv", encoding="utf-8", newline="") as f:
        ids = [r["figure_id"] for r in csv.DictReader(f)]
    assert len(set(ids)) == N and all("-s" in i for i in ids)


def test_each_copy_of_a_poll_is_another_poll(tmp_path):
    """A copy of a poll's rows is another poll, with the copy's suffix, so no poll is reported once
    per copy: discrepancies sets every two reports of a poll side by side (shared, the poll ids
    made 2.7 * 10^13 pairs at 10^5 rows and the build ran out of memory)."""
    def polls(base):
        with open(base / "data" / "polls.csv", encoding="utf-8", newline="") as f:
            return [(r["poll_id"], r["poll_figure_id"]) for r in csv.DictReader(f)]

    real = polls(ROOT)
    synth.generate(tmp_path, 3 * len(real))
    copied = polls(tmp_path)
    assert copied == [(f"{poll}-s{c}", f"{figure}-s{c}") for c in range(3) for poll, figure in real]


def test_a_failed_run_is_reported_as_failed_not_as_a_time(monkeypatch):
    """A build that ran out of memory after 118 s is no 118 s build: no rate, ratio or exponent."""
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench", bench)  # its dataclass looks its module up
    monkeypatch.setattr(sys, "path", list(sys.path))  # it puts benchmarks/ on the path
    spec.loader.exec_module(bench)
    run = bench.Timing
    scaled = [{"rows": n, "total_rows": total,
               "validate": run(f"labour2016 validate ({n:,})", [], [seconds], exit_codes=[0], peaks_mb=[900]),
               "build": run(f"labour2016 build ({n:,})", [], [seconds * 2], exit_codes=[code], peaks_mb=[1500],
                            note="exit 1: Out of Memory Error: failed to pin block" if code else ""),
               "frictionless": run(f"frictionless validate ({n:,})", [], [seconds * 10], exit_codes=[0])}
              for n, total, seconds, code in ((100_000, 1_137_844, 5.0, 0), (1_000_000, 11_376_825, 59.13, 1))]
    args = SimpleNamespace(warmup=1, runs=10, scale_runs=1, scale_runs_large=1, frictionless_max=1_000_000)
    text = bench.render({}, {}, scaled, args, "today", (0.0, 0.0))
    builds = [line for line in text.splitlines() if line.startswith("| ") and "| labour2016 build |" in line]
    assert builds == [
        "| 100,000 | 1,137,844 | labour2016 build | 10.00 s | 1 run | 113,784 |  | 5.00x | 1.46 GB |",
        "| 1,000,000 | 11,376,825 | labour2016 build | **failed** after 118.26 s | "
        "exit 1: Out of Memory Error: failed to pin block | | | | 1.46 GB |",
    ]
    # nor is a failed frictionless run a time to compare with
    assert bench.ratio(scaled[1]["build"], scaled[1]["validate"]) is None
    assert bench.ratio(scaled[1]["validate"], scaled[1]["build"]) is None
    assert bench.ratio(scaled[0]["build"], scaled[0]["validate"]) == 2
