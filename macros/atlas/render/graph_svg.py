"""Relation graphs drawn as SVG at build time: the whole catalog (map page) and one entry's neighbourhood.

No JavaScript and no network: nodes are links, colours mark relation types, and a
<title>/<desc> pair gives screen readers a text alternative.
"""
from __future__ import annotations

import math

from .. import escape as _escape
from ..relations import links_of, relation_colour, relation_label

FAMILY_COLOURS = ["#364fc7", "#087f5b", "#e67700", "#c92a2a", "#5f3dc4", "#0b7285", "#862e9c", "#2f9e44"]


def escape(text: str) -> str:
    """Text inside the SVG drawings (text content and attribute values alike)."""
    return _escape.text(text)


LABEL_MAX = 30


def short_label(name: str) -> str:
    """A label that fits beside its node; the full name is in the node's tooltip."""
    name = name.split(":")[0]
    return name if len(name) <= LABEL_MAX else name[: LABEL_MAX - 1].rstrip() + "…"


def family_colour(catalog, family_id: str) -> str:
    return FAMILY_COLOURS[list(catalog.vocabulary["families"]).index(family_id) % len(FAMILY_COLOURS)]


def catalog_edges(catalog) -> list[tuple[str, str, str]]:
    """Each related pair once, as (declaring id, target id, declared type)."""
    edges = set()
    for entry in catalog.sorted_entries():
        for relation in entry.data["relations"]:
            if relation["target"] in catalog.entries:
                edges.add((entry.id, relation["target"], relation["type"]))
    return sorted(edges)


def catalog_map_svg(catalog, href) -> str:
    """All entries on a circle, grouped by family; edges curve through the middle. href(id) gives each link."""
    families = list(catalog.vocabulary["families"])
    entries = sorted(catalog.entries.values(), key=lambda e: (families.index(e.data["family"]), e.data["name"].casefold()))
    count = max(len(entries), 1)
    radius = max(220.0, count * 7.5)
    margin = 250  # room for labels of up to LABEL_MAX characters
    size = 2 * (radius + margin)
    centre = size / 2
    position = {}
    for i, entry in enumerate(entries):
        angle = 2 * math.pi * i / count - math.pi / 2
        position[entry.id] = (angle, centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size:.0f} {size:.0f}" role="group" '
             f'aria-labelledby="atlas-map-title atlas-map-desc" class="atlas-graph atlas-graph--map">',
             '<title id="atlas-map-title">Map of the catalog</title>',
             f'<desc id="atlas-map-desc">{len(entries)} patterns on a circle grouped by family, joined by their typed relations; '
             'the same relations are listed as text below the map.</desc>']
    for source, target, kind in catalog_edges(catalog):
        _, x1, y1 = position[source]
        _, x2, y2 = position[target]
        # Pull the curve towards the centre: related patterns far apart on the circle curve more.
        cx, cy = (x1 + x2) / 2 * 0.35 + centre * 0.65, (y1 + y2) / 2 * 0.35 + centre * 0.65
        parts.append(f'<path d="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}" fill="none" '
                     f'stroke="{relation_colour(catalog, kind)}" stroke-width="1.4" stroke-opacity="0.65">'
                     f'<title>{escape(catalog.entries[source].data["name"])} — {escape(relation_label(catalog, kind).lower())} — '
                     f'{escape(catalog.entries[target].data["name"])}</title></path>')
    for entry in entries:
        angle, x, y = position[entry.id]
        degrees = math.degrees(angle)
        flip = 90 < degrees % 360 < 270
        rotation = degrees + 180 if flip else degrees
        anchor = "end" if flip else "start"
        offset = -10 if flip else 10
        colour = family_colour(catalog, entry.data["family"])
        parts.append(f'<a href="{escape(href(entry.id))}" class="atlas-graph__node">'
                     f'<title>{escape(entry.data["name"])}: {escape(entry.data["summary"])}</title>'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour}"/>'
                     f'<text x="{x:.1f}" y="{y:.1f}" dx="{offset}" dy="4" text-anchor="{anchor}" '
                     f'transform="rotate({rotation:.1f} {x:.1f} {y:.1f})">{escape(short_label(entry.data["name"]))}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def neighbourhood_svg(catalog, entry_id: str, href) -> str:
    """One entry in the middle, its related entries around it, each edge labelled with its relation."""
    links = [link for link in links_of(catalog, entry_id) if link.target in catalog.entries]
    width, height = 720, 420
    cx, cy = width / 2, height / 2
    rx, ry = 270, 160
    centre_entry = catalog.entries[entry_id]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="group" '
             f'aria-labelledby="atlas-nb-title atlas-nb-desc" class="atlas-graph atlas-graph--neighbourhood">',
             f'<title id="atlas-nb-title">Patterns related to {escape(centre_entry.data["name"])}</title>',
             f'<desc id="atlas-nb-desc">{len(links)} related patterns; the list below names each relation.</desc>']
    nodes = []
    for i, link in enumerate(links):
        angle = 2 * math.pi * i / max(len(links), 1) - math.pi / 2
        x, y = cx + rx * math.cos(angle), cy + ry * math.sin(angle)
        colour = relation_colour(catalog, link.kind)
        label = relation_label(catalog, link.kind).lower()
        parts.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="2"/>'
                     f'<text class="atlas-graph__edge-label" x="{(cx + x) / 2:.1f}" y="{(cy + y) / 2 - 4:.1f}" '
                     f'text-anchor="middle" fill="{colour}">{escape(label)}</text>')
        other = catalog.entries[link.target]
        nodes.append(_box(other.data["name"], x, y, family_colour(catalog, other.data["family"]), href(link.target),
                          other.data["summary"]))
    parts += nodes
    parts.append(_box(centre_entry.data["name"], cx, cy, family_colour(catalog, centre_entry.data["family"]), None, None, strong=True))
    parts.append("</svg>")
    return "".join(parts)


def _box(name: str, x: float, y: float, colour: str, link, summary, strong=False) -> str:
    width = 14 + 7.2 * len(name)
    weight = ' font-weight="bold"' if strong else ""
    rect = (f'<rect x="{x - width / 2:.1f}" y="{y - 14:.1f}" width="{width:.1f}" height="28" rx="6" '
            f'fill="{colour if strong else "#fff"}" stroke="{colour}" stroke-width="2"/>'
            f'<text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="middle" fill="{"#fff" if strong else "#1a1a1a"}"'
            f'{weight}>{escape(name)}</text>')
    if link is None:
        return f"<g>{rect}</g>"
    return f'<a href="{escape(link)}" class="atlas-graph__node"><title>{escape(name)}: {escape(summary)}</title>{rect}</a>'
