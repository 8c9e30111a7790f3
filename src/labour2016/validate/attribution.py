"""Attribution agrees with the words recorded for it.

`speaker-without-attribution`: a row gives a speaker_id but no speaker_as_named (the text
names nobody, so nobody may be credited).
`speaker-not-named`: speaker_as_named does not refer to the speaker_id's entity. It refers
when it names the entity (contains, as a word, the last word of the entity's `name`: a
surname, "Unite") or describes it in words the entities table records for it (every word
but articles and pronouns occurs in the entity's name or description: "The Pontypridd MP").
Otherwise it is a pronoun or an unrecorded description ("He", "The winner"), and the row's
notes must say who it is: name the entity, or quote a description the entities table
records. A speaker_as_named that names another entity is never resolved by notes.

Work is done once per distinct (speaker, words) pair: a quotation's speaker repeats down a
large table.
"""
from __future__ import annotations

from . import Context

_SPEAKER, _AS_NAMED, _NOTES = "speaker_id", "speaker_as_named", "notes"
_NAME, _DESCRIPTION = "name", "description"
_WORD = r"[^\W_]+"
_QUOTED = r"[\"“]([^\"”]+)[\"”]"
# Words that refer without naming or describing anybody.
_EMPTY = {"a", "an", "the", "he", "she", "they", "it", "him", "her", "them", "his", "hers", "its", "their",
          "theirs", "s", "this", "that", "these", "those", "who"}


def _entities(ctx: Context, t):
    """(entity table, key column) the speaker_id foreign key points to, or None."""
    for fk in t.resource.foreign_keys:
        if fk.fields == (_SPEAKER,) and len(fk.reference) == 1:
            target = ctx.tables.get(fk.resource or t.name)
            if target is not None and target.typed is not None and {fk.reference[0], _NAME} <= set(target.typed):
                return target, fk.reference[0]
    return None


def _words(phrases):
    """One row per (phrase index, lower-cased word)."""
    w = phrases.str.lower().str.findall(_WORD).explode().dropna()
    return w.rename("word").rename_axis("k").reset_index()


class _Lexicon:
    """Each entity's naming word (last word of its name) and every word recorded for it."""

    def __init__(self, entities, key):
        import pandas as pd

        typed = entities.typed
        self.entities = typed[key].dropna().unique()
        names = typed[_NAME].fillna("").astype(str)
        last = names.str.lower().str.findall(_WORD).str[-1]
        self.naming = pd.DataFrame({"entity": typed[key], "word": last}).dropna().drop_duplicates()
        text = names + " " + (typed[_DESCRIPTION].fillna("").astype(str) if _DESCRIPTION in typed else "")
        words = _words(text.set_axis(typed[key].to_numpy()))
        self.recorded = words.rename(columns={"k": "entity"}).drop_duplicates()

    def names(self, phrases, speakers):
        """For each phrase: whether it names its speaker, and another entity it names (or None)."""
        hits = _words(phrases).merge(self.naming, on="word")
        own = hits["entity"].to_numpy() == speakers.reindex(hits["k"]).to_numpy()
        other = hits[~own].drop_duplicates("k").set_index("k")["entity"]
        return phrases.index.isin(hits["k"][own]), other.reindex(phrases.index).to_numpy()

    def describes(self, phrases, speakers):
        """For each phrase: it has a content word, and every one is recorded for its speaker."""
        w = _words(phrases)
        w = w[~w["word"].isin(_EMPTY)]
        w["entity"] = speakers.reindex(w["k"]).to_numpy()
        w = w.merge(self.recorded, on=["entity", "word"], how="left", indicator=True)
        found = (w["_merge"] == "both").groupby(w["k"]).all()
        return phrases.index.isin(found[found].index)


def _told_in_notes(lexicon, notes, speakers):
    """For each row's notes: they name the speaker, or quote a description recorded for it."""
    import numpy as np

    ok = lexicon.names(notes, speakers)[0]
    quoted = notes.str.findall(_QUOTED).explode().dropna()
    if len(quoted):
        k = np.arange(len(quoted))
        described = lexicon.describes(quoted.set_axis(k), speakers.reindex(quoted.index).set_axis(k))
        ok |= notes.index.isin(quoted.index[described])
    return ok


def _check(ctx: Context, t, lexicon) -> None:
    import numpy as np

    df = t.typed
    credited = df[_SPEAKER].notna().to_numpy()
    for i in np.flatnonzero(credited & df[_AS_NAMED].isna().to_numpy()):
        ctx.add(t.file, t.lines[i], _SPEAKER, t.frame[_SPEAKER].iloc[i], "speaker-without-attribution",
                "a speaker is given but speaker_as_named is empty: the text names nobody",
                "clear speaker_id, or record in speaker_as_named how the text names the speaker")
    known = df[_SPEAKER].isin(lexicon.entities).to_numpy()  # a dangling id is crossref's foreign-key
    rows = df[credited & known & df[_AS_NAMED].notna().to_numpy()]
    pairs = rows[[_SPEAKER, _AS_NAMED]].drop_duplicates().reset_index(drop=True)
    phrases, speakers = pairs[_AS_NAMED].astype(str), pairs[_SPEAKER].astype(str)
    own, other = lexicon.names(phrases, speakers)
    refers = own | lexicon.describes(phrases, speakers)
    pairs["other"] = other
    pairs["verdict"] = np.where(refers, "ok", np.where(pairs["other"].notna(), "other", "notes"))
    rows = rows.reset_index(names="row").merge(pairs, on=[_SPEAKER, _AS_NAMED])
    if _NOTES in rows:
        unsure = rows[rows["verdict"] == "notes"]
        told = unsure[[_SPEAKER, _NOTES]].drop_duplicates().reset_index(drop=True)
        told["ok"] = _told_in_notes(lexicon, told[_NOTES].fillna("").astype(str), told[_SPEAKER].astype(str))
        rows = rows.merge(told[told["ok"]].assign(verdict="notes", resolved=True), how="left",
                          on=[_SPEAKER, _NOTES, "verdict"])
        rows = rows[rows["resolved"].isna()]
    for r in rows[rows["verdict"] != "ok"].sort_values("row").itertuples(index=False):
        i = r.row
        speaker = t.frame[_SPEAKER].iloc[i]
        ctx.add(t.file, t.lines[i], _AS_NAMED, t.frame[_AS_NAMED].iloc[i], "speaker-not-named",
                f"speaker_as_named names {r.other}, not the speaker_id {speaker}" if r.verdict == "other" else
                f"speaker_as_named neither names nor describes {speaker}, and the notes do not say it is them",
                "correct speaker_id, or say in notes whom the text's words refer to")


def check(ctx: Context) -> None:
    for t in ctx.table_with(_SPEAKER, _AS_NAMED):
        found = _entities(ctx, t)
        if found is not None:
            _check(ctx, t, _Lexicon(*found))
