"""The map page, /map/: the whole catalog as a graph of its typed relations, and the same relations as text."""
from __future__ import annotations

from .. import escape as _escape
from ..relations import relation_colour, relation_label
from .graph_svg import catalog_edges, catalog_map_svg, escape, family_colour
from .tables import cell


def render_map_page(catalog) -> str:
    svg = catalog_map_svg(catalog, lambda entry_id: f"../patterns/{entry_id}/")
    declared = catalog.vocabulary["relation_types"]
    legend = " ".join(f'<span class="atlas-legend__item"><span class="atlas-legend__swatch" style="background:{escape(relation_colour(catalog, name))}"></span>'
                      f'{escape(spec["name"])}</span>' for name, spec in declared.items())
    families = " ".join(f'<span class="atlas-legend__item"><span class="atlas-legend__dot" style="background:{family_colour(catalog, fid)}"></span>'
                        f'{escape(f["name"])}</span>' for fid, f in catalog.vocabulary["families"].items()
                        if any(e.data["family"] == fid for e in catalog.entries.values()))
    rows = ["| Pattern | Relation | Pattern | Why |", "|---|---|---|---|"]
    for source, target, kind in catalog_edges(catalog):
        note = next(r["note"] for r in catalog.entries[source].data["relations"] if r["target"] == target and r["type"] == kind)
        rows.append(f"| [{_escape.plain(catalog.entries[source].data['name'])}](patterns/{source}.md) | {_escape.plain(relation_label(catalog, kind))} "
                    f"| [{_escape.plain(catalog.entries[target].data['name'])}](patterns/{target}.md) "
                    f"| {cell(note)} |")
    return "\n\n".join([
        f"Every pattern in the atlas and every relation between them: {len(catalog.entries)} patterns, "
        f"{len(catalog_edges(catalog))} relations. Select a pattern to open its page; hover a line to see the relation.",
        f'<div class="atlas-legend" aria-hidden="true">{families}</div>',
        f'<div class="atlas-legend" aria-hidden="true">{legend}</div>',
        f'<div class="atlas-graph-wrap">{svg}</div>',
        "## All relations { #relations }",
        "Each relation as declared in its entry; the other page shows it from its own side.",
        "\n".join(rows),
    ]) + "\n"
