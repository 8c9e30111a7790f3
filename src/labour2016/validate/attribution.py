"""Attribution agrees with the words recorded for it.

`speaker-without-attribution`: a row gives a speaker_id but no speaker_as_named (the text names
nobody, so nobody may be credited).
`speaker-not-named`: speaker_as_named does not refer to the speaker_id's entity. It refers when
it names the entity (contains, as a word, the last word of the entity's `name`: a surname,
"Unite") or describes it in words the entities table records for it (every word but articles and
pronouns occurs in the entity's name or description: "The Pontypridd MP"). Otherwise it is a
pronoun or an unrecorded description ("He", "The winner"), and the row's notes must say who it
is: name the entity, or quote a description the entities table records. A speaker_as_named that
names another entity is never resolved by notes.

The words are judged once per distinct (speaker, words, notes) in Python; DuckDB finds the rows.
"""
from __future__ import annotations

import re

from ..problems import Rule
from ..sqlgen import ident

STEP = "attribution"
NOT_NAMED = Rule("speaker-not-named", "Speaker not named", "a quotation's speaker is not the one its recorded words name",
                 "correct speaker_id, or say in notes whom the text's words refer to", STEP)
WITHOUT = Rule("speaker-without-attribution", "Speaker without attribution",
               "a quotation whose text names no speaker is given one",
               "clear speaker_id, or record in speaker_as_named how the text names the speaker", STEP)
RULES = (NOT_NAMED, WITHOUT)

_SPEAKER, _AS_NAMED, _NOTES = "speaker_id", "speaker_as_named", "notes"
_WORD = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r"[\"“]([^\"”]+)[\"”]")
# Words that refer without naming or describing anybody.
_EMPTY = {"a", "an", "the", "he", "she", "they", "it", "him", "her", "them", "his", "hers", "its", "their",
          "theirs", "s", "this", "that", "these", "those", "who"}


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class _Lexicon:
    """Each entity's naming word (last word of its name) and every word recorded for it."""

    def __init__(self, rows):
        self.naming: dict[str, list[str]] = {}
        self.recorded: dict[str, set[str]] = {}
        for entity, name, description in rows:
            words = _words(name or "")
            if words:
                self.naming.setdefault(words[-1], []).append(entity)
            self.recorded.setdefault(entity, set()).update(words + _words(description or ""))

    def names(self, phrase: str, speaker: str) -> tuple[bool, str | None]:
        """Whether the phrase names its speaker, and another entity it names (or None)."""
        own, other = False, None
        for w in _words(phrase):
            for entity in self.naming.get(w, ()):
                if entity == speaker:
                    own = True
                elif other is None:
                    other = entity
        return own, other

    def describes(self, phrase: str, speaker: str) -> bool:
        content = [w for w in _words(phrase) if w not in _EMPTY]
        return bool(content) and all(w in self.recorded.get(speaker, ()) for w in content)

    def told_in_notes(self, notes: str, speaker: str) -> bool:
        return self.names(notes, speaker)[0] or any(self.describes(q, speaker) for q in _QUOTED.findall(notes))


def _entities(db, t):
    """The entity table the speaker_id foreign key points to, and its key, or None."""
    for fk in t.resource.foreign_keys:
        if fk.fields == (_SPEAKER,) and len(fk.reference) == 1:
            target = db.table(fk.resource or t.resource.name)
            if target is not None and {fk.reference[0], "name"} <= set(target.resource.names):
                return target, fk.reference[0]
    return None


def _check(db, t, entities, key) -> list:
    out = [WITHOUT(t.file, line, _SPEAKER, speaker, "a speaker is given but speaker_as_named is empty: the text names "
                                                   "nobody")
           for line, speaker in db.rows(f"select _line, {_SPEAKER} from {t.raw} where {_SPEAKER} is not null "
                                        f"and {_AS_NAMED} is null order by _line")]
    desc = "description" if "description" in entities.resource.names else "cast(null as varchar)"
    lexicon = _Lexicon(db.rows(f"select {ident(key)}, name, {desc} from {entities.raw} where {ident(key)} is not null"))
    notes = _NOTES if _NOTES in t.resource.names else "cast(null as varchar)"
    # a dangling speaker_id is crossref's foreign-key
    distinct = db.rows(f"select distinct s.{_SPEAKER}, s.{_AS_NAMED}, coalesce(s.{notes}, '') from {t.raw} s "
                       f"semi join {entities.raw} e on e.{ident(key)} = s.{_SPEAKER} "
                       f"where s.{_SPEAKER} is not null and s.{_AS_NAMED} is not null")
    failing = []
    for speaker, words, note in distinct:
        own, other = lexicon.names(words, speaker)
        if own or lexicon.describes(words, speaker):
            continue
        if other is None and lexicon.told_in_notes(note, speaker):
            continue
        failing.append((speaker, words, note, other))
    if not failing:
        return out
    db.con.execute("create or replace temp table unattributed as select unnest(?::varchar[]) as speaker, "
                   "unnest(?::varchar[]) as words, unnest(?::varchar[]) as note, unnest(?::varchar[]) as other",
                   [list(col) for col in zip(*failing)])
    for line, speaker, words, other in db.rows(
            f"select s._line, s.{_SPEAKER}, s.{_AS_NAMED}, u.other from {t.raw} s join unattributed u "
            f"on u.speaker = s.{_SPEAKER} and u.words = s.{_AS_NAMED} and u.note = coalesce(s.{notes}, '')"):
        out.append(NOT_NAMED(t.file, line, _AS_NAMED, words,
                             f"speaker_as_named names {other}, not the speaker_id {speaker}" if other else
                             f"speaker_as_named neither names nor describes {speaker}, and the notes do not say it "
                             f"is them"))
    return out


def check(db) -> list:
    out = []
    for t in db.with_fields(_SPEAKER, _AS_NAMED):
        found = _entities(db, t)
        if found is not None:
            out += _check(db, t, *found)
    return out
