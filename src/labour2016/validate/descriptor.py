"""Check 1: datapackage.json parses; resources' path and schema are safe, existing, parseable."""
from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from . import Context, Table

DESCRIPTOR = "datapackage.json"

# The field types and constraints this validator checks (tables.py); any other would pass
# unchecked (a `year` read as a string), so it is reported instead.
FIELD_TYPES = {"string", "number", "integer", "boolean", "date", "datetime"}
CONSTRAINTS = {"required": bool, "unique": bool, "minLength": int, "maxLength": int, "minimum": (int, float),
               "maximum": (int, float), "pattern": str, "enum": list}


def unsafe(path: str) -> str | None:
    """Why a descriptor path may not be followed, or None if it is a plain relative path."""
    if "://" in path or path.lower().startswith(("http:", "https:", "ftp:", "file:", "data:")):
        return "is a URL; this package keeps every file inside its folder"
    p = PurePosixPath(path.replace("\\", "/"))
    if p.is_absolute() or (len(path) > 1 and path[1] == ":"):
        return "is absolute; descriptor paths must be relative to datapackage.json"
    if ".." in p.parts:
        return "climbs out of the package with '..'"
    return None


def _load_json(ctx: Context, rel: str, path: Path) -> dict | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        ctx.add(rel, None, None, None, "encoding", f"not UTF-8 at byte {e.start}", "save the file as UTF-8")
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        ctx.add(rel, e.lineno, None, None, "json", f"not valid JSON: {e.msg} (column {e.colno})",
                "fix the JSON syntax (a missing comma, quote or bracket)")
        return None
    if not isinstance(data, dict):
        ctx.add(rel, 1, None, None, "json", "the top level is not a JSON object", "wrap it in { }")
        return None
    return data


def _field_problems(schema: dict):
    """(field, value, message) for each field whose type or constraints cannot be checked."""
    import re

    for f in schema["fields"]:
        kind = f.get("type", "string")
        if kind not in FIELD_TYPES:
            yield f["name"], kind, f"type {kind!r} is not one labour2016 validate checks ({', '.join(sorted(FIELD_TYPES))})"
        constraints = f.get("constraints", {})
        if not isinstance(constraints, dict):
            yield f["name"], None, "constraints is not an object"
            continue
        for key, value in constraints.items():
            if key not in CONSTRAINTS:
                yield f["name"], key, f"constraint {key!r} is not one labour2016 validate enforces"
            elif not isinstance(value, CONSTRAINTS[key]) or isinstance(value, bool) != (CONSTRAINTS[key] is bool):
                yield f["name"], value, f"constraint {key!r} has a value of the wrong kind"
            elif key == "pattern":
                try:
                    re.compile(value)
                except re.error as e:
                    yield f["name"], value, f"pattern is not a regular expression ({e})"


def check(ctx: Context) -> None:
    desc = _load_json(ctx, DESCRIPTOR, ctx.root / DESCRIPTOR)
    if desc is None:
        return
    ctx.descriptor = desc
    resources = desc.get("resources")
    if not isinstance(resources, list) or not resources:
        ctx.add(DESCRIPTOR, None, "resources", None, "descriptor", "no resources list",
                "list the tables under \"resources\"")
        return
    for i, res in enumerate(resources):
        where = f"resources[{i}]"
        if not isinstance(res, dict) or not isinstance(res.get("name"), str):
            ctx.add(DESCRIPTOR, None, where, None, "descriptor", "a resource without a name",
                    "give every resource a \"name\"")
            continue
        name = res["name"]
        path = res.get("path")
        if not isinstance(path, str) or not path:
            ctx.add(DESCRIPTOR, None, f"{where}.path", path, "descriptor",
                    f"resource {name!r} has no single path", "give it one relative CSV path")
            continue
        why = unsafe(path)
        if why:
            ctx.add(DESCRIPTOR, None, f"{where}.path", path, "unsafe-path", f"resource {name!r} path {why}",
                    "use a path like data/<name>.csv inside the package")
            continue
        schema = res.get("schema")
        if isinstance(schema, str):
            why = unsafe(schema)
            if why:
                ctx.add(DESCRIPTOR, None, f"{where}.schema", schema, "unsafe-path",
                        f"resource {name!r} schema {why}", "use a path like schemas/<name>.schema.json")
                continue
            if not (ctx.root / schema).is_file():
                ctx.add(schema, None, None, None, "missing-file", f"schema of resource {name!r} does not exist",
                        "restore the schema file or fix the resource's schema path")
                continue
            schema = _load_json(ctx, schema, ctx.root / schema)
            if schema is None:
                continue
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not all(
                isinstance(f, dict) and isinstance(f.get("name"), str) for f in schema["fields"]):
            ctx.add(res["schema"] if isinstance(res.get("schema"), str) else DESCRIPTOR, None, "fields", None,
                    "descriptor", f"resource {name!r} has no usable Table Schema",
                    "give the schema a \"fields\" list of {name, type}")
            continue
        if not (ctx.root / path).is_file():
            ctx.add(path, None, None, None, "missing-file", f"data file of resource {name!r} does not exist",
                    "restore the CSV or fix the resource's path")
            continue
        schema_file = res["schema"] if isinstance(res["schema"], str) else DESCRIPTOR
        broken = list(_field_problems(schema))
        for column, value, message in broken:
            ctx.add(schema_file, None, column, value, "schema", message,
                    "fix the field against https://datapackage.org/standard/table-schema/")
        if not broken:
            ctx.tables[name] = Table(name=name, file=path, schema=schema)
