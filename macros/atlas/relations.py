"""The typed relation graph, with every declared relation seen from both ends."""
from __future__ import annotations

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
    inverse = {name: spec["inverse"] for name, spec in catalog.vocabulary["relation_types"].items()}
    found: dict[tuple, Link] = {}
    for entry in catalog.sorted_entries():
        for relation in entry.data["relations"]:
            if entry.id == entry_id:
                link = Link(relation["type"], entry_id, relation["target"], relation["note"], entry.id)
            elif relation["target"] == entry_id:
                link = Link(inverse[relation["type"]], entry_id, entry.id, relation["note"], entry.id)
            else:
                continue
            found.setdefault((link.kind, link.target), link)  # the entry's own words win over the other side's
    return sorted(found.values(), key=lambda link: (link.kind, link.target))


def relation_label(catalog, kind: str) -> str:
    """Human label for a relation type or for the inverse of one."""
    for name, spec in catalog.vocabulary["relation_types"].items():
        if name == kind:
            return spec["name"]
        if spec["inverse"] == kind:
            return _INVERSE_LABELS.get(kind, kind.replace("-", " ").capitalize())
    return kind


_INVERSE_LABELS = {"evolves-from": "Evolves from", "required-by": "Required by", "has-variant": "Has variant"}
