"""Read the number a `stated_as` string spells, and how precisely it was written.

`parse("more than half a million")` -> 500000.0; `parse("61.80%")` -> 61.8. How precisely a
figure was written (the interval it allows) is defined once, in SQL: the figure_* macros of
queries/views.sql.
Pure Python, no imports beyond the standard library: cheap for every command.
"""
from __future__ import annotations

import re

# Qualifying words before a figure, and the `qualifier` each means: the words stay in stated_as,
# the qualifier column records what they mean, the value is the bare figure. "almost"/"nearly"
# are approximately, as the data records "Nearly 200,000" (close to the figure, not a bound);
# "only" stresses a figure without hedging it.
HEDGES = {
    "a little more than": "more_than", "little more than": "more_than", "just over": "more_than",
    "just under": "less_than", "more than": "more_than", "less than": "less_than",
    "fewer than": "less_than", "at least": "at_least", "at most": "at_most", "up to": "at_most",
    "approximately": "approximately", "around": "approximately", "about": "approximately",
    "almost": "approximately", "nearly": "approximately", "roughly": "approximately",
    "some": "approximately", "over": "more_than", "under": "less_than", "only": "exact",
}
EXACT = "exact"  # the qualifier of a bare figure

# Units and signs after or before a figure; the value is the figure as written ("£60bn" -> 60).
_SUFFIX = re.compile(r"\s*(%|per\s*cent|percent|pp|percentage points?|bn|billion|m|k)\s*$", re.I)
_CURRENCY = re.compile(r"^[£$€]\s*")
# A sign after a figure that makes it a lower bound ("20+", "380,000-plus"): the value is the figure.
# Whether it means more_than or at_least the sign does not say, so qualifier() reads it as no hedge
# and the row's notes say how it is read (validate's qualifier-vs-hedge rule asks for that).
_PLUS = re.compile(r"\s*(\+|-?\s*plus)$", re.I)
_NUMERAL = re.compile(r"^\d[\d,]*(\.\d+)?$")
# A numeral times a scale word ("1.3 million"): the value is the whole number. "billion" is not
# here: _SUFFIX keeps a figure in billions in its unit (GBP_bn), as "£60bn" is 60.
_SCALED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s+(thousand|million)$")

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "biggest": 1, "largest": 1,
}


def _hedges(text: str) -> tuple[list[str], str]:
    """The qualifying words at the start of `text` (in order) and the rest, lower-cased."""
    s = " ".join(text.strip().lower().split())
    found = []
    changed = True
    while changed:
        changed = False
        for p in HEDGES:
            if s.startswith(p + " "):
                found.append(p)
                s = s[len(p) + 1:].strip()
                changed = True
    return found, s


def _strip(text: str) -> str:
    s = _hedges(text)[1]
    s = _CURRENCY.sub("", s)
    s = _PLUS.sub("", s)
    s = _SUFFIX.sub("", s)
    return s.strip()


def qualifier(text: str | None) -> str:
    """The qualifier the words before a figure mean: "more than 43,000" more_than,
    "about 641,000" approximately, a bare "43,419" exact."""
    if text is None:
        return EXACT
    meant = [HEDGES[p] for p in _hedges(str(text))[0] if HEDGES[p] != EXACT]
    return meant[0] if meant else EXACT


def _words(s: str) -> float | None:
    if s in _ORDINALS:
        return float(_ORDINALS[s])
    if s.startswith("half a "):
        scale = _SCALES.get(s[len("half a "):])
        return scale / 2 if scale else None
    tokens = [t for t in re.split(r"[\s-]+", s) if t and t != "and"]
    if not tokens:
        return None
    total, current = 0, 0
    for t in tokens:
        if t in _UNITS:
            current += _UNITS[t]
        elif t in _TENS:
            current += _TENS[t]
        elif t == "hundred":
            current = (current or 1) * 100
        elif t in _SCALES:
            total += (current or 1) * _SCALES[t]
            current = 0
        else:
            return None
    return float(total + current)


def parse(text: str | None) -> float | None:
    """The number `text` spells, or None if it spells none."""
    if text is None:
        return None
    s = _strip(str(text))
    if not s:
        return None
    if _NUMERAL.match(s):
        return float(s.replace(",", ""))
    scaled = _SCALED.match(s)
    if scaled:
        return float(scaled[1].replace(",", "")) * _SCALES[scaled[2]]
    return _words(s)


LOWER_ONLY = {"more_than", "at_least"}
UPPER_ONLY = {"less_than", "at_most"}
