"""validate's view-contract step: each analytic view keeps its schema's declarations (key,
required columns, accepted values) on the package's data, and every broken one is named."""
import duckdb

from labour2016 import catalog, model
from labour2016.validate.view_contracts import violations
from tiny import problems, tiny

FIGURE = ("{id},test-party,,members,18000,members,\"18,000\",exact,test-leadership-2016,fictional-result,"
          "\"now counting 18,000 members\",\n")
KEY = "tbl, election_id, section, subject_id, candidate_id, measure, source_id, evidence, stated_as"


def test_a_figure_entered_twice_under_two_ids_breaks_the_precision_grain(tmp_path):
    # figures' own key (figure_id) cannot see it: one stated figure, two rows
    pkg = tiny(tmp_path, figures=FIGURE.format(id="party-members") + FIGURE.format(id="party-members-again"))
    assert problems(pkg) == [("queries/views/precision.sql", None, KEY,
                              str(("figures", "test-leadership-2016", None, "test-party", None, "members", "fictional-result",
                                   "now counting 18,000 members", "18,000")), "view-contract/uniqueKeys")]


def test_the_same_figure_once_keeps_every_contract(tmp_path):
    assert problems(tiny(tmp_path, figures=FIGURE.format(id="party-members"))) == []


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
    assert [(c, cols, v) for c, cols, v, _ in violations(con, view)] == [
        ("primaryKey", "k, n", ("a", 1)), ("required", "answer", None), ("enum", "answer", "maybe")]
