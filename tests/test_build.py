"""`labour2016 build`: a DuckDB file and Parquet files that read back, written atomically."""
import csv
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

import duckdb
import pytest

import conftest
from conftest import ROOT, copy_package
from labour2016 import catalog, package

CORBYN_2016 = ("select votes from results where election_id = 'labour-leadership-2016' "
               "and section = 'all' and candidate_id = 'jeremy-corbyn'")


def build(out, *extra):
    return conftest.build(out, *extra)


def csv_rows(name, base=ROOT):
    with open(base / "data" / f"{name}.csv", encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1


def debris(out):
    return [f.name for f in out.rglob("*") if ".tmp" in f.name or f.name.endswith(".wal")]


def test_database_and_parquet_read_back_with_every_row(built):
    out, _ = built
    db = duckdb.connect(str(out / "labour2016.duckdb"), read_only=True)
    con = duckdb.connect()
    names = list(package.model().resources)
    assert sorted(f.stem for f in (out / "parquet").iterdir()) == sorted(names + [v.name for v in catalog.views()])
    for name in names:
        expected = csv_rows(name)
        assert db.execute(f'select count(*) from "{name}"').fetchone()[0] == expected, name
        parquet = str(out / "parquet" / f"{name}.parquet")
        assert con.execute("select count(*) from read_parquet(?)", [parquet]).fetchone()[0] == expected, name
    assert db.execute(CORBYN_2016).fetchone()[0] == 313209
    # the views' rows computed for Parquet and SQLite were temporary tables, not kept here
    assert sorted(r[0] for r in db.execute("select table_name from duckdb_tables()").fetchall()) == sorted(names)
    views = {r[0] for r in db.execute("select table_name from information_schema.tables where table_type = 'VIEW'").fetchall()}
    assert {"results", "turnout", "margins", "discrepancies", "compare_2015", "timeline"} <= views


def test_the_database_describes_every_table_view_and_column(built):
    """As the data dictionary does: DuckDB's own catalogue carries each description."""
    out, _ = built
    db = duckdb.connect(str(out / "labour2016.duckdb"), read_only=True)
    comments = dict(((t, c), note) for t, c, note in db.execute(
        "select table_name, column_name, comment from duckdb_columns() where not internal").fetchall())
    resources, views = package.model().resources, catalog.views()
    assert comments == {**{(r.name, f.name): f.description for r in resources.values() for f in r.fields},
                        **{(v.name, f.name): f.description for v in views for f in v.fields}}
    assert comments["votes", "value"] == "The figure as a number."
    view = dict(db.execute("select view_name, comment from duckdb_views() where not internal").fetchall())
    assert view["margins"].startswith("who won each election and section, who came second, and by how much? One row per ")
    assert dict(db.execute("select table_name, comment from duckdb_tables()").fetchall())["votes"] == resources["votes"].title


def test_parquet_keeps_the_schema_types(built):
    out, _ = built
    described = duckdb.connect().execute("describe select * from read_parquet(?)",
                                         [str(out / "parquet" / "events.parquet")]).fetchall()
    types = {r[0]: r[1] for r in described}
    assert types["date"] == "DATE" and types["event_id"] == "VARCHAR"


def test_progress_on_stderr_and_nothing_left_behind(built):
    out, p = built
    assert p.stdout == ""
    for name in package.model().resources:
        assert f"{name}: {csv_rows(name)} rows" in p.stderr
    assert "done in" in p.stderr.splitlines()[-1]
    assert debris(out) == []


def test_the_duckdb_cli_opens_the_database(built, duckdb_bin):
    out, _ = built
    p = subprocess.run([duckdb_bin, "-readonly", "-csv", str(out / "labour2016.duckdb"), "-c", CORBYN_2016],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert p.stdout.split() == ["votes", "313209"]


def test_a_failed_build_leaves_the_previous_one_intact(tmp_path):
    out = tmp_path / "out"
    assert build(out).returncode == 0
    before = {f: f.read_bytes() for f in out.rglob("*") if f.is_file()}
    bad = copy_package(tmp_path / "bad")
    votes = bad / "data" / "votes.csv"
    votes.write_text(votes.read_text(encoding="utf-8").replace(",313209,", ",not-a-number,", 1), encoding="utf-8")
    p = build(out, "--package", str(bad))
    assert p.returncode == 1
    assert "Traceback" not in p.stderr and "failed" in p.stderr and "not-a-number" in p.stderr
    assert {f: f.read_bytes() for f in out.rglob("*") if f.is_file()} == before
    assert debris(out) == []


def test_an_unwritable_output_exits_1_without_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    p = build(blocker)
    assert p.returncode == 1 and "Traceback" not in p.stderr


SMITH_MEMBERS = ("select source_id, value from votes where candidate_id = 'owen-smith' and section = 'members' "
                 "and measure = 'votes' order by source_id")


def test_sqlite_holds_every_table_typed_with_its_keys(built):
    out, _ = built
    db = sqlite3.connect(out / "labour2016.sqlite")
    for name, resource in package.model().resources.items():
        assert db.execute(f'select count(*) from "{name}"').fetchone()[0] == csv_rows(name), name
        fields = resource.raw_schema["fields"]
        assert [r[1] for r in db.execute(f'pragma table_info("{name}")')] == [f["name"] for f in fields], name
    assert db.execute(SMITH_MEMBERS).fetchall() == [
        ("compiled-2016-09-24-corbyn-wins-again", 116960), ("labourlist-2016-09-24-result", 116960),
        ("pinknews-2016-09-24-corbyn-wins", 116960), ("politicsresources-2016-09-24-labour-leadership-2016", 116960),
        ("totalpolitics-2016-09-24-breakdown", 116960)]
    types = {r[1]: r[2] for r in db.execute("pragma table_info(votes)")}
    assert (types["value"], types["round"], types["candidate_id"]) == ("REAL", "INTEGER", "TEXT")
    assert db.execute("select incumbent from candidates where candidate_id = 'jeremy-corbyn' "
                      "and election_id = 'labour-leadership-2016'").fetchone() == (1,)
    assert {r[2] for r in db.execute("pragma foreign_key_list(votes)")} >= {"sources", "candidates"}
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_datasette_browses_the_sqlite_build_with_its_descriptions(built):
    pytest.importorskip("datasette", reason="datasette is in the test extra; pip install -e '.[test]'")
    import asyncio
    import json

    from datasette.app import Datasette

    out, _ = built
    metadata = json.loads((out / "datasette-metadata.json").read_text(encoding="utf-8"))
    votes_schema = package.model().resources["votes"].raw_schema
    assert metadata["license"] == "ODC-By-1.0" and metadata["title"] == package.model().raw["title"]
    assert metadata["databases"]["labour2016"]["tables"]["votes"]["columns"]["value"] == \
        next(f["description"] for f in votes_schema["fields"] if f["name"] == "value")

    async def get(path):
        ds = Datasette([str(out / "labour2016.sqlite")], metadata=metadata)
        response = await ds.client.get(path)
        return response.status_code, response.json()

    status, rows = asyncio.run(get("/labour2016/votes.json?candidate_id=owen-smith&section=members"
                                   "&measure=votes&_shape=array&_sort=source_id"))
    assert status == 200 and [(r["source_id"], r["value"]) for r in rows] == [
        ("compiled-2016-09-24-corbyn-wins-again", 116960), ("labourlist-2016-09-24-result", 116960),
        ("pinknews-2016-09-24-corbyn-wins", 116960), ("politicsresources-2016-09-24-labour-leadership-2016", 116960),
        ("totalpolitics-2016-09-24-breakdown", 116960)]


def test_a_build_removes_what_an_interrupted_build_left(tmp_path):
    out = tmp_path / "out"
    (out / "parquet").mkdir(parents=True)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead, alive = int(gone.stdout), os.getpid()  # a finished process; this one, running
    left = [out / f".labour2016.duckdb.tmp-{dead}", out / f".labour2016.duckdb.tmp-{dead}.wal",
            out / "parquet" / f".votes.parquet.tmp-{dead}"]
    running = out / f".labour2016.sqlite.tmp-{alive}"
    for f in [*left, running]:
        f.write_text("half-written")
    p = build(out)
    assert p.returncode == 0, p.stderr
    assert not any(f.exists() for f in left) and running.exists()
    assert f"removed .votes.parquet.tmp-{dead}, left by an interrupted build" in p.stderr


def test_ctrl_c_during_a_build_exits_130_and_leaves_nothing(tmp_path, monkeypatch, capsys):
    from labour2016 import cli
    from labour2016.commands import build as command

    def interrupted(pkg, out, staged):
        staged.append((out / ".half.tmp-1", out / "half"))
        staged[-1][0].write_text("half-written")
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "_write_all", interrupted)
    assert cli.main(["build", "--out", str(tmp_path / "out")]) == 130
    assert capsys.readouterr().err == "labour2016: interrupted\n"
    assert debris(tmp_path / "out") == []


def test_parquet_describes_itself_and_views_keep_their_integer_counts(built):
    """pyarrow reads each table's and column's description back, and a view's integer column is an integer."""
    import pyarrow.parquet as pq

    out, _ = built
    resources = package.model().resources
    for name, resource in resources.items():
        schema = pq.read_schema(out / "parquet" / f"{name}.parquet")
        assert schema.metadata[b"description"].decode() == resource.description, name
        assert [schema.field(f.name).metadata[b"description"].decode() for f in resource.fields] == \
            [f.description for f in resource.fields], name
    votes = pq.read_schema(out / "parquet" / "votes.parquet")
    assert votes.field("value").metadata[b"description"] == b"The figure as a number."
    for view in catalog.views():
        schema = pq.read_schema(out / "parquet" / f"{view.name}.parquet")
        assert schema.names == view.names, view.name
        assert schema.metadata[b"title"].decode() == view.question, view.name
        for f in view.fields:
            assert schema.field(f.name).metadata[b"description"].decode() == f.description, (view.name, f.name)
    results = pq.read_table(out / "parquet" / "results.parquet")
    assert str(results.schema.field("votes").type) == "int64"
    rows = results.to_pylist()
    corbyn = next(r for r in rows if (r["election_id"], r["section"], r["candidate_id"]) ==
                  ("labour-leadership-2016", "all", "jeremy-corbyn"))
    assert corbyn["votes"] == 313209 and isinstance(corbyn["votes"], int)


def test_sqlite_holds_every_view_as_a_view_or_a_computed_table_as_its_description_says(built):
    out, _ = built
    db = sqlite3.connect(out / "labour2016.sqlite")
    kinds = dict(db.execute("select name, type from sqlite_master where type in ('view', 'table')").fetchall())
    described = json.loads((out / "datasette-metadata.json").read_text(encoding="utf-8"))["databases"]["labour2016"]["tables"]
    duck = duckdb.connect(str(out / "labour2016.duckdb"), read_only=True)
    for view in catalog.views():
        assert kinds[view.name] in ("view", "table"), view.name
        said = "A SQLite view" if kinds[view.name] == "view" else "A table computed by DuckDB"
        assert said in described[view.name]["description"], view.name
        assert described[view.name]["columns"] == {f.name: f.description for f in view.fields}
        assert [r[1] for r in db.execute(f'pragma table_info("{view.name}")')] == view.names, view.name
        n = db.execute(f'select count(*) from "{view.name}"').fetchone()[0]
        assert n == duck.execute(f'select count(*) from "{view.name}"').fetchone()[0], view.name
    assert "view" in kinds.values() and kinds["timeline"] == "view"  # a plain select translates
    assert db.execute(CORBYN_2016).fetchone() == (313209,)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, deadline: float) -> str:
    """GET url, retrying while the server starts, until deadline (time.monotonic)."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_datasette_serves_the_views_over_http(built):
    """`datasette labour2016.sqlite -m datasette-metadata.json` answers from the views in its JSON API."""
    pytest.importorskip("datasette", reason="datasette is in the test extra; pip install -e '.[test]'")
    out, _ = built
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(out / "labour2016.sqlite"),
                               "-m", str(out / "datasette-metadata.json"), "-h", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}/labour2016"
        deadline = time.monotonic() + 60
        rows = json.loads(_get(f"{base}/results.json?_shape=array&election_id=labour-leadership-2016&section=all"
                         "&_sort=candidate_id", deadline))
        assert [(r["candidate_id"], r["votes"]) for r in rows] == [("jeremy-corbyn", 313209), ("owen-smith", 193229)]
        margins = json.loads(_get(f"{base}/margins.json?_shape=array&election_id=labour-leadership-2016"
                                  "&section=members", deadline))
        assert [(r["winner_id"], r["runner_up_id"]) for r in margins] == [("jeremy-corbyn", "owen-smith")]
        page = _get(f"{base}/results", deadline)  # the description a reader sees above the rows
        assert "A table computed by DuckDB from queries/views/results.sql" in page
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def test_build_works_within_validates_memory_bound_and_removes_its_spill_folder(tmp_path, monkeypatch):
    """build's connection is bounded as validate's reader's is: a memory limit (not DuckDB's
    default, 80% of the machine; validate's is larger, for two steps side by side over the tables),
    two threads, and a spill folder of its own, removed afterwards. Unbounded, a 10^5-row package's
    views took 24 GB and the kernel killed the build."""
    from tiny import tiny

    from labour2016 import api, bounds, cli
    from labour2016.validate import files

    def limit(memory: str) -> str:
        return duckdb.connect(config={"memory_limit": memory}).execute("select current_setting('memory_limit')").fetchone()[0]

    def settings(con):
        return con.execute("select current_setting('memory_limit'), current_setting('threads'), "
                           "current_setting('temp_directory')").fetchall()[0]

    seen = []
    opened = api.open_model
    monkeypatch.setattr(api, "open_model", lambda *a, **k: seen.append(settings(con := opened(*a, **k))) or con)
    pkg = tiny(tmp_path)
    assert cli.main(["build", "--out", str(tmp_path / "out"), "--package", str(pkg)]) == 0
    database, _ = files.read(package.model(pkg))
    try:
        reader = settings(database.con)
    finally:
        database.close()
    [(memory, threads, folder)] = seen
    assert (memory, reader[0]) == (limit(bounds.WORK_MEMORY), limit(bounds.VALIDATE_MEMORY))
    assert threads == reader[1] == 2
    assert duckdb.connect().execute("select current_setting('memory_limit')").fetchone()[0] not in (memory, reader[0])
    assert folder and folder != reader[2] and not os.path.exists(folder) and not os.path.exists(reader[2])


@pytest.mark.parametrize("translated, kind", [
    ("select n, s, d from t", "view"),
    ("select distinct n, s, d from t", "table"),  # the same rows, but not as often: DuckDB's answer is kept
    ("select n, s, d from t where n > 0", "table"),
    ("select case when n = -1 then -2 else n end, s, d from t", "table"),  # hash() makes -1 and -2 equal
])
def test_a_view_stays_a_sqlite_view_only_where_it_gives_duckdbs_rows_as_often(tmp_path, monkeypatch, translated, kind):
    """store_view compares the two engines' rows as counted multisets, a batch at a time (3 rows,
    batches of 2), and a view it cannot keep is stored as a table of every DuckDB row, dates as ISO text."""
    from dataclasses import replace

    from labour2016 import model, sqlite
    monkeypatch.setattr(sqlite, "BATCH", 2)
    rows = [(1, "a", "2016-09-24"), (1, "a", "2016-09-24"), (-1, "b", None)]
    con = duckdb.connect()
    con.execute("create table t (n bigint, s varchar, d date)")
    con.executemany("insert into t values (?, ?, ?)", rows)
    con.execute("create view v as select n, s, d from t")
    db = sqlite3.connect(tmp_path / "x.sqlite")
    db.execute("create table t (n INTEGER, s TEXT, d TEXT)")
    db.executemany("insert into t values (?, ?, ?)", rows)
    fields = tuple(model.Field(name, model.TYPES[t]) for name, t in (("n", "integer"), ("s", "string"), ("d", "date")))
    view = replace(catalog.views()[0], name="v", fields=fields,
                   sql=f"create or replace view v as {translated};")
    assert sqlite.store_view(con, db, view, "v") == kind
    assert sorted(db.execute("select * from v").fetchall(), key=str) == sorted(rows, key=str)


def test_a_large_packages_build_holds_its_tables_in_a_file_and_writes_the_same_outputs(tmp_path, monkeypatch):
    """Past bounds.FILE_DATABASE_BYTES of CSV, build's connection keeps the tables in a database file
    of its workspace, not in memory: the DuckDB and SQLite files it writes hold the same rows."""
    from tiny import tiny

    from labour2016 import bounds, cli

    def contents(out):
        db = duckdb.connect(str(out / "labour2016.duckdb"), read_only=True)
        lite = sqlite3.connect(out / "labour2016.sqlite")
        try:
            names = [r[0] for r in db.execute("select table_name from information_schema.tables order by 1").fetchall()]
            return ({n: db.execute(f'select * from "{n}" order by all').fetchall() for n in names},
                    {n: sorted(map(repr, lite.execute(f'select * from "{n}"').fetchall())) for n in names})
        finally:
            db.close()
            lite.close()

    pkg = tiny(tmp_path)
    assert cli.main(["build", "--out", str(tmp_path / "memory"), "--package", str(pkg)]) == 0
    places = []
    database = bounds.Workspace.database
    monkeypatch.setattr(bounds, "FILE_DATABASE_BYTES", 0)
    monkeypatch.setattr(bounds.Workspace, "database", lambda self, rs: places.append(database(self, rs)) or places[-1])
    assert cli.main(["build", "--out", str(tmp_path / "file"), "--package", str(pkg)]) == 0
    assert len(places) == 2 and all(p.endswith(".duckdb") and not os.path.exists(os.path.dirname(p)) for p in places)
    in_memory, in_file = contents(tmp_path / "memory"), contents(tmp_path / "file")
    assert in_file == in_memory and len(in_memory[0]) > 17 and in_memory[0]["votes"]
