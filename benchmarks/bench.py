"""Time labour2016 validate, query and build as whole processes, and how they grow.

    python benchmarks/bench.py                 # full run, writes benchmarks/RESULTS.md
    python benchmarks/bench.py --quick         # a few runs, small sizes: to try the script

Harness: each command runs as a fresh process (subprocess.run, output captured), timed with
time.perf_counter around the call: first `--warmup` untimed runs (to warm the OS file cache),
then `--runs` timed runs; the table gives the median and the spread (min-max). No run shares a
process with another, so every `labour2016 query` is cold (imports, DuckDB start, views).

Two parts:
* the real package: labour2016 validate (without and with --sources), frictionless validate
  (the reference), labour2016 query on a simple and a join-heavy view, the DuckDB CLI doing the
  same `.read queries/views.sql` + query (skipped with a note when no `duckdb` binary is found),
  and labour2016 build;
* scale: synthetic packages (benchmarks/synth.py) of 10^3, 10^5, 10^6 rows per fact table,
  timed with labour2016 validate (no sources), labour2016 build and frictionless validate
  (frictionless only up to --frictionless-max rows; larger sizes are extrapolated linearly from
  the largest measured size, and marked so).
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata as md
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import synth  # noqa: E402

BIN = Path(sys.executable).parent
SIMPLE_SQL = "select * from results"
FINDINGS = "<!-- findings: written by hand, kept by bench.py -->"
JOIN_SQL = "select * from discrepancies"


# --- timing ------------------------------------------------------------------------------------

@dataclass
class Timing:
    label: str
    cmd: list[str]
    times: list[float] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    note: str = ""
    skipped: bool = False
    extrapolated: float | None = None  # seconds, when not measured
    peaks_mb: list[float] = field(default_factory=list)  # each timed run's peak resident memory

    @property
    def median(self) -> float | None:
        if self.times:
            return statistics.median(self.times)
        return self.extrapolated

    @property
    def ok(self) -> bool:
        return bool(self.times) and all(c == 0 for c in self.exit_codes)

    @property
    def failed(self) -> bool:
        """Run and failed: its seconds are no time of the command (an extrapolation has no runs)."""
        return bool(self.times) and not self.ok

    def as_dict(self) -> dict:
        return {"label": self.label, "cmd": self.cmd, "times": self.times, "exit_codes": self.exit_codes,
                "median": self.median, "note": self.note, "skipped": self.skipped,
                "extrapolated": self.extrapolated, "peaks_mb": self.peaks_mb}

    @property
    def peak_mb(self) -> float | None:
        return max(self.peaks_mb) if self.peaks_mb else None


def time_command(label: str, cmd: list[str], runs: int, warmup: int = 1, cwd: Path = ROOT,
                 stdin: str | None = None, env: dict | None = None) -> Timing:
    """Run cmd warmup + runs times as a fresh process; keep the timed runs' wall-clock seconds and
    peak resident memory (the process's own, from wait4, as `/usr/bin/time -v` reports it)."""
    t = Timing(label, cmd)
    run_env = {**os.environ, **(env or {})}
    for i in range(warmup + runs):
        start = time.perf_counter()
        with tempfile.TemporaryFile("w+") as fin, tempfile.TemporaryFile("w+") as fout, \
                tempfile.TemporaryFile("w+") as ferr:
            fin.write(stdin or "")
            fin.seek(0)
            proc = subprocess.Popen(cmd, cwd=cwd, env=run_env, stdin=fin, stdout=fout, stderr=ferr, text=True)
            _, status, usage = os.wait4(proc.pid, 0)  # reaps it, with its own rusage
            proc.returncode = os.waitstatus_to_exitcode(status)
            elapsed = time.perf_counter() - start
            fout.seek(0)
            ferr.seek(0)
            done = subprocess.CompletedProcess(cmd, proc.returncode, fout.read(), ferr.read())
        if i >= warmup:
            t.times.append(elapsed)
            t.exit_codes.append(done.returncode)
            t.peaks_mb.append(usage.ru_maxrss / 1024)
        if done.returncode != 0 and not t.note:
            # the line naming the error, not the advice DuckDB prints after it
            lines = (done.stderr or done.stdout).strip().splitlines() or [""]
            t.note = f"exit {done.returncode}: {next((s for s in lines if 'Error' in s), lines[-1])[:120]}"
    print(f"  {label:55} {fmt_s(t.median)}  {t.note}", file=sys.stderr, flush=True)
    return t


def fmt_mb(mb: float | None) -> str:
    return "" if mb is None else (f"{mb / 1024:.2f} GB" if mb >= 1024 else f"{mb:.0f} MB")


def skipped(label: str, note: str) -> Timing:
    print(f"  {label:55} skipped: {note}", file=sys.stderr, flush=True)
    return Timing(label, [], note=note, skipped=True)


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def spread(t: Timing) -> str:
    if not t.times:
        return "extrapolated" if t.extrapolated is not None else "n/a"
    if len(t.times) == 1:
        return "1 run"
    return f"{fmt_s(min(t.times))} - {fmt_s(max(t.times))}"


def ratio(a: Timing | None, b: Timing | None) -> float | None:
    if not a or not b or a.failed or b.failed or a.median is None or not b.median:
        return None
    return a.median / b.median


def fmt_ratio(r: float | None) -> str:
    return "n/a" if r is None else f"{r:.2f}x"


# --- the tools ---------------------------------------------------------------------------------

def tool(name: str) -> str | None:
    """An executable named by $<NAME>_CLI (e.g. DUCKDB_CLI), else from this venv, else PATH."""
    named = os.environ.get(f"{name.upper()}_CLI")
    if named:
        return named
    local = BIN / name
    if local.exists():
        return str(local)
    return shutil.which(name)


def duckdb_cli() -> str | None:
    """The DuckDB CLI binary itself: PyPI's duckdb-cli puts a Python launcher in .venv/bin that
    starts a second process, so time the binary it launches (in the duckdb_cli package) instead."""
    found = tool("duckdb")
    if found and not os.environ.get("DUCKDB_CLI"):
        with open(found, "rb") as f:
            is_script = f.read(2) == b"#!"
        if is_script:
            done = subprocess.run([sys.executable, "-c", "import duckdb_cli, os; "
                                   "print(os.path.join(os.path.dirname(duckdb_cli.__file__), 'duckdb'))"],
                                  capture_output=True, text=True)
            binary = done.stdout.strip()
            if done.returncode == 0 and os.access(binary, os.X_OK):
                return binary
    return found


def labour2016_commands() -> set[str]:
    """The subcommands `labour2016` has right now (other work adds them)."""
    try:
        from labour2016.cli import COMMANDS
    except Exception:  # noqa: BLE001 - an import error means: none usable
        return set()
    return set(COMMANDS)


def help_text(exe: str, *args: str) -> str:
    done = subprocess.run([exe, *args, "--help"], capture_output=True, text=True)
    return done.stdout + done.stderr


def sources_dir() -> Path | None:
    env = os.environ.get("LABOUR2016_SOURCES")
    for candidate in ([Path(env)] if env else []) + [ROOT.parent / "shared" / "sources"]:
        if candidate.is_dir():
            return candidate
    return None


# --- the machine -------------------------------------------------------------------------------

def machine() -> dict[str, str]:
    info = {"python": platform.python_version(), "cores": str(os.cpu_count())}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["ram"] = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
        os_release = dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line)
        info["os"] = f"{os_release.get('PRETTY_NAME', '').strip(chr(34))}, Linux {platform.release()}"
    except OSError:
        info.setdefault("os", platform.platform())
    versions = []
    for dist in ("labour2016", "frictionless", "duckdb", "pandas", "pandera", "pyarrow"):
        try:
            versions.append(f"{dist} {md.version(dist)}")
        except md.PackageNotFoundError:
            pass
    info["libraries"] = ", ".join(versions)
    head = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %s"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "--", "src",
                            "queries"], capture_output=True, text=True)
    if head.returncode == 0:
        info["code measured"] = f"commit {head.stdout.strip()[:80]}" + \
            (" (plus uncommitted changes in src/ or queries/)" if dirty.stdout.strip() else "")
    cli = duckdb_cli()
    if cli:
        done = subprocess.run([cli, "--version"], capture_output=True, text=True)
        info["duckdb CLI"] = f"{cli.replace(str(ROOT) + '/', '')} ({done.stdout.strip()})"
    else:
        info["duckdb CLI"] = "not found"
    return info


