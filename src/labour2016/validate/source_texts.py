"""The archived source texts match sources.csv (sha256, bytes), and every verbatim span (the
fields a Table Schema marks `verbatimSpan`) occurs in its source. Skipped without the texts.

A span is compared with its source in DuckDB (strpos over the joined texts). One that is not
there gets a hint showing the source's closest passage and the first character that differs:
a straight quote for a curly one, a hyphen for a dash.
"""
from __future__ import annotations

import difflib
import hashlib

from .. import model as _model
from ..problems import Rule
from ..sqlgen import ident
from . import texts as _texts

STEP = "source_texts"
MISSING = Rule("source-missing", "Source text missing", "a source text is not in the sources folder",
               "put the archived text there, or fix sources.path", STEP)
HASH = Rule("source-hash", "Source text changed", "a source text's SHA-256 or size differs from sources.csv",
            "the text changed: re-archive it or update sha256 and bytes", STEP)
SPAN = Rule("span-not-in-source", "Span not in source", "an evidence span or quotation is not in its source verbatim",
            "copy the span exactly, including typographic quotes and dashes", STEP)
UNSAFE = next(r for r in _model.RULES if r.id == "unsafe-path")  # the model's rule: a path out of its folder
RULES = (MISSING, HASH, SPAN, UNSAFE)
SHA256 = r"[0-9a-f]{64}"
_NAMES = {"“": "a curly opening quote", "”": "a curly closing quote", "‘": "a curly opening single quote",
          "’": "a curly apostrophe", '"': "a straight double quote", "'": "a straight apostrophe",
          "–": "an en dash", "—": "an em dash", "-": "a hyphen", " ": "a space", "\u00a0": "a no-break space"}


def _named(ch: str) -> str:
    return _NAMES.get(ch, repr(ch))


def closest(span: str, text: str) -> str:
    """The hint for a span not in its text: the closest passage, and the first character that differs."""
    best, score = None, 0.0
    head = span[:24]
    starts = {text.find(head[:k]) for k in (24, 12, 6) if head[:k] and text.find(head[:k]) >= 0}
    matcher = difflib.SequenceMatcher(None, span, autojunk=False)
    for start in sorted(starts) or [0]:
        window = text[max(0, start - 10): start + len(span) + 10]
        matcher.set_seq2(window)
        m = matcher.find_longest_match(0, len(span), 0, len(window))
        if m.size > score:
            best, score = (window, m), m.size
    if best is None or score < min(8, len(span)):
        return SPAN.hint
    window, m = best
    passage = window[m.b - m.a: m.b - m.a + len(span)] if m.b >= m.a else window[: len(span)]
    for i, (a, b) in enumerate(zip(span, passage)):
        if a != b:
            return (f"the source has {passage!r}: character {i + 1} differs ({_named(a)} here, {_named(b)} in the "
                    f"source); copy the span exactly")
    return f"the source's closest passage is {passage!r}; copy the span exactly"


def check(db, sources) -> list:
    if sources is None or db.table("sources") is None:
        return []
    src = db.table("sources")
    out, found = [], {}
    for line, sid, path, sha, size in _texts.listed(db):
        why = _model.outside(sources, path)
        if why:
            out.append(UNSAFE(src.file, line, "path", path, f"a source path {why}",
                              hint="give the text's path inside the sources folder, e.g. reference/<file>.txt"))
            continue
        raw = _texts.read(sources, path)
        if raw is None:
            out.append(MISSING(src.file, line, "path", path, f"source text not found in {sources}"))
            continue
        digest = hashlib.sha256(raw).hexdigest()
        # a malformed sha256 or size is the schema checks' (type, pattern), not a changed text
        if sha is not None and digest != sha and db.rows("select regexp_full_match(?, ?)", [sha, SHA256])[0][0]:
            out.append(HASH(src.file, line, "sha256", sha, f"{path} has sha256 {digest}"))
        if size is not None and size > 0 and size != len(raw):
            out.append(HASH(src.file, line, "bytes", str(size), f"{path} has {len(raw)} bytes"))
        try:
            found[sid] = raw.decode("utf-8")
        except UnicodeDecodeError:
            out.append(HASH(src.file, line, "path", path, "source text is not UTF-8", hint="re-archive the text as UTF-8"))
    if not found:
        return out
    texts = _texts.table(db, found)
    for t in db.with_fields("source_id"):
        for col in t.resource.spans:
            c = ident(col)
            for line, sid, span in db.rows(
                    f"select r._line, r.source_id, r.{c} from {t.raw} r join {texts} s using (source_id) "
                    f"where r.{c} is not null and strpos(s.text, r.{c}) = 0 order by r._line"):
                out.append(SPAN(t.file, line, col, span, f"not found verbatim in source {sid}",
                                hint=closest(span, found[sid])))
    return out
