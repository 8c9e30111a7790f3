"""Every foreignKey in the schemas resolves (composite keys too), and a candidate_id
(or an election's winner_id) next to an election_id names a candidate of that election
(`candidate-not-in-contest`), except in polls, which may ask about someone who never stood."""
from __future__ import annotations

from . import Context

_CANDIDATES = "candidates"
# Tables whose candidate_id may name someone asked about who never stood (YouGov's July poll
# asked about Angela Eagle, who withdrew before the ballot): their foreign key to entities
# still checks the id, but not candidacy.
_ASKED_ABOUT = {"polls"}
# Columns that, beside election_id, name a candidate of that election (the contest's winner too).
_NAMES_A_CANDIDATE = ("candidate_id", "winner_id")


def _dangling(ctx: Context, t, fields: list[str], target, target_fields: list[str], rule, message, hint,
              skip=None):
    """Report rows whose fields match no target row (rows in `skip` are passed over); return
    which rows were reported."""
    import numpy as np
    import pandas as pd

    sub = t.typed[fields]
    present = sub.notna().all(axis=1).to_numpy()
    if skip is not None:
        present = present & ~skip
    reported = np.zeros(len(sub), bool)
    if not present.any():
        return reported
    keys = pd.MultiIndex.from_frame(sub[present].astype(str))
    known = pd.MultiIndex.from_frame(target.typed[target_fields].dropna().astype(str))
    missing = ~keys.isin(known)
    rows = np.flatnonzero(present)[missing]
    for i in rows:
        value = "|".join(t.frame[fields].iloc[i])
        ctx.add(t.file, t.lines[i], ",".join(fields), value, rule, message, hint)
    reported[rows] = True
    return reported


def check(ctx: Context) -> None:
    import numpy as np

    dangling = {}  # (table, field) -> rows already reported as a foreign-key error on that field
    for t in ctx.tables.values():
        if t.typed is None:
            continue
        # single fields first: a composite key whose election_id names no election is that key's
        # problem, reported once, not again as the composite's
        for fk in sorted(t.resource.foreign_keys, key=lambda k: len(k.fields)):
            fields, target_fields = list(fk.fields), list(fk.reference)
            target = ctx.tables.get(fk.resource or t.name)
            if target is None or target.typed is None:
                continue  # the model refused a key to a missing resource; an unreadable one is reported
            reported = np.zeros(len(t.typed), bool)
            for f in fields:
                reported |= dangling.get((t.name, f), False)
            bad = _dangling(ctx, t, fields, target, target_fields, "foreign-key",
                            f"no {target.name} row has {','.join(target_fields)} = this value",
                            f"add the row to {target.file} or correct the id (a typo?)", reported)
            for f in fields:
                dangling[t.name, f] = dangling.get((t.name, f), False) | bad
    cands = ctx.tables.get(_CANDIDATES)
    if cands is None or cands.typed is None:
        return
    stood = ["election_id", "candidate_id"]
    for column in _NAMES_A_CANDIDATE:
        key = ["election_id", column]
        for t in ctx.table_with(*key):
            if t is cands or t.name in _ASKED_ABOUT:
                continue
            composite = any(sorted(fk.fields) == sorted(key) for fk in t.resource.foreign_keys)
            if composite:
                continue  # already a foreign key
            # an id that names no entity or election at all is reported once, as foreign-key
            skip = np.logical_or(dangling.get((t.name, key[0]), False), dangling.get((t.name, column), False))
            _dangling(ctx, t, key, cands, stood, "candidate-not-in-contest",
                      f"{column} is not a candidate of this election",
                      f"add the candidate to {cands.file} or correct election_id/{column}", skip)
