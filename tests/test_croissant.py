"""croissant.json from `labour2016 build`: valid for mlcroissant, which reads every table through it."""
import json
import subprocess
import sys

import pytest

from conftest import copy_package, read_table
from labour2016 import croissant, package

mlc = pytest.importorskip("mlcroissant", reason="mlcroissant is in the test extra; pip install -e '.[test]'")


def build(base, out):
    done = subprocess.run([sys.executable, "-m", "labour2016.cli", "build", "--package", str(base), "--out", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out / "croissant.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A build of a copy of the package into a folder beside it, as `build/` beside a checkout."""
    base = copy_package(tmp_path_factory.mktemp("croissant") / "pkg")
    return base, build(base, base / "build")


def as_csv_text(value, data_type: str) -> str:
    """A value mlcroissant read, written back the way the CSV spells it."""
    if value is None:
        return ""
    if data_type == "sc:Date":
        return value.date().isoformat()
    if data_type == "sc:Boolean":
        return "true" if value else "false"
    if data_type == "sc:Float":
        return repr(value)
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def csv_spelling(text: str, data_type: str, numeric_column: bool) -> str:
    """The CSV text as mlcroissant gives it back. mlcroissant reads CSV through pandas' type
    inference, so a text column whose every cell is a number (rules.votes_for_stated_as: "18")
    comes back as floats ("18.0"): a limitation of the reader (README, "Files for other tools")."""
    if text and (data_type == "sc:Float" or (data_type == "sc:Text" and numeric_column)):
        return repr(float(text))
    return text


def numeric_columns(rows: list[dict]) -> set[str]:
    def number(v):
        try:
            float(v)
            return True
        except ValueError:
            return False
    return {k for k in (rows[0] if rows else {}) if all(number(r[k]) for r in rows if r[k])
            and any(r[k] for r in rows)}


def test_mlcroissant_reads_every_table_with_every_row_and_value(built):
    base, path = built
    ds = mlc.Dataset(str(path))  # raises ValidationError on any error in the metadata
    document = json.loads(path.read_text(encoding="utf-8"))
    assert [r.uuid for r in ds.metadata.record_sets] == list(package.model(base).resources)
    read = {}
    for record_set in document["recordSet"]:
        name = record_set["name"]
        types = {f["name"]: f["dataType"] for f in record_set["field"]}
        read[name] = [{k.split("/", 1)[1]: as_csv_text(v, types[k]) for k, v in r.items()} for r in ds.records(name)]
        rows = read_table(name, base)
        numeric = numeric_columns(rows)
        expected = [{k: csv_spelling(v, types[f"{name}/{k}"], k in numeric) for k, v in row.items()} for row in rows]
        assert read[name] == expected, name
    corbyn = {r["source_id"] for r in read["votes"] if r["candidate_id"] == "jeremy-corbyn"
              and r["section"] == "all" and r["measure"] == "votes" and r["value"] == "313209.0"}
    assert "labourlist-2016-09-24-result" in corbyn


def test_fields_are_typed_keyed_and_referenced_from_the_table_schemas(built):
    _, path = built
    record_sets = {r["name"]: r for r in json.loads(path.read_text(encoding="utf-8"))["recordSet"]}
    votes = {f["name"]: f for f in record_sets["votes"]["field"]}
    assert votes["votes/value"]["dataType"] == "sc:Float" and votes["votes/round"]["dataType"] == "sc:Integer"
    assert record_sets["events"]["field"][2]["dataType"] == "sc:Date"
    assert [k["@id"] for k in record_sets["votes"]["key"]] == [
        "votes/election_id", "votes/section", "votes/candidate_id", "votes/measure", "votes/source_id", "votes/evidence",
        "votes/round"]
    assert votes["votes/source_id"]["references"] == {"fileObject": {"@id": "data/sources.csv"},
                                                       "extract": {"column": "source_id"}}
    # candidate_id is only in the composite key to candidates, which one Croissant reference cannot say
    assert "references" not in votes["votes/candidate_id"]


def test_every_file_carries_its_sha256_and_a_changed_file_is_refused(built, tmp_path):
    base, path = built
    document = json.loads(path.read_text(encoding="utf-8"))
    files = {f["name"]: f for f in document["distribution"]}
    resources = package.model(base).resources.values()
    assert set(files) == {"datapackage.json", *(r.path for r in resources), *(r.schema_path for r in resources)}
    assert files["data/votes.csv"]["contentUrl"] == "../data/votes.csv"
    import hashlib
    assert files["data/votes.csv"]["sha256"] == hashlib.sha256((base / "data/votes.csv").read_bytes()).hexdigest()

    other = copy_package(tmp_path / "pkg")
    tampered = build(other, other / "build")
    votes = other / "data" / "votes.csv"
    votes.write_text(votes.read_text(encoding="utf-8").replace("313209", "313208"), encoding="utf-8")
    with pytest.raises(Exception) as caught:
        list(mlc.Dataset(str(tampered)).records("votes"))
    chain = []
    e = caught.value
    while e is not None:
        chain.append(str(e))
        e = e.__cause__
    assert any("Expected: " + files["data/votes.csv"]["sha256"] in text for text in chain), chain


def test_cite_as_is_what_labour2016_cite_prints(capsys):
    from labour2016 import cli

    assert cli.main(["cite", "--format", "bibtex"]) == 0
    assert croissant.dataset(package.model())["citeAs"] == capsys.readouterr().out.strip()


def test_the_schema_org_part_says_what_the_package_is():
    pkg = package.model()
    dataset = croissant.dataset(pkg, prefix="https://example.org/labour2016/")
    written = json.loads((pkg.root / "datapackage.json").read_text(encoding="utf-8"))
    assert dataset["@type"] == "sc:Dataset" and dataset["version"] == written["version"]
    assert dataset["name"] == "labour2016" and dataset["alternateName"] == written["title"]
    assert dataset["license"] == "https://opendatacommons.org/licenses/by/1-0/"
    assert dataset["creator"] == [{"@type": "sc:Organization", "name": "labour2016 contributors"}]
    assert dataset["citeAs"].startswith("@misc{labour2016_0_3_0,\n  author = {{labour2016 contributors}},\n")
    urls = [f["contentUrl"] for f in dataset["distribution"]]
    assert "https://example.org/labour2016/data/votes.csv" in urls and len(urls) == 1 + 2 * len(pkg.resources)

