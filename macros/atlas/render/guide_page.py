"""The data parts of "How to read the atlas" (docs/guide.md holds the prose): the families and their
rated attributes, the catalog-wide qualities, the relation types and the signal dimensions, each
generated from schema/vocabulary.yaml so the page never drifts from it."""

from __future__ import annotations

from .. import escape
from .tables import cell


def render_guide_families(catalog) -> str:
    out = []
    for family_id, family in catalog.vocabulary["families"].items():
        attrs = "\n".join(
            f"| {escape.plain(a['name'])} | {cell(a['definition'])} |" for a in family["attributes"].values()
        )
        out += [
            f"### {escape.plain(family['name'])} {{ #family-{family_id} }}",
            escape.prose(family["description"]),
            "| Attribute | Definition |\n|---|---|\n" + attrs,
        ]
    return "\n\n".join(out) + "\n"


def render_guide_qualities(catalog) -> str:
    return (
        "| Quality | Definition |\n|---|---|\n"
        + "\n".join(
            f"| {escape.plain(q['name'])} | {cell(q['definition'])} |"
            for q in catalog.vocabulary["quality_attributes"].values()
        )
        + "\n"
    )


def render_guide_relations(catalog) -> str:
    return (
        "| Relation | Seen from the other side | Meaning |\n|---|---|---|\n"
        + "\n".join(
            f"| {escape.plain(r['name'])} | {escape.plain(r['inverse'].replace('-', ' ').capitalize())} | {cell(r['description'])} |"
            for r in catalog.vocabulary["relation_types"].values()
        )
        + "\n"
    )


def render_guide_signals(catalog) -> str:
    return (
        "\n".join(
            f"- **{escape.plain(d.replace('-', ' ').capitalize())}:** {escape.prose(text)}"
            for d, text in catalog.vocabulary["signal_dimensions"].items()
        )
        + "\n"
    )
