"""The typed relation graph, with every declared relation seen from both ends."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    kind: str  # relation type as seen from `source`: declared name or its inverse
    source: str
    target: str
    note: str
    declared_by: str  # id of the entry whose file declares it


def links_of(catalog, entry_id: str) -> list[Link]:
    """Every relation touching entry_id, from its point of view, one per (kind, other) pair."""
    return _index(catalog).get(entry_id, [])


def _index(catalog) -> dict[str, list[Link]]:
    """All links of all entries, built once per catalog (the map and every page use it)."""
    if "relations" not in catalog.cache:
        inverse = {name: spec["inverse"] for name, spec in catalog.vocabulary["relation_types"].items()}
        found: dict[str, dict[tuple, Link]] = {}
        # Declared relations first, so an entry's own words win over the other side's note.
        for entry in catalog.sorted_entries():
            for relation in entry.data["relations"]:
                link = Link(relation["type"], entry.id, relation["target"], relation["note"], entry.id)
                found.setdefault(entry.id, {}).setdefault((link.kind, link.target), link)
        for entry in catalog.sorted_entries():
            for relation in entry.data["relations"]:
                if relation["type"] not in inverse or relation["target"] == entry.id:
                    continue
                back = Link(inverse[relation["type"]], relation["target"], entry.id, relation["note"], entry.id)
                found.setdefault(back.source, {}).setdefault((back.kind, back.target), back)
        catalog.cache["relations"] = {
            k: sorted(v.values(), key=lambda link: (link.kind, link.target)) for k, v in found.items()
        }
    return catalog.cache["relations"]


def neighbours(catalog, entry_id: str) -> set[str]:
    """Ids of the entries related to entry_id in either direction (including entries that failed validation)."""
    return {link.target for link in links_of(catalog, entry_id) if link.target in catalog.known_ids}


def relation_label(catalog, kind: str) -> str:
    """Human label for a relation type or for the inverse of one (both named in the vocabulary)."""
    for name, spec in catalog.vocabulary["relation_types"].items():
        if name == kind:
            return spec["name"]
        if spec["inverse"] == kind:
            return spec.get("inverse_name") or kind.replace("-", " ").capitalize()
    return kind


def relation_colour(catalog, kind: str) -> str:
    """The colour of a relation type's lines (its inverse shares it), from the vocabulary."""
    for name, spec in catalog.vocabulary["relation_types"].items():
        if kind in (name, spec["inverse"]):
            colour = str(spec.get("colour", ""))
            return colour if re.fullmatch(r"#[0-9a-fA-F]{6}", colour) else DEFAULT_COLOUR
    return DEFAULT_COLOUR


DEFAULT_COLOUR = "#868e96"
