"""The "How to read the atlas" page, generated from schema/vocabulary.yaml so it never drifts."""
from __future__ import annotations

from .. import escape
from .tables import cell

SECTIONS = [
    ("Context, Problem, Solution", "The situation, the problem stated without its answer, and the idea of the answer, with the mechanism step by step and a diagram."),
    ("When to use, When to avoid", "Concrete signals, each on one dimension listed below."),
    ("Benefits, Costs", "What the pattern gives and what it takes, each tied to the force (the pressure in the system or the organisation) it answers."),
    ("Ratings", "Scores from 1 to 5 on the attributes of the pattern's family; 5 is always the best for you."),
    ("Quality effects", "Whether the pattern improves or worsens each of the catalog-wide qualities, and why."),
    ("Failure modes, Anti-patterns", "How it breaks in production and how teams commonly get it wrong."),
    ("Prerequisites", "What the organisation must already have to run it well."),
    ("Related patterns", "Typed links to other patterns; a relation declared on one page shows on both."),
    ("Where sources disagree", "Questions the sources answer differently, each position with its source."),
    ("Real-world examples, Sources", "Published uses of the pattern and everything the page cites."),
    ("Review checklist", "Questions a reviewer should ask of a design that uses the pattern."),
]


def render_guide_page(catalog) -> str:
    vocab = catalog.vocabulary
    out = ["Every pattern page has the same sections, in the same order, so pages can be compared at a glance.",
           "## Sections of a pattern page { #sections }",
           "\n".join(f"- **{name}.** {text}" for name, text in SECTIONS),
           "## Families and their rated attributes { #families }"]
    for family_id, family in vocab["families"].items():
        attrs = "\n".join(f"| {escape.plain(a['name'])} | {cell(a['definition'])} |" for a in family["attributes"].values())
        out += [f"### {escape.plain(family['name'])} {{ #family-{family_id} }}", escape.prose(family["description"]),
                "| Attribute | Definition |\n|---|---|\n" + attrs]
    out += ["## Catalog-wide qualities { #qualities }",
            "Every pattern states its effect on each of these, so any two patterns can be set side by side.",
            "| Quality | Definition |\n|---|---|\n" + "\n".join(
                f"| {escape.plain(q['name'])} | {cell(q['definition'])} |" for q in vocab["quality_attributes"].values()),
            "## Relation types { #relations }",
            "| Relation | Seen from the other side | Meaning |\n|---|---|---|\n" + "\n".join(
                f"| {escape.plain(r['name'])} | {escape.plain(r['inverse'].replace('-', ' ').capitalize())} | {cell(r['description'])} |"
                for r in vocab["relation_types"].values()),
            "## Signal dimensions { #signals }",
            "\n".join(f"- **{escape.plain(d.replace('-', ' ').capitalize())}:** {escape.prose(text)}" for d, text in vocab["signal_dimensions"].items())]
    return "\n\n".join(out) + "\n"
