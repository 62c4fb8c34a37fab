"""Comparison pages: one per pair of alternatives (/compare/<a>-vs-<b>/) and "compare any" (/compare/)."""

from __future__ import annotations

from .. import escape
from ..comparisons import alternative_pairs, pair_slug
from ..evidence import plain_all
from ..prose import markdown
from .tables import EFFECT_SYMBOL, cell, effect_link, score_link


def render_pair_page(catalog, a_id: str, b_id: str) -> str:
    a, b = catalog.entries[a_id], catalog.entries[b_id]
    vocab = catalog.vocabulary
    name_a, name_b = escape.plain(a.data["name"]), escape.plain(b.data["name"])
    link_a, link_b = f"[{name_a}](../patterns/{a_id}.md)", f"[{name_b}](../patterns/{b_id}.md)"
    notes = [r["note"] for e, other in ((a, b_id), (b, a_id)) for r in e.data["relations"] if r["target"] == other]
    out = [
        f"# {name_a} vs {name_b}",
        f"{link_a} and {link_b} are alternatives: each can do the job the other does, and a design usually picks one "
        "for a given part of the system. " + " ".join(markdown(n, 1, catalog.docs_dir) for n in notes[:2]),
    ]

    out += [
        "## In brief { #in-brief }",
        "| Aspect | " + link_a + " | " + link_b + " |\n|---|---|---|\n"
        f"| What it is | {cell(a.data['summary'])} | {cell(b.data['summary'])} |\n"
        f"| Family | {escape.plain(vocab['families'][a.data['family']]['name'])} | {escape.plain(vocab['families'][b.data['family']]['name'])} |\n"
        f"| Main benefit | {cell(a.data['benefits'][0]['text'])} | {cell(b.data['benefits'][0]['text'])} |\n"
        f"| Main cost | {cell(a.data['costs'][0]['text'])} | {cell(b.data['costs'][0]['text'])} |",
    ]

    rows = [f"| Quality | {name_a} | {name_b} | Same? |", "|---|---|---|---|"]
    for q_id, quality in vocab["quality_attributes"].items():
        ea, eb = a.data["quality_effects"][q_id]["effect"], b.data["quality_effects"][q_id]["effect"]
        mark = "**differs**" if ea != eb else ""
        rows.append(
            f"| {escape.plain(quality['name'])} | {effect_link(a, q_id, '../patterns/')} {ea} | {effect_link(b, q_id, '../patterns/')} {eb} | {mark} |"
        )
    out += [
        "## Qualities side by side { #qualities }",
        f"{EFFECT_SYMBOL['improves']} improves · {EFFECT_SYMBOL['neutral']} neutral · {EFFECT_SYMBOL['worsens']} worsens; "
        "each mark links to its reason.",
        "\n".join(rows),
    ]

    if a.data["family"] == b.data["family"]:
        family = vocab["families"][a.data["family"]]
        rows = [f"| Attribute | {name_a} | {name_b} | Difference |", "|---|---|---|---|"]
        for attr_id, attr in family["attributes"].items():
            sa, sb = a.data["ratings"][attr_id]["score"], b.data["ratings"][attr_id]["score"]
            diff = sa - sb
            marked = f"**{name_a if diff > 0 else name_b} +{abs(diff)}**" if diff else "same"
            rows.append(
                f"| {escape.plain(attr['name'])} | {score_link(a, attr_id, '../patterns/')} | {score_link(b, attr_id, '../patterns/')} | {marked} |"
            )
        out += [
            "## Ratings side by side { #ratings }",
            f"Both belong to the {escape.plain(family['name'].lower())} family and are rated on its attributes (5 is best for you).",
            "\n".join(rows),
        ]
    else:
        out += [
            "## Ratings side by side { #ratings }",
            "The two belong to different families, which are rated on different attributes; compare them on the "
            "qualities above, or see each page's ratings.",
        ]

    out += [
        "## When to choose which { #when-to-choose }",
        f"**Choose {name_a} when**",
        _signals(a, "use_when", catalog)
        + "\n"
        + _signals(b, "avoid_when", catalog, prefix=f"{name_b} would be wrong: "),
        f"**Choose {name_b} when**",
        _signals(b, "use_when", catalog)
        + "\n"
        + _signals(a, "avoid_when", catalog, prefix=f"{name_a} would be wrong: "),
    ]

    out += ["## Moving from one to the other { #moving }", _moving(catalog, a, b)]
    out += [
        f"Compare these with others on the [compare page](index.md?p={a_id},{b_id}), or see both on the "
        f"[quality matrix](../tradeoffs/index.md)."
    ]
    return "\n\n".join(out) + "\n"