# --- the two parts -----------------------------------------------------------------------------

def real_package(args, commands: set[str], workdir: Path) -> dict[str, Timing]:
    l16, fl, duck = tool("labour2016"), tool("frictionless"), duckdb_cli()
    runs, warm = args.runs, args.warmup
    res: dict[str, Timing] = {}
    print("real package:", file=sys.stderr)
    res["frictionless"] = time_command("frictionless validate datapackage.json",
                                      [fl, "validate", "datapackage.json"], runs, warm)
    if "validate" in commands:
        res["validate"] = time_command("labour2016 validate --no-sources", [l16, "validate", "--no-sources"],
                                       runs, warm)
        src = sources_dir()
        if src:
            res["validate_sources"] = time_command(f"labour2016 validate --sources {src}",
                                                   [l16, "validate", "--sources", str(src)], runs, warm)
        else:
            res["validate_sources"] = skipped("labour2016 validate --sources", "no source texts found")
    else:
        res["validate"] = skipped("labour2016 validate", "command not in labour2016 yet")
        res["validate_sources"] = skipped("labour2016 validate --sources", "command not in labour2016 yet")
    views = ROOT / "queries" / "views.sql"
    for key, sql in (("query_simple", SIMPLE_SQL), ("query_join", JOIN_SQL)):
        if "query" in commands:
            res[key] = time_command(f'labour2016 query "{sql}"', [l16, "query", sql], runs, warm)
        else:
            res[key] = skipped(f'labour2016 query "{sql}"', "command not in labour2016 yet")
        label = f'duckdb CLI: .read queries/views.sql; {sql}'
        if duck and views.is_file():
            res["duckdb_" + key] = time_command(label, [duck, "-batch", ":memory:"], runs, warm,
                                                stdin=f".read queries/views.sql\n{sql};\n")
        else:
            res["duckdb_" + key] = skipped(label, "no duckdb CLI binary ($DUCKDB_CLI, .venv/bin or PATH)"
                                           if not duck else "no queries/views.sql")
    if "build" in commands:
        res["build"] = time_command("labour2016 build --out TMP", [l16, "build", "--out", str(workdir / "build")],
                                    runs, warm)
    else:
        res["build"] = skipped("labour2016 build", "command not in labour2016 yet")
    return res


