"""One parsed model of a data package: the descriptor and each Table Schema, read once.

Every door (validate, the generated views, build, the SQLite writer, the API, the dictionary)
reads the package through `load()`, so a package is understood the same way everywhere. What
some door could not honour (an unknown type or constraint, a name that is not a Data Package
name, a key naming a missing field, a path leaving the package) is a Problem (one of RULES) recorded
against the file that says it, never a crash further on. `TYPES` is the one registry of field types.

Only the standard library is imported: every command can afford it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .problems import Problem, Rule

DESCRIPTOR = "datapackage.json"
# Data Package names: the only resource names that reach SQL, always quoted besides.
NAME = re.compile(r"^[a-z0-9._-]+$")
TABLE_SCHEMA_HINT = "fix the field against https://datapackage.org/standard/table-schema/"


@dataclass(frozen=True)
class FieldType:
    """How a Table Schema type is read and stored by every door."""
    name: str
    duckdb: str
    sqlite: str
    pandas: str          # the dtype labour2016.load() gives
    expected: str        # the wording of a type error: "not <expected>"
    syntax: str | None   # the whole-value regular expression a cell must match (None: any text)
    croissant: str       # the Croissant dataType of a field of this type (croissant.json)


# The types this package reads. Syntax follows frictionless: an integer has no decimal point
# ("1.0" is not one), a number may have an exponent or be NaN/INF, a date is ISO YYYY-MM-DD.
TYPES = {t.name: t for t in (
    FieldType("string", "VARCHAR", "TEXT", "string", "text", None, "sc:Text"),
    FieldType("integer", "BIGINT", "INTEGER", "Int64", "an integer", r"[+-]?[0-9]+", "sc:Integer"),
    FieldType("number", "DOUBLE", "REAL", "float64", "a number",
              r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?(NaN|INF)", "sc:Float"),
    FieldType("boolean", "BOOLEAN", "INTEGER", "boolean", "true or false", None, "sc:Boolean"),
    FieldType("date", "DATE", "TEXT", "datetime64[s]", "an ISO date (YYYY-MM-DD)", r"[0-9]{4}-[0-9]{2}-[0-9]{2}",
              "sc:Date"),
)}
# Formats beyond "default": (type, format) -> the whole-value syntax a cell must match.
FORMATS = {("string", "uri"): r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]+"}
DEFAULT_TRUE = ("true", "True", "TRUE", "1")
DEFAULT_FALSE = ("false", "False", "FALSE", "0")

# labour2016's custom field properties (Table Schema allows them): JSON key -> (Field attribute, kind).
CONVENTIONS = {"statedAsOf": ("stated_as_of", str), "qualifierOf": ("qualifier_of", str),
               "verbatimSpan": ("verbatim_span", bool)}

# Constraint -> the JSON kind its value must have. Any other constraint is refused: it would
# pass unchecked.
CONSTRAINTS = {"required": bool, "unique": bool, "minLength": int, "maxLength": int, "minimum": (int, float),
               "maximum": (int, float), "pattern": str, "enum": list}


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    description: str = ""
    title: str = ""
    constraints: dict = field(default_factory=dict)
    true_values: tuple[str, ...] = DEFAULT_TRUE
    false_values: tuple[str, ...] = DEFAULT_FALSE
    format: str = "default"
    # labour2016's conventions, declared on the field (CONVENTIONS): the rules read these, never names
    stated_as_of: str | None = None   # this text is the words the named numeric field was printed in
    qualifier_of: str | None = None   # this field qualifies the named numeric field (exact, more_than, ...)
    verbatim_span: bool = False       # this text must occur verbatim in the row's source

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))

    @property
    def syntax(self) -> str | None:
        """The whole-value regular expression a present cell must match, from type and format."""
        return FORMATS.get((self.type.name, self.format), self.type.syntax)


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str                 # the referenced resource (the resource itself when "")
    reference: tuple[str, ...]


@dataclass
class Resource:
    name: str
    path: str                     # as the descriptor writes it, relative to the package
    file: Path                    # the data file, resolved inside the package
    schema_file: str              # the file that states the schema (its path, or the descriptor)
    fields: list[Field]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    missing_values: tuple[str, ...] = ("",)
    delimiter: str = ","
    header: bool = True
    title: str = ""
    description: str = ""
    schema_path: str | None = None  # the schema's path as written, None when inline
    raw: dict = field(default_factory=dict)         # the resource descriptor as written
    raw_schema: dict = field(default_factory=dict)  # the Table Schema as written

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def stated(self) -> list[tuple[str, str, str | None]]:
        """(value field, stated_as field, qualifier field or None) of each figure the schema declares."""
        qualifiers = {f.qualifier_of: f.name for f in self.fields if f.qualifier_of}
        return [(f.stated_as_of, f.name, qualifiers.get(f.stated_as_of)) for f in self.fields if f.stated_as_of]

    @property
    def spans(self) -> list[str]:
        """The fields whose text must occur verbatim in the row's source."""
        return [f.name for f in self.fields if f.verbatim_span]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


