"""The map page, /map/: the whole catalog as a graph of its typed relations, and the same relations as text."""

from __future__ import annotations

from .. import escape as _escape
from ..relations import links_of, relation_colour, relation_label
from .catalog_page import members_by_family
from .graph_svg import catalog_edges, catalog_map_svg, escape, family_colour
from .tables import cell


def render_map_page(catalog) -> str:
    svg = catalog_map_svg(catalog, lambda entry_id: f"../patterns/{entry_id}/")
    declared = catalog.vocabulary["relation_types"]
    legend = " ".join(
        f'<span class="atlas-legend__item"><span class="atlas-legend__swatch" style="background:{escape(relation_colour(catalog, name))}"></span>'
        f'{escape(spec["name"])}</span>'
        for name, spec in declared.items()
    )
    families = " ".join(
        f'<span class="atlas-legend__item"><span class="atlas-legend__dot" style="background:{family_colour(catalog, fid)}"></span>'
        f'{escape(f["name"])}</span>'
        for fid, f in catalog.vocabulary["families"].items()
        if fid in members_by_family(catalog)
    )
    rows = ["| Pattern | Relation | Pattern | Why |", "|---|---|---|---|"]
    for source, target, kind in catalog_edges(catalog):
        note = next(
            r["note"] for r in catalog.entries[source].data["relations"] if r["target"] == target and r["type"] == kind
        )
        rows.append(
            f"| [{_escape.plain(catalog.entries[source].data['name'])}](patterns/{source}.md) | {_escape.plain(relation_label(catalog, kind))} "
            f"| [{_escape.plain(catalog.entries[target].data['name'])}](patterns/{target}.md) "
            f"| {cell(note)} |"
        )
    return (
        "\n\n".join(
            [
                f"Every pattern in the atlas, grouped by family: {len(catalog.entries)} patterns and "
                f"{len(catalog_edges(catalog))} relations between them. Choose a pattern or a family to see its "
                "neighbours and the lines to them; select a pattern to open its page.",
                focus_control(),
                f'<div class="atlas-legend" aria-hidden="true">{families}</div>',
                f'<div class="atlas-legend" aria-hidden="true">{legend}</div>',
                f'<div class="atlas-graph-wrap" role="region" tabindex="0" aria-label="Map of the catalog">{svg}</div>',
                f'<script type="application/json" id="atlas-map-data">{_escape.json_script(map_data(catalog))}</script>',
                "## All relations { #relations }",
                "Each relation as declared in its entry; the other page shows it from its own side. "
                "With a pattern or family in focus, only its relations are listed.",
                "\n".join(rows),
            ]
        )
        + "\n"
    )


def focus_control() -> str:
    """Where atlas-map.js puts its focus picker (a family or one pattern) and the list of neighbours.

    The picker is built in the browser from the map's JSON data; without JavaScript the place stays
    empty and hidden, and the table below lists every relation.
    """
    return '<div class="atlas-map-focus" id="atlas-map-focus-root" hidden></div>'


def map_data(catalog) -> dict:
    """What the focus panel lists: each pattern's name, family and relations seen from its side (plain text)."""
    return {
        "families": {
            fid: f["name"] for fid, f in catalog.vocabulary["families"].items() if fid in members_by_family(catalog)
        },
        "patterns": {
            e.id: {
                "name": e.data["name"],
                "family": e.data["family"],
                "links": [
                    [relation_label(catalog, link.kind).lower(), link.target]
                    for link in links_of(catalog, e.id)
                    if link.target in catalog.entries
                ],
            }
            for e in catalog.sorted_entries()
        },
    }
