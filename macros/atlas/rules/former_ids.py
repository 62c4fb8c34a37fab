"""Former ids (kept after a rename) stay unique: each old URL redirects to exactly one page."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog import Entry


def check(catalog):
    claimed: dict[str, Entry] = {}  # former id -> the first entry to claim it
    for entry in catalog.sorted_entries():
        for i, old in enumerate(entry.data.get("former_ids", [])):
            if old in catalog.known_ids:
                yield entry.problem(
                    ("former_ids", i),
                    f"'{old}' is the id of a current entry, so its URL cannot redirect here",
                    "remove it from former_ids; only ids that no file uses any more belong here",
                )
            elif old in claimed:
                yield entry.problem(
                    ("former_ids", i),
                    f"'{old}' is already a former id of {claimed[old].path}",
                    "an old URL can redirect to one page only; keep it on the entry that replaced it",
                )
            claimed.setdefault(old, entry)


def renamed(catalog) -> dict[str, str]:
    """Former id -> current id (the first entry to claim it), for helpful errors."""
    found: dict[str, str] = {}
    for entry in catalog.sorted_entries():
        for old in entry.data.get("former_ids", []):
            found.setdefault(old, entry.id)
    return found
