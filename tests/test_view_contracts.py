"""Every analytic view against its own file and Table Schema (queries/views/NAME.sql and
NAME.schema.json): headed by its question and grain, its columns described in order and typed
as DuckDB gives them, and, on the real data, its primary or unique keys unique, its required
columns never null and its enum columns within their accepted values (labour2016.contracts,
whose failures tests/test_contracts.py shows)."""
import counts
import json
import shutil

import pytest

import labour2016
from labour2016 import catalog, model, sqlgen
from labour2016.contracts import violations

VIEWS = catalog.views()
DUCKDB_TYPES = {t.duckdb: t.name for t in model.TYPES.values()} | {"INTEGER": "integer", "HUGEINT": "integer"}


@pytest.fixture(scope="module")
def con():
    return labour2016.connect()


def test_every_view_of_views_sql_has_its_own_file(root):
    created = [line.split()[4] for line in sqlgen.split(sqlgen.views_sql())[2].splitlines()
               if line.startswith("create or replace view ")]
    assert sorted(created) == sorted(v.name for v in VIEWS) and len(VIEWS) == counts.VIEWS


def test_views_sql_is_what_its_parts_make(root):
    assert (root / sqlgen.VIEWS_SQL).read_text(encoding="utf-8") == sqlgen.assemble(root)
    assert sqlgen.main(["--check"]) == 0


def test_a_view_comes_after_the_views_it_reads():
    order = [v.name for v in catalog.in_dependency_order(VIEWS)]
    assert order.index("source_rank") < order.index("reported_counts") < order.index("results") \
        < order.index("margins") < order.index("results_wide")


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.name)
def test_columns_are_described_in_order_with_their_types(con, view):
    got = [(name, DUCKDB_TYPES[kind]) for name, kind, *_ in con.execute(f"describe {sqlgen.ident(view.name)}").fetchall()]
    assert got == [(f.name, f.type.name) for f in view.fields]
    assert [f.name for f in view.fields if len(f.description) < 10] == []
    assert view.question.endswith("?") and view.grain.startswith("one row per ")


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.name)
def test_the_view_keeps_its_declared_keys_required_columns_and_values(con, view):
    """labour2016.contracts, on the real data."""
    assert violations(con, view) == []
    assert con.execute(f"select count(*) from {sqlgen.ident(view.name)}").fetchone()[0] > 0


def test_most_views_have_a_primary_key():
    # the rest are told apart by a column that may be empty: a source no row cites has no table,
    # a count across candidates no candidate, a discrepancy or figure perhaps no section or subject
    assert sorted(v.name for v in VIEWS if not v.primary_key) == [
        "discrepancies", "nomination_tallies", "precision", "source_coverage"]


def _copy_queries(tmp_path, root):
    shutil.copytree(root / "queries", tmp_path / "queries")
    for part in ("schemas", "datapackage.json", "data"):
        (shutil.copytree if (root / part).is_dir() else shutil.copy)(root / part, tmp_path / part)
    return tmp_path / "queries" / "views"


def test_a_view_without_its_schema_is_refused(tmp_path, root):
    folder = _copy_queries(tmp_path, root)
    (folder / "margins.schema.json").unlink()
    with pytest.raises(catalog.CatalogError, match="queries/views/margins.schema.json.*missing-file"):
        catalog.views(tmp_path)


def test_a_view_without_its_question_and_grain_is_refused(tmp_path, root):
    folder = _copy_queries(tmp_path, root)
    sql = (folder / "margins.sql").read_text(encoding="utf-8")
    (folder / "margins.sql").write_text("\n".join(line for line in sql.splitlines() if not line.startswith("-- grain:")),
                                        encoding="utf-8")
    with pytest.raises(catalog.CatalogError, match="margins.sql: must open with"):
        catalog.views(tmp_path)


def test_a_file_named_for_another_view_is_refused(tmp_path, root):
    folder = _copy_queries(tmp_path, root)
    (folder / "margins.sql").rename(folder / "margin.sql")
    (folder / "margins.schema.json").rename(folder / "margin.schema.json")
    with pytest.raises(catalog.CatalogError, match="margin.sql: must create exactly one view, named margin"):
        catalog.views(tmp_path)


def _schema_edited(tmp_path, root, view, edit):
    """A copy of the queries whose view schema has been changed by edit(schema)."""
    path = _copy_queries(tmp_path, root) / f"{view}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    edit(schema)
    path.write_text(json.dumps(schema), encoding="utf-8")


@pytest.mark.parametrize("view, edit, message", [
    ("precision", lambda s: s.pop("uniqueKeys"), "precision.schema.json: declares neither a primaryKey nor uniqueKeys"),
    ("precision", lambda s: s["uniqueKeys"][0].append("row"),
     r"precision.schema.json \[uniqueKeys\]: names fields the schema does not have: row"),
    ("margins", lambda s: s["fields"][0].update(type="geopoint"), "margins.schema.json.*schema-error.*geopoint"),
    ("margins", lambda s: s.update(primaryKey=["winner"]), "margins.schema.json.*primaryKey names a field .*: winner"),
], ids=["no key", "unique key naming no column", "type no door reads", "primary key naming no column"])
def test_a_view_schema_that_cannot_be_honoured_is_refused(tmp_path, root, view, edit, message):
    _schema_edited(tmp_path, root, view, edit)
    with pytest.raises(catalog.CatalogError, match=message):
        catalog.views(tmp_path)


@pytest.mark.parametrize("command", [["views"], ["dictionary", "margins"], ["docs", "--check"]])
def test_a_broken_view_file_stops_a_command_with_its_name_and_no_traceback(tmp_path, root, monkeypatch, capsys, command):
    from labour2016 import cli, package

    _schema_edited(tmp_path, root, "margins", lambda s: s.pop("primaryKey"))
    shutil.copytree(root / "docs", tmp_path / "docs")
    shutil.copy(root / "README.md", tmp_path / "README.md")
    monkeypatch.setattr(package, "root", lambda: tmp_path)
    assert cli.main(command) == 2
    err = capsys.readouterr().err
    assert err.startswith("labour2016") and err.endswith(": queries/views/margins.schema.json: declares neither a "
                                                       "primaryKey nor uniqueKeys, so nothing says what a row is\n")
    assert "Traceback" not in err


def test_views_reading_one_another_in_a_cycle_are_refused(tmp_path, root):
    folder = _copy_queries(tmp_path, root)
    path = folder / "source_rank.sql"
    path.write_text(path.read_text(encoding="utf-8").replace("from sources;", "from sources, results_wide;"),
                    encoding="utf-8")
    with pytest.raises(catalog.CatalogError, match="cycle"):
        catalog.in_dependency_order(catalog.views(tmp_path))


def test_a_stale_views_sql_is_reported(tmp_path, root, monkeypatch):
    folder = _copy_queries(tmp_path, root)
    path = folder / "margins.sql"
    path.write_text(path.read_text(encoding="utf-8").replace("who came second", "who was second"), encoding="utf-8")
    monkeypatch.setattr(sqlgen.package, "root", lambda: tmp_path)
    assert sqlgen.main(["--check"]) == 1
    assert sqlgen.main([]) == 0 and sqlgen.main(["--check"]) == 0
    assert "who was second" in (tmp_path / sqlgen.VIEWS_SQL).read_text(encoding="utf-8")
