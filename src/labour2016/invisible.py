"""Characters no editor shows, defined once: C0 controls but tab and line feed (a CR is read away
with CRLF), DEL, C1 controls, bidi embeddings, overrides and isolates, zero-width space, joiners,
word joiner and a BOM inside text.

validate refuses them in any cell (tables step, `invisible-character`) with `CLASS`, in RE2's
syntax, over every text cell. That costs a regex a cell, so the reader first asks of each file,
as it counts its line breaks, whether its bytes could hold one at all (`Scan`): almost every file
cannot, and its cells are then not searched.
"""
from __future__ import annotations

import re

RANGES = ((0x00, 0x08), (0x0b, 0x1f), (0x7f, 0x9f), (0x200b, 0x200f), (0x202a, 0x202e), (0x2060, 0x2064),
          (0x2066, 0x2069), (0xfeff, 0xfeff))
CLASS = "[" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in RANGES) + "]"

# Printable ASCII and tab: never part of a character above, nor of any UTF-8
# sequence of more than one byte, so dropping them keeps every such sequence whole. The line feeds
# and carriage returns the reader accounts for are kept, so one pass leaves what both need.
_DROPPED = bytes(range(0x20, 0x7f)) + b"\t"


def _sequences() -> re.Pattern:
    """The characters' UTF-8 bytes as a pattern, grouped by all but their last byte: one branch per
    group, not per character, which Python's re searches half again as fast."""
    groups: dict[bytes, bytes] = {}
    for a, b in RANGES:
        for c in range(a, b + 1):
            seq = chr(c).encode("utf-8")
            groups[seq[:-1]] = groups.get(seq[:-1], b"") + seq[-1:]
    return re.compile(b"|".join(re.escape(lead) + b"[" + b"".join(re.escape(bytes([x])) for x in last) + b"]"
                                for lead, last in groups.items()))


_SEQUENCES = _sequences()
_LONGEST = 3  # bytes of the longest sequence above (U+FEFF)
_BOM = "\ufeff".encode("utf-8")


class Scan:
    """One pass over a UTF-8 CSV file's bytes, fed chunk by chunk: the line feeds and carriage
    returns the reader accounts for (`breaks`; `bare`, the CRs before no LF), and whether the file
    may hold one of the characters (close()). Printable ASCII and tab are dropped (bytes.translate,
    in C), and the few bytes left are counted and searched. A leading byte-order mark is not text;
    in a CRLF file (`crlf`), a CR before a LF is a line ending, as the reader reads it."""

    def __init__(self, crlf: bool):
        self.crlf = crlf
        self.found = False
        self.breaks = self.bare = 0
        self._left = b""  # the end of the bytes left so far, where a split sequence may begin
        self._cr = b""
        self._head: bytes | None = b""  # the first bytes, until a byte-order mark would be whole

    def feed(self, chunk: bytes) -> None:
        if self._head is not None:
            self._head += chunk
            if chunk and len(self._head) < len(_BOM):
                return
            chunk, self._head = self._head.removeprefix(_BOM), None
        chunk = self._cr + chunk
        self._cr = b"\r" if chunk.endswith(b"\r") else b""  # held back: a LF may begin the next chunk
        chunk = chunk[:len(chunk) - len(self._cr)]
        rest = chunk.translate(None, _DROPPED)
        self.breaks += rest.count(b"\n")
        carriages = rest.count(b"\r")
        if carriages:
            bare = carriages - chunk.count(b"\r\n")
            self.bare += bare
            if self.crlf:
                self.found = self.found or bare > 0
                rest = rest.replace(b"\r", b"")
        if not self.found:
            left = self._left + rest
            self.found = _SEQUENCES.search(left) is not None
            self._left = left[-(_LONGEST - 1):]

    def close(self) -> bool:
        """Whether the file may hold one (a CR it ended on included)."""
        self.feed(b"")
        self.bare += len(self._cr)
        return self.found or bool(self._cr)