# What no door can honour in a descriptor or a Table Schema: reported by validate's descriptor step.
STEP = "descriptor"
RULES = (
    Rule("json-error", "JSON error", "a descriptor or schema file is not a JSON object", "fix the JSON syntax", STEP),
    Rule("encoding-error", "Encoding error", "a file is not UTF-8 (a descriptor or schema here; a CSV in the files step)",
         "re-save the file as UTF-8 (not Latin-1/Windows-1252)", STEP),
    Rule("descriptor-error", "Descriptor error",
         "the descriptor lists a resource no door can read (name, path, duplicate, dialect)",
         "fix the resource in datapackage.json", STEP),
    Rule("schema-error", "Schema error",
         "a Table Schema says something no door can honour (type, format, constraint, key)", TABLE_SCHEMA_HINT, STEP),
    Rule("unsafe-path", "Unsafe path",
         "a path or symbolic link leads out of the package, or a source path out of the sources folder",
         "keep every path relative and inside the package", STEP),
    Rule("missing-file", "Missing file", "a data or schema file the descriptor names does not exist",
         "restore the file or fix the path to it", STEP),
)
_RULE = {r.id: r for r in RULES}


def refusal(file: str, column: str | None, value: object, rule: str, message: str, hint: str) -> Problem:
    """Something in the descriptor or a schema that no door can honour, as the Problem validate reports."""
    return _RULE[rule](file, None, column, value, message, hint)


@dataclass
class Package:
    root: Path
    descriptor_file: str
    raw: dict | None
    resources: dict[str, Resource]
    refusals: list[Problem]

    @property
    def version(self) -> str:
        return (self.raw or {}).get("version", "")


class PackageError(Exception):
    """The package cannot be read as it stands; `refusals` says why (or `problems` from validate)."""

    def __init__(self, message: str, refusals: list | None = None):
        super().__init__(message)
        self.refusals = refusals or []


class CatalogError(ValueError):
    """A view file of this library's (queries/views/, see labour2016.catalog) or its schema says
    something the catalog cannot use: a bug of the library's own files, never of a package's, so
    it is raised rather than reported. Defined here, where every command already looks, so that
    catching it costs a query nothing."""


