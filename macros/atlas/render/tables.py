"""Comparison tables generated from the entries: the catalog-wide matrix, family and group tables,
one ranking page per quality, and the page of classic tensions. No table is written by hand.

Tables are Markdown, so the strict build checks every link and anchor; the vendored tablesort
and atlas-tables.js add sorting and filtering on top.
"""

from __future__ import annotations

from .. import escape
from ..comparisons import variant_groups, worsened_qualities
from ..evidence import plain

EFFECT_SYMBOL = {"improves": "▲", "worsens": "▼", "neutral": "●"}


def cell(text: str) -> str:
    """Prose inside a Markdown table cell, on one row (citation markers dropped)."""
    return escape.prose(plain(text)).replace("|", "&#124;").replace("\n", " ")


def title_attr(text: str) -> str:
    """Prose as the title (tooltip) of a Markdown link: plain text, citation markers dropped."""
    return escape.plain(plain(text))


def effect_link(entry, quality: str, to_patterns: str) -> str:
    effect = entry.data["quality_effects"][quality]
    symbol = EFFECT_SYMBOL[effect["effect"]]
    return (
        f'[<span class="atlas-effect atlas-effect--{effect["effect"]}" data-sort="{effect["effect"]}">'
        f'{symbol}<span class="atlas-sr"> {effect["effect"]}</span></span>]'
        f'({to_patterns}{entry.id}.md#effect-{quality} "{title_attr(effect["reason"])}")'
    )


def score_link(entry, attribute: str, to_patterns: str) -> str:
    rating = entry.data["ratings"][attribute]
    return f'[{rating["score"]}]({to_patterns}{entry.id}.md#rating-{attribute} "{title_attr(rating["rationale"])}")'


def sortable(table: str, extra_class: str = "") -> str:
    return f'<div class="atlas-sortable {extra_class}" markdown>\n\n{table}\n\n</div>'


def render_matrix(catalog) -> str:
    """Every pattern against every catalog-wide quality (page: docs/tradeoffs/index.md)."""
    qualities = catalog.vocabulary["quality_attributes"]
    families = catalog.vocabulary["families"]
    header = "| Pattern | Family | " + " | ".join(escape.plain(q["name"]) for q in qualities.values()) + " |"
    rows = [header, "|" + "---|" * (len(qualities) + 2)]
    for entry in sorted(catalog.entries.values(), key=lambda e: e.data["name"].casefold()):
        rows.append(
            f"| [{escape.plain(entry.data['name'])}](../patterns/{entry.id}.md) | {escape.plain(families[entry.data['family']]['name'])} | "
            + " | ".join(effect_link(entry, q, "../patterns/") for q in qualities)
            + " |"
        )
    legend = "▲ improves · ● neutral · ▼ worsens. Each mark links to the reason on the pattern's page."
    return (
        "\n\n".join(
            [
                f"Every pattern in the atlas against the {len(qualities)} qualities they are all compared on. "
                "Select a column heading to sort by it, or filter by family.",
                legend,
                "Rankings by quality: "
                + " · ".join(f"[{escape.plain(q['name'])}]({qid}.md)" for qid, q in qualities.items()),
                '<div class="atlas-table-tools" data-filter-column="1"></div>',
                sortable("\n".join(rows), "atlas-matrix"),
            ]
        )
        + "\n"
    )


def render_family_tables(catalog) -> str:
    """Each family's members on its own rated attributes, then each pattern with its variants."""
    families = catalog.vocabulary["families"]
    out = [
        "Each family rates its members on its own attributes (1 to 5, 5 is best for you). "
        "Each score links to its rationale on the pattern's page."
    ]
    for family_id, family in families.items():
        members = sorted(
            (e for e in catalog.entries.values() if e.data["family"] == family_id),
            key=lambda e: e.data["name"].casefold(),
        )
        if not members:
            continue
        out += [
            f"## {escape.plain(family['name'])} {{ #{family_id} }}",
            cell(family["description"]),
            _ratings_table(members, family),
        ]
    groups = variant_groups(catalog)
    if groups:
        out += [
            "## Patterns and their variants { #variants }",
            "Where the atlas has an entry for a general pattern and entries for its specialised forms, "
            "they are compared here on the attributes they share.",
        ]
        for general_id, variant_ids in groups.items():
            general = catalog.entries[general_id]
            family = families[general.data["family"]]
            members = [general] + [
                catalog.entries[v] for v in variant_ids if catalog.entries[v].data["family"] == general.data["family"]
            ]
            out += [
                f"### {escape.plain(general.data['name'])} and its variants {{ #group-{general_id} }}",
                _ratings_table(members, family),
            ]
    return "\n\n".join(out) + "\n"


