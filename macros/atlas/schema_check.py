"""Validate a document against schema/pattern.schema.json and explain each error in plain words."""
from __future__ import annotations

import difflib

from jsonschema import Draft202012Validator

from .problems import Problem, field_path
from .yamlsource import Document

_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number", "array": "a list",
               "object": "a mapping of fields", "boolean": "true or false", "null": "nothing"}


def _kind(value) -> str:
    for python_type, name in ((bool, "true or false"), (str, "text"), (int, "a whole number"), (float, "a number"),
                              (list, "a list"), (dict, "a mapping of fields"), (type(None), "nothing")):
        if isinstance(value, python_type):
            return name
    return type(value).__name__


def _describe(schema: dict) -> str:
    return schema.get("description", "see schema/pattern.schema.json")


def schema_problems(doc: Document, schema: dict) -> list[Problem]:
    validator = Draft202012Validator(schema)
    problems = []
    for error in validator.iter_errors(doc.data):
        path = tuple(error.absolute_path)
        field, line, message, tip = _explain(error, path, doc)
        problems.append(Problem(doc.path, line, field, message, tip))
    return problems


def _explain(error, path, doc):
    """(field, line, message, tip) for one jsonschema error."""
    v, schema, value = error.validator, error.schema, error.instance
    field, line = field_path(path), doc.line_of(path)
    if v == "required":
        missing = [name for name in schema["required"] if not isinstance(value, dict) or name not in value][0]
        return (field_path(path + (missing,)), line, f"the required field '{missing}' is missing",
                f"add `{missing}:` ({_describe(schema['properties'][missing])})")
    if v == "additionalProperties" and "properties" in schema:
        unknown = sorted(set(value) - set(schema["properties"]))[0]
        near = difflib.get_close_matches(unknown, list(schema["properties"]), n=1)
        hint = f"did you mean '{near[0]}'?" if near else f"allowed fields here: {', '.join(schema['properties'])}"
        if " " in unknown:  # a comma inside an unquoted {flow: mapping} split the sentence
            hint = "text with a comma inside { } must be quoted, e.g. rationale: \"Fast, but costly\""
        return (field_path(path + (unknown,)), doc.line_of(path + (unknown,)), f"unknown field '{unknown}'",
                f"remove it or fix its name; {hint}")
    if v == "type":
        return field, line, f"expected {_TYPE_NAMES.get(schema['type'], schema['type'])}, found {_kind(value)}", _describe(schema)
    if v == "minLength" or (v == "pattern" and schema.get("pattern") == "\\S"):
        if not str(value).strip():
            return field, line, "is empty", f"write it: {_describe(schema)}"
        return field, line, f"is too short ({len(value)} characters, at least {schema['minLength']})", f"say more: {_describe(schema)}"
    if v == "maxLength":
        return field, line, f"is too long ({len(value)} characters, at most {schema['maxLength']})", "shorten it; move detail to a list or to the sources"
    if v == "minItems":
        return field, line, f"needs at least {schema['minItems']} item(s), has {len(value)}", _describe(schema)
    if v == "maxItems":
        return field, line, f"has {len(value)} items, at most {schema['maxItems']} allowed", "keep the most specific ones"
    if v == "minProperties":
        return field, line, "is empty", _describe(schema)
    if v == "uniqueItems":
        return field, line, "lists the same value twice", "remove the duplicate"
    if v == "enum":
        return field, line, f"'{value}' is not one of: {', '.join(map(str, schema['enum']))}", _describe(schema)
    if v in ("minimum", "maximum"):
        return field, line, f"{value} is outside the range {schema.get('minimum', '…')} to {schema.get('maximum', '…')}", _describe(schema)
    if v == "pattern":
        return field, line, f"'{str(value)[:60]}' does not have the expected form", _pattern_tip(schema)
    if v == "propertyNames":
        return field, line, f"the key '{value}' is not a kebab-case id", "use lowercase letters, digits and hyphens, e.g. 'team-autonomy'"
    if v == "dependentRequired":
        field_name, needed = next((k, n) for k, needs in schema["dependentRequired"].items() if k in value
                                  for n in needs if n not in value)
        return (field_path(path + (field_name,)), doc.line_of(path + (field_name,)), f"'{field_name}' needs '{needed}' beside it",
                f"add `{needed}:` ({_describe(schema['properties'][needed])}), or remove `{field_name}:`")
    if v == "oneOf":
        return field, line, "needs exactly one of `url` or `seed`", "give a public http(s) address as url, or a seed article's file name as seed, not both"
    return field, line, error.message, _describe(schema)


def _pattern_tip(schema: dict) -> str:
    pattern = schema["pattern"]
    if pattern.startswith("^[a-z0-9]+(-"):
        return "use a kebab-case id: lowercase letters, digits and hyphens, e.g. 'event-sourcing'"
    if "https?" in pattern:
        return "use a full public address starting with https:// (or http://)"
    if "```" in pattern:
        return "give the Mermaid source alone, without a ``` fence; it must not be blank"
    if "[0-9]{4}-" in pattern:
        return "write the date as YYYY-MM-DD, e.g. 2026-11-23"
    if "[0-9]{3}_" in pattern:
        return "use the seed article's file name without .txt, e.g. 004_8312c186fc23472e"
    return _describe(schema)


def checked_document(root, path: str, schema_file: str, more_problems) -> Document:
    """A data file (glossary, coverage list) read, held to its schema, then to its own rules.

    more_problems(doc) yields the file's own problems once it is well formed; every problem found is
    raised together as a CatalogError, so nothing half-valid is ever published.
    """
    import json

    from .problems import CatalogError
    from .yamlsource import read_document

    doc = read_document(root / path, path)
    problems = list(doc.problems)
    if not problems:
        schema = json.loads((root / "schema" / schema_file).read_text(encoding="utf-8"))
        problems += schema_problems(doc, schema)
    if not problems:
        problems += list(more_problems(doc))
    if problems:
        raise CatalogError(problems)
    return doc