def as_list(value) -> tuple[str, ...]:
    """A Table Schema key ("a" or ["a", "b"]) as a tuple of field names."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"not a field name or a list of them: {value!r}")


def outside(root: Path, rel: str) -> str | None:
    """Why `rel` may not be followed from root, or None when it is a file path inside root.

    Symlinks are resolved first, so a link pointing out of the folder is refused too.
    """
    if not isinstance(rel, str) or not rel:
        return "is not a path"
    if "://" in rel or rel.lower().startswith(("http:", "https:", "ftp:", "file:", "data:")):
        return "is a URL; this package keeps every file inside its folder"
    p = PurePosixPath(rel.replace("\\", "/"))
    if p.is_absolute() or (len(rel) > 1 and rel[1] == ":"):
        return "is absolute; paths must be relative to the folder that holds them"
    if ".." in p.parts:
        return "climbs out of the folder with '..'"
    base = Path(root).resolve()
    target = (base / rel).resolve()
    if target != base and base not in target.parents:
        return f"leads out of the folder (through a symbolic link, to {target})"
    return None


# A descriptor or schema is a few kilobytes; these bound what a hostile one can make the reader do.
MAX_JSON_BYTES = 8 << 20
MAX_JSON_DEPTH = 32


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs: list) -> dict:
    keys = [k for k, _ in pairs]
    for k in keys:
        if keys.count(k) > 1:
            raise _Duplicate(k)
    return dict(pairs)


def _depth(text: str) -> int:
    """How deeply the JSON text nests objects and arrays (brackets inside strings not counted)."""
    deepest = depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            escaped, in_string = (False, True) if escaped else (ch == "\\", ch != '"')
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def read_json(path: Path, rel: str, refusals: list[Problem]) -> dict | None:
    """A descriptor or schema file's JSON object; a key given twice (JSON keeps the last silently,
    other readers the first), absurd size or nesting is refused, never a crash."""
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            refusals.append(refusal(rel, None, None, "json-error",
                                    f"{path.stat().st_size:,} bytes: more than a descriptor or schema needs "
                                    f"(at most {MAX_JSON_BYTES:,})", "this is not a descriptor or schema file"))
            return None
        text = path.read_text(encoding="utf-8")
        if _depth(text) > MAX_JSON_DEPTH:
            refusals.append(refusal(rel, None, None, "json-error",
                                    f"nested more than {MAX_JSON_DEPTH} levels deep", "a descriptor or schema nests a "
                                    "few levels: this is not one"))
            return None
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except UnicodeDecodeError as e:
        refusals.append(refusal(rel, None, None, "encoding-error", f"not UTF-8 at byte {e.start}",
                                "save the file as UTF-8"))
        return None
    except _Duplicate as e:
        refusals.append(refusal(rel, None, str(e), "json-error", f"the key {str(e)!r} is given twice in one object",
                                "keep one of them: readers differ on which one wins"))
        return None
    except (json.JSONDecodeError, RecursionError) as e:
        where = f": {e.msg} (line {e.lineno}, column {e.colno})" if isinstance(e, json.JSONDecodeError) else ""
        refusals.append(refusal(rel, None, None, "json-error", f"not valid JSON{where}",
                                "fix the JSON syntax (a missing comma, quote or bracket)"))
        return None
    except OSError as e:
        refusals.append(refusal(rel, None, None, "missing-file", f"cannot be read: {e.strerror}",
                                "restore the file or fix the path to it"))
        return None
    if not isinstance(data, dict):
        refusals.append(refusal(rel, None, None, "json-error", "the top level is not a JSON object", "wrap it in { }"))
        return None
    return data


def _field(raw: dict, file: str, refusals: list[Problem]) -> Field | None:
    name = raw["name"]
    kind = raw.get("type", "string")
    ok = True
    if kind not in TYPES:
        refusals.append(refusal(file, name, kind, "schema-error",
                                f"type {kind!r} is not one labour2016 reads ({', '.join(TYPES)})", TABLE_SCHEMA_HINT))
        ok = False
    fmt = raw.get("format", "default")
    if fmt != "default" and (kind, fmt) not in FORMATS:
        refusals.append(refusal(file, name, fmt, "schema-error",
                                f"format {fmt!r} of a {kind} is not one labour2016 checks "
                                f"(default{''.join(', ' + f for t, f in FORMATS if t == kind)})", TABLE_SCHEMA_HINT))
        ok = False
    constraints = raw.get("constraints", {})
    if not isinstance(constraints, dict):
        refusals.append(refusal(file, name, None, "schema-error", "constraints is not an object", TABLE_SCHEMA_HINT))
        return None
    for key, value in constraints.items():
        wanted = CONSTRAINTS.get(key)
        if wanted is None:
            message = f"constraint {key!r} is not one labour2016 validate enforces"
        elif not isinstance(value, wanted) or isinstance(value, bool) != (wanted is bool):
            message = f"constraint {key!r} has a value of the wrong kind"
        elif key == "pattern" and _bad_pattern(value):
            message = f"pattern is not a regular expression ({_bad_pattern(value)})"
        else:
            continue
        refusals.append(refusal(file, name, key if wanted is None else value, "schema-error", message,
                                TABLE_SCHEMA_HINT))
        ok = False
    for k, default in (("trueValues", DEFAULT_TRUE), ("falseValues", DEFAULT_FALSE)):
        # DuckDB reads booleans its own way in every view: other spellings could not be honoured there.
        if k in raw and (not isinstance(raw[k], list) or set(raw[k]) - set(default)):
            refusals.append(refusal(file, name, raw[k], "schema-error",
                                    f"{k} may only use {', '.join(default)}, the spellings every door reads",
                                    TABLE_SCHEMA_HINT))
            ok = False
    conventions = {}
    for key, (attr, wanted) in CONVENTIONS.items():
        if key in raw:
            if not isinstance(raw[key], wanted) or (wanted is str and not raw[key]):
                refusals.append(refusal(file, name, raw[key], "schema-error", f"{key} must be a {wanted.__name__}",
                                        "see CONTRIBUTING.md, 'Changing a table's structure'"))
                ok = False
            conventions[attr] = raw[key]
    if not ok:
        return None
    return Field(name=name, type=TYPES[kind], description=raw.get("description", ""), title=raw.get("title", ""),
                 constraints=dict(constraints), true_values=tuple(raw.get("trueValues", DEFAULT_TRUE)),
                 false_values=tuple(raw.get("falseValues", DEFAULT_FALSE)), format=fmt, **conventions)


def _bad_pattern(pattern: str) -> str | None:
    try:
        re.compile(pattern)
    except re.error as e:
        return str(e)
    return None


def _keys(schema: dict, names: list[str], file: str, refusals: list[Problem]):
    """(primary key, foreign keys) normalised to tuples, each naming only fields that exist."""
    def fields_of(value, where: str) -> tuple[str, ...] | None:
        try:
            keys = as_list(value)
        except ValueError:
            refusals.append(refusal(file, where, None, "schema-error", f"{where} is not a field name or a list of them",
                                    TABLE_SCHEMA_HINT))
            return None
        missing = [k for k in keys if k not in names]
        if missing:
            refusals.append(refusal(file, where, ",".join(missing), "schema-error",
                                    f"{where} names a field the schema does not have: {', '.join(missing)}",
                                    "name fields of this schema's \"fields\" list"))
            return None
        return keys

    pk = fields_of(schema["primaryKey"], "primaryKey") if "primaryKey" in schema else ()
    fks = []
    raw_fks = schema.get("foreignKeys", [])
    if not isinstance(raw_fks, list):
        refusals.append(refusal(file, "foreignKeys", None, "schema-error", "foreignKeys is not a list", TABLE_SCHEMA_HINT))
        raw_fks = []
    for i, fk in enumerate(raw_fks):
        where = f"foreignKeys[{i}]"
        ref = fk.get("reference") if isinstance(fk, dict) else None
        if not isinstance(ref, dict) or "fields" not in fk or "fields" not in ref:
            refusals.append(refusal(file, where, None, "schema-error", "a foreign key needs fields and reference.fields",
                                    TABLE_SCHEMA_HINT))
            continue
        own = fields_of(fk["fields"], where + ".fields")
        try:
            theirs = as_list(ref["fields"])
        except ValueError:
            theirs = None
            refusals.append(refusal(file, where, None, "schema-error", "reference.fields is not a field name or a list",
                                    TABLE_SCHEMA_HINT))
        resource = ref.get("resource", "")
        if own is not None and theirs is not None:
            if len(own) != len(theirs):
                refusals.append(refusal(file, where, None, "schema-error",
                                        "a foreign key's fields and reference.fields differ in number", TABLE_SCHEMA_HINT))
            elif not isinstance(resource, str):
                refusals.append(refusal(file, where, None, "schema-error", "reference.resource is not a name",
                                        TABLE_SCHEMA_HINT))
            else:
                fks.append(ForeignKey(own, resource, theirs))
    return pk, tuple(fks)


def table_schema(schema, schema_file: str, owner: str, refusals: list[Problem]):
    """(fields, primary key, foreign keys) of a Table Schema, for a resource or a view (owner names
    it in messages); None when it has no usable fields list. What cannot be honoured is refused."""
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not all(
            isinstance(f, dict) and isinstance(f.get("name"), str) for f in schema["fields"]):
        refusals.append(refusal(schema_file, "fields", None, "schema-error",
                                f"{owner} has no usable Table Schema",
                                "give the schema a \"fields\" list of {name, type}"))
        return None
    names = [f["name"] for f in schema["fields"]]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        refusals.append(refusal(schema_file, dup, dup, "schema-error", "two fields have this name",
                                "give every field its own name"))
    fields = [_field(f, schema_file, refusals) for f in schema["fields"]]
    _conventions([f for f in fields if f is not None], set(names), schema_file, refusals)
    pk, fks = _keys(schema, names, schema_file, refusals)
    return fields, pk, fks


def _conventions(fields: list[Field], names: set[str], file: str, refusals: list[Problem]) -> None:
    """statedAsOf and qualifierOf name a number of the same schema; a verbatim span is text. A
    field refused on its own is not refused again through the field that names it."""
    kinds = {f.name: f.type.name for f in fields}
    for f in fields:
        for key, target in (("statedAsOf", f.stated_as_of), ("qualifierOf", f.qualifier_of)):
            if target is not None and (target in kinds or target not in names) \
                    and kinds.get(target) not in ("number", "integer"):
                refusals.append(refusal(file, f.name, target, "schema-error",
                                        f"{key} names {target!r}, which is not a number or integer field of this schema",
                                        "name the numeric field this one states or qualifies"))
        if f.verbatim_span and f.type.name != "string":
            refusals.append(refusal(file, f.name, f.type.name, "schema-error", "a verbatimSpan field must be a string",
                                    "remove verbatimSpan, or make the field a string"))


def _resource(root: Path, i: int, res, descriptor_file: str, refusals: list[Problem]) -> Resource | None:
    where = f"resources[{i}]"
    if not isinstance(res, dict) or not isinstance(res.get("name"), str):
        refusals.append(refusal(descriptor_file, where, None, "descriptor-error", "a resource without a name",
                                "give every resource a \"name\""))
        return None
    name = res["name"]
    if not NAME.match(name):
        refusals.append(refusal(descriptor_file, f"{where}.name", name, "descriptor-error",
                                "a resource name must be lower-case letters, digits, '.', '_' or '-' (^[a-z0-9._-]+$)",
                                "rename the resource, e.g. the CSV's name without .csv"))
        return None
    path = res.get("path")
    if not isinstance(path, str) or not path:
        refusals.append(refusal(descriptor_file, f"{where}.path", path, "descriptor-error",
                                f"resource {name!r} has no single path", "give it one relative CSV path"))
        return None
    why = outside(root, path)
    if why:
        refusals.append(refusal(descriptor_file, f"{where}.path", path, "unsafe-path", f"resource {name!r} path {why}",
                                "use a path like data/<name>.csv inside the package"))
        return None
    schema = res.get("schema")
    schema_file = descriptor_file
    if isinstance(schema, str):
        why = outside(root, schema)
        if why:
            refusals.append(refusal(descriptor_file, f"{where}.schema", schema, "unsafe-path",
                                    f"resource {name!r} schema {why}", "use a path like schemas/<name>.schema.json"))
            return None
        schema_file = schema
        if not (root / schema).is_file():
            refusals.append(refusal(schema, None, None, "missing-file", f"schema of resource {name!r} does not exist",
                                    "restore the schema file or fix the resource's schema path"))
            return None
        schema = read_json(root / schema, schema_file, refusals)
        if schema is None:
            return None
    before = len(refusals)
    parsed = table_schema(schema, schema_file, f"resource {name!r}", refusals)
    if parsed is None:
        return None
    fields, pk, fks = parsed
    # Table Schema v2 properties no door honours on a table: they would pass unchecked.
    if "uniqueKeys" in schema:
        refusals.append(refusal(schema_file, "uniqueKeys", None, "schema-error",
                                "uniqueKeys is not one labour2016 validate checks on a table",
                                "declare a primaryKey, or a field's unique constraint"))
    if schema.get("fieldsMatch", "exact") != "exact":
        refusals.append(refusal(schema_file, "fieldsMatch", schema["fieldsMatch"], "schema-error",
                                "fieldsMatch must be exact: every door reads a table's fields by their order",
                                "remove fieldsMatch and list the fields in the CSV's order"))
    missing = schema.get("missingValues", [""])
    if not isinstance(missing, list) or not missing or not all(isinstance(m, str) for m in missing):
        refusals.append(refusal(schema_file, "missingValues", None, "schema-error",
                                "missingValues is not a non-empty list of strings", TABLE_SCHEMA_HINT))
    dialect = res.get("dialect", {})
    dialect = dialect if isinstance(dialect, dict) else {}
    delimiter = dialect.get("delimiter", ",")
    if not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in "\"\n\r":
        refusals.append(refusal(descriptor_file, f"{where}.dialect.delimiter", delimiter, "descriptor-error",
                                "the delimiter must be one character other than a quote or line break",
                                "use \",\" (or remove the dialect)"))
    if len(refusals) > before:
        return None
    if not (root / path).is_file():
        refusals.append(refusal(path, None, None, "missing-file", f"data file of resource {name!r} does not exist",
                                "restore the CSV or fix the resource's path"))
        return None
    return Resource(name=name, path=path, file=(root / path).resolve(), schema_file=schema_file,
                    fields=fields, primary_key=pk, foreign_keys=fks, missing_values=tuple(missing),
                    delimiter=delimiter, header=bool(dialect.get("header", True)), title=res.get("title", ""),
                    description=res.get("description", ""),
                    schema_path=res["schema"] if isinstance(res["schema"], str) else None,
                    raw=res, raw_schema=schema)


def load(root: str | Path, descriptor: str = DESCRIPTOR) -> Package:
    """The package at root, parsed; what cannot be honoured is in `refusals`, never raised."""
    root = Path(root)
    refusals: list[Problem] = []
    raw = read_json(root / descriptor, descriptor, refusals)
    resources: dict[str, Resource] = {}
    if raw is None:
        return Package(root, descriptor, None, resources, refusals)
    listed = raw.get("resources")
    if not isinstance(listed, list) or not listed:
        refusals.append(refusal(descriptor, "resources", None, "descriptor-error", "no resources list",
                                "list the tables under \"resources\""))
        return Package(root, descriptor, raw, resources, refusals)
    seen = set()
    for i, res in enumerate(listed):
        name = res.get("name") if isinstance(res, dict) else None
        if isinstance(name, str) and name in seen:
            refusals.append(refusal(descriptor, f"resources[{i}].name", name, "descriptor-error",
                                    f"a second resource named {name!r} would shadow the first",
                                    "give every resource its own name"))
            continue
        seen.add(name)
        r = _resource(root, i, res, descriptor, refusals)
        if r is not None:
            resources[r.name] = r
    for r in resources.values():
        for k, fk in enumerate(r.foreign_keys):
            target = resources.get(fk.resource or r.name)
            if target is None:
                if fk.resource not in seen:
                    refusals.append(refusal(r.schema_file, f"foreignKeys[{k}]", fk.resource, "schema-error",
                                            f"a foreign key refers to resource {fk.resource!r}, which the package "
                                            "does not have", "name a resource of datapackage.json"))
            elif missing := [f for f in fk.reference if f not in target.names]:
                refusals.append(refusal(r.schema_file, f"foreignKeys[{k}]", ",".join(missing), "schema-error",
                                        f"a foreign key refers to {target.name} fields it does not have: "
                                        f"{', '.join(missing)}", f"name fields of {target.schema_file}"))
    return Package(root, descriptor, raw, resources, refusals)
