"""A name, alias or search keyword belongs to one entry, so searching for it has one right answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog import Entry


def check(catalog):
    owner: dict[str, Entry] = {}  # casefolded term -> the first entry that uses it
    for entry in catalog.sorted_entries():
        terms: list[tuple[tuple[str | int, ...], str]] = [(("name",), entry.data["name"])]
        terms += [(("aliases", i), a) for i, a in enumerate(entry.data["aliases"])]
        terms += [(("search_keywords", i), k) for i, k in enumerate(entry.data.get("search_keywords", []))]
        for path, term in terms:
            key = term.casefold()
            first = owner.setdefault(key, entry)
            if first is not entry:
                yield entry.problem(
                    path,
                    f"'{term}' is already a name, alias or keyword of {first.path}",
                    "keep it on the entry it names most precisely (a variant's name belongs to the variant)",
                )
