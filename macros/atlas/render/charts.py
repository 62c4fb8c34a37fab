"""Ratings at a glance: a small bar chart of a pattern's family ratings, drawn as SVG at build time."""

from __future__ import annotations

from .graph_svg import escape

ROW, LABEL_WIDTH, BAR_WIDTH = 26, 190, 220


def ratings_chart_svg(entry, family: dict) -> str:
    attributes = list(family["attributes"].items())
    height = ROW * len(attributes) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 50
    spoken = "; ".join(f"{a['name']} {entry.data['ratings'][k]['score']} of 5" for k, a in attributes)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="atlas-chart-title atlas-chart-desc" class="atlas-chart">',
        f'<title id="atlas-chart-title">Ratings of {escape(entry.data["name"])}</title>',
        f'<desc id="atlas-chart-desc">{escape(spoken)}.</desc>',
    ]
    for i, (key, attr) in enumerate(attributes):
        score = entry.data["ratings"][key]["score"]
        y = 4 + i * ROW
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">{escape(attr["name"])}</text>'
            f'<rect class="atlas-chart__track" x="{LABEL_WIDTH}" y="{y + 4}" width="{BAR_WIDTH}" height="16" rx="3"/>'
            f'<rect class="atlas-chart__bar atlas-chart__bar--{score}" x="{LABEL_WIDTH}" y="{y + 4}" '
            f'width="{BAR_WIDTH * score / 5:.0f}" height="16" rx="3"/>'
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 8}" y="{y + 16}">{score}/5</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
