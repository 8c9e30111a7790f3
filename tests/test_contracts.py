"""labour2016.contracts: what a view's schema declares (key, required columns, accepted values)
is asked of its rows, and every broken declaration is named; the real data keeps them all
(tests/test_view_contracts.py)."""
import duckdb

import labour2016
from labour2016 import catalog, model
from labour2016.contracts import violations
from tiny import tiny

FIGURE = ("{id},test-party,,members,18000,members,\"18,000\",exact,test-leadership-2016,fictional-result,"
          "\"now counting 18,000 members\",\n")
PRECISION = next(v for v in catalog.views() if v.name == "precision")


def test_a_figure_entered_twice_under_two_ids_breaks_the_precision_grain(tmp_path):
    # validate passes it (figures' own key, figure_id, cannot see it): one stated figure, two rows
    pkg = tiny(tmp_path, figures=FIGURE.format(id="party-members") + FIGURE.format(id="party-members-again"))
    assert [(p.constraint, p.column, p.value) for p in violations(labour2016.connect(base=pkg), PRECISION)] == [
        ("uniqueKeys", "tbl, election_id, section, subject_id, candidate_id, measure, source_id, evidence, stated_as",
         ("figures", "test-leadership-2016", None, "test-party", None, "members", "fictional-result",
          "now counting 18,000 members", "18,000"))]


def test_the_same_figure_once_keeps_the_grain(tmp_path):
    pkg = tiny(tmp_path, figures=FIGURE.format(id="party-members"))
    assert violations(labour2016.connect(base=pkg), PRECISION) == []


def test_every_declaration_a_view_breaks_is_named():
    """A view over three inline rows: its key repeats, a required column is empty, a value is not accepted."""
    con = duckdb.connect()
    con.execute("create view tally as select * from (values ('a', 1, 'yes'), ('a', 1, null), ('b', 2, 'maybe')) t(k, n, answer)")
    string, integer = model.TYPES["string"], model.TYPES["integer"]
    view = catalog.View(
        name="tally", question="what?", grain="one row per k and n", sql="", path="queries/views/tally.sql",
        schema_path="queries/views/tally.schema.json", primary_key=("k", "n"), unique_keys=(), raw_schema={},
        fields=(model.Field("k", string), model.Field("n", integer),
                model.Field("answer", string, constraints={"required": True, "enum": ["yes", "no"]})))
    assert [(p.constraint, p.column, p.value) for p in violations(con, view)] == [
        ("primaryKey", "k, n", ("a", 1)), ("required", "answer", None), ("enum", "answer", "maybe")]
    assert violations(con, view)[0].message == ("view tally: 2 rows share (k, n) = ('a', 1), "
                                           "which its grain says is one row (one row per k and n)")
