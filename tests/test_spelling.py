import pytest

from labour2016 import spelling

PARSE = [
    ("116,960", 116960), ("61.80%", 61.8), ("61.8 per cent", 61.8), ("more than half a million", 500000),
    ("6000,000", 6000000), ("£60bn", 60), ("$77.8bn", 77.8), ("4.6 pp", 4.6), ("over 60 per cent", 60),
    ("about 641,000", 641000), ("just over 4 per cent", 4), ("little more than 12", 12),
    ("One hundred and seventy-two", 172), ("four", 4), ("Four", 4), ("eight", 8), ("five", 5),
    ("two", 2), ("three", 3), ("second", 2), ("third", 3), ("fourth", 4), ("biggest", 1),
    ("£25", 25), ("7.4 per cent", 7.4), ("more than 43,000", 43000), ("19.0%", 19.0),
    ("1.3 million", 1300000), ("about 2 thousand", 2000), ("£4.5m", 4.5),
]


@pytest.mark.parametrize("text,value", PARSE)
def test_parse(text, value):
    assert spelling.parse(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "n/a", "lots", "more than many", None])
def test_parse_refuses(text):
    assert spelling.parse(text) is None


@pytest.mark.parametrize("text,value,qualifier,lo,hi", [
    ("59%", 59, "exact", 58.5, 59.5), ("61.80%", 61.8, "exact", 61.795, 61.805),
    ("61.8 per cent", 61.8, "exact", 61.75, 61.85), ("116,960", 116960, "exact", 116959.5, 116960.5),
    ("640,000", 640000, "exact", 635000, 645000), ("640,500", 640500, "exact", 640499.5, 640500.5),
    ("168,000", 168000, "exact", 167500, 168500), ("172", 172, "exact", 171.5, 172.5),
    ("One hundred and seventy-two", 172, "exact", 171.5, 172.5),
    ("more than half a million", 500000, "more_than", 450000, float("inf")),
    ("more than 43,000", 43000, "more_than", 42500, float("inf")), ("under 4", 4, "less_than", float("-inf"), 4.5),
    ("about 641,000", 641000, "approximately", 641000 - 12820, 641000 + 12820),
    ("1.3 million", 1300000, "exact", 1250000, 1350000), ("more than £4.5m", 4.5, "more_than", 4.45, float("inf")),
])
def test_the_interval_a_stated_figure_allows(text, value, qualifier, lo, hi):
    """The figure_low/figure_high macros of views.sql, as validate evaluates them."""
    from test_validate_parts import interval

    assert interval(text, float(value), qualifier) == (pytest.approx(lo), pytest.approx(hi))


def test_validate_and_the_precision_view_allow_the_same_interval_for_every_figure():
    """One definition: the intervals validate uses are the precision view's, row for row."""
    import labour2016
    from test_validate_parts import interval

    view = labour2016.connect().sql("select stated_as, value, qualifier, low, high from precision").fetchall()
    assert len(view) > 100
    assert [interval(s, v, q) for s, v, q, _, _ in view] == [(lo, hi) for *_, lo, hi in view]


def test_every_stated_as_in_the_data_parses(tables):
    from labour2016 import package

    for name, res in package.model().resources.items():
        for _, column, _ in res.stated:
            for row in tables[name]:
                if row[column]:
                    assert spelling.parse(row[column]) is not None, (name, row[column])


@pytest.mark.parametrize("text,qualifier", [
    ("more than 43,000", "more_than"), ("about 641,000", "approximately"), ("43,419", "exact"),
    ("little more than 12", "more_than"), ("just over 4 per cent", "more_than"), ("over 60 per cent", "more_than"),
    ("more than half a million", "more_than"), ("£60bn", "exact"), ("Nearly 200,000", "approximately"),
    ("at least 20", "at_least"), ("up to 5", "at_most"), ("only about 40", "approximately"), ("only 40", "exact"),
    (None, "exact"),
])
def test_qualifier(text, qualifier):
    assert spelling.qualifier(text) == qualifier


def test_every_hedge_means_a_qualifier_every_schema_allows():
    from labour2016 import package

    enums = [res.field(q).constraints["enum"] for res in package.model().resources.values()
             for _, _, q in res.stated if q]
    assert len(enums) >= 5  # votes, electorate, figures, nominations, endorsements at least
    for enum in enums:
        assert set(spelling.HEDGES.values()) | {spelling.EXACT} <= set(enum), enum
