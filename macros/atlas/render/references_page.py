"""The references page, /references/: every source the catalog cites, and which entries cite it."""

from __future__ import annotations

from .. import escape
from ..prose import archive_link


def source_key(source: dict) -> str:
    """Two entries citing the same URL (or seed) cite the same source."""
    return source.get("url") or f"seed:{source['seed']}"


def cited_sources(catalog) -> dict[str, dict]:
    """key -> {"source": first declaration, "citations": [(entry, source id)]}, sorted by title."""
    found: dict[str, dict] = {}
    for entry in catalog.sorted_entries():
        for source in entry.data["sources"]:
            item = found.setdefault(source_key(source), {"source": source, "citations": []})
            item["citations"].append((entry, source["id"]))
    return dict(sorted(found.items(), key=lambda kv: kv[1]["source"]["title"].casefold()))


def render_references_page(catalog) -> str:
    seeds = catalog.vocabulary["seeds"]
    sources = cited_sources(catalog)
    public = {k: v for k, v in sources.items() if not k.startswith("seed:")}
    seeded = {k: v for k, v in sources.items() if k.startswith("seed:")}
    out = [
        f"The {len(sources)} sources cited across the atlas, and the patterns that cite each. "
        "Every claim on a pattern page links to its source in that page's Sources section."
    ]
    out += ["## Public sources { #public }", "\n".join(_item(v, catalog) for v in public.values())]
    if seeded:
        out += [
            "## Seed articles { #seeds }",
            "Articles this project grew from. They are not publicly available, so a claim resting on one "
            "is quoted as one practitioner's opinion, never as the only support of a number.",
            "\n".join(_item(v, catalog, seeds) for v in seeded.values()),
        ]
    return "\n\n".join(out) + "\n"


def _item(item: dict, catalog, seeds=None) -> str:
    source = item["source"]
    who = ", ".join(escape.plain(x) for x in (source.get("author"), source.get("year")) if x)
    if "url" in source:
        head = f"[{escape.plain(source['title'])}]({escape.url(source['url'])}){archive_link(source)}"
    else:
        head = f"*{escape.plain(seeds[source['seed']]['title'])}*"
    cited_by = ", ".join(
        f"[{escape.plain(entry.data['name'])}](patterns/{entry.id}.md#source-{sid})" for entry, sid in item["citations"]
    )
    return f"- {head}{', ' + who if who else ''}. Cited by: {cited_by}."


def render_unconfirmed_page(catalog, trees=()) -> str:
    """The contributors' work queue: every cited source nobody has yet confirmed, with the reason and who cites it."""
    rows = []
    for entry in catalog.sorted_entries():
        for source in entry.data["sources"]:
            if "unconfirmed" in source:
                rows.append(
                    (
                        source["title"],
                        source,
                        f"[{escape.plain(entry.data['name'])}](../patterns/{entry.id}.md#source-{source['id']})",
                    )
                )
    for tree in trees:
        for source in tree.data["sources"]:
            if "unconfirmed" in source:
                rows.append(
                    (source["title"], source, f"[{escape.plain(tree.data['title'])}](../decisions/{tree.id}.md)")
                )
    if not rows:
        return "Every cited source has been confirmed."
    rows.sort(key=lambda r: r[0].casefold())
    lines = [
        f"{len(rows)} citations of sources that no one has yet confirmed against the source itself. "
        "Read one, and if it says what is cited, add its `locator` and `checked` date in the entry "
        "(see the evidence standard in CONTRIBUTING.md); if not, correct the claim.",
        "",
        "| Source | Why unconfirmed | Cited by |",
        "|---|---|---|",
    ]
    for title, source, where in rows:
        link = f"[{escape.plain(title)}]({escape.url(source['url'])})" if "url" in source else escape.plain(title)
        lines.append(f"| {link} | {escape.plain(source['unconfirmed'])} | {where} |")
    return "\n".join(lines)
