"""How to cite the package, from its descriptor: one wording for `labour2016 cite` and for
croissant.json's citeAs (and so the explorer's JSON-LD). Imports nothing."""
from __future__ import annotations


def package_citation(descriptor: dict) -> dict:
    d = descriptor
    return {
        "key": f"labour2016_{d['version'].replace('.', '_')}",
        "authors": [c["title"] for c in d.get("contributors", [])],
        "title": d["title"],
        "version": d["version"],
        "year": d["created"][:4],
        "licence": d["licenses"][0]["name"],
        "licence_url": d["licenses"][0].get("path", ""),
    }


def bibtex(key: str, fields: dict) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@misc{{{key},\n{body}\n}}"


def package_bibtex(citation: dict) -> str:
    # Braces around an organisation's name keep BibTeX from splitting it into first and last names.
    return bibtex(citation["key"], {
        "author": " and ".join(f"{{{a}}}" for a in citation["authors"]), "title": citation["title"],
        "year": citation["year"], "version": citation["version"],
        "note": f"Data package, licence {citation['licence']}"})
