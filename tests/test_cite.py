"""`labour2016 cite`: the package's citation and its sources, from the data a wheel carries."""
import csv
import json

import yaml

import counts
from conftest import ROOT
from labour2016 import cli

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
with open(ROOT / "data" / "sources.csv", encoding="utf-8", newline="") as f:
    SOURCES = list(csv.DictReader(f))


def cite(capsys, *argv):
    assert cli.main(["cite", *argv]) == 0
    return capsys.readouterr().out


def test_text_citation_agrees_with_citation_cff(capsys):
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    out = cite(capsys)
    assert out.startswith(f"{cff['authors'][0]['name']} ({DESCRIPTOR['created'][:4]}). {cff['title']} "
                          f"(version {cff['version']}) [data set]. Licence {cff['license']}")
    assert "labour2016 cite --sources" in out


def test_sources_lists_every_source_with_its_publisher_and_how_its_date_is_known(capsys):
    lines = cite(capsys, "--sources").splitlines()[2:]
    assert [ln.split("]")[0][3:] for ln in lines] == [s["source_id"] for s in SOURCES] and len(lines) == counts.ROWS["sources"]
    total_politics = next(ln for ln in lines if "[totalpolitics-2016-09-24-breakdown]" in ln)
    assert "David Singleton, Total Politics (2016-09-24)." in total_politics
    assert "UK Political Info (date not given)" in next(ln for ln in lines if "[ukpolitical-2015-results]" in ln)
    assert "(2016-09-24, date inferred)" in next(ln for ln in lines if "[gulftimes-2016-09-24-corbyn-wins]" in ln)


def test_bibtex_has_one_balanced_entry_per_work(capsys):
    out = cite(capsys, "--sources", "--format", "bibtex")
    entries = out.strip().split("\n\n")
    assert len(entries) == 1 + len(SOURCES)
    assert entries[0].startswith("@misc{labour2016_0_3_0,") and "version = {0.3.0}" in entries[0]
    assert "url = {https://www.bbc.co.uk/news/uk-politics-37026145}" in out
    for e in entries:
        assert e.count("{") == e.count("}") and e.endswith("}")


def test_json_is_machine_readable(capsys):
    data = json.loads(cite(capsys, "--sources", "--format", "json"))
    assert data["package"]["version"] == DESCRIPTOR["version"] and data["package"]["licence"] == "ODC-By-1.0"
    assert {s["source_id"] for s in data["sources"]} == {s["source_id"] for s in SOURCES}


def test_readme_shows_the_current_bibtex(capsys):
    assert cite(capsys, "--format", "bibtex").strip() in (ROOT / "README.md").read_text(encoding="utf-8")
