"""validate's source-text step on the tiny package and its fictional source text: the text is
there, inside the sources folder, with the SHA-256 and size sources.csv records, and every
evidence span and statement occurs in it verbatim."""
import hashlib

import pytest

from tiny import CANDIDATES, SOURCES, TEXT, TEXT_FILE, problems, replace, tiny


def test_source_text_missing(tmp_path):
    pkg = tiny(tmp_path)
    (tmp_path / "sources" / TEXT_FILE).unlink()
    assert problems(pkg, sources=True) == [("data/sources.csv", 2, "path", TEXT_FILE, "source-missing")]


def test_source_text_changed(tmp_path):
    # the text's SHA-256 and its size each differ from sources.csv
    pkg = tiny(tmp_path)
    (tmp_path / "sources" / TEXT_FILE).write_text(TEXT + "An added line.\n", encoding="utf-8")
    sha, size = SOURCES.split(",")[10:12]
    assert problems(pkg, sources=True) == [("data/sources.csv", 2, "sha256", sha, "source-hash"),
                                           ("data/sources.csv", 2, "bytes", size, "source-hash")]


def test_recorded_hash_of_another_text(tmp_path):
    sha = SOURCES.split(",")[10]
    pkg = tiny(tmp_path, sources=SOURCES.replace(sha, "0" * 64))
    assert problems(pkg, sources=True) == [("data/sources.csv", 2, "sha256", "0" * 64, "source-hash")]


def test_source_text_that_is_not_utf8(tmp_path):
    raw = TEXT.encode("utf-8") + b"\xff\n"
    pkg = tiny(tmp_path)
    (tmp_path / "sources" / TEXT_FILE).write_bytes(raw)
    sha, size = SOURCES.split(",")[10:12]
    replace(pkg / "data/sources.csv", f"{sha},{size},", f"{hashlib.sha256(raw).hexdigest()},{len(raw)},")
    assert problems(pkg, sources=True) == [("data/sources.csv", 2, "path", TEXT_FILE, "source-hash")]


def test_source_path_that_links_out_of_the_sources_folder(tmp_path):
    pkg = tiny(tmp_path, sources=SOURCES.replace(TEXT_FILE, "escape.txt"))
    (tmp_path / "outside.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sources" / "escape.txt").symlink_to(tmp_path / "outside.txt")
    assert problems(pkg, sources=True) == [("data/sources.csv", 2, "path", "escape.txt", "unsafe-path")]


def test_evidence_not_in_the_source(tmp_path):
    pkg = tiny(tmp_path, candidates=CANDIDATES.replace("Alice Example won 300 votes,", "Alice Example won 301 votes,"))
    assert problems(pkg, sources=True) == [
        ("data/candidates.csv", 2, "evidence", "Alice Example won 301 votes", "span-not-in-source")]


@pytest.mark.parametrize("text,expected", [
    ("the contest was fair", []),  # the text reads "Bob Sample said the contest was fair."
    ("the contest was unfair", [("data/statements.csv", 2, "text", "the contest was unfair", "span-not-in-source")]),
])
def test_statement_in_the_source_verbatim(tmp_path, text, expected):
    pkg = tiny(tmp_path, statements=f"bob-fair,test-leadership-2016,bob-sample,Bob Sample,{text},reported_speech,,"
                                    "fictional-result,\n")
    assert problems(pkg, sources=True) == expected


@pytest.mark.parametrize("old,new,column,rule", [
    (SOURCES.split(",")[10], "XYZ", "sha256", "constraint-error/pattern"),
    (f",{len(TEXT.encode('utf-8'))},", ",0,", "bytes", "constraint-error/minimum"),
])
def test_malformed_hash_or_size_is_reported_once(tmp_path, old, new, column, rule):
    # as the schema's fault, not also as a text that changed
    pkg = tiny(tmp_path, sources=SOURCES.replace(old, new))
    assert problems(pkg, sources=True) == [("data/sources.csv", 2, column, new.strip(","), rule)]
