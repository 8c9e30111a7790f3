"""The reader's first look for characters no editor shows (labour2016.invisible.Scan): a file it
calls plain has its cells searched by no regex, so it must never miss one, however the file's
chunks fall."""
import pytest

from labour2016 import invisible, reader
from tiny import ENTITIES, problems, tiny

EVERY = [chr(c) for a, b in invisible.RANGES for c in range(a, b + 1) if chr(c) not in "\t\n"]
PLAIN = "Corbyn won 313,209 votes — “a landslide” (59.5%), £25 to vote\tin 2016\n"


def scan(data: bytes, size: int, crlf: bool = False) -> bool:
    s = invisible.Scan(crlf)
    for k in range(0, len(data), size):
        s.feed(data[k:k + size])
    return s.close()


@pytest.mark.parametrize("size", [1, 2, 3, 1 << 20])
def test_every_character_is_found_however_the_chunks_split_it(size):
    for ch in EVERY:
        assert scan(f"{PLAIN}a{ch}b".encode(), size), hex(ord(ch))


@pytest.mark.parametrize("size", [1, 2, 1 << 20])
def test_text_with_quotes_dashes_and_pounds_is_plain(size):
    assert not scan(("\ufeff" + PLAIN * 3).encode(), size)  # a leading byte-order mark is not text


@pytest.mark.parametrize("size", [1, 2, 1 << 20])
def test_crlf_is_a_line_ending_only_in_a_crlf_file(size):
    data = PLAIN.replace("\n", "\r\n").encode() * 2
    assert not scan(data, size, crlf=True)
    assert scan(data, size, crlf=False)
    assert scan(data.replace(b"\r\n", b"\rx\n", 1), size, crlf=True)  # a lone CR
    assert scan(data + b"\r", size, crlf=True)


@pytest.mark.parametrize("size", [1, 2, 3, 1 << 20])
@pytest.mark.parametrize("crlf", [False, True])
def test_the_line_feeds_and_carriage_returns_bare_or_not_are_counted_however_the_chunks_fall(size, crlf):
    # the reader accounts for every line break from these counts, in the same pass
    data = ("\ufeff" + 'a,"b \u200b, \r\nc"\r\n' + PLAIN + '"d""e"\r\rx\n').encode()
    s = invisible.Scan(crlf)
    for k in range(0, len(data), size):
        s.feed(data[k:k + size])
    assert s.close() is True
    bare = data.count(b"\r") - data.count(b"\r\n")
    assert (s.breaks, s.bare) == (data.count(b"\n"), bare) == (4, 2)


def test_the_reader_finds_a_character_across_its_chunks(tmp_path, monkeypatch):
    pkg = tiny(tmp_path, entities=ENTITIES.replace("A fictional party.", "A fictional\u202e party."))
    path = pkg / "data/entities.csv"
    # the reader's chunks end after the character's first byte
    monkeypatch.setattr(reader, "CHUNK", path.read_bytes().index(b"\xe2\x80\xae") + 1)
    assert reader._scan(path).hidden is True
    assert reader._scan(pkg / "data/sources.csv").hidden is False
    monkeypatch.undo()
    assert problems(pkg) == [("data/entities.csv", 2, "description", "A fictional\u202e party.",
                              "invisible-character")]
