"""The data package itself: valid, self-consistent, and true to its sources."""
import hashlib

import pytest
from frictionless import Package

import counts
from conftest import ROOT

E16, E15 = "labour-leadership-2016", "labour-leadership-2015"


def test_frictionless_validates_every_resource():
    report = Package(str(ROOT / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == counts.TABLES


def test_descriptor_metadata_is_complete(tables):
    dp = Package(str(ROOT / "datapackage.json"))
    assert dp.name == "labour2016" and dp.version
    assert dp.licenses and "quotations" in dp.licenses[0]["title"].lower()
    # one entry per row of sources.csv
    assert [s["title"] for s in dp.sources] == [f"{s['publisher']}: {s['title']}" for s in tables["sources"]]
    assert len(dp.sources) == counts.ROWS["sources"]
    for resource in dp.resources:
        assert resource.schema.primary_key, resource.name
        for field in resource.schema.fields:
            assert field.description, f"{resource.name}.{field.name}"


def rows(tables, name, **where):
    return [r for r in tables[name] if all(r[k] == v for k, v in where.items())]


def test_official_2016_result_is_complete(tables):
    ll = "labourlist-2016-09-24-result"
    got = {(r["section"], r["candidate_id"]): int(r["value"]) for r in
           rows(tables, "votes", election_id=E16, source_id=ll, measure="votes")}
    assert got[("members", "jeremy-corbyn")] == 168216
    assert got[("members", "owen-smith")] == 116960
    assert got[("registered_supporters", "jeremy-corbyn")] == 84918
    assert got[("registered_supporters", "owen-smith")] == 36599
    assert got[("affiliated_supporters", "jeremy-corbyn")] == 60075
    assert got[("all", "jeremy-corbyn")] == 313209
    assert got[("all", "owen-smith")] == 193229
    # LabourList leaves Smith's affiliated cell blank; Total Politics gives it.
    assert ("affiliated_supporters", "owen-smith") not in got
    tp = rows(tables, "votes", source_id="totalpolitics-2016-09-24-breakdown", section="affiliated_supporters",
              candidate_id="owen-smith", measure="votes")
    assert [int(r["value"]) for r in tp] == [39670]
    electorate = {r["measure"]: float(r["value"]) for r in rows(tables, "electorate", election_id=E16, source_id=ll)}
    assert electorate == {"turnout_pct": 77.6, "spoilt_ballots": 1042, "ballots_distributed": 654006, "valid_votes": 506438}


def test_disagreeing_sources_are_both_kept(tables):
    eligible = {r["source_id"]: float(r["value"]) for r in
                rows(tables, "electorate", election_id=E16, section="all", measure="eligible")}
    assert eligible == {"independent-2016-09-21-smith-concedes": 640000, "gulftimes-2016-09-24-corbyn-wins": 654006,
                        "guardian-2016-09-24-corbyn-win-changed-party": 654006, "pinknews-2016-09-24-corbyn-wins": 640500,
                        "sunderlandecho-2016-08-22-640000-eligible": 640000,
                        "itv-2016-09-24-turnout-77-6-labour-leadership": 660000}
    gmb = {r["source_id"]: r["ballot_participants"] for r in rows(tables, "endorsements", endorser_id="gmb", method="members_ballot")}
    assert gmb == {"bbc-2016-08-10-gmb-backs-smith": "43419", "morningstar-2016-08-11-gmb-turnout": "43635",
                   "ibtimes-uk-2016-09-24-smith-campaign": "43000"}
    sizes = sorted(int(r["value"]) for r in rows(tables, "figures", subject_id="gmb", measure="members"))
    assert sizes == [622000, 641000, 6000000]  # 6000,000 is printed so, a typo kept as printed
    # Morning Star counts only England and Wales: a different measure, not a disagreement.
    (ms,) = rows(tables, "figures", subject_id="gmb", measure="members_in_england_and_wales")
    assert int(ms["value"]) == 585000


def test_qualifiers_record_hedges(tables):
    (row,) = rows(tables, "endorsements", endorsement_id="gmb-smith-ibtimes")
    assert (row["ballot_participants"], row["ballot_participants_qualifier"]) == ("43000", "more_than")
    (bbc,) = rows(tables, "figures", figure_id="gmb-members-bbc")
    assert bbc["qualifier"] == "approximately"


def test_unnamed_speakers_stay_unnamed(tables):
    by_text = {r["text"]: r for r in tables["statements"]}
    for text in ("Labour remain disunited, chaotic and incapable of forging a better future for Wales and the UK",
                 "He said the leadership election was a distraction from holding the Conservative government to account."):
        assert by_text[text]["speaker_id"] == ""
    miliband = next(r for r in tables["statements"] if r["text"].startswith("Congratulations to Jeremy"))
    assert miliband["speaker_id"] == "mr-miliband"  # the text says only "Mr Miliband"


def test_no_wikidata_id_from_memory(tables):
    assert all(r["wikidata_id"] == "" for r in tables["entities"])


def test_reader_comments_and_furniture_are_not_statements(tables):
    texts = " ".join(r["text"] for r in tables["statements"])
    for noise in ("Tony B.Liar", "kiss my", "Your support makes all the difference", "Advertisement"):
        assert noise not in texts


def test_stated_as_is_inside_its_evidence(tables):
    for name in ("votes", "electorate", "figures", "nominations"):
        for r in tables[name]:
            assert r["stated_as"] in r["evidence"], (name, r)


# --- against the archived source texts (skipped where they are not available)

def test_source_hashes_match_archived_files(tables, sources_dir):
    for s in tables["sources"]:
        data = (sources_dir / s["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == s["sha256"], s["path"]
        assert len(data) == int(s["bytes"])


@pytest.mark.parametrize("table,column", [
    ("votes", "evidence"), ("electorate", "evidence"), ("endorsements", "evidence"), ("figures", "evidence"),
    ("nominations", "evidence"), ("events", "evidence"), ("candidates", "evidence"), ("statements", "text"),
    ("elections", "result_evidence"), ("elections", "date_evidence"),
])
def test_spans_occur_verbatim_in_their_source(tables, sources_dir, table, column):
    paths = {s["source_id"]: s["path"] for s in tables["sources"]}
    texts = {sid: (sources_dir / p).read_text(encoding="utf-8") for sid, p in paths.items()}
    missing = [(r["source_id"], r[column]) for r in tables[table] if r[column] not in texts[r["source_id"]]]
    assert not missing