def _ratings_table(members, family) -> str:
    attributes = family["attributes"]
    rows = [
        "| Pattern | " + " | ".join(escape.plain(a["name"]) for a in attributes.values()) + " |",
        "|" + "---|" * (len(attributes) + 1),
    ]
    for entry in members:
        rows.append(
            f"| [{escape.plain(entry.data['name'])}](../patterns/{entry.id}.md) | "
            + " | ".join(score_link(entry, a, "../patterns/") for a in attributes)
            + " |"
        )
    return sortable("\n".join(rows))


TIERS = (("improves", "Improve it"), ("neutral", "Leave it unchanged"), ("worsens", "Make it worse"))


def render_quality_page(catalog, quality: str) -> str:
    """One quality: every pattern in a tier by its stated effect (improves, neutral, worsens), with the reason
    and what it pays elsewhere. Tiers, not ranks: an effect is a direction, so the data supports no finer order."""
    qualities = catalog.vocabulary["quality_attributes"]
    by_name = sorted(catalog.entries.values(), key=lambda e: e.data["name"].casefold())
    counts = {k: sum(1 for e in by_name if e.data["quality_effects"][quality]["effect"] == k) for k in EFFECT_SYMBOL}
    out = [
        f"*{cell(qualities[quality]['definition'])}*",
        f"{counts['improves']} patterns improve it, {counts['neutral']} leave it unchanged and {counts['worsens']} make it "
        "worse, by each entry's own stated effect. Within a tier patterns are listed by name: an effect says which way a "
        "pattern moves this quality, not by how much, so no finer order would be honest. "
        "*Pays elsewhere* lists the other qualities each pattern makes worse.",
    ]
    for effect, heading in TIERS:
        tier = [e for e in by_name if e.data["quality_effects"][quality]["effect"] == effect]
        if not tier:
            continue
        rows = ["| Pattern | Effect | Why | Pays elsewhere |", "|---|---|---|---|"]
        for entry in tier:
            elsewhere = (
                ", ".join(
                    f"[{escape.plain(qualities[q]['name'])}](../patterns/{entry.id}.md#effect-{q})"
                    for q in worsened_qualities(entry)
                    if q != quality
                )
                or "nothing"
            )
            reason = entry.data["quality_effects"][quality]["reason"]
            rows.append(
                f"| [{escape.plain(entry.data['name'])}](../patterns/{entry.id}.md) | "
                f"{effect_link(entry, quality, '../patterns/')} | {cell(reason)} | {elsewhere} |"
            )
        out += [f"## {heading} ({len(tier)}) {{ #{effect} }}", sortable("\n".join(rows))]
    out.append("See also: [all qualities side by side](index.md) · [classic tensions](tensions.md)")
    return "\n\n".join(out) + "\n"


def render_tensions(catalog) -> str:
    qualities = catalog.vocabulary["quality_attributes"]
    out = [
        "Some qualities pull against each other. For each classic tension, the patterns below are sorted by "
        "the side they take, from their own stated effects."
    ]
    for tension_id, tension in catalog.vocabulary["tensions"].items():
        left, right = tension["left"], tension["right"]

        def side(wanted_left, wanted_right, left=left, right=right):
            found = [
                e
                for e in sorted(catalog.entries.values(), key=lambda e: e.data["name"].casefold())
                if e.data["quality_effects"][left]["effect"] == wanted_left
                and e.data["quality_effects"][right]["effect"] == wanted_right
            ]
            return (
                ", ".join(f"[{escape.plain(e.data['name'])}](../patterns/{e.id}.md#effect-{left})" for e in found)
                or "none in the atlas"
            )

        out += [
            f"## {escape.plain(tension['name'])} {{ #{tension_id} }}",
            cell(tension["description"]),
            f"- **Favour {escape.plain(qualities[left]['name'].lower())}** (improve it, worsen {escape.plain(qualities[right]['name'].lower())}): {side('improves', 'worsens')}",
            f"- **Favour {escape.plain(qualities[right]['name'].lower())}** (improve it, worsen {escape.plain(qualities[left]['name'].lower())}): {side('worsens', 'improves')}",
            f"- **Improve both**: {side('improves', 'improves')}",
            f"- **Worsen both**: {side('worsens', 'worsens')}",
        ]
    return "\n\n".join(out) + "\n"
