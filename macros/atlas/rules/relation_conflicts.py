"""Relations between two entries must not contradict each other, whichever file declares them.

Each declaration is turned into the same view from both sides (A requires B is
also B required-by A), then every pair of entries is checked for types that
cannot hold together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog import Entry

# Unordered pairs of relation types (as seen from one side) that cannot both hold.
CONFLICTS = {
    frozenset({"alternative-to", "requires"}): "an alternative replaces the other, so it cannot also require it",
    frozenset(
        {"alternative-to", "required-by"}
    ): "an alternative replaces the other, so it cannot also be required by it",
    frozenset({"alternative-to", "complements"}): "alternatives exclude each other, complements work side by side",
    frozenset({"evolves-into", "evolves-from"}): "two patterns cannot each evolve into the other",
    frozenset({"requires", "required-by"}): "two patterns cannot require each other",
    frozenset({"variant-of", "has-variant"}): "two patterns cannot each be a variant of the other",
}


def check(catalog):
    inverse = {name: spec["inverse"] for name, spec in catalog.vocabulary["relation_types"].items()}
    views: dict[tuple[str, str], list[tuple[str, Entry, int]]] = {}  # (a, b) -> (type as seen from a, entry, index)
    for entry in catalog.sorted_entries():
        for i, relation in enumerate(entry.data["relations"]):
            kind, target = relation["type"], relation["target"]
            if kind not in inverse or target == entry.id:
                continue  # reported by vocabulary_terms / relation_targets
            views.setdefault((entry.id, target), []).append((kind, entry, i))
            views.setdefault((target, entry.id), []).append((inverse[kind], entry, i))
    reported = set()
    for (a, b), seen in sorted(views.items(), key=lambda item: item[0]):
        for x in range(len(seen)):
            for y in range(x + 1, len(seen)):
                (kind_x, entry_x, i_x), (kind_y, entry_y, i_y) = seen[x], seen[y]
                reason = CONFLICTS.get(frozenset({kind_x, kind_y}))
                key = frozenset({(entry_x.id, i_x), (entry_y.id, i_y)})
                if reason and key not in reported:
                    reported.add(key)
                    # Flag both declarations: whichever file a pull request touched, its author sees the line.
                    for (entry, i), (other, j) in (((entry_y, i_y), (entry_x, i_x)), ((entry_x, i_x), (entry_y, i_y))):
                        yield entry.problem(
                            ("relations", i),
                            f"contradicts {other.path} relations[{j}]: {a} is '{kind_x}' and '{kind_y}' {b}; {reason}",
                            "keep the one relation that is true and remove the other",
                        )
