"""Validate a document against its JSON Schema (schema/*.schema.json) and explain each error in one plain line.

The schema owns its words. A subschema may carry annotation keywords (ANNOTATIONS) that set the message and the
tip of every error raised by its own keywords; otherwise the message is built from the failing keyword and the
tip is the field's description. Each schema file is read, and its validator built, once until the file changes.
"""

from __future__ import annotations

import difflib
import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .problems import Problem, field_path
from .yamlsource import Document

# The annotation keywords the schema files may use; tests hold every x- keyword in them to this list.
# Both are str.format templates: {value} is the offending value (at most 60 characters), {description} the field's
# description. A literal brace is written {{ or }}.
ANNOTATIONS = {
    "x-message": "what is wrong, replacing the message built from the failing keyword",
    "x-tip": "how to fix it, replacing the field's description as the tip",
}

_SCOPED = "x-words-of"  # only in the validator's inlined copy, never in a file: annotations of a merged $ref rule

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping of fields",
    "boolean": "true or false",
    "null": "nothing",
}


def _kind(value) -> str:
    for python_type, name in (
        (bool, "true or false"),
        (str, "text"),
        (int, "a whole number"),
        (float, "a number"),
        (list, "a list"),
        (dict, "a mapping of fields"),
        (type(None), "nothing"),
    ):
        if isinstance(value, python_type):
            return name
    return type(value).__name__


class Schema:
    """One schema file: its data, its validator (with format checks, so 2026-02-30 is not a date) and its $refs."""

    def __init__(self, path: Path, stamp: tuple = ()):
        self.path = path
        self.key = (str(path), *stamp)  # this version of the file; what it finds in a document is kept under it
        self.data = json.loads(path.read_text(encoding="utf-8"))
        uri = self.data.get("$id", "")
        self._resolver = Registry().with_resource(uri, DRAFT202012.create_resource(self.data)).resolver(base_uri=uri)
        self.validator = Draft202012Validator(
            self._inlined(self.data), format_checker=Draft202012Validator.FORMAT_CHECKER
        )

    def resolve(self, ref: str) -> dict:
        return self._resolver.lookup(ref).contents

    def _inlined(self, node, depth=0):
        """The schema as jsonschema checks it: each $ref replaced by what it names, so no value costs a reference
        lookup and an extra descent (this keeps validation as fast as before the rules moved to $defs).

        A referred rule is merged into the field beside it when no keyword clashes; its annotations then go under
        _SCOPED, keyed by each of its keywords, so they still explain only the rule's own errors. On a clash it
        becomes one more allOf member, which means the same as $ref in Draft 2020-12.
        """
        if depth > 50:
            raise ValueError(f"schema/{self.path.name}: $ref nested more than 50 deep (a cycle?)")
        if isinstance(node, list):
            return [self._inlined(child, depth) for child in node]
        if not isinstance(node, dict):
            return node
        out = {key: self._inlined(value, depth) for key, value in node.items() if key not in ("$ref", "$defs")}
        if "$ref" not in node:
            return out
        target = self._inlined(self.resolve(node["$ref"]), depth + 1)
        rule = {k: v for k, v in target.items() if k not in (*ANNOTATIONS, _SCOPED, "$comment", "description")}
        if set(rule) & set(out) or _SCOPED in out:
            out["allOf"] = [*out.get("allOf", []), target]
            return out
        words = {k: target[k] for k in ANNOTATIONS if k in target}
        scoped = {**{keyword: words for keyword in rule if words}, **target.get(_SCOPED, {})}
        merged = {**rule, **out}
        if "description" not in merged and "description" in target:
            merged["description"] = target["description"]
        if scoped:
            merged[_SCOPED] = scoped
        return merged

    def describe(self, node: dict) -> str:
        """The description of a field's schema, or of the schema it refers to."""
        while "description" not in node and "$ref" in node:
            node = self.resolve(node["$ref"])
        return node.get("description", f"see schema/{self.path.name}")

    def _child(self, node: dict, part) -> dict:
        """The schema of one step into the data (a field name or a list index), looking through $ref."""
        while True:
            if isinstance(part, int) and isinstance(node.get("items"), dict):
                return node["items"]
            if isinstance(part, str) and part in node.get("properties", {}):
                return node["properties"][part]
            if isinstance(part, str) and isinstance(node.get("additionalProperties"), dict):
                return node["additionalProperties"]
            if "$ref" not in node:
                return {}
            node = self.resolve(node["$ref"])

    def field_description(self, path) -> str:
        node = self.data
        for part in path:
            node = self._child(node, part)
        return self.describe(node)


@functools.lru_cache(maxsize=16)
def _schema(path: str, stamp: tuple) -> Schema:  # stamp (mtime, size) makes an edited file a new key
    return Schema(Path(path), stamp)


def load_schema_file(path: Path) -> Schema:
    """The schema at path, read and compiled once; read again only after the file changes (`mkdocs serve`)."""
    stat = Path(path).stat()
    return _schema(str(path), (stat.st_mtime_ns, stat.st_size))


