"""The JSON Schemas and the vocabulary themselves: valid, documented, consistent, wired to editors."""

import json
import os
import shutil

import pytest
from jsonschema import Draft202012Validator

from atlas.catalog import load_schema, load_vocabulary
from atlas.schema_check import ANNOTATIONS, load_schema_file
from conftest import ROOT

SCHEMA = load_schema(ROOT)
VOCAB = load_vocabulary(ROOT)
SCHEMA_FILES = sorted((ROOT / "schema").glob("*.schema.json"))


def _subschemas(node, path="$"):
    if isinstance(node, dict):
        if "type" in node or "pattern" in node or "enum" in node:
            yield path, node
        for key, child in node.items():
            if key in ("properties",):
                for name, prop in child.items():
                    yield from _subschemas(prop, f"{path}.{name}")
            elif key in ("items", "additionalProperties") and isinstance(child, dict):
                yield from _subschemas(child, f"{path}[{key}]")
            elif key == "$defs":  # field-like definitions; a rule without a type is explained by its $comment
                for name, definition in child.items():
                    if "type" in definition:
                        yield from _subschemas(definition, f"$defs.{name}")


def _nodes(node):
    """Every mapping in a schema, nested ones included."""
    if isinstance(node, dict):
        yield node
        for child in node.values():
            yield from _nodes(child)
    elif isinstance(node, list):
        for child in node:
            yield from _nodes(child)


def _keys(node):
    return {key for n in _nodes(node) for key in n}


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_field_has_a_description(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    missing = [where for where, node in _subschemas(schema) if not node.get("description")]
    assert missing == []


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_object_rejects_unknown_fields(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    loose = [
        where
        for where, node in _subschemas(schema)
        if node.get("type") == "object" and "properties" in node and node.get("additionalProperties") is not False
    ]
    assert loose == []


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_a_valid_draft_2020_12_schema(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_ref_resolves_to_a_definition_in_the_same_file_and_every_definition_is_used(path):
    schema = load_schema_file(path)
    refs = {node["$ref"] for node in _nodes(schema.data) if "$ref" in node}
    assert all(ref.startswith("#/$defs/") for ref in refs), refs  # editors and the site's copy need no other file
    for ref in refs:
        assert schema.resolve(ref) is schema.data["$defs"][ref.removeprefix("#/$defs/")]
    assert {f"#/$defs/{name}" for name in schema.data.get("$defs", {})} == refs


def test_definitions_with_one_name_are_the_same_in_every_file():
    seen = {}
    for path in SCHEMA_FILES:
        for name, definition in json.loads(path.read_text(encoding="utf-8")).get("$defs", {}).items():
            if name in seen and name not in ("source-ref", "url-or-seed"):  # these two name what a file's sources are
                assert definition == seen[name][1], f"$defs.{name} differs between {seen[name][0]} and {path.name}"
            seen.setdefault(name, (path.name, definition))


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_annotation_keywords_are_known_and_their_templates_fill_in(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert {key for key in _keys(schema) if key.startswith("x-")} <= set(ANNOTATIONS)
    for node in _nodes(schema):
        for key in ANNOTATIONS:
            if key in node:
                filled = node[key].format(value="VALUE", description="DESCRIPTION")
                assert filled.strip() and "{" not in filled.replace("{ }", ""), (key, node[key])


def test_annotation_keywords_are_documented_for_contributors():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert all(f"`{key}`" in guide for key in ANNOTATIONS)


def _reaches(schema, node, keyword, value, depth=0):
    """Whether node, or a schema it refers to or applies with if/then, has keyword: value."""
    if node.get(keyword) == value:
        return True
    nested = [schema.resolve(node["$ref"])] if "$ref" in node else []
    nested += [node["then"]] if "then" in node else []
    return depth < 10 and any(_reaches(schema, n, keyword, value, depth + 1) for n in nested)


def test_every_date_field_is_checked_as_a_real_date():
    dates, unchecked = [], []
    for path in SCHEMA_FILES:
        schema = load_schema_file(path)
        for node in _nodes(schema.data):
            for name, prop in node.get("properties", {}).items():
                if "YYYY-MM-DD" in schema.describe(prop):
                    dates.append(f"{path.name}: {name}")
                    if not _reaches(schema, prop, "format", "date"):
                        unchecked.append(dates[-1])
    assert len(dates) >= 5 and unchecked == [], dates


def test_every_rule_definition_says_what_it_is():
    for path in SCHEMA_FILES:
        for name, definition in json.loads(path.read_text(encoding="utf-8")).get("$defs", {}).items():
            assert definition.get("description") or definition.get("$comment"), f"{path.name}: $defs.{name}"


def test_validator_is_built_once_and_rebuilt_after_an_edit(tmp_path):
    path = tmp_path / "glossary.schema.json"
    shutil.copy(ROOT / "schema" / "glossary.schema.json", path)
    first = load_schema_file(path)
    assert load_schema_file(path) is first and load_schema_file(path).validator is first.validator
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["terms"]["minItems"] = 2
    path.write_text(json.dumps(schema), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # an edit within one clock tick still counts
    edited = load_schema_file(path)
    assert edited is not first and edited.data["properties"]["terms"]["minItems"] == 2


def test_schema_is_wired_to_editors():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./schema/pattern.schema.json": "patterns/*.yaml"}


def test_relation_inverses_do_not_collide_with_declared_types():
    declared = set(VOCAB["relation_types"])
    for name, spec in VOCAB["relation_types"].items():
        assert spec["inverse"] == name or spec["inverse"] not in declared, name


def test_every_family_has_attributes_with_definitions():
    for family_id, family in VOCAB["families"].items():
        assert len(family["attributes"]) >= 3, family_id
        for attr_id, attr in family["attributes"].items():
            assert attr["name"] and attr["definition"], f"{family_id}.{attr_id}"


def test_seed_ids_name_files_beside_the_checkout():
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        assert {p.stem for p in seeds.glob("*.txt")} == set(VOCAB["seeds"])
