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

DuckDB judges the words (RE2 finds them, once for every text) and returns only the failing rows.
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
# The step's temporary table of the texts it judges: text, its words (ws) and, for notes, the
# descriptions it quotes (quoted), whose words it holds too.
_WORDS = "attribution_words"


def _find_words(db, texts: list[str], notes: list[str]) -> None:
    """Make _WORDS from SQL selects of one column, `text`: `texts` are judged by their words, `notes`
    also by the descriptions they quote. Words are lowercased; DuckDB lowers a word's last Σ to σ
    where Python's lower() gives ς, so ς is folded to σ and a name matches however its case is
    written. One query finds every text's words: DuckDB compiles a Unicode class such as _WORD's
    wherever a query names it (2 ms each), which cost more than the rows on the real package when
    each rule's query found its own."""
    def union(selects: list[str]) -> str:
        return " union all ".join(selects) if selects else "select cast(null as varchar) as text"

    db.con.execute(
        f"create or replace temp table {_WORDS} as "
        f"with notes as (select distinct text from ({union(notes)}) where text is not null), "
        f"quoted as (select text, regexp_extract_all(text, '{_QUOTED}', 1) as quoted from notes), "
        f"every as (select text from ({union(texts)}) union select text from notes "
        f"union select unnest(quoted) from quoted) "
        f"select e.text, regexp_extract_all(replace(lower(e.text), 'ς', 'σ'), '{_WORD}') as ws, "
        f"coalesce(q.quoted, []) as quoted from every e left join quoted q using (text) where e.text is not null")


def _description(entities) -> str | None:
    return "description" if "description" in entities.resource.names else None


def _lexicon(db, entities, key: str) -> str:
    """SQL CTEs: k(empty), _EMPTY as the query's one parameter; naming(word, entity, ord), each
    entity's naming word (the last word of its name) with the entity's line; recorded(entity,
    words), every word of its name and description. The entities' words go into a temporary table,
    made once a step for each entity table and key."""
    description = _description(entities)
    dw, desc = ("coalesce(d.ws, [])", f"left join {_WORDS} d on d.text = e.{ident(description)}") if description \
        else ("[]::varchar[]", "")
    words = (f"select e.{ident(key)} as entity, e._line as ord, coalesce(n.ws, []) as nw, {dw} as dw "
             f"from {entities.raw} e left join {_WORDS} n on n.text = e.name {desc} where e.{ident(key)} is not null")
    lex = "lexicon_" + hashlib.sha1(words.encode()).hexdigest()[:16]  # one table per entity table and key
    db.con.execute(f"create or replace temp table {lex} as {words}")
    return (f"k as (select ?::varchar[] as empty), "
            f"naming as (select nw[-1] as word, entity, ord from {lex} where len(nw) > 0), "
            f"recorded as (select entity, flatten(list(nw || dw)) as words from {lex} group by entity)")


def _describes(words: str, recorded: str) -> str:
    """SQL: the list `words` has words other than _EMPTY's, and every one is in the list `recorded`."""
    content = f"list_filter({words}, lambda w: not list_contains(k.empty, w))"
    return f"coalesce(len({content}) > 0 and list_has_all({recorded}, {content}), false)"


def _told(pending: str) -> str:
    """SQL CTE told(note, person): the pairs of the CTE `pending` (note, person) whose notes say
    who the person is: they name the person, or quote a description recorded for them."""
    return (f"told as (select p.note, p.person from {pending} p join {_WORDS} w on w.text = p.note "
            f"join naming n on n.entity = p.person and list_contains(w.ws, n.word) "
            f"union select q.note, q.person from (select p.note, p.person, unnest(w.quoted) as phrase "
            f"from {pending} p join {_WORDS} w on w.text = p.note) q join {_WORDS} qw on qw.text = q.phrase "
            f"cross join k join recorded r on r.entity = q.person where {_describes('qw.ws', 'r.words')})")


def _notes(t, alias: str = "") -> str:
    return f"{alias}{_NOTES}" if _NOTES in t.resource.names else "cast(null as varchar)"


def _entities(db, t):
    """The entity table the speaker_id foreign key points to, and its key, or None."""
    for fk in t.resource.foreign_keys:
        if fk.fields == (_SPEAKER,) and len(fk.reference) == 1:
            target = db.table(fk.resource or t.resource.name)
            if target is not None and {fk.reference[0], "name"} <= set(target.resource.names):
                return target, fk.reference[0]
    return None


