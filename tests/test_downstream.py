"""A downstream user's first step: frictionless reads the package into typed rows."""
import datetime
from decimal import Decimal

from frictionless import Package

import counts
from conftest import ROOT


def test_frictionless_reads_votes_into_typed_rows():
    package = Package(str(ROOT / "datapackage.json"))
    votes = package.get_resource("votes").read_rows()
    assert len(votes) == counts.ROWS["votes"]
    smith_members = {r["source_id"]: r["value"] for r in votes
                     if (r["candidate_id"], r["section"], r["measure"]) == ("owen-smith", "members", "votes")}
    assert smith_members == {"labourlist-2016-09-24-result": 116960, "totalpolitics-2016-09-24-breakdown": 116960,
                             "compiled-2016-09-24-corbyn-wins-again": 116960, "pinknews-2016-09-24-corbyn-wins": 116960,
                             "politicsresources-2016-09-24-labour-leadership-2016": 116960}
    # `value` is a Table Schema number: frictionless gives a Decimal, whole for a count.
    value = smith_members["labourlist-2016-09-24-result"]
    assert isinstance(value, Decimal) and int(value) == 116960 and value == value.to_integral_value()
    first_stage = next(r for r in votes if r["source_id"] == "ukpolitical-2015-results")
    assert first_stage["round"] == 1 and isinstance(first_stage["round"], int)
    assert next(r for r in votes if r["source_id"] == "labourlist-2016-09-24-result")["round"] is None


def test_frictionless_types_dates_integers_and_booleans():
    package = Package(str(ROOT / "datapackage.json"))
    elections = {r["election_id"]: r for r in package.get_resource("elections").read_rows()}
    e16 = elections["labour-leadership-2016"]
    assert e16["year"] == 2016 and isinstance(e16["year"], int)
    assert e16["result_date"] == datetime.date(2016, 9, 24)
    assert elections["labour-leadership-2015"]["result_date"] == datetime.date(2015, 9, 12)
    incumbents = {(r["election_id"], r["candidate_id"]) for r in package.get_resource("candidates").read_rows()
                  if r["incumbent"] is True}
    assert incumbents == {("labour-leadership-2016", "jeremy-corbyn")}
