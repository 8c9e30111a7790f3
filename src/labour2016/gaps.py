"""What a source says that the package does not hold yet: the sentences of each archived text
that carry a figure (a digit) or a quotation (quotation marks) and that no row's evidence span
touches. A contributor's to-do list, from an excerpt to a row (CONTRIBUTING walks through it).

A sentence is cited when any verbatim span of a row with that source_id (the fields its Table
Schema marks `verbatimSpan`, which validate checks against the text) overlaps it in the text.
Sentences are cut at line breaks and after . ! ? (and a closing quotation mark) before a capital
or an opening quotation mark: rough, but the same text always gives the same list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import model, reader

SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”’\"']))\s+(?=[A-Z0-9“‘\"'(])")
FIGURE = re.compile(r"\d")
QUOTATION = re.compile(r"[“”\"]|‘[^’]{3,}’|(?<!\w)'[^']{3,}'(?!\w)")


@dataclass(frozen=True)
class Sentence:
    line: int      # 1-based line of the text where the sentence starts
    start: int     # character offsets in the text
    end: int
    text: str


@dataclass(frozen=True)
class SourceGaps:
    source_id: str
    path: str
    noted: int                 # sentences with a figure or quotation
    uncited: list[Sentence]

    def as_json(self) -> dict:
        return {"source_id": self.source_id, "path": self.path, "sentences_with_figure_or_quotation": self.noted,
                "uncited": [{"line": s.line, "text": s.text} for s in self.uncited]}


def sentences(text: str) -> list[Sentence]:
    out = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        cut = 0
        for piece in SENTENCE_END.split(line):
            at = line.index(piece, cut)
            cut = at + len(piece)
            stripped = piece.strip()
            if stripped:
                s = offset + at + (len(piece) - len(piece.lstrip()))
                out.append(Sentence(number, s, s + len(stripped), stripped))
        offset += len(line) + 1
    return out


def notable(sentence: Sentence) -> bool:
    return bool(FIGURE.search(sentence.text) or QUOTATION.search(sentence.text))


def cited_spans(pkg: model.Package) -> dict[str, list[str]]:
    """source_id -> every evidence span the package's rows take from it."""
    spans: dict[str, list[str]] = {}
    for resource in pkg.resources.values():
        columns = resource.spans
        if "source_id" not in resource.names or not columns:
            continue
        for row in reader.text_rows(resource):
            for column in columns:
                if row[column]:
                    spans.setdefault(row["source_id"], []).append(row[column])
    return spans


def _intervals(text: str, spans: list[str]) -> list[tuple[int, int]]:
    out = []
    for span in set(spans):
        at = text.find(span)
        while at >= 0:
            out.append((at, at + len(span)))
            at = text.find(span, at + 1)
    return out


def source_gaps(source_id: str, path: str, text: str, spans: list[str]) -> SourceGaps:
    covered = _intervals(text, spans)
    noted = [s for s in sentences(text) if notable(s)]
    uncited = [s for s in noted if not any(a < s.end and s.start < b for a, b in covered)]
    return SourceGaps(source_id, path, len(noted), uncited)


def find(pkg: model.Package, sources: Path, only: list[str] | None = None) -> tuple[list[SourceGaps], list[str]]:
    """Each source's gaps (in sources.csv order), and the ids of sources whose text is not in sources."""
    spans = cited_spans(pkg)
    found, missing = [], []
    for row in reader.text_rows(pkg.resources["sources"]):
        sid, path = row["source_id"], row["path"]
        if only and sid not in only:
            continue
        if not path or model.outside(sources, path) or not (sources / path).is_file():
            missing.append(sid)
            continue
        text = (sources / path).read_text(encoding="utf-8")
        found.append(source_gaps(sid, path, text, spans.get(sid, [])))
    return found, missing
