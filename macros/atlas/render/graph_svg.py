"""Relation graphs drawn as SVG at build time: the whole catalog (map page) and one entry's neighbourhood.

No JavaScript and no network: nodes are links, colours mark relation types, and a
<title>/<desc> pair gives screen readers a text alternative.
"""

from __future__ import annotations

from .. import escape as _escape
from ..relations import links_of, relation_colour, relation_label
from .layout import Edge, Node, layout, text_width

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
    """The whole catalog grouped by family (one box per family), laid out by Graphviz.

    Every node and line carries the ids it joins (data-id, data-family, data-a, data-b), so the map's
    focus control and hovering a pattern can light one pattern or family and its neighbours.
    """
    families = catalog.vocabulary["families"]
    order = list(families)
    entries = sorted(catalog.entries.values(), key=lambda e: (order.index(e.data["family"]), e.data["name"].casefold()))
    nodes = [Node(e.id, text_width(short_label(e.data["name"])) + 20, 24, cluster=e.data["family"]) for e in entries]
    edge_list = catalog_edges(catalog)
    # osage packs each family's patterns into three columns and stacks the families; the relations
    # are too many to read at once (see the focus control), so they do not steer the layout.
    placed = layout(
        nodes,
        [],
        engine="osage",
        columns=1,
        cluster_columns=3,
        cluster_label={f: len(families[f]["name"]) for f in order},
    )
    margin = 4
    width, height = placed.width + 2 * margin, placed.height + 2 * margin
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{-margin} {-margin} {width:.0f} {height:.0f}" role="group" '
        f'aria-labelledby="atlas-map-title atlas-map-desc" class="atlas-graph atlas-graph--map" '
        f'style="width:{width:.0f}px;max-width:none">',
        '<title id="atlas-map-title">Map of the catalog</title>',
        f'<desc id="atlas-map-desc">{len(entries)} patterns in {len({e.data["family"] for e in entries})} families, '
        'joined by their typed relations; the same relations are listed as text below the map.</desc>',
    ]
    for family, box in placed.clusters.items():
        parts.append(
            f'<g class="atlas-graph__family" data-family="{escape(family)}">'
            f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" height="{box.height:.1f}" rx="8" '
            f'stroke="{family_colour(catalog, family)}"/>'
            f'<text x="{box.x + 10:.1f}" y="{box.y + 18:.1f}" font-weight="bold">{escape(families[family]["name"])}</text></g>'
        )
    # Every relation is drawn, hidden until the reader focuses one of its ends (atlas-map.js, CSS).
    for source, target, kind in edge_list:
        a, b = placed.nodes[source], placed.nodes[target]
        bend = 0.18 * (b.cy - a.cy), 0.18 * (a.cx - b.cx)  # a gentle curve, so lines to one node fan out
        mx, my = (a.cx + b.cx) / 2 + bend[0], (a.cy + b.cy) / 2 + bend[1]
        parts.append(
            f'<path class="atlas-graph__edge" data-a="{escape(source)}" data-b="{escape(target)}" '
            f'd="M{a.cx:.1f},{a.cy:.1f} Q{mx:.1f},{my:.1f} {b.cx:.1f},{b.cy:.1f}" '
            f'fill="none" stroke="{escape(relation_colour(catalog, kind))}">'
            f'<title>{escape(catalog.entries[source].data["name"])} — {escape(relation_label(catalog, kind).lower())} — '
            f'{escape(catalog.entries[target].data["name"])}</title></path>'
        )
    for entry in entries:
        box = placed.nodes[entry.id]
        colour = family_colour(catalog, entry.data["family"])
        parts.append(
            f'<a href="{escape(href(entry.id))}" class="atlas-graph__node" data-id="{escape(entry.id)}" '
            f'data-family="{escape(entry.data["family"])}">'
            f'<title>{escape(entry.data["name"])}: {escape(entry.data["summary"])}</title>'
            f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" height="{box.height:.1f}" rx="5" '
            f'class="atlas-graph__box" stroke="{colour}" stroke-width="1.5"/>'
            f'<text x="{box.cx:.1f}" y="{box.cy + 4:.1f}" text-anchor="middle">{escape(short_label(entry.data["name"]))}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def neighbourhood_svg(catalog, entry_id: str, href) -> str:
    """One entry on the left, its relations grouped by kind in the middle, the related entries on the right.

    Laid out by Graphviz (left to right), so no box or label overlaps another however many relations
    an entry has; each kind of relation is one labelled node in its colour.
    """
    links = [link for link in links_of(catalog, entry_id) if link.target in catalog.entries]
    centre_entry = catalog.entries[entry_id]
    kinds: dict[str, list] = {}
    for link in links:
        kinds.setdefault(link.kind, []).append(link)
    nodes = [Node("centre", text_width(centre_entry.data["name"]) * 1.1 + 24, 32)]
    edges = []
    for kind, group in kinds.items():
        nodes.append(Node(f"kind:{kind}", text_width(relation_label(catalog, kind).lower(), 11) + 16, 22))
        edges.append(Edge("centre", f"kind:{kind}", weight=2))
        for link in group:
            key = f"entry:{kind}:{link.target}"
            nodes.append(Node(key, text_width(short_label(catalog.entries[link.target].data["name"])) + 24, 28))
            edges.append(Edge(f"kind:{kind}", key))
    placed = layout(nodes, edges, rankdir="LR", nodesep=0.12, ranksep=0.4)
    margin = 4
    width, height = placed.width + 2 * margin, placed.height + 2 * margin
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{-margin} {-margin} {width:.0f} {height:.0f}" role="group" '
        f'aria-labelledby="atlas-nb-title atlas-nb-desc" class="atlas-graph atlas-graph--neighbourhood" '
        f'style="width:{width:.0f}px;max-width:none">',
        f'<title id="atlas-nb-title">Patterns related to {escape(centre_entry.data["name"])}</title>',
        f'<desc id="atlas-nb-desc">{len(links)} related patterns; the list below names each relation.</desc>',
    ]
    for source, target, path in placed.edges:
        kind = (target if target.startswith("kind:") else source).removeprefix("kind:")
        parts.append(
            f'<path d="{path}" fill="none" stroke="{escape(relation_colour(catalog, kind))}" stroke-width="2"/>'
        )
    for kind in kinds:
        box = placed.nodes[f"kind:{kind}"]
        colour = escape(relation_colour(catalog, kind))
        parts.append(
            f'<g class="atlas-graph__kind"><rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" '
            f'height="{box.height:.1f}" rx="11" stroke="{colour}" stroke-width="1.5"/>'
            f'<text class="atlas-graph__edge-label" x="{box.cx:.1f}" y="{box.cy + 4:.1f}" text-anchor="middle" '
            f'fill="{colour}">{escape(relation_label(catalog, kind).lower())}</text></g>'
        )
        for link in kinds[kind]:
            other = catalog.entries[link.target]
            box = placed.nodes[f"entry:{kind}:{link.target}"]
            parts.append(
                _box(
                    short_label(other.data["name"]),
                    box,
                    family_colour(catalog, other.data["family"]),
                    href(link.target),
                    other.data,
                )
            )
    parts.append(
        _box(
            centre_entry.data["name"],
            placed.nodes["centre"],
            family_colour(catalog, centre_entry.data["family"]),
            None,
            centre_entry.data,
            strong=True,
        )
    )
    parts.append("</svg>")
    return "".join(parts)


def _box(label: str, box, colour: str, link, data, strong=False) -> str:
    weight = ' font-weight="bold"' if strong else ""
    fill = "atlas-graph__box--strong" if strong else "atlas-graph__box"
    painted = f' fill="{colour}"' if strong else ""
    ink = ' fill="#fff"' if strong else ""
    rect = (
        f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" height="{box.height:.1f}" rx="6" '
        f'class="{fill}" stroke="{colour}" stroke-width="2"{painted}/>'
        f'<text x="{box.cx:.1f}" y="{box.cy + 4:.1f}" text-anchor="middle"{ink}'
        f'{weight}>{escape(label)}</text>'
    )
    if link is None:
        return f"<g>{rect}</g>"
    # The link's accessible name and tooltip: the full name (the box may show it shortened). Not the summary,
    # which would make every related page depend on it and read out at length as the name of a link.
    return f'<a href="{escape(link)}" class="atlas-graph__node"><title>{escape(data["name"])}</title>{rect}</a>'
