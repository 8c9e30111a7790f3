"""`labour2016 query` and connect() are bounded: time, memory, one statement, nothing written,
Ctrl-C is exit 130, and JSON output is JSON (no NaN)."""
import json
import signal
import subprocess
import sys
import threading
import time

import duckdb
import pytest

from labour2016 import api

L16 = [sys.executable, "-m", "labour2016.cli"]
# Runs for hours unless stopped: DuckDB does not shortcut a sum as it does count(*).
ENDLESS = "select sum(i) from range(10000000000000) t(i)"
# A hash table of 20 million distinct strings: far over 100MB.
HUNGRY = "select count(distinct md5(i::varchar)) from range(20000000) t(i)"


def run(*args, cwd=None):
    return subprocess.run([*L16, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_a_statement_past_the_timeout_stops_with_a_clear_message(tmp_path):
    t0 = time.monotonic()
    p = run("query", ENDLESS, "--timeout", "1", cwd=tmp_path)
    assert time.monotonic() - t0 < 10
    assert p.returncode == 1 and p.stdout == ""
    assert p.stderr == "labour2016 query: query stopped after 1 s (--timeout)\n"


def test_a_statement_past_the_memory_limit_fails_and_spills_nothing(tmp_path):
    p = run("query", HUNGRY, "--memory-limit", "100MB", cwd=tmp_path)
    assert p.returncode == 1 and p.stdout == "" and "Traceback" not in p.stderr
    assert p.stderr.startswith("labour2016 query: query stopped: it needs more than 100MB of memory (--memory-limit")
    assert list(tmp_path.iterdir()) == []  # DuckDB's default would spill to ./.tmp


def test_connect_takes_the_bounds_as_keywords(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    con = api.connect(timeout=1, memory_limit="100MB")
    assert con.execute("select current_setting('max_execution_time'), current_setting('temp_directory')"
                       ).fetchone() == (1000, "")
    with pytest.raises(duckdb.InterruptException) as endless:
        con.execute(ENDLESS).fetchall()
    with pytest.raises(duckdb.OutOfMemoryException) as hungry:  # however slow the machine is today
        api.connect(timeout=None, memory_limit="100MB").execute(HUNGRY).fetchall()
    assert api.stopped(hungry.value) == "memory" and api.stopped(endless.value) == "timeout"
    with pytest.raises(duckdb.InvalidInputException, match="locked"):
        con.execute("set max_execution_time = 0")
    assert list(tmp_path.iterdir()) == []
    # The package itself is far inside the bounds: Smith's member votes, as LabourList reports them.
    assert con.execute("select votes from results where election_id = 'labour-leadership-2016' "
                       "and section = 'members' and candidate_id = 'owen-smith'").fetchone() == (116960,)


def test_the_default_bounds_apply_and_options_change_them():
    sql = "select current_setting('max_execution_time') as ms, current_setting('memory_limit') as mem"
    default = json.loads(run("query", sql, "--format", "json").stdout)
    changed = json.loads(run("query", sql, "--format", "json", "--timeout", "2.5", "--memory-limit", "500MB").stdout)
    assert default[0]["ms"] == 30000 and default[0]["mem"] == "1.8 GiB"  # 2GB
    assert changed == [{"ms": 2500, "mem": "476.8 MiB"}]


@pytest.mark.parametrize("args", [["--timeout", "soon"], ["--timeout", "-1"], ["--memory-limit", "lots"]])
def test_a_bad_bound_is_a_usage_error(args):
    p = run("query", "select 1", *args)
    assert p.returncode == 2 and "usage: labour2016 query" in p.stderr and p.stdout == ""


@pytest.mark.parametrize("sql", ["select 1; select 2", "select 42 as a; set memory_limit = '10GB'"])
def test_one_statement_per_call_and_none_run_otherwise(sql):
    p = run("query", sql)
    assert p.returncode == 2 and p.stdout == "" and "Traceback" not in p.stderr
    assert p.stderr == "labour2016 query: one SQL statement per call, got 2 statements (nothing was run)\n"


def test_set_is_refused_so_the_bounds_hold():
    p = run("query", "set max_execution_time = 0")
    assert p.returncode == 1 and "SET statements are not allowed" in p.stderr


def test_json_never_holds_nan_or_infinity():
    p = run("query", "select 'nan'::double as x, 'infinity'::double as y, -'infinity'::double as z, "
                     "['nan'::double, 1.5] as l, 2.5::double as ok", "--format", "json")
    assert p.returncode == 0, p.stderr

    def refuse(constant):
        raise AssertionError(f"not JSON: {constant}")

    assert json.loads(p.stdout, parse_constant=refuse) == [{"x": None, "y": None, "z": None, "l": [None, 1.5],
                                                            "ok": 2.5}]


# `labour2016 query`, with its connection saying on stderr when the statement is handed to DuckDB:
# the signal the Ctrl-C test waits for, instead of a guess at how long loading takes.
ANNOUNCED_QUERY = """
import sys
from labour2016 import api, cli

class Announcing:
    def __init__(self, con):
        self._con = con
    def __getattr__(self, name):
        return getattr(self._con, name)
    def execute(self, *args, **kwargs):
        print("executing", file=sys.stderr, flush=True)
        return self._con.execute(*args, **kwargs)

opened = api.open_model
api.open_model = lambda *args, **kwargs: Announcing(opened(*args, **kwargs))
sys.argv = ["labour2016", *sys.argv[1:]]
cli.entry()
"""


def test_ctrl_c_stops_a_running_query_with_exit_130(tmp_path):
    # no time limit (--timeout 0): only the interrupt can end the query, so exit 130 (not 1, "query
    # stopped after ...") shows Ctrl-C stopped it. "executing" is printed just before DuckDB starts
    # the statement, and an interrupt that lands in between is lost to DuckDB, as a person's first
    # Ctrl-C can be; the CLI acts on every SIGINT, so the test presses it again until the process
    # ends. The deadline is a safety net against a hang, not an expectation of speed.
    p = subprocess.Popen([sys.executable, "-c", ANNOUNCED_QUERY, "query", ENDLESS, "--timeout", "0"], cwd=tmp_path,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert p.stderr.readline() == "executing\n"
        deadline = time.monotonic() + 300
        while p.poll() is None and time.monotonic() < deadline:
            p.send_signal(signal.SIGINT)
            try:
                p.wait(timeout=1)
            except subprocess.TimeoutExpired:
                pass
        out, err = p.communicate(timeout=10)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait(timeout=10)
    assert p.returncode == 130 and out == "" and err == "labour2016: interrupted\n"


def test_only_the_first_ctrl_c_raises_so_pressing_it_again_cannot_break_the_exit(monkeypatch):
    from labour2016 import cli

    installed = []
    monkeypatch.setattr(signal, "signal", lambda signum, handler: installed.append((signum, handler)))
    with pytest.raises(KeyboardInterrupt):
        cli._first_ctrl_c(signal.SIGINT, None)
    [(signum, later)] = installed
    assert signum == signal.SIGINT and later(signal.SIGINT, None) is None


def test_ctrl_c_in_validate_exits_130_without_traceback(monkeypatch, capsys):
    from labour2016 import cli, validate

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(validate, "validate", interrupted)
    assert cli.main(["validate", "--no-sources"]) == 130
    assert capsys.readouterr().err == "labour2016: interrupted\n"


def test_interrupt_all_stops_every_open_connection():
    con = api.connect()
    timer = threading.Timer(0.5, api.interrupt_all)
    timer.start()
    with pytest.raises(duckdb.InterruptException) as stopped:
        con.execute(ENDLESS).fetchall()
    assert api.stopped(stopped.value) is None  # Ctrl-C, not a bound
