"""The Hugging Face dataset card: README's front matter names one config per table and per view,
typed from the Table Schemas, and `datasets.load_dataset` reads them, offline, with those types."""
import json
import os
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from labour2016 import card, catalog, derived, package

FIX = derived.FIX


def front_matter() -> dict:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n"), "README.md must open with the dataset card: " + FIX
    return yaml.safe_load(text[4:text.index("\n---\n", 3)])


def test_the_card_and_the_view_snapshots_are_current():
    readme = derived.readme_text(ROOT, None, examples=False)
    assert all(p.read_text(encoding="utf-8") == text for p, text in readme.items()), "README.md's dataset card: " + FIX
    stale = [p.name for p, text in derived.snapshots(ROOT).items()
             if not p.is_file() or p.read_text(encoding="utf-8") != text]
    assert stale == [], f"stale view snapshots {stale}: {FIX}"
    assert sorted(p.name for p in (ROOT / card.FOLDER).iterdir()) == sorted(f"{v.name}.csv" for v in catalog.views())


def test_one_config_per_table_and_view_typed_from_its_schema():
    meta = front_matter()
    resources, views = package.model().resources, catalog.views()
    configs = {c["config_name"]: c for c in meta["configs"]}
    assert list(configs) == [*resources, *(v.name for v in views)]
    assert configs["votes"] == {"config_name": "votes", "data_files": "data/votes.csv", "default": True}
    assert configs["results"]["data_files"] == "views/results.csv"
    features = {i["config_name"]: {f["name"]: f["dtype"] for f in i["features"]} for i in meta["dataset_info"]}
    for name, resource in resources.items():
        assert features[name] == {f.name: card.TYPES[f.type.name] for f in resource.fields}
    assert features["votes"]["round"] == "int64" and features["events"]["date"] == "date32"
    assert features["results"]["votes"] == "int64"
    assert meta["license"] == "odc-by"


def test_a_new_row_makes_its_view_snapshot_stale(tmp_path):
    from conftest import copy_package

    copy = copy_package(tmp_path / "pkg")
    votes = copy / "data" / "votes.csv"
    rows = votes.read_text(encoding="utf-8").splitlines()
    corbyn = next(r for r in rows if ",jeremy-corbyn,votes,313209," in r and "labourlist" in r)
    votes.write_text("\n".join(rows + [corbyn.replace("labour-leadership-2016", "labour-leadership-2015", 1)
                                       .replace(",313209,", ",1,").replace('"313,209"', "1")]) + "\n", encoding="utf-8")
    assert derived.snapshots(ROOT)[ROOT / "views" / "reported_counts.csv"] != \
        card.snapshot(_connect(copy), next(v for v in catalog.views() if v.name == "reported_counts"))


def _connect(base):
    from labour2016 import api

    return api.open_model(package.model(base), safe=False, timeout=None, memory_limit=None)


def load(tmp_path, *configs):
    """Each config as `datasets.load_dataset(<checkout>, config)` gives it, offline, in a fresh cache."""
    pytest.importorskip("datasets", reason="datasets is in the test extra; pip install -e '.[test]'")
    script = (
        "import datasets, json, sys\n"
        "root, cache, *configs = sys.argv[1:]\n"
        "out = {}\n"
        "for config in configs:\n"
        "    d = datasets.load_dataset(root, config, cache_dir=cache)\n"
        "    out[config] = {'splits': list(d), 'features': {k: v.dtype for k, v in d['train'].features.items()},\n"
        "                   'rows': [{k: (v.isoformat() if hasattr(v, 'isoformat') else v) for k, v in r.items()}\n"
        "                            for r in d['train']]}\n"
        "print(json.dumps(out))\n")
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf"),
           "HF_DATASETS_DISABLE_PROGRESS_BARS": "1"}
    done = subprocess.run([sys.executable, "-c", script, str(ROOT), str(tmp_path / "cache"), *configs],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.slow  # a fresh interpreter importing datasets, and three loads
def test_datasets_loads_tables_and_views_by_config_with_their_types(tmp_path, tables):
    got = load(tmp_path, "votes", "events", "results")
    votes = got["votes"]
    assert votes["splits"] == ["train"]  # not tests/test_*.py taken for a test split
    assert votes["features"]["round"] == "int64" and votes["features"]["value"] == "float64"
    assert len(votes["rows"]) == len(tables["votes"])
    assert {r["round"] for r in votes["rows"]} >= {None, 1}  # a gappy integer column stays integer
    corbyn = [r for r in votes["rows"] if r["candidate_id"] == "jeremy-corbyn" and r["measure"] == "votes"
              and r["section"] == "all" and r["election_id"] == "labour-leadership-2016"]
    assert corbyn and {r["value"] for r in corbyn} == {313209.0}
    events = got["events"]
    assert events["features"]["date"] == "date32"
    assert {r["date"] for r in events["rows"] if r["event_type"] == "no_confidence_vote"} == {"2016-06-28"}
    results = got["results"]
    assert results["features"]["votes"] == "int64"
    assert [r["votes"] for r in results["rows"] if (r["election_id"], r["section"], r["candidate_id"]) ==
            ("labour-leadership-2016", "all", "jeremy-corbyn")] == [313209]