def build_on(pkg: Path, out: Path, l16: str) -> tuple[list[str], dict, Path] | None:
    """How to run `labour2016 build` on another package: by argument if the command takes one,
    else from the synthetic folder as working directory. None when neither is possible."""
    text = help_text(l16, "build")
    if "--package" in text:
        return [l16, "build", "--package", str(pkg), "--out", str(out)], {}, ROOT
    if "PATH" in text.split("options")[0] or "package" in text.split("options")[0].lower():
        return [l16, "build", str(pkg / "datapackage.json"), "--out", str(out)], {}, ROOT
    return None


def scale(args, commands: set[str], workdir: Path) -> list[dict]:
    l16, fl = tool("labour2016"), tool("frictionless")
    rows_out = []
    for n in args.sizes:
        pkg = workdir / f"synth-{n}"
        t0 = time.perf_counter()
        counts = synth.generate(pkg, n)
        gen_s = time.perf_counter() - t0
        total = sum(counts.values())
        print(f"scale {n:,} rows per fact table ({total:,} rows in all, generated in {gen_s:.1f} s):",
              file=sys.stderr)
        runs = args.scale_runs if n < 10**6 else max(1, args.scale_runs_large)
        entry: dict = {"rows": n, "total_rows": total, "generate_s": gen_s, "counts": counts}
        if "validate" in commands:
            entry["validate"] = time_command(f"labour2016 validate ({n:,})",
                                             [l16, "validate", "--no-sources", str(pkg / "datapackage.json")],
                                             runs, 0)
        else:
            entry["validate"] = skipped("labour2016 validate", "command not in labour2016 yet")
        if "build" in commands:
            how = build_on(pkg, workdir / f"build-{n}", l16)
            if how:
                cmd, env, cwd = how
                entry["build"] = time_command(f"labour2016 build ({n:,})", cmd, runs, 0, cwd=cwd, env=env)
            else:
                entry["build"] = skipped("labour2016 build", "build takes no package path")
        else:
            entry["build"] = skipped("labour2016 build", "command not in labour2016 yet")
        if n <= args.frictionless_max:
            entry["frictionless"] = time_command(f"frictionless validate ({n:,})",
                                                 [fl, "validate", str(pkg / "datapackage.json")],
                                                 1 if n >= 10**5 else runs, 0)
        else:
            entry["frictionless"] = None  # extrapolated below
        rows_out.append(entry)
        if not args.keep:
            shutil.rmtree(pkg, ignore_errors=True)
            shutil.rmtree(workdir / f"build-{n}", ignore_errors=True)
    # frictionless beyond --frictionless-max: linear in total rows from the largest measured size
    measured = [e for e in rows_out if e["frictionless"] and e["frictionless"].ok]
    for e in rows_out:
        if e["frictionless"] is None:
            t = Timing(f"frictionless validate ({e['rows']:,})", [], skipped=True)
            if measured:
                ref = measured[-1]
                t.extrapolated = ref["frictionless"].median * e["total_rows"] / ref["total_rows"]
                t.note = f"extrapolated linearly from {ref['rows']:,} rows"
            e["frictionless"] = t
    return rows_out


