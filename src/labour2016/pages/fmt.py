"""How a value reads on a page: people, organisations, contests and sources by name, numbers with
thousands separators and at most the places printed (two when more, never more than four), dates
as dates. Everything returned is escaped markup."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .html import Markup, el, text

MAX_PLACES = 4
# The separators views use to list ids in one column ("a, b" or "a; b").
LIST = re.compile(r"\s*[;,]\s*")
ID_IN_TEXT = re.compile(r"(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])")


@dataclass
class Names:
    """The rows that give ids their names, and where each page lives (relative to the site root)."""
    entities: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)
    elections: dict[str, dict] = field(default_factory=dict)
    enums: dict[str, set] = field(default_factory=dict)  # column -> its accepted values (from the schemas)

    def __post_init__(self):
        # a view that gives an entity by name (decided_by) still gets its description as a title
        self.named = {e["name"]: e for e in self.entities.values() if e.get("name")}


def slug(value) -> str:
    """An id as it can stand in a file name or an anchor: lower-case letters, digits and single dashes."""
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "none"


def source_href(source_id: str, root: str) -> str:
    return f"{root}source/{slug(source_id)}.html"


def contest_href(election_id: str, root: str) -> str:
    return f"{root}contest/{slug(election_id)}.html"


def label(name: str) -> str:
    """A column's heading: its name in words (share_pct -> Share %, candidate_id -> Candidate)."""
    words = re.sub(r"_id$", "", name)
    words = re.sub(r"_pct(?=_|$)", " %", words).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def number(value: float | int, column: str = "") -> str:
    """61.84547763003566 -> 61.85, 313209 -> 313,209, 77.6 -> 77.6; a share gets its % sign."""
    if isinstance(value, int):
        shown = f"{value:,}"
    elif value != value or value in (float("inf"), float("-inf")):
        shown = str(value)
    elif float(value).is_integer():
        shown = f"{int(value):,}"
    else:
        places = len(repr(float(value)).split("e")[0].partition(".")[2])
        places = places if places <= 2 else 2
        shown = f"{value:,.{places}f}"
        # a small non-zero value keeps enough places to be told from zero, up to four
        while float(shown.replace(",", "")) == 0 and places < MAX_PLACES:
            places += 1
            shown = f"{value:,.{places}f}"
    return shown + ("%" if "_pct" in column or column.endswith("share") else "")


def date(value: dt.date) -> Markup:
    return el("time", {"datetime": value.isoformat()}, f"{value.day} {value:%B %Y}")


def words(value: str) -> str:
    """An accepted value (affiliated_supporters) in words."""
    return value.replace("_", " ")


def cell(value, column: str, names: Names, root: str) -> Markup:
    """A value as a reader sees it; ids become names or links."""
    if value is None:
        return Markup("")
    if isinstance(value, bool):
        return text("yes" if value else "no")
    if isinstance(value, (int, float)):
        return text(number(value, column))
    if isinstance(value, dt.datetime):
        return text(value.isoformat(sep=" "))
    if isinstance(value, dt.date):
        return date(value)
    value = str(value)
    if (named := ident(value, names, root)) is not None:
        return named
    parts = LIST.split(value)
    if len(parts) > 1 and all(ident(p, names, root) is not None for p in parts):
        return Markup(", ".join(ident(p, names, root) for p in parts))
    if value in names.enums.get(column, ()):
        return text(words(value))
    return within(value, names, root)


def within(value: str, names: Names, root: str) -> Markup:
    """Free text naming sources or entities by id ("88 mps (scotsman-2016-07-19-...)"): each id by its name."""
    out, last = [], 0
    for m in ID_IN_TEXT.finditer(value):
        named = ident(m.group(), names, root)
        if named is not None:
            out += [text(value[last:m.start()]), named]
            last = m.end()
    return Markup("".join(out) + text(value[last:]))


def ident(value: str, names: Names, root: str) -> Markup | None:
    """A source's publisher (a link to its page), a contest's year, an entity's name; None for other text."""
    if value in names.sources:
        s = names.sources[value]
        return el("a", {"href": source_href(value, root), "title": s["title"], "class_": "source"},
                  s["publisher"] or s["title"])
    if value in names.elections:
        e = names.elections[value]
        return el("a", {"href": contest_href(value, root), "title": e["title"]}, str(e["year"]))
    if (e := names.entities.get(value) or names.named.get(value)) is not None:
        return el("span", {"class_": "entity", "title": e["description"]}, e["name"])
    return None


def plain(value) -> str:
    """A raw value for the "all columns" list: as stored, floats to at most four places."""
    if value is None:
        return "null"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.{MAX_PLACES}f}".rstrip("0")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
