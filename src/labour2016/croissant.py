"""The package as MLCommons Croissant 1.0 metadata (croissant.json), for `labour2016 build`.

Croissant is a schema.org Dataset plus record sets: `dataset()` gives the schema.org part (title,
description, licence, creator, version and every file of the package with its SHA-256), which a
web page can embed as JSON-LD; `metadata()` adds one record set per table, its fields typed from
the Table Schema (each type's Croissant dataType is in model.TYPES), the primary key as `key` and
each single-column foreign key as `references`. Everything is read from the parsed package model.

Every `contentUrl` is the file's package path behind a prefix: `labour2016 build` passes the path
from its output folder back to the package, so OUT/croissant.json reads the CSVs where they are;
a site passes its own base URL. Only the standard library is used: mlcroissant, which reads the
file back, is a test dependency, not a runtime one.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import citation, model

CONFORMS_TO = "http://mlcommons.org/croissant/1.0"

# The @context Croissant 1.0 recommends (its spec's appendix, as mlcroissant writes it).
CONTEXT = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
MEDIA_TYPES = {".csv": "text/csv", ".json": "application/json"}


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def package_files(pkg: model.Package) -> list[str]:
    """Every file the descriptor names, as package paths: itself, each Table Schema and each table."""
    files = [pkg.descriptor_file]
    for resource in pkg.resources.values():
        if resource.schema_path:
            files.append(resource.schema_path)
        files.append(resource.path)
    return files


def _file_object(pkg: model.Package, path: str, prefix: str) -> dict:
    return {"@type": "cr:FileObject", "@id": path, "name": path,
            "contentUrl": prefix + path, "contentSize": f"{(pkg.root / path).stat().st_size} B",
            "encodingFormat": MEDIA_TYPES[Path(path).suffix], "sha256": _sha256(pkg.root / path)}


def dataset(pkg: model.Package, prefix: str = "") -> dict:
    """The schema.org Dataset: what the package is, who made it, under which licence, its files."""
    d = pkg.raw or {}
    licence = d["licenses"][0]
    return {
        "@type": "sc:Dataset",
        "name": d["name"],
        "alternateName": d["title"],
        "description": d["description"],
        "version": pkg.version,
        "dateCreated": d["created"],
        "citeAs": citation.package_bibtex(citation.package_citation(d)),
        "keywords": d.get("keywords", []),
        "license": licence.get("path") or licence["name"],
        "creator": [{"@type": "sc:Organization", "name": c["title"]}
                    for c in d.get("contributors", []) if "creator" in c.get("roles", [])],
        "isBasedOn": [s["path"] for s in d.get("sources", []) if "path" in s],
        "distribution": [_file_object(pkg, path, prefix) for path in package_files(pkg)],
    }


def _references(pkg: model.Package, resource: model.Resource) -> dict[str, dict]:
    """Column -> the Croissant `references` of its foreign key.

    A `references` names one field, so a composite foreign key (votes' election and candidate
    together) cannot be said and is left to the Table Schema. It points at the referenced
    table's CSV column, the one that table's record set reads, not at that record set's field:
    mlcroissant reads `references` as a join with what it points to, and cannot join onto a
    record set that has joins of its own (votes -> elections -> entities).
    """
    out = {}
    for fk in resource.foreign_keys:
        if len(fk.fields) == 1:
            target = pkg.resources[fk.resource] if fk.resource else resource
            out[fk.fields[0]] = {"fileObject": {"@id": target.path}, "extract": {"column": fk.reference[0]}}
    return out


def record_set(pkg: model.Package, resource: model.Resource) -> dict:
    """A table's record set: a Field per column, read from its CSV, with its key and references."""
    references = _references(pkg, resource)
    fields = []
    for f in resource.fields:
        field = {"@type": "cr:Field", "@id": f"{resource.name}/{f.name}", "name": f"{resource.name}/{f.name}",
                 "description": f.description, "dataType": f.type.croissant,
                 "source": {"fileObject": {"@id": resource.path}, "extract": {"column": f.name}}}
        if f.name in references:
            field["references"] = references[f.name]
        fields.append(field)
    out = {"@type": "cr:RecordSet", "@id": resource.name, "name": resource.name,
           "description": resource.description, "field": fields}
    if resource.primary_key:
        out["key"] = [{"@id": f"{resource.name}/{k}"} for k in resource.primary_key]
    return out


def metadata(pkg: model.Package, prefix: str = "") -> dict:
    """The whole croissant.json: context, the Dataset, and a record set per table."""
    return {"@context": CONTEXT, **dataset(pkg, prefix), "conformsTo": CONFORMS_TO,
            "recordSet": [record_set(pkg, resource) for resource in pkg.resources.values()]}