def _check(db, t, entities, key, lexicon: str) -> list:
    out = [WITHOUT(t.file, line, _SPEAKER, speaker, "a speaker is given but speaker_as_named is empty: the text names "
                                                   "nobody")
           for line, speaker in db.rows(f"select _line, {_SPEAKER} from {t.raw} where {_SPEAKER} is not null "
                                        f"and {_AS_NAMED} is null order by _line")]
    notes = _notes(t, "s.")
    key = ident(key)
    # a dangling speaker_id is crossref's foreign-key; `other` is the first other entity the words
    # name (by word, then by the entity's line)
    rows = db.rows(
        f"with {lexicon}, "
        f"judged as (select distinct s.{_SPEAKER} as person, s.{_AS_NAMED} as words, coalesce({notes}, '') as note "
        f"from {t.raw} s semi join {entities.raw} e on e.{key} = s.{_SPEAKER} "
        f"where s.{_SPEAKER} is not null and s.{_AS_NAMED} is not null), "
        f"tokens as (select words, unnest(ws) as word, generate_subscripts(ws, 1) as pos "
        f"from (select distinct j.words, w.ws from judged j join {_WORDS} w on w.text = j.words)), "
        f"hits as (select words, pos, n.entity, n.ord from tokens join naming n using (word)), "
        f"named as (select j.person, j.words, j.note, coalesce(bool_or(h.entity = j.person), false) as own, "
        f"min_by(h.entity, [h.pos, h.ord]) filter (where h.entity != j.person) as other "
        f"from judged j left join hits h using (words) group by all), "
        f"failing as (select n.* from named n cross join k join {_WORDS} w on w.text = n.words "
        f"left join recorded r on r.entity = n.person where not n.own and not {_describes('w.ws', 'r.words')}), "
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


def _credited(db, credited: list, candidates, lexicon: str) -> list:
    """One query for every verbatim span of every table in `credited`: a query of this size costs
    DuckDB about 10 ms to plan and start whatever its rows, more than the real package's rows take
    (at 10^5 rows, 0.45 s against 0.62 s for a query a span, measured alone)."""
    spans = [(t, span) for t in credited for span in t.resource.spans]
    rows_of = " union all ".join(
        f"select {k} as src, s._line, s.election_id as contest, s.candidate_id as person, s.{ident(span)} as words, "
        f"coalesce({_notes(t, 's.')}, '') as note from {t.raw} s where s.candidate_id is not null"
        for k, (t, span) in enumerate(spans))
    # hits: the entities each text names. failing: the rows whose words do not name the candidate
    # credited (an anti join) but name a candidate of the contest (joined to the candidates, one row
    # for each such candidate, then one for each row), read once, as they come: holding the spans'
    # rows, or every pair of a text and a contest its words name, took more memory and time than
    # judging them
    rows = db.rows(
        f"with {lexicon}, hits as (select w.text as words, n.entity "
        f"from (select text, unnest(ws) as word from {_WORDS}) w join naming n using (word)), "
        f"running as (select distinct election_id, candidate_id from {candidates.raw} "
        f"where election_id is not null and candidate_id is not null), "
        f"failing as (select s.src, s._line, any_value(s.contest) as contest, any_value(s.person) as person, "
        f"any_value(s.words) as words, any_value(s.note) as note from ({rows_of}) s "
        f"anti join hits o on o.words = s.words and o.entity = s.person join hits h on h.words = s.words "
        f"semi join running c on c.candidate_id = h.entity and c.election_id = s.contest group by s.src, s._line), "
        f"pending as (select distinct note, person from failing), {_told('pending')} "
        f"select f.src, f._line, f.contest, f.person, f.words from failing f "
        f"anti join told o on o.note = f.note and o.person = f.person order by f.src, f._line", [_EMPTY])
    return [CREDITED(spans[k][0].file, line, spans[k][1], words,
                     f"{spans[k][1]} names another candidate of {contest}, not {person}, and the notes do not say it "
                     f"is them")
            for k, line, contest, person, words in rows]


def check(db) -> list:
    entities, candidates = db.table("entities"), db.table("candidates")
    credited = [t for t in db.with_fields("election_id", "candidate_id") if t.resource.spans] \
        if entities is not None and candidates is not None and {"entity_id", "name", "description"} <= set(
            entities.resource.names) else []
    speakers = [(t, *found) for t in db.with_fields(_SPEAKER, _AS_NAMED) if (found := _entities(db, t)) is not None]
    named = {e.resource.name: e for e in [entities] + [e for _, e, _ in speakers] if e is not None}
    if not credited and not speakers:
        return []
    texts = [f"select {ident(span)} as text from {t.raw} where candidate_id is not null"
             for t in credited for span in t.resource.spans]
    texts += [f"select {_AS_NAMED} as text from {t.raw}" for t, _, _ in speakers]
    texts += [f"select {ident(c)} as text from {e.raw}" for e in named.values() for c in ("name", _description(e)) if c]
    _find_words(db, texts, [f"select {_notes(t)} as text from {t.raw}" for t in credited + [t for t, _, _ in speakers]])
    out = []
    if credited:
        out += _credited(db, credited, candidates, _lexicon(db, entities, "entity_id"))
    for t, target, key in speakers:
        out += _check(db, t, target, key, _lexicon(db, target, key))
    return out
