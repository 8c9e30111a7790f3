"""validate's descriptor and views steps on the tiny package: what the descriptor or a Table
Schema says that no door can honour, reported against the file that says it, once."""
import json

import pytest

from tiny import edit_field, edit_resource, problems, replace, tiny


def test_the_tiny_package_is_valid(tmp_path):
    pkg = tiny(tmp_path)
    assert (problems(pkg), problems(pkg, sources=True)) == ([], [])


def test_malformed_descriptor(tmp_path):
    pkg = tiny(tmp_path)
    replace(pkg / "datapackage.json", '"name": "labour2016",', '"name": "labour2016"')
    assert problems(pkg) == [("datapackage.json", None, None, None, "json-error")]


def test_descriptor_that_is_not_an_object(tmp_path):
    pkg = tiny(tmp_path)
    (pkg / "datapackage.json").write_text("[]", encoding="utf-8")
    assert problems(pkg) == [("datapackage.json", None, None, None, "json-error")]


def test_malformed_schema(tmp_path):
    pkg = tiny(tmp_path)
    (pkg / "schemas/events.schema.json").write_text('{"fields": [', encoding="utf-8")
    assert problems(pkg) == [("schemas/events.schema.json", None, None, None, "json-error")]


def test_schema_that_is_not_utf8(tmp_path):
    pkg = tiny(tmp_path)
    (pkg / "schemas/events.schema.json").write_bytes(b'{"fields": [], "title": "\xff"}')
    assert problems(pkg) == [("schemas/events.schema.json", None, None, None, "encoding-error")]


def test_resource_name_that_is_not_a_data_package_name(tmp_path):
    pkg = tiny(tmp_path)
    edit_resource(pkg, "events", name="Events")
    assert problems(pkg) == [("datapackage.json", None, "resources[10].name", "Events", "descriptor-error")]


def test_second_resource_of_the_same_name(tmp_path):
    pkg = tiny(tmp_path)
    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    d["resources"].append(dict(d["resources"][10], path="data/votes.csv"))  # a second "events"
    (pkg / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    assert problems(pkg) == [("datapackage.json", None, "resources[17].name", "events", "descriptor-error")]


def test_delimiter_of_two_characters(tmp_path):
    pkg = tiny(tmp_path)
    edit_resource(pkg, "events", dialect={"header": True, "delimiter": ";;"})
    assert problems(pkg) == [("datapackage.json", None, "resources[10].dialect.delimiter", ";;", "descriptor-error")]


@pytest.mark.parametrize("schema,field,change,value", [
    ("events", "date", {"type": "when"}, "when"),  # no such type
    ("events", "date", {"type": "year"}, "year"),  # a Table Schema type labour2016 does not check
    ("events", "description", {"format": "email"}, "email"),  # a format it does not check
    ("votes", "value", {"constraints": {"exclusiveMinimum": 0}}, "exclusiveMinimum"),  # not enforced
    ("entities", "entity_id", {"constraints": {"pattern": "^[a-z"}}, "^[a-z"),  # not a regular expression
    ("candidates", "incumbent", {"trueValues": ["yes"]}, "['yes']"),  # DuckDB would not read "yes"
])
def test_field_no_door_can_honour(tmp_path, schema, field, change, value):
    pkg = tiny(tmp_path)
    edit_field(pkg / f"schemas/{schema}.schema.json", field, **change)
    assert problems(pkg) == [(f"schemas/{schema}.schema.json", None, field, value, "schema-error")]


def test_foreign_key_to_a_field_the_target_lacks(tmp_path):
    pkg = tiny(tmp_path)
    replace(pkg / "schemas/events.schema.json", '"fields": "entity_id"', '"fields": "entity"')
    assert problems(pkg) == [("schemas/events.schema.json", None, "foreignKeys[2]", "entity", "schema-error")]


@pytest.mark.parametrize("key,path", [
    ("path", "../x.csv"),
    ("path", "/etc/passwd"),
    ("path", "https://example.com/x.csv"),
    ("schema", "../events.schema.json"),
])
def test_path_out_of_the_package(tmp_path, key, path):
    pkg = tiny(tmp_path)
    edit_resource(pkg, "events", **{key: path})
    assert problems(pkg) == [("datapackage.json", None, f"resources[10].{key}", path, "unsafe-path")]


def test_symbolic_link_out_of_the_package(tmp_path):
    pkg = tiny(tmp_path)
    (pkg / "data/events.csv").rename(tmp_path / "events.csv")
    (pkg / "data/events.csv").symlink_to(tmp_path / "events.csv")
    assert problems(pkg) == [("datapackage.json", None, "resources[10].path", "data/events.csv", "unsafe-path")]


@pytest.mark.parametrize("gone", ["data/events.csv", "schemas/events.schema.json"])
def test_missing_file(tmp_path, gone):
    pkg = tiny(tmp_path)
    (pkg / gone).unlink()
    assert problems(pkg) == [(gone, None, None, None, "missing-file")]


def test_package_without_a_table_the_views_read(tmp_path):
    pkg = tiny(tmp_path)
    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    d["resources"] = [r for r in d["resources"] if r["name"] != "slips"]
    (pkg / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    assert problems(pkg) == [("datapackage.json", None, None, None, "views-error")]


def test_the_views_are_bound_unless_these_very_tables_were_bound_by_docs(tmp_path, monkeypatch):
    # `labour2016 docs` records the fingerprint of the tables it bound the views over
    # (queries/views.bound); only a package with the same fingerprint skips binding them again
    import duckdb

    from labour2016 import package
    from labour2016.validate import views

    bound, connect = [], duckdb.connect
    monkeypatch.setattr(duckdb, "connect", lambda *a, **k: bound.append(a) or connect(*a, **k))
    assert views.check(package.model(package.root())) == [] and bound == []
    pkg = tiny(tmp_path)  # the same tables: only their rows differ
    assert views.check(package.model(pkg)) == [] and bound == []
    edit_field(pkg / "schemas/entities.schema.json", "description", type="integer")
    assert views.check(package.model(pkg)) == [] and len(bound) == 1
    # another DuckDB may bind the same SQL differently: its fingerprint differs
    real = views.fingerprint(package.model(package.root()))
    monkeypatch.setattr(duckdb, "__version__", "0.0.1")
    assert views.fingerprint(package.model(package.root())) != real
