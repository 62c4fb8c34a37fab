"""The JSON Schema and the vocabulary themselves: documented, consistent, wired to editors."""
import json

from atlas.catalog import load_schema, load_vocabulary
from conftest import ROOT

SCHEMA = load_schema(ROOT)
VOCAB = load_vocabulary(ROOT)


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


def test_every_field_has_a_description():
    missing = [path for path, node in _subschemas(SCHEMA) if not node.get("description")]
    assert missing == []


def test_every_object_rejects_unknown_fields():
    loose = [path for path, node in _subschemas(SCHEMA) if node.get("type") == "object" and "properties" in node
             and node.get("additionalProperties") is not False]
    assert loose == []


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
