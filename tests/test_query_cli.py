"""`labour2016 query`, `views` and `build` as processes; the DuckDB CLI where installed."""
import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import labour2016
from labour2016 import api, package

BIN = Path(sys.executable).parent
L16 = [sys.executable, "-m", "labour2016.cli"]
SQL = ("select election_id, section, candidate_id, votes, share_pct, source_id from results "
       "order by election_id, section, candidate_id")


def run(*args, cwd=None):
    return subprocess.run([*L16, *args], capture_output=True, text=True, cwd=cwd)


def parse(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], [tuple(_num(v) for v in r) for r in rows[1:]]


def _num(v):
    try:
        return round(float(v), 9)
    except ValueError:
        return v


def test_query_csv_matches_the_python_api(tmp_path):
    p = run("query", SQL, "--format", "csv", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    header, rows = parse(p.stdout)
    cur = labour2016.connect().execute(SQL)
    assert header == [d[0] for d in cur.description]
    assert rows == [tuple(_num("" if v is None else str(v)) for v in r) for r in cur.fetchall()]


def test_duckdb_cli_gives_the_same(root):
    duck = os.environ.get("DUCKDB_CLI") or shutil.which("duckdb") or (str(BIN / "duckdb") if (BIN / "duckdb").exists() else None)
    if not duck:
        pytest.skip("no duckdb CLI binary (pip install duckdb-cli, or set DUCKDB_CLI)")
    p = subprocess.run([duck, "-csv", "-c", ".read queries/views.sql", "-c", SQL],
                       capture_output=True, text=True, cwd=root)
    assert p.returncode == 0, p.stderr
    q = run("query", SQL, "--format", "csv")
    assert parse(p.stdout) == parse(q.stdout)


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_formats(fmt):
    p = run("query", "select votes from results where section = 'all' and candidate_id = 'owen-smith'", "--format", fmt)
    assert p.returncode == 0 and "193229" in p.stdout


@pytest.mark.parametrize("sql", ["selec 1", "select * from no_such_view",
                                 "copy (select 1) to '/tmp/labour2016-x.csv'",
                                 "select * from read_csv('/etc/passwd')",
                                 "attach '/tmp/labour2016-x.duckdb' as x",
                                 "attach ':memory:' as x"])
def test_bad_or_unsafe_sql_exits_1_without_traceback(sql):
    p = run("query", sql)
    assert p.returncode == 1
    assert "Traceback" not in p.stderr and p.stderr.startswith("labour2016 query:")
    assert p.stdout == ""
    assert not Path("/tmp/labour2016-x.csv").exists()


def test_query_imports_no_pandas():
    p = subprocess.run([sys.executable, "-X", "importtime", "-m", "labour2016.cli", "query", "select 1"],
                       capture_output=True, text=True)
    assert p.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in p.stderr.splitlines() if "|" in line}
    assert not imported & {"pandas", "pandera", "frictionless"}


def test_views_lists_every_view():
    p = run("views")
    listed = {line.split()[0] for line in p.stdout.splitlines()}
    assert p.returncode == 0 and listed == {n for n, _ in api.view_questions()}
    assert {"results", "turnout", "margins", "discrepancies", "compare_2015", "timeline"} <= listed


def test_build(tmp_path):
    import duckdb

    out = tmp_path / "out"
    p = run("build", "--out", str(out))
    assert p.returncode == 0, p.stderr
    leftovers = [f for f in out.rglob("*") if ".tmp" in f.name or f.name.endswith(".wal")]
    assert not leftovers
    db = duckdb.connect(str(out / "labour2016.duckdb"), read_only=True)
    con = duckdb.connect()
    for name in package.resources():
        with open(package.root() / "data" / f"{name}.csv", encoding="utf-8", newline="") as f:
            expected = sum(1 for _ in csv.reader(f)) - 1
        assert db.execute(f'select count(*) from "{name}"').fetchone()[0] == expected, name
        parquet = out / "parquet" / f"{name}.parquet"
        assert con.execute("select count(*) from read_parquet(?)", [str(parquet)]).fetchone()[0] == expected
    assert db.execute("select votes from results where section = 'all' and candidate_id = 'jeremy-corbyn' "
                      "and election_id = 'labour-leadership-2016'").fetchone()[0] == 313209