def schema_problems(doc: Document, schema_path: Path) -> list[Problem]:
    """The document's problems against the schema; kept on the (shared) document until the schema changes."""
    schema = load_schema_file(schema_path)
    key = ("schema", *schema.key)
    if key not in doc.derived:
        problems = []
        for error in schema.validator.iter_errors(doc.data):
            path = tuple(error.absolute_path)
            field, line, message, tip = _explain(error, path, doc, schema)
            problems.append(Problem(doc.path, line, field, message, tip))
        doc.derived[key] = problems
    return list(doc.derived[key])


def _explain(error, path, doc, schema: Schema):
    """(field, line, message, tip) for one jsonschema error: the keyword's own words, then the schema's x-message
    and x-tip where the failing subschema has them."""
    field, line, message, tip = _keyword_words(error, path, doc, schema)
    own = error.schema if isinstance(error.schema, dict) else {}
    own = own.get(_SCOPED, {}).get(error.validator, own)
    if "x-message" in own or "x-tip" in own:
        words = {"value": str(error.instance)[:60], "description": schema.field_description(path)}
        # Only the schema's own templates are formatted: a message built from the value may hold braces.
        if "x-message" in own:
            message = own["x-message"].format(**words)
        if "x-tip" in own:
            tip = own["x-tip"].format(**words)
    return field, line, message, tip


def _keyword_words(error, path, doc, schema: Schema):
    v, node, value = error.validator, error.schema, error.instance
    field, line = field_path(path), doc.line_of(path)

    def described():
        return schema.field_description(path)

    if v == "required":
        missing = [name for name in node["required"] if not isinstance(value, dict) or name not in value][0]
        return (
            field_path(path + (missing,)),
            line,
            f"the required field '{missing}' is missing",
            f"add `{missing}:` ({schema.describe(node['properties'][missing])})",
        )
    if v == "additionalProperties" and "properties" in node:
        unknown = sorted(set(value) - set(node["properties"]))[0]
        near = difflib.get_close_matches(unknown, list(node["properties"]), n=1)
        hint = f"did you mean '{near[0]}'?" if near else f"allowed fields here: {', '.join(node['properties'])}"
        if " " in unknown:  # a comma inside an unquoted {flow: mapping} split the sentence
            hint = "text with a comma inside { } must be quoted, e.g. rationale: \"Fast, but costly\""
        return (
            field_path(path + (unknown,)),
            doc.line_of(path + (unknown,)),
            f"unknown field '{unknown}'",
            f"remove it or fix its name; {hint}",
        )
    if v == "type":
        return field, line, f"expected {_TYPE_NAMES.get(node['type'], node['type'])}, found {_kind(value)}", described()
    if v == "minLength":
        if not str(value).strip():
            return field, line, "is empty", f"write it: {described()}"
        return (
            field,
            line,
            f"is too short ({len(value)} characters, at least {node['minLength']})",
            f"say more: {described()}",
        )
    if v == "maxLength":
        return (
            field,
            line,
            f"is too long ({len(value)} characters, at most {node['maxLength']})",
            "shorten it; move detail to a list or to the sources",
        )
    if v == "minItems":
        return field, line, f"needs at least {node['minItems']} item(s), has {len(value)}", described()
    if v == "maxItems":
        return field, line, f"has {len(value)} items, at most {node['maxItems']} allowed", "keep the most specific ones"
    if v == "minProperties":
        return field, line, "is empty", described()
    if v == "uniqueItems":
        return field, line, "lists the same value twice", "remove the duplicate"
    if v == "enum":
        return field, line, f"'{value}' is not one of: {', '.join(map(str, node['enum']))}", described()
    if v in ("minimum", "maximum"):
        return (
            field,
            line,
            f"{value} is outside the range {node.get('minimum', '…')} to {node.get('maximum', '…')}",
            described(),
        )
    if v == "pattern":
        return field, line, f"'{str(value)[:60]}' does not have the expected form", described()
    if v == "format":
        return field, line, f"'{str(value)[:60]}' is not a valid {node['format']}", described()
    if v == "dependentRequired":
        field_name, needed = next(
            (k, n) for k, needs in node["dependentRequired"].items() if k in value for n in needs if n not in value
        )
        return (
            field_path(path + (field_name,)),
            doc.line_of(path + (field_name,)),
            f"'{field_name}' needs '{needed}' beside it",
            f"add `{needed}:` ({schema.describe(node['properties'][needed])}), or remove `{field_name}:`",
        )
    return field, line, error.message, described()


def checked_document(root, path: str, schema_file: str, more_problems) -> Document:
    """A data file (glossary, coverage list) read, held to its schema, then to its own rules.

    more_problems(doc) yields the file's own problems once it is well formed; every problem found is
    raised together as a CatalogError, so nothing half-valid is ever published.
    """
    from .problems import CatalogError
    from .yamlsource import read_document

    doc = read_document(root / path, path)
    problems = list(doc.problems)
    if not problems:
        problems += schema_problems(doc, root / "schema" / schema_file)
    if not problems:
        problems += list(more_problems(doc))
    if problems:
        raise CatalogError(problems)
    return doc
