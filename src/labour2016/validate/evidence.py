"""A figure's stated_as occurs in its evidence and spells the figure's value.

Pairs are read from the schema: a field `X_stated_as` (or `stated_as`) goes with the numeric
field `X...` (or `value`).
"""
from __future__ import annotations

from .. import spelling
from . import Context


def pairs(resource) -> list[tuple[str, str, str | None]]:
    """(value field, stated_as field, qualifier field or None) for each stated figure of a
    labour2016.model.Resource."""
    fields = {f.name: f.type.name for f in resource.fields}
    out = []
    for name in fields:
        if not name.endswith("stated_as"):
            continue
        prefix = name[: -len("stated_as")]
        if prefix == "":
            value = "value" if "value" in fields else None
        else:
            value = next((f for f, k in fields.items() if f.startswith(prefix.rstrip("_"))
                          and k in ("number", "integer")), None)
        if value:
            qual = prefix + "qualifier" if prefix + "qualifier" in fields else None
            out.append((value, name, qual))
    return out


def check(ctx: Context) -> None:
    import numpy as np
    import pandas as pd

    for t in ctx.table_with("evidence"):
        for value_f, stated_f, _ in pairs(t.resource):
            value, written = t.typed[value_f], t.typed[stated_f]
            has_v, has_s = value.notna() & ~t.bad[value_f], written.notna()
            for i in np.flatnonzero((has_v ^ has_s).to_numpy() & ~t.bad[value_f].to_numpy()):
                lone, other = (value_f, stated_f) if has_v.iloc[i] else (stated_f, value_f)
                if t.resource.field(other).required:
                    continue  # the schema checks report a missing required value
                ctx.add(t.file, t.lines[i], other, None, "stated-as-pair", f"{lone} is given but {other} is not",
                        f"give both {value_f} and {stated_f}, or neither")
            both = has_v & has_s
            ev = t.typed["evidence"].fillna("").astype(str).to_numpy()
            st = written.fillna("").astype(str).to_numpy()
            inside = np.char.find(ev.astype(np.str_), st.astype(np.str_)) >= 0
            # without evidence (a required value the schema checks report) there is nothing to look in
            for i in np.flatnonzero(both.to_numpy() & t.typed["evidence"].notna().to_numpy() & ~inside):
                ctx.add(t.file, t.lines[i], stated_f, st[i], "stated-as", "stated_as does not occur in evidence",
                        "copy the figure exactly as the evidence writes it")
            spelled = written[both].map({s: spelling.parse(s) for s in written[both].unique()})
            spelled = pd.to_numeric(spelled, errors="coerce")
            actual = value[both].astype("float64")
            unread = spelled.isna()
            wrong = ~unread & ~np.isclose(actual.to_numpy(), spelled.fillna(0).to_numpy(), rtol=1e-9, atol=1e-9)
            idx = np.flatnonzero(both.to_numpy())
            for j in np.flatnonzero(unread.to_numpy()):
                i = idx[j]
                ctx.add(t.file, t.lines[i], stated_f, st[i], "evidence-figure",
                        "no number can be read from stated_as", "write the figure as the source does (digits or words)")
            for j in np.flatnonzero(wrong):
                i = idx[j]
                ctx.add(t.file, t.lines[i], value_f, t.frame[value_f].iloc[i], "evidence-figure",
                        f"{value_f} is not the number stated_as spells ({st[i]!r} = {spelled.iloc[j]:g})",
                        f"set {value_f} to {spelled.iloc[j]:g}, or fix stated_as")
