"""Which patterns are compared with which: alternative pairs, variant groups and effect lookups."""

from __future__ import annotations

EFFECT_ORDER = {"improves": 0, "neutral": 1, "worsens": 2}


def alternative_pairs(catalog) -> list[tuple[str, str]]:
    """Every pair related as alternatives (declared by either side), in canonical order: a < b."""
    pairs = set()
    for entry in catalog.entries.values():
        for relation in entry.data["relations"]:
            if relation["type"] == "alternative-to" and relation["target"] in catalog.entries:
                pairs.add(tuple(sorted((entry.id, relation["target"]))))
    return sorted(pairs)


def pair_slug(a: str, b: str) -> str:
    """The canonical URL slug of a comparison: ids in alphabetical order."""
    first, second = sorted((a, b))
    return f"{first}-vs-{second}"


def variant_groups(catalog) -> dict[str, list[str]]:
    """General pattern id -> ids of its variants (entries declaring variant-of it), for group tables."""
    groups: dict[str, list[str]] = {}
    for entry in catalog.sorted_entries():
        for relation in entry.data["relations"]:
            if relation["type"] == "variant-of" and relation["target"] in catalog.entries:
                groups.setdefault(relation["target"], []).append(entry.id)
    return dict(sorted(groups.items()))


def worsened_qualities(entry) -> list[str]:
    return [q for q, e in entry.data["quality_effects"].items() if e["effect"] == "worsens"]


def rank_on_quality(catalog, quality: str) -> list:
    """Entries ranked on one quality: improves, neutral, worsens; within each, fewest other qualities worsened first."""
    return sorted(
        catalog.entries.values(),
        key=lambda e: (
            EFFECT_ORDER[e.data["quality_effects"][quality]["effect"]],
            len([q for q in worsened_qualities(e) if q != quality]),
            e.data["name"].casefold(),
        ),
    )
