"""The archived source texts match sources.csv (sha256, bytes), and every evidence
span and statement occurs in its source verbatim. Skipped, and said so, without the texts."""
from __future__ import annotations

import hashlib

from ..model import outside
from . import Context

# Columns holding verbatim spans of the row's source: `evidence`, `*_evidence`, and the
# statements' text (a statement is its own evidence).
TEXT_SPANS = {"statements": "text"}


def span_fields(resource) -> list[str]:
    names = resource.names
    out = [n for n in names if n == "evidence" or n.endswith("_evidence")]
    if resource.name in TEXT_SPANS and TEXT_SPANS[resource.name] in names:
        out.append(TEXT_SPANS[resource.name])
    return out


def check(ctx: Context) -> None:
    if ctx.sources is None:
        ctx.sources_note = "source texts not found: sha256 and verbatim-span checks skipped " \
                           "(use --sources DIR or set LABOUR2016_SOURCES)"
        return
    src = ctx.tables.get("sources")
    if src is None or src.typed is None:
        ctx.sources_note = "sources table unusable: source checks skipped"
        return
    ctx.sources_checked = True
    texts: dict[str, str] = {}
    f = src.typed
    # a sha256 or size the schema checks fault ("XYZ", 0) is reported there, not again as a changed text
    faulted = {(p.line, p.column) for p in ctx.problems if p.file == src.file}
    for i in range(len(f)):  # one row per source file: a handful
        sid, path = f["source_id"].iloc[i], f["path"].iloc[i]
        if not isinstance(path, str) or not isinstance(sid, str):
            continue
        why = outside(ctx.sources, path)
        if why:
            ctx.add(src.file, src.lines[i], "path", path, "unsafe-path", f"a source path {why}",
                    "give the text's path inside the sources folder, e.g. reference/<file>.txt")
            continue
        p = ctx.sources / path
        if not p.is_file():
            ctx.add(src.file, src.lines[i], "path", path, "source-missing", f"source text not found in {ctx.sources}",
                    "put the archived text there, or fix sources.path")
            continue
        raw = p.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != f["sha256"].iloc[i] and (src.lines[i], "sha256") not in faulted:
            ctx.add(src.file, src.lines[i], "sha256", f["sha256"].iloc[i], "source-hash",
                    f"{path} has sha256 {digest}", "the text changed: re-archive it or update sha256 and bytes")
        size = f["bytes"].iloc[i]
        if size is not None and str(size) != "<NA>" and int(size) != len(raw) and (src.lines[i], "bytes") not in faulted:
            ctx.add(src.file, src.lines[i], "bytes", str(size), "source-hash",
                    f"{path} has {len(raw)} bytes", "the text changed: re-archive it or update sha256 and bytes")
        try:
            texts[sid] = raw.decode("utf-8")
        except UnicodeDecodeError:
            ctx.add(src.file, src.lines[i], "path", path, "source-hash", "source text is not UTF-8",
                    "re-archive the text as UTF-8")
    for t in ctx.tables.values():
        if t.typed is None or "source_id" not in t.typed.columns:
            continue
        for col in span_fields(t.resource):
            pairs = t.typed[["source_id", col]].dropna()
            pairs = pairs[pairs["source_id"].isin(list(texts))]
            for (sid, span), g in pairs.groupby(["source_id", col]):
                if span in texts[sid]:
                    continue
                for i in g.index:
                    ctx.add(t.file, t.lines[t.typed.index.get_loc(i)], col, span, "span-not-in-source",
                            f"not found verbatim in source {sid}",
                            "copy the span exactly, including typographic quotes and dashes")