def exponent(t1: float | None, t2: float | None, n1: int, n2: int) -> float | None:
    if not t1 or not t2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


# --- the report --------------------------------------------------------------------------------

def verdict(ok: bool | None) -> str:
    return "n/a (not measured)" if ok is None else ("**met**" if ok else "**not met**")


def goals(real: dict[str, Timing], scaled: list[dict]) -> list[tuple[str, str, str]]:
    out = []
    for key, sql in (("query_simple", SIMPLE_SQL), ("query_join", JOIN_SQL)):
        q, d = real.get(key), real.get("duckdb_" + key)
        m = q.median if q and q.ok else None
        out.append((f"`labour2016 query \"{sql}\"` cold median under 0.5 s", fmt_s(m),
                    verdict(None if m is None else m < 0.5)))
        r = ratio(q, d) if q and q.ok and d and d.ok else None
        out.append(("... within 4x of the DuckDB CLI (`.read` + same query)", fmt_ratio(r),
                    verdict(None if r is None else r <= 4)))
    v, f = real.get("validate"), real.get("frictionless")
    r = ratio(v, f) if v and v.ok else None
    out.append(("`labour2016 validate` (real package) no slower than `frictionless validate`",
                fmt_ratio(r), verdict(None if r is None else r <= 1)))
    mid = next((e for e in scaled if e["rows"] == 10**5), None)
    if mid and mid["frictionless"] and mid["frictionless"].times:
        r = ratio(mid["frictionless"], mid["validate"]) if mid["validate"].ok else None
        out.append(("10^5 rows: validate at least 10x faster than frictionless (both measured)", fmt_ratio(r),
                    verdict(None if r is None else r >= 10)))
    big = next((e for e in scaled if e["rows"] == 10**6), None)
    if big:
        v, f = big["validate"], big["frictionless"]
        r = ratio(f, v) if v.ok else None
        out.append(("10^6 rows: validate at least 10x faster than frictionless",
                    fmt_ratio(r) + (" (frictionless extrapolated)" if f.extrapolated is not None else ""),
                    verdict(None if r is None else r >= 10)))
        out.append(("10^6 rows: validate under 15 s", fmt_s(v.median if v.ok else None),
                    verdict(None if not v.ok else v.median < 15)))
        out.append(("10^6 rows: validate's peak memory under 2 GB", fmt_mb(v.peak_mb),
                    verdict(None if not v.ok or v.peak_mb is None else v.peak_mb < 2048)))
        prev = next((e for e in scaled if e["rows"] == 10**5), None)
        k = exponent(prev["validate"].median, v.median, prev["total_rows"], big["total_rows"]) \
            if prev and prev["validate"].ok and v.ok else None
        out.append(("validate cost grows linearly (exponent 10^5 -> 10^6 at most 1.1)",
                    "n/a" if k is None else f"{k:.4f}", verdict(None if k is None else k <= 1.1)))
    return out


