"""A package is untrusted input: hostile copies are refused by every door (validate, build,
connect(base=...)), and nothing from them becomes SQL text or a path outside the package."""
import json
import os

import pytest

import labour2016
from conftest import copy_package
from labour2016 import cli, model


def edit_resource(pkg, resource, **changes):
    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    next(r for r in d["resources"] if r["name"] == resource).update(changes)
    (pkg / "datapackage.json").write_text(json.dumps(d, indent=2), encoding="utf-8")


def refused_everywhere(pkg, tmp_path, capsys, file, rule):
    """validate reports (file, rule); build writes nothing; query, named the package or run in its
    folder, answers nothing; connect(base=...) raises with the report."""
    assert cli.main(["validate", str(pkg), "--no-sources", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert (file, rule) in {(p["file"], p["rule"]) for p in problems}, problems
    out = tmp_path / "out"
    assert cli.main(["build", "--package", str(pkg), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert rule in err and "Traceback" not in err
    assert not any(p.is_file() for p in out.rglob("*")) if out.exists() else True
    assert cli.main(["query", "--package", str(pkg), "select 1 as answered"]) == 1
    shown = capsys.readouterr()
    assert rule in shown.err and "answered" not in shown.out and "Traceback" not in shown.err
    here = os.getcwd()
    os.chdir(pkg)
    try:
        assert cli.main(["query", "select 1 as answered"]) == 1
    finally:
        os.chdir(here)
    shown = capsys.readouterr()
    assert rule in shown.err and "answered" not in shown.out
    with pytest.raises(model.PackageError, match=rule):
        labour2016.connect(base=pkg)


def test_sql_in_a_resource_name_is_refused_and_never_run(tmp_path, capsys):
    pkg = copy_package(tmp_path / "pkg")
    marker = tmp_path / "written-by-sql"
    edit_resource(pkg, "events", name=f"events as select 1; copy (select 1) to '{marker}'; "
                                      "create or replace view events")
    refused_everywhere(pkg, tmp_path, capsys, "datapackage.json", "descriptor-error")
    assert not marker.exists()


def test_a_path_outside_the_package_is_refused(tmp_path, capsys):
    pkg = copy_package(tmp_path / "pkg")
    edit_resource(pkg, "events", path="/etc/passwd")
    refused_everywhere(pkg, tmp_path, capsys, "datapackage.json", "unsafe-path")


def test_a_symlink_out_of_the_package_is_refused(tmp_path, capsys):
    pkg = copy_package(tmp_path / "pkg")
    outside = tmp_path / "outside.csv"
    outside.write_bytes((pkg / "data" / "votes.csv").read_bytes())
    (pkg / "data" / "votes.csv").unlink()
    os.symlink(outside, pkg / "data" / "votes.csv")
    refused_everywhere(pkg, tmp_path, capsys, "datapackage.json", "unsafe-path")


@pytest.mark.parametrize("prop, value", [("uniqueKeys", [["election_id", "year"]]), ("fieldsMatch", "subset")])
def test_a_schema_property_no_door_checks_is_refused(tmp_path, capsys, prop, value):
    """A Table Schema v2 property validate would otherwise pass unchecked."""
    pkg = copy_package(tmp_path / "pkg")
    path = pkg / "schemas" / "elections.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**schema, prop: value}), encoding="utf-8")
    refused_everywhere(pkg, tmp_path, capsys, "schemas/elections.schema.json", "schema-error")


def test_a_second_resource_with_the_same_name_is_refused(tmp_path, capsys):
    pkg = copy_package(tmp_path / "pkg")
    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    d["resources"].append(dict(d["resources"][0]))
    (pkg / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    refused_everywhere(pkg, tmp_path, capsys, "datapackage.json", "descriptor-error")


def test_a_key_naming_a_missing_field_is_refused_against_its_schema(tmp_path, capsys):
    pkg = copy_package(tmp_path / "pkg")
    f = pkg / "schemas" / "events.schema.json"
    schema = json.loads(f.read_text(encoding="utf-8"))
    schema["primaryKey"] = ["no_such_field"]
    f.write_text(json.dumps(schema), encoding="utf-8")
    refused_everywhere(pkg, tmp_path, capsys, "schemas/events.schema.json", "schema-error")


def test_a_foreign_key_to_a_missing_resource_is_refused(tmp_path, capsys):
    pkg = copy_package(tmp_path / "pkg")
    f = pkg / "schemas" / "events.schema.json"
    schema = json.loads(f.read_text(encoding="utf-8"))
    schema["foreignKeys"][0]["reference"]["resource"] = "nowhere"
    f.write_text(json.dumps(schema), encoding="utf-8")
    refused_everywhere(pkg, tmp_path, capsys, "schemas/events.schema.json", "schema-error")


def test_data_that_validate_refuses_is_not_built_or_connected(tmp_path, capsys):
    """A negative vote count: schema-valid JSON, invalid data."""
    pkg = copy_package(tmp_path / "pkg")
    votes = pkg / "data" / "votes.csv"
    votes.write_text(votes.read_text(encoding="utf-8").replace(",313209,", ",-313209,", 1), encoding="utf-8")
    refused_everywhere(pkg, tmp_path, capsys, "data/votes.csv", "constraint-error")


def test_a_source_path_outside_the_sources_folder_is_not_read(tmp_path, capsys, sources_dir):
    pkg = copy_package(tmp_path / "pkg")
    f = pkg / "data" / "sources.csv"
    lines = f.read_text(encoding="utf-8").split("\n")
    first = lines[1].split(",")
    path_col = lines[0].split(",").index("path")
    assert first[path_col].endswith(".txt")
    first[path_col] = "../../../etc/hostname.txt"
    lines[1] = ",".join(first)
    f.write_text("\n".join(lines), encoding="utf-8")
    assert cli.main(["validate", str(pkg), "--sources", str(sources_dir), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert {(p["column"], p["rule"]) for p in problems if p["file"] == "data/sources.csv"} >= {("path", "unsafe-path")}
    assert not any(p["rule"] == "source-hash" for p in problems), "the file outside was never hashed"


def test_a_package_missing_a_table_the_views_read_is_refused(tmp_path, capsys):
    pkg = copy_package(tmp_path / "pkg")
    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    d["resources"] = [r for r in d["resources"] if r["name"] != "events"]
    (pkg / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    refused_everywhere(pkg, tmp_path, capsys, "datapackage.json", "views-error")
