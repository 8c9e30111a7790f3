"""Counts of the real data, in one place for every test.

Row counts are computed from the CSV files with the csv module (independently of labour2016's
reader), so a new row changes them here and nowhere else. The numbers of tables and views are
declared: adding a table or a view is a change to the package's structure, and this is the
one line that says the tests know of it.
"""
from conftest import read_table
from labour2016 import package

TABLES = 17
VIEWS = 21

ROWS = {name: len(read_table(name)) for name in package.model().resources}
ALL_ROWS = sum(ROWS.values())


def where(table: str, column: str, value: str = "") -> int:
    """How many rows of table have value (default: empty) in column."""
    return sum(1 for row in read_table(table) if row[column] == value)
