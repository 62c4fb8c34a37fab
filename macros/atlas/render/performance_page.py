"""The data parts of the Performance page (docs/performance.md holds the prose): the latest `make bench`
figures (data/benchmark.json), its targets, a chart, Lighthouse and axe-core."""

from __future__ import annotations

from .graph_svg import escape

ROWS = [
    ("build_s", "Strict build, ours (s)", "{:.2f}"),
    ("plain_build_s", "Strict build, plain Material (s)", "{:.2f}"),
    ("build_ratio_vs_plain", "Ours ÷ plain", "{:.2f}"),
    ("peak_mb", "Peak memory of the build (MiB)", "{:.0f}"),
    ("site_mb", "Site size (MiB)", "{:.1f}"),
    ("plain_site_mb", "Plain site size (MiB)", "{:.1f}"),
    ("median_pattern_html_kb", "Median pattern page (KiB of HTML)", "{:.1f}"),
    ("plain_median_pattern_html_kb", "Median pattern page, plain (KiB)", "{:.1f}"),
    ("search_index_kb", "Search index, all chunks (KiB)", "{:.0f}"),
    ("plain_search_index_kb", "Search index, plain Material (KiB)", "{:.0f}"),
    ("search_cold_ms", "Last key to first result, cold, median (ms)", "{:.0f}"),
    ("search_cold_max_ms", "Last key to first result, cold, slowest (ms)", "{:.0f}"),
    ("search_warm_ms", "Last key to first result, warm, median (ms)", "{:.0f}"),
    ("search_warm_max_ms", "Last key to first result, warm, slowest (ms)", "{:.0f}"),
    ("edit_to_reload_s", "Edit to reload under make serve: body of an entry, median (s)", "{:.1f}"),
    ("edit_to_reload_max_s", "Edit to reload: body of an entry, slowest (s)", "{:.1f}"),
    (
        "edit_to_reload_summary_s",
        "Edit to reload: summary (its comparison and decision pages too), median (s)",
        "{:.1f}",
    ),
    ("edit_to_reload_summary_max_s", "Edit to reload: summary, slowest (s)", "{:.1f}"),
]


def render_performance_measured(bench: dict | None) -> str:
    """When and where the figures were measured (docs/performance.md says how)."""
    if not bench:
        return "No measurement has been recorded yet. Run `make bench` to produce one.\n"
    return f"Measured on {bench['measured']} on {escape(bench['machine'])}.\n"


def render_performance_figures(bench: dict | None) -> str:
    if not bench:
        return ""
    sizes = list(bench["sizes"])
    head = "| Measure | " + " | ".join(f"{s} entries" for s in sizes) + " |\n|---|" + "---|" * len(sizes)
    rows = [
        f"| {label} | "
        + " | ".join(fmt.format(bench["sizes"][s][key]) if key in bench["sizes"][s] else "–" for s in sizes)
        + " |"
        for key, label, fmt in ROWS
    ]
    return head + "\n" + "\n".join(rows) + "\n"


def render_performance_targets(bench: dict | None) -> str:
    if not bench:
        return ""
    sizes = list(bench["sizes"])
    return _targets(bench, bench["sizes"][sizes[-1]], sizes) + "\n"


def render_performance_chart(bench: dict | None) -> str:
    return f'<div class="atlas-chart-wrap">{chart_svg(bench)}</div>\n' if bench else ""


def render_performance_lighthouse(bench: dict | None) -> str:
    """Lighthouse's four scores per catalog size and page."""
    if not bench:
        return ""
    categories = ["performance", "accessibility", "best-practices", "seo"]
    table = [
        "| Catalog | Page | " + " | ".join(c.replace("-", " ").capitalize() for c in categories) + " |",
        "|---|---|" + "---|" * 4,
    ]
    for size, row in bench["sizes"].items():
        for page, scores in row.get("lighthouse", {}).items():
            cells = (
                [str(scores.get(c, "–")) for c in categories]
                if "error" not in scores
                else ["did not finish: " + escape(scores["error"].strip().splitlines()[0][:90])] + [""] * 3
            )
            table.append(f"| {size} entries | {page} | " + " | ".join(cells) + " |")
    return "\n".join(table) + "\n" if len(table) > 2 else "No Lighthouse figures in this measurement.\n"


def render_performance_axe(bench: dict | None) -> str:
    """axe-core violations per page type at the largest size."""
    if not bench:
        return ""
    size = list(bench["sizes"])[-1]
    axe = bench["sizes"][size].get("axe")
    if not axe:
        return "No axe-core figures in this measurement.\n"
    return f"At {size} entries:\n\n" + "\n".join(f"- {kind}: {count}" for kind, count in axe.items()) + "\n"


