"""No two entries share an id or a display name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog import Entry


def check(catalog):
    seen_ids: dict[str, Entry] = {}
    seen_names: dict[str, Entry] = {}  # casefolded
    for entry in catalog.files:
        first = seen_ids.setdefault(entry.id, entry)
        if first is not entry:
            yield entry.problem(
                ("id",),
                f"the id '{entry.id}' is already used by {first.path}",
                "give each pattern its own id; if both describe one pattern, merge them",
            )
        name = entry.data["name"].casefold()
        first = seen_names.setdefault(name, entry)
        if first is not entry:
            yield entry.problem(
                ("name",),
                f"the name '{entry.data['name']}' is already used by {first.path}",
                "pick a distinguishing name, or make this entry a variant-of the other",
            )