def _signals(entry, key, catalog, prefix=""):
    return "\n".join(f"- {prefix}{markdown(s['signal'], 1, catalog.docs_dir)}" for s in entry.data[key])


def _moving(catalog, a, b) -> str:
    lines = []
    for source, target in ((a, b), (b, a)):
        for relation in source.data["relations"]:
            if relation["target"] == target.id and relation["type"] == "evolves-into":
                lines.append(
                    f"- **{escape.plain(source.data['name'])} often grows into {escape.plain(target.data['name'])}.** "
                    f"{markdown(relation['note'], 1, catalog.docs_dir)}"
                )
    for source, target in ((a, b), (b, a)):
        needs = "; ".join(markdown(p, 1, catalog.docs_dir).rstrip(".") for p in target.data["prerequisites"])
        lines.append(
            f"- **From {escape.plain(source.data['name'])} to {escape.plain(target.data['name'])}:** have in place first: {needs}."
        )
    if "strangler-fig" in catalog.entries:
        lines.append(
            "- Move one part of the system at a time and keep the way back open; the "
            "[strangler fig](../patterns/strangler-fig.md) entry describes how."
        )
    return "\n".join(lines)


def compare_data(catalog) -> dict:
    """Everything the compare-any page needs, embedded in the page so it works offline and from a file."""
    vocab = catalog.vocabulary
    return {
        "qualities": {q: v["name"] for q, v in vocab["quality_attributes"].items()},
        "families": {
            f: {"name": v["name"], "attributes": {a: x["name"] for a, x in v["attributes"].items()}}
            for f, v in vocab["families"].items()
        },
        "pairs": [pair_slug(a, b) for a, b in alternative_pairs(catalog)],
        "patterns": {
            e.id: {
                "name": e.data["name"],
                "family": e.data["family"],
                "summary": e.data["summary"],
                "benefit": e.data["benefits"][0]["text"],
                "cost": e.data["costs"][0]["text"],
                "use_when": [s["signal"] for s in e.data["use_when"]],
                "avoid_when": [s["signal"] for s in e.data["avoid_when"]],
                "effects": {q: [v["effect"], v["reason"]] for q, v in e.data["quality_effects"].items()},
                "ratings": {a: [v["score"], v["rationale"]] for a, v in e.data["ratings"].items()},
            }
            for e in sorted(catalog.entries.values(), key=lambda e: e.data["name"].casefold())
        },
    }


def render_compare_any(catalog) -> str:
    data = escape.json_script(plain_all(compare_data(catalog)))
    pairs = "\n".join(
        f"- [{escape.plain(catalog.entries[a].data['name'])} vs {escape.plain(catalog.entries[b].data['name'])}]({pair_slug(a, b)}.md)"
        for a, b in alternative_pairs(catalog)
    )
    return (
        "\n\n".join(
            [
                "Pick two to four patterns to see them side by side: what each is, its main benefit and cost, its effect "
                "on each quality with the reason, its ratings and when to choose it. The selection is kept in the address, "
                "so the link you copy from the address bar opens exactly this comparison; every pattern page has an "
                "*Add to comparison* link that adds it here.",
                '<div id="atlas-compare" class="atlas-compare" data-max="4"></div>',
                f'<script type="application/json" id="atlas-compare-data">{data}</script>',
                '<noscript><p>Choosing patterns here needs JavaScript. Every pair of alternatives also has its own page, listed below.</p></noscript>',
                "## Pairs of alternatives { #pairs }",
                pairs,
            ]
        )
        + "\n"
    )
