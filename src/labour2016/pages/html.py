"""Markup built as strings, every text and attribute escaped, so no value of the package becomes markup."""
from __future__ import annotations

from html import escape


class Markup(str):
    """Text that is already markup (built by el or raw), so it is not escaped again."""


def text(value) -> Markup:
    return value if isinstance(value, Markup) else Markup(escape(str(value), quote=False))


def el(tag: str, attrs: dict | None = None, *children) -> Markup:
    """<tag attrs>children</tag>; an attribute whose value is None or False is left out, True is bare."""
    parts = [tag]
    for key, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{escape(str(value), quote=True)}"')
    inner = "".join(join(children))
    return Markup(f"<{' '.join(parts)}>{inner}</{tag}>")


def void(tag: str, attrs: dict | None = None) -> Markup:
    """An element without content (meta, link, input)."""
    return Markup(el(tag, attrs)[: -len(f"</{tag}>")])


def join(children) -> list[Markup]:
    out = []
    for c in children:
        if c is None or c is False:
            continue
        if isinstance(c, (list, tuple)):
            out.extend(join(c))
        else:
            out.append(text(c))
    return out


def raw(markup: str) -> Markup:
    """Markup the code itself wrote (never a value of the package)."""
    return Markup(markup)
