"""Attribution agrees with the words recorded for it.

`speaker-without-attribution`: a row gives a speaker_id but no speaker_as_named (the text names
nobody, so nobody may be credited).
`evidence-names-another-candidate`: a row that credits a candidate (candidate_id) has evidence
(every verbatim span its schema declares) that names a candidate of the same contest; then it names
the credited one too, or the row's notes do ("He" is John McDonnell).
`speaker-not-named`: speaker_as_named does not refer to the speaker_id's entity. It refers when
it names the entity (contains, as a word, the last word of the entity's `name`: a surname,
"Unite") or describes it in words the entities table records for it (every word but articles and
pronouns occurs in the entity's name or description: "The Pontypridd MP"). Otherwise it is a
pronoun or an unrecorded description ("He", "The winner"), and the row's notes must say who it
is: name the entity, or quote a description the entities table records. A speaker_as_named that
names another entity is never resolved by notes.

DuckDB judges the words (RE2 finds them) and returns only the failing rows.
"""
from __future__ import annotations

import hashlib

from ..problems import Rule
from ..sqlgen import ident

STEP = "attribution"
NOT_NAMED = Rule("speaker-not-named", "Speaker not named", "a quotation's speaker is not the one its recorded words name",
                 "correct speaker_id, or say in notes whom the text's words refer to", STEP)
WITHOUT = Rule("speaker-without-attribution", "Speaker without attribution",
               "a quotation whose text names no speaker is given one",
               "clear speaker_id, or record in speaker_as_named how the text names the speaker", STEP)
CREDITED = Rule("evidence-names-another-candidate", "Evidence names another candidate",
                "a row's evidence names a candidate of its contest, but not the candidate the row credits",
                "correct candidate_id, or say in notes whom the evidence's words refer to", STEP)
RULES = (NOT_NAMED, WITHOUT, CREDITED)

_SPEAKER, _AS_NAMED, _NOTES = "speaker_id", "speaker_as_named", "notes"
_WORD = r"[\pL\pN]+"  # RE2's letters and digits: what Python's [^\W_]+ finds
_QUOTED = r'["“]([^"”]+)["”]'  # a description quoted in notes
# Words that refer without naming or describing anybody.
_EMPTY = ["a", "an", "the", "he", "she", "they", "it", "him", "her", "them", "his", "hers", "its", "their",
          "theirs", "s", "this", "that", "these", "those", "who"]


def _words(text: str) -> str:
    """SQL: the words of a text, lowercased, as a list. DuckDB lowers a word's last Σ to σ where
    Python's lower() gives ς; folding ς to σ matches a name however its case is written."""
    return f"regexp_extract_all(replace(lower({text}), 'ς', 'σ'), '{_WORD}')"


def _lexicon(db, entities, key: str, description: str) -> str:
    """SQL CTEs: k(empty), _EMPTY as the query's one parameter; naming(word, entity, ord), each
    entity's naming word (the last word of its name) with the entity's line; recorded(entity,
    words), every word of its name and description. The words are found once a step, into
    temporary tables: DuckDB compiles a Unicode class such as _WORD's wherever a query names it
    (2 ms each), which cost more than the rows on the real package."""
    name, desc = _words("coalesce(name, '')"), _words(f"coalesce({description}, '')")
    words = (f"select {key} as entity, _line as ord, {name} as nw, {desc} as dw from {entities.raw} "
             f"where {key} is not null")
    lex = "lexicon_" + hashlib.sha1(words.encode()).hexdigest()[:16]  # one table per entity table and key
    db.con.execute(f"create temp table if not exists {lex} as {words}")
    return (f"k as (select ?::varchar[] as empty), "
            f"naming as (select nw[-1] as word, entity, ord from {lex} where len(nw) > 0), "
            f"recorded as (select entity, flatten(list(nw || dw)) as words from {lex} group by entity)")


def _describes(phrase: str, recorded: str) -> str:
    """SQL: the phrase has words other than _EMPTY's, and every one is in the list `recorded`."""
    content = f"list_filter({_words(phrase)}, lambda w: not list_contains(k.empty, w))"
    return f"coalesce(len({content}) > 0 and list_has_all({recorded}, {content}), false)"


