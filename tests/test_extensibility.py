"""Everything a contributor may add through data works through data alone: an entry, a family, a
relation type, a tag, a quality, a glossary term and a decision tree, added to a scratch copy, build
with --strict and show up, without touching Python. Forms and skeletons follow the vocabulary."""

from __future__ import annotations

import shutil

import pytest
import yaml
from justhtml import JustHTML

from atlas.catalog import load_vocabulary
from atlas.skeleton import skeleton_text
from conftest import FIXTURES, ROOT, load_fixture, run_build, save_fixture, site_skeleton


@pytest.mark.parametrize(
    "name",
    [
        "Retry: with backoff",
        "A # not a comment",
        'Quote " and \\ backslash',
        "- starts like a list",
        "{braces}",
        "Ünïcödé & ampersand",
        "'single'",
    ],
)
def test_make_new_writes_any_name_as_one_yaml_string(name):
    vocab = load_vocabulary(ROOT)
    family = next(iter(vocab["families"]))
    data = yaml.safe_load(skeleton_text("odd-name", name, family, vocab))
    assert data["name"] == name and data["family"] == family
    assert set(data["ratings"]) == set(vocab["families"][family]["attributes"])
    assert set(data["quality_effects"]) == set(vocab["quality_attributes"])


def test_the_new_pattern_form_offers_every_family_of_the_vocabulary():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "new-pattern.yml").read_text(encoding="utf-8"))
    field = next(item for item in form["body"] if item.get("id") == "family")
    families = [f["name"] for f in load_vocabulary(ROOT)["families"].values()]
    assert field["attributes"]["options"][:-1] == families


def _add_one_of_each(project):
    vocab_path = project / "schema" / "vocabulary.yaml"
    vocab = yaml.safe_load(vocab_path.read_text(encoding="utf-8"))
    vocab["families"]["observability-tools"] = {
        "name": "Observability tools",
        "description": "How a system is watched and understood in production.",
        "attributes": {
            "insight": {"name": "Insight", "definition": "How much the tool tells you (5 = everything)."},
            "overhead": {"name": "Low overhead", "definition": "How little it costs to run (5 = nothing)."},
        },
    }
    vocab["relation_types"]["supersedes"] = {
        "name": "Supersedes",
        "inverse": "superseded-by",
        "inverse_name": "Superseded by",
        "colour": "#0b7285",
        "description": "Replaces the other pattern for new designs.",
    }
    vocab["tags"]["telemetry"] = "Signals a running system emits about itself."
    vocab["quality_attributes"]["debuggability"] = {
        "name": "Debuggability",
        "definition": "How quickly a fault can be found; \"improves\" means faster.",
    }
    vocab_path.write_text(yaml.safe_dump(vocab, sort_keys=False, allow_unicode=True), encoding="utf-8")

    patterns = project / "patterns"
    for entry_id in ("alpha", "beta", "gamma"):
        data = load_fixture(patterns, entry_id)
        data["quality_effects"]["debuggability"] = {
            "effect": "neutral",
            "reason": "The fixture is neither harder nor easier to debug.",
        }
        save_fixture(patterns, data, entry_id)
    delta = load_fixture(patterns, "gamma")
    delta.update(id="delta", name="Delta Tracer", family="observability-tools", tags=["telemetry"], aliases=[])
    delta["ratings"] = {
        "insight": {"score": 4, "rationale": "It sees every request of the fixture."},
        "overhead": {"score": 3, "rationale": "It adds one call per request of the fixture."},
    }
    delta["relations"] = [
        {"type": "supersedes", "target": "beta", "note": "Delta replaces beta in new fixture designs."},
        {"type": "complements", "target": "alpha", "note": "Delta watches what alpha does."},
    ]
    delta.pop("former_ids", None)
    save_fixture(patterns, delta, "delta")

    glossary = project / "data" / "glossary.yaml"
    terms = yaml.safe_load(glossary.read_text(encoding="utf-8"))
    terms["terms"].append(
        {
            "term": "DT",
            "expansion": "Delta tracer",
            "definition": "The fixture entry added through data alone.",
            "see": "/patterns/delta/",
        }
    )
    glossary.write_text(yaml.safe_dump(terms, sort_keys=False), encoding="utf-8")

    tree = yaml.safe_load((project / "decisions" / "tiny.yaml").read_text(encoding="utf-8"))
    tree.update(id="tracing", title="Choosing a tracer")
    tree["outcomes"][0]["recommends"][0]["pattern"] = "delta"
    (project / "decisions" / "tracing.yaml").write_text(yaml.safe_dump(tree, sort_keys=False), encoding="utf-8")


def test_one_of_each_added_through_data_builds(tmp_path):
    project = site_skeleton(tmp_path / "project", for_fixtures=True)
    shutil.copytree(FIXTURES / "catalog", project / "patterns")
    _add_one_of_each(project)
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    def text(path):
        return JustHTML((site / path).read_text(encoding="utf-8"), sanitize=False).root.to_text(
            separator="", strip=False
        )

    delta = text("patterns/delta/index.html")
    assert (
        "Observability tools" in delta and "Supersedes" in delta and "telemetry" in delta and "Debuggability" in delta
    )
    assert "Superseded by" in text("patterns/beta/index.html")
    assert "#0b7285" in (site / "map" / "index.html").read_text(encoding="utf-8")  # the new relation's colour
    assert "Delta tracer" in text("glossary/index.html")
    assert "Choosing a tracer" in text("decisions/tracing/index.html")
    assert "Debuggability: patterns ranked" in text("tradeoffs/debuggability/index.html")
    assert "Observability tools" in text("patterns/index.html")