def render(info: dict, real: dict[str, Timing], scaled: list[dict], args, started: str, load: tuple) -> str:
    lines = ["# Benchmarks: validate, query and build", "",
             f"Measured by `make bench` (`benchmarks/bench.py`) on {started}; regenerate with `make bench`.",
             "", "## Machine", ""]
    lines += [f"- **{k}**: {v}" for k, v in info.items()]
    lines += [f"- **load average** at start / end: {load[0]:.2f} / {load[1]:.2f} "
              "(other work was running on the machine; medians resist it, spreads show it)", "",
              "## Method", "",
              "A Python harness (`time.perf_counter` around `subprocess.run`, output captured): every run is a "
              "fresh process, so each figure includes interpreter start-up and imports, the way a user meets "
              f"them. Real package: {args.warmup} untimed warm-up run(s), then {args.runs} timed runs; "
              "median and min-max. The DuckDB CLI reads the SQL from standard input: "
              "`.read queries/views.sql` then the query, from an in-memory database.", "",
              "## Real package", "",
              "| command | median | spread (min - max) | runs | ratio | note |",
              "|---|---|---|---|---|---|"]
    refs = {"validate": ("frictionless", "validate / frictionless"),
            "validate_sources": ("frictionless", "validate --sources / frictionless"),
            "query_simple": ("duckdb_query_simple", "query / duckdb CLI"),
            "query_join": ("duckdb_query_join", "query / duckdb CLI"),
            "build": ("frictionless", "build / frictionless")}
    for key, t in real.items():
        ref_key, what = refs.get(key, (None, ""))
        r = ratio(t, real.get(ref_key)) if ref_key else None
        lines.append(f"| `{t.label}` | {fmt_s(t.median)} | {spread(t)} | {len(t.times)} | "
                     f"{'' if r is None else f'{fmt_ratio(r)} ({what})'} | {t.note} |")
    lines += ["", "## Scale", "",
              "Synthetic packages from `benchmarks/synth.py`: every fact table (votes, electorate, statements, "
              "figures, endorsements, nominations, events) has N rows; elections and candidates grow with them "
              "(one synthetic election pair per copy of the votes/electorate rows). `rows in all` counts every "
              "table; rows/s is rows in all / median seconds. Validate runs without `--sources`. "
              f"Runs per size: {args.scale_runs} ({args.scale_runs_large} at 10^6); frictionless once at 10^5 "
              f"and above, and not above {args.frictionless_max:,} rows per table (larger sizes extrapolated "
              "linearly from the largest measured size, marked *extrapolated*).", "",
              "| rows per table | rows in all | command | median | spread | rows/s | exponent vs previous size | "
              "frictionless / this | peak memory |",
              "|---|---|---|---|---|---|---|---|---|"]
    for key in ("validate", "build", "frictionless"):
        prev = None
        for e in scaled:
            t = e[key]
            if t.failed:  # no rate, ratio or exponent
                lines.append(f"| {e['rows']:,} | {e['total_rows']:,} | {t.label.split(' (')[0]} | "
                             f"**failed** after {fmt_s(t.median)} | {t.note} | | | | {fmt_mb(t.peak_mb)} |")
                prev = None
                continue
            k = exponent(prev[key].median, t.median, prev["total_rows"], e["total_rows"]) if prev else None
            rps = e["total_rows"] / t.median if t.median else None
            r = ratio(e["frictionless"], t) if key != "frictionless" else None
            lines.append(f"| {e['rows']:,} | {e['total_rows']:,} | {t.label.split(' (')[0]} | {fmt_s(t.median)} | "
                         f"{spread(t) if not t.skipped or t.extrapolated else t.note} | "
                         f"{'' if rps is None else f'{rps:,.0f}'} | {'' if k is None else f'{k:.2f}'} | "
                         f"{fmt_ratio(r) if r else ''} | {fmt_mb(t.peak_mb)} |")
            prev = e
    lines += ["", "The exponent is the slope of log(time) against log(rows in all) from the previous size. "
              "Between small sizes it is far below 1 because start-up (imports) dominates; the 10^5 -> 10^6 "
              "slope is the one that says how the cost grows.", "",
              "## Goals", "", "| goal | measured | verdict |", "|---|---|---|"]
    lines += [f"| {g} | {m} | {v} |" for g, m, v in goals(real, scaled)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Time labour2016 validate, query and build (issue 7).")
    p.add_argument("--runs", type=int, default=10, help="timed runs per command on the real package")
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--sizes", default="1000,100000,1000000", help="rows per fact table, comma-separated")
    p.add_argument("--scale-runs", type=int, default=3, help="timed runs per command below 10^6 rows")
    p.add_argument("--scale-runs-large", type=int, default=1, help="timed runs per command at 10^6 rows")
    p.add_argument("--frictionless-max", type=int, default=100000,
                   help="largest size to run frictionless at; larger ones are extrapolated")
    p.add_argument("--quick", action="store_true", help="3 runs, sizes 1000 and 10000: to try the script")
    p.add_argument("--out", type=Path, help="Markdown report (default benchmarks/RESULTS.md; with --quick, "
                   "a file in the temp dir, so a try never overwrites the measured results)")
    p.add_argument("--json", type=Path, help="raw timings (default benchmarks/results.json, or beside --out)")
    p.add_argument("--keep", action="store_true", help="keep the synthetic packages (in the temp dir)")
    p.add_argument("--only", choices=("real", "scale"), help="run one part only")
    args = p.parse_args(argv)
    if args.quick:
        args.runs, args.scale_runs, args.sizes = 3, 1, "1000,10000"
    args.sizes = [int(s) for s in str(args.sizes).split(",") if s]
    if args.out is None:
        args.out = Path(tempfile.gettempdir()) / "labour2016-RESULTS-quick.md" if args.quick else HERE / "RESULTS.md"
    if args.json is None:
        args.json = args.out.with_name("results.json") if args.out.parent == HERE else args.out.with_suffix(".json")

    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load0 = os.getloadavg()[0]
    commands = labour2016_commands()
    info = machine()
    workdir = Path(tempfile.mkdtemp(prefix="labour2016-bench-"))
    try:
        real = real_package(args, commands, workdir) if args.only != "scale" else {}
        scaled = scale(args, commands, workdir) if args.only != "real" else []
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    text = render(info, real, scaled, args, started, (load0, os.getloadavg()[0]))
    if args.out.is_file():  # the hand-written findings below the marker survive a re-run
        old = args.out.read_text(encoding="utf-8")
        if FINDINGS in old:
            text += "\n" + FINDINGS + old.split(FINDINGS, 1)[1]
    args.out.write_text(text, encoding="utf-8")
    args.json.write_text(json.dumps({
        "started": started, "machine": info,
        "real": {k: t.as_dict() for k, t in real.items()},
        "scale": [{**{k: v for k, v in e.items() if not isinstance(v, Timing)},
                   **{k: v.as_dict() for k, v in e.items() if isinstance(v, Timing)}} for e in scaled],
    }, indent=1), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
