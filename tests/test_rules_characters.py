"""validate's checks of text columns (tables step) on the tiny package: no cell holds a character no editor shows, and
no text cell starts as a spreadsheet formula would."""
import hashlib

import pytest

from tiny import ENTITIES, SOURCES, TEXT, TEXT_FILE, problems, replace, tiny


@pytest.mark.parametrize("char", ["\x00", "\u202e", "\u200b", "\u2066", "\x1b"])
def test_an_invisible_character_in_a_cell(tmp_path, char):
    pkg = tiny(tmp_path, entities=ENTITIES.replace("A fictional party.", f"A fictional{char} party."))
    assert problems(pkg) == [("data/entities.csv", 2, "description", f"A fictional{char} party.",
                              "invisible-character")]


def test_an_invisible_character_is_accepted_only_where_the_source_has_it(tmp_path):
    # a zero-width space in an evidence span: refused while the source lacks it (or is not at
    # hand), accepted once the source text has it at that place
    pkg = tiny(tmp_path)
    span = "Alice\u200b Example won 300 votes"
    replace(pkg / "data/candidates.csv", "fictional-result,Alice Example won 300 votes,", f"fictional-result,{span},")
    refused = [("data/candidates.csv", 2, "evidence", span, "invisible-character")]
    assert problems(pkg) == refused
    assert problems(pkg, sources=True) == refused + [("data/candidates.csv", 2, "evidence", span, "span-not-in-source")]
    source = tmp_path / "sources" / TEXT_FILE
    source.write_text(TEXT + span + "\n", encoding="utf-8")
    raw = source.read_bytes()
    sha, size = SOURCES.split(",")[10:12]
    replace(pkg / "data/sources.csv", f"{sha},{size}", f"{hashlib.sha256(raw).hexdigest()},{len(raw)}")
    assert problems(pkg, sources=True) == []


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://example.com\")", "+cmd", "@SUM(A1)", "-2+3"])
def test_a_text_cell_a_spreadsheet_would_run(tmp_path, cell):
    pkg = tiny(tmp_path, entities=ENTITIES.replace("A fictional party.", f'"{cell.replace(chr(34), chr(34) * 2)}"'))
    assert problems(pkg) == [("data/entities.csv", 2, "description", cell, "spreadsheet-formula")]


def test_a_signed_figure_in_text_is_not_a_formula(tmp_path):
    pkg = tiny(tmp_path, entities=ENTITIES.replace("A fictional party.", "-5%"))
    assert problems(pkg) == []
