import pytest

from labour2016 import numbers

PARSE = [
    ("116,960", 116960), ("61.80%", 61.8), ("61.8 per cent", 61.8), ("more than half a million", 500000),
    ("6000,000", 6000000), ("£60bn", 60), ("$77.8bn", 77.8), ("4.6 pp", 4.6), ("over 60 per cent", 60),
    ("about 641,000", 641000), ("just over 4 per cent", 4), ("little more than 12", 12),
    ("One hundred and seventy-two", 172), ("four", 4), ("Four", 4), ("eight", 8), ("five", 5),
    ("two", 2), ("three", 3), ("second", 2), ("third", 3), ("fourth", 4), ("biggest", 1),
    ("£25", 25), ("7.4 per cent", 7.4), ("more than 43,000", 43000), ("19.0%", 19.0),
]


@pytest.mark.parametrize("text,value", PARSE)
def test_parse(text, value):
    assert numbers.parse(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "n/a", "lots", "more than many", None])
def test_parse_refuses(text):
    assert numbers.parse(text) is None


@pytest.mark.parametrize("text,tol", [
    ("59%", 0.5), ("61.80%", 0.005), ("61.8 per cent", 0.05), ("640,000", 5000), ("640,500", 50),
    ("60%", 0.5), ("172", 0.5), ("One hundred and seventy-two", 0.5), ("more than half a million", 50000),
])
def test_tolerance(text, tol):
    assert numbers.tolerance(text) == pytest.approx(tol)


def test_every_stated_as_in_the_data_parses(tables):
    from labour2016.validate.evidence import pairs
    from labour2016 import package

    for name, res in package.model().resources.items():
        for _, stated, _ in pairs(res):
            for row in tables[name]:
                if row[stated]:
                    assert numbers.parse(row[stated]) is not None, (name, row[stated])
