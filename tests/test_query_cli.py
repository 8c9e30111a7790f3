"""`labour2016 query`, `views` and `build` as processes; the DuckDB CLI where installed."""
import counts
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import labour2016
from labour2016 import catalog
from labour2016.commands.query import text as api_text

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


SAME_SQL = [
    SQL,
    "select * exclude (why) from turnout order by election_id, section",
    "select * from margins order by election_id, section",
    "select kind, measure, subject, value_a, source_a, value_b, source_b, gap from discrepancies "
    "order by all",
    "select * from compare_2015 order by section",
    "select * from timeline",
    "select * from statements_by_speaker order by speaker_id",
    "select * from source_coverage order by all",
    "select * from endorsements_by_candidate order by all",
]


@pytest.mark.parametrize("sql", SAME_SQL)
def test_duckdb_cli_python_api_and_query_give_the_same(root, duckdb_bin, sql, tmp_path):
    """views.sql runs unchanged in the DuckDB CLI, from the package root, with the same answers."""
    p = subprocess.run([duckdb_bin, "-csv", "-nullvalue", "", "-c", ".read queries/views.sql", "-c", sql],
                       capture_output=True, text=True, cwd=root)
    assert p.returncode == 0, p.stderr
    q = run("query", sql, "--format", "csv", cwd=tmp_path)
    assert q.returncode == 0, q.stderr
    cli, ours = parse(p.stdout), parse(q.stdout)
    assert cli == ours and len(ours[1]) > 0
    cur = labour2016.connect().execute(sql)
    assert ours[1] == [tuple(_num("" if v is None else v if isinstance(v, str) else api_text(v)) for v in r)
                       for r in cur.fetchall()]


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


@pytest.mark.parametrize("args", [["query"], ["query", "select 1", "--format", "xml"], ["query", ""],
                                  ["query", " ; "], ["no-such-command"], ["build", "--no-such-option"]])
def test_bad_arguments_exit_2_without_traceback(args):
    p = run(*args)
    assert p.returncode == 2 and "Traceback" not in p.stderr and p.stderr


def test_json_output_is_typed():
    p = run("query", "select 1.50::decimal(4,2) as d, date '2016-09-24' as day, null as n, [1, 2] as l",
            "--format", "json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == [{"d": 1.5, "day": "2016-09-24", "n": None, "l": [1, 2]}]


def test_query_imports_no_pandas():
    p = subprocess.run([sys.executable, "-X", "importtime", "-m", "labour2016.cli", "query", "select 1"],
                       capture_output=True, text=True)
    assert p.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in p.stderr.splitlines() if "|" in line}
    assert not imported & {"pandas", "pandera", "frictionless"}
    modules = {line.split("|")[-1].strip() for line in p.stderr.splitlines() if "|" in line}
    assert not modules & {"labour2016.catalog", "labour2016.validate", "graphlib"}  # views' files: not for a query


def test_views_lists_every_view():
    p = run("views")
    listed = {line.split()[0] for line in p.stdout.splitlines()}
    assert p.returncode == 0 and listed == {v.name for v in catalog.views()}
    assert {"results", "turnout", "margins", "discrepancies", "compare_2015", "timeline"} <= listed


def test_views_as_json_give_each_views_question_grain_and_key():
    p = run("views", "--format", "json", "--base")
    listed = {v["name"]: v for v in json.loads(p.stdout)}
    assert p.returncode == 0 and len(listed) == counts.TABLES + counts.VIEWS
    assert listed["votes"]["kind"] == "table" and listed["votes"]["path"] == "data/votes.csv"
    assert listed["margins"] == {
        "name": "margins", "kind": "view", "question": "who won each election and section, who came second, and by how much?",
        "grain": "one row per election and section with at least two candidates in results",
        "path": "queries/views/margins.sql", "schema_path": "queries/views/margins.schema.json",
        "primary_key": ["election_id", "section"], "unique_keys": []}
    assert listed["precision"]["primary_key"] == [] and listed["precision"]["unique_keys"][0][0] == "tbl"
