"""README examples show real output: run each example's code as the README shows it and compare its
output, character for character, with the text the README shows after it (labour2016.readme finds
and runs them; `make docs` rewrites the outputs from the same runs)."""
import re

import pytest

import counts
from conftest import ROOT
from labour2016 import readme

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = readme.examples(README)
VALIDATE = next(e for e in EXAMPLES if e.is_validate)
STALE = "README.md's example output is stale: run `make docs` (labour2016 docs) and commit README.md"


def test_the_examples_are_found():
    # every example but 8 shows its output (8 writes files and starts Datasette, printing nothing to
    # compare); 7 shows two, with and without the source texts; 3 runs two snippets, each shown
    start, end = readme.section(README)
    numbered = re.findall(r"^\*\*(\d+)\. ", README[start:end], re.M)
    assert len(numbered) == 24 and len(EXAMPLES) == len(numbered) - 1 + 1
    assert [len(e.outputs) for e in EXAMPLES] == [1] * 6 + [2] + [1] * 17
    for e in EXAMPLES:
        assert [README[s:t] for s, t in e.spans] == e.outputs


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e is not VALIDATE],
                         ids=lambda e: e.code.splitlines()[0][:40])
def test_example_prints_what_the_readme_shows(example):
    assert readme.run(ROOT, example.lang, example.code) == example.outputs[0], STALE


def test_validate_example_without_the_source_texts():
    assert VALIDATE.lang == "sh"
    assert readme.outputs(ROOT, VALIDATE, None)[1] == VALIDATE.outputs[1], STALE


def test_validate_example_with_the_source_texts(sources_dir):
    assert readme.outputs(ROOT, VALIDATE, sources_dir)[0] == VALIDATE.outputs[0], STALE


def test_rewrite_replaces_each_stale_output_and_nothing_else():
    """A README whose counts and example outputs are out of date comes back as the checked-in one
    when given what the examples print (the tests above hold that to be the outputs shown)."""
    shown, wrong = f"valid ({counts.TABLES} tables, ", f"valid ({counts.TABLES - 1} tables, "
    stale = README.replace(shown, wrong).replace(
        "| 2016-06-28 | no_confidence_vote | 1 |", "| 2016-06-28 | no_confidence_vote | 9 |\n| 2016-06-29 | x | 1 |")
    assert stale.count(wrong) == 2 and stale != README
    assert readme.rewrite(stale, [e.outputs for e in EXAMPLES]) == README
    kept = readme.rewrite(stale, [[None] * len(e.outputs) for e in EXAMPLES])
    assert kept == stale