def _told(pending: str) -> str:
    """SQL CTE told(note, person): the pairs of the CTE `pending` (note, person) whose notes say
    who the person is: they name the person, or quote a description recorded for them."""
    quoted = f"regexp_extract_all(p.note, '{_QUOTED}', 1)"
    return (f"told as (select p.note, p.person from {pending} p join naming n on n.entity = p.person "
            f"and list_contains({_words('p.note')}, n.word) union select p.note, p.person from {pending} p "
            f"cross join k join recorded r on r.entity = p.person "
            f"where list_bool_or(list_transform({quoted}, lambda q: {_describes('q', 'r.words')})))")


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
    notes = f"s.{_NOTES}" if _NOTES in t.resource.names else "cast(null as varchar)"
    key = ident(key)
    # a dangling speaker_id is crossref's foreign-key; `other` is the first other entity the words
    # name (by word, then by the entity's line)
    rows = db.rows(
        f"with {_lexicon(db, entities, key, desc)}, "
        f"judged as (select distinct s.{_SPEAKER} as person, s.{_AS_NAMED} as words, coalesce({notes}, '') as note "
        f"from {t.raw} s semi join {entities.raw} e on e.{key} = s.{_SPEAKER} "
        f"where s.{_SPEAKER} is not null and s.{_AS_NAMED} is not null), "
        f"tokens as (select words, unnest(ws) as word, generate_subscripts(ws, 1) as pos "
        f"from (select distinct words, {_words('words')} as ws from judged)), "
        f"hits as (select words, pos, n.entity, n.ord from tokens join naming n using (word)), "
        f"named as (select j.person, j.words, j.note, coalesce(bool_or(h.entity = j.person), false) as own, "
        f"min_by(h.entity, [h.pos, h.ord]) filter (where h.entity != j.person) as other "
        f"from judged j left join hits h using (words) group by all), "
        f"failing as (select n.* from named n cross join k left join recorded r on r.entity = n.person "
        f"where not n.own and not {_describes('n.words', 'r.words')}), "
        f"pending as (select distinct note, person from failing where other is null), {_told('pending')} "
        f"select s._line, s.{_SPEAKER}, s.{_AS_NAMED}, f.other from {t.raw} s join failing f "
        f"on f.person = s.{_SPEAKER} and f.words = s.{_AS_NAMED} and f.note = coalesce({notes}, '') "
        f"left join told o on o.note = f.note and o.person = f.person "
        f"where f.other is not null or o.note is null order by s._line", [_EMPTY])
    for line, speaker, words, other in rows:
        out.append(NOT_NAMED(t.file, line, _AS_NAMED, words,
                             f"speaker_as_named names {other}, not the speaker_id {speaker}" if other else
                             f"speaker_as_named neither names nor describes {speaker}, and the notes do not say it "
                             f"is them"))
    return out


def _credited(db, t, entities, candidates) -> list:
    notes = f"s.{_NOTES}" if _NOTES in t.resource.names else "cast(null as varchar)"
    out = []
    for span in t.resource.spans:
        col = ident(span)
        # failing: the rows whose words name another candidate of the contest, and not the one credited
        rows = db.rows(
            f"with {_lexicon(db, entities, 'entity_id', 'description')}, "
            f"running as (select distinct election_id, candidate_id from {candidates.raw} "
            f"where election_id is not null and candidate_id is not null), "
            f"hits as (select distinct words, n.entity from (select words, unnest({_words('words')}) as word "
            f"from (select distinct {col} as words from {t.raw} where candidate_id is not null)) join naming n using (word)), "
            f"failing as (select s._line, s.election_id as contest, s.candidate_id as person, s.{col} as words, "
            f"coalesce({notes}, '') as note from {t.raw} s "
            f"anti join hits h on h.words = s.{col} and h.entity = s.candidate_id "
            f"where exists (select 1 from hits h join running c on c.candidate_id = h.entity "
            f"where h.words = s.{col} and c.election_id = s.election_id and h.entity != s.candidate_id)), "
            f"pending as (select distinct note, person from failing), {_told('pending')} "
            f"select f._line, f.contest, f.person, f.words from failing f "
            f"anti join told o on o.note = f.note and o.person = f.person order by f._line", [_EMPTY])
        out += [CREDITED(t.file, line, span, words, f"{span} names another candidate of {contest}, not {person}, and "
                                                     f"the notes do not say it is them")
                for line, contest, person, words in rows]
    return out


def check(db) -> list:
    out = []
    entities, candidates = db.table("entities"), db.table("candidates")
    if entities is not None and candidates is not None and {"entity_id", "name", "description"} <= set(
            entities.resource.names):
        for t in db.with_fields("election_id", "candidate_id"):
            if t.resource.spans:
                out += _credited(db, t, entities, candidates)
    for t in db.with_fields(_SPEAKER, _AS_NAMED):
        found = _entities(db, t)
        if found is not None:
            out += _check(db, t, *found)
    return out