def _targets(bench, largest, sizes) -> str:
    t, summary = bench["targets"], bench["summary"]
    checks = [
        (
            f"Build at {sizes[-1]} entries ≤ {t['build_ratio_vs_plain']}× the plain site",
            largest["build_ratio_vs_plain"],
            t["build_ratio_vs_plain"],
            "≤",
        ),
        (
            f"Build at {sizes[-1]} ≤ {t['build_ratio_1000_vs_100']}× our build at {sizes[-2] if len(sizes) > 1 else sizes[0]}",
            summary["build_ratio_1000_vs_100"],
            t["build_ratio_1000_vs_100"],
            "≤",
        ),
        (
            f"Median pattern page within {t['pattern_html_drift']:.0%} across sizes",
            summary["pattern_html_drift"],
            t["pattern_html_drift"],
            "≤",
        ),
        (
            f"First search result ≤ {t['search_cold_ms']} ms cold (median)",
            largest.get("search_cold_ms"),
            t["search_cold_ms"],
            "≤",
        ),
        (
            f"First search result ≤ {t['search_warm_ms']} ms warm (median)",
            largest.get("search_warm_ms"),
            t["search_warm_ms"],
            "≤",
        ),
    ]
    for page, scores in largest.get("lighthouse", {}).items():
        for category, minimum in t["lighthouse_min"].items():
            checks.append((f"Lighthouse {category} on the {page} page ≥ {minimum}", scores.get(category), minimum, "≥"))
    if "axe" in largest:
        checks.append(
            ("No axe-core violation on any page type", sum(largest["axe"].values()), t["axe_violations"], "≤")
        )
    if "edit_to_reload_s" in t:
        reload_sizes = [s for s in sizes if "edit_to_reload_s" in bench["sizes"][s]]
        if reload_sizes:
            biggest = reload_sizes[-1]
            for key, what in (
                ("edit_to_reload_s", "An edit to an entry's body"),
                ("edit_to_reload_summary_s", "An edit to an entry's summary"),
            ):
                if key in bench["sizes"][biggest]:
                    checks.append(
                        (
                            f"{what} shows under make serve within {t['edit_to_reload_s']:.0f} s at {biggest} entries "
                            "(median)",
                            bench["sizes"][biggest][key],
                            t["edit_to_reload_s"],
                            "≤",
                        )
                    )
    rows = ["| Target | Measured | Met |", "|---|---|---|"]
    for label, value, limit, op in checks:
        met = value is not None and (value <= limit if op == "≤" else value >= limit)
        shown = "–" if value is None else (f"{value:.2f}" if isinstance(value, float) else str(value))
        rows.append(f"| {label} | {shown} | {'yes' if met else '**no**'} |")
    return "\n".join(rows)


def chart_svg(bench: dict) -> str:
    """Grouped bars: build seconds (ours, plain) and median pattern page KiB, one group per catalog size."""
    sizes = list(bench["sizes"])
    series = [
        ("build_s", "Our build (s)", "#364fc7"),
        ("plain_build_s", "Plain build (s)", "#adb5bd"),
        ("median_pattern_html_kb", "Median page (KiB ÷ 10)", "#2b8a3e"),
    ]
    values = {
        (s, k): bench["sizes"][s].get(k, 0) / (10 if k == "median_pattern_html_kb" else 1)
        for s in sizes
        for k, _, _ in series
    }
    top = max(values.values()) or 1
    width, height, left, bottom = 560, 260, 40, 40
    group = (width - left) / len(sizes)
    bar = group / (len(series) + 1)
    spoken = "; ".join(
        f"{s} entries: build {bench['sizes'][s]['build_s']:.1f} s, plain {bench['sizes'][s]['plain_build_s']:.1f} s, "
        f"median page {bench['sizes'][s]['median_pattern_html_kb']:.0f} KiB"
        for s in sizes
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 30}" role="img" '
        f'aria-labelledby="atlas-perf-title atlas-perf-desc" class="atlas-chart">',
        '<title id="atlas-perf-title">Build time and page size by catalog size</title>',
        f'<desc id="atlas-perf-desc">{escape(spoken)}.</desc>',
    ]
    for i, size in enumerate(sizes):
        for j, (key, _, colour) in enumerate(series):
            h = (height - bottom) * values[(size, key)] / top
            x = left + i * group + (j + 0.5) * bar
            parts.append(
                f'<rect x="{x:.0f}" y="{height - bottom - h:.0f}" width="{bar * 0.9:.0f}" height="{h:.0f}" fill="{colour}"/>'
            )
        parts.append(
            f'<text x="{left + (i + 0.5) * group:.0f}" y="{height - bottom + 16}" text-anchor="middle">{size} entries</text>'
        )
    for j, (_, label, colour) in enumerate(series):
        parts.append(
            f'<rect x="{left + j * 170}" y="{height + 6}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{left + j * 170 + 16}" y="{height + 16}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
