"""Decision tree pages: /decisions/ lists the trees; /decisions/<id>/ holds the wizard, a diagram
drawn at build time (every outcome links to its patterns) and the whole tree as a nested outline
that reads without JavaScript."""
from __future__ import annotations

import textwrap

from .. import escape
from ..evidence import plain_all
from ..prose import markdown
from .tables import cell

BOX_W, LINE_H, GAP_X, GAP_Y = 210, 15, 30, 70


def render_decisions_index(trees, catalog) -> str:
    rows = ["| Decision | What it helps with | Leads to |", "|---|---|---|"]
    for tree in trees:
        patterns = sorted({r["pattern"] for o in tree.data["outcomes"] for r in o["recommends"]},
                          key=lambda p: catalog.entries[p].data["name"].casefold())
        rows.append(f"| [{escape.plain(tree.data['title'])}]({tree.id}.md) | {cell(tree.data['summary'])} | "
                    + ", ".join(f"[{escape.plain(catalog.entries[p].data['name'])}](../patterns/{p}.md)" for p in patterns) + " |")
    return ("Start from your situation rather than a pattern name. Each decision asks a few questions and ends "
            "with a recommendation you can defend in a review, a link that keeps your answers, and an "
            "Architecture Decision Record ready to paste.\n\n" + "\n".join(rows) + "\n")


def render_tree_page(tree, catalog) -> str:
    data = escape.json_script(plain_all(wizard_data(tree, catalog)))
    sources = "\n".join(
        f'{n}. <span class="atlas-anchor" id="source-{s["id"]}"></span>'
        + (f"[{escape.plain(s['title'])}]({escape.url(s['url'])})" if "url" in s else
           f"*{escape.plain(catalog.vocabulary['seeds'][s['seed']]['title'])}*, one of the articles the atlas started from (not publicly available)")
        for n, s in enumerate(tree.data["sources"], 1))
    return "\n\n".join([
        cell(tree.data["summary"]),
        '<div id="atlas-wizard" class="atlas-wizard"></div>',
        f'<script type="application/json" id="atlas-wizard-data">{data}</script>',
        "## The whole tree { #tree }",
        "Every question, answer and outcome at once. Each outcome links to the patterns it recommends.",
        f'<div class="atlas-graph-wrap">{tree_svg(tree, catalog)}</div>',
        "### As an outline { #outline }",
        outline(tree, catalog),
        "## Sources { #sources }",
        sources,
        f"*Last reviewed {tree.data['last_reviewed']}. See [all decisions](index.md).*",
    ]) + "\n"


def wizard_data(tree, catalog) -> dict:
    """The tree plus what the wizard shows and exports about each recommended pattern."""
    recommended = {r["pattern"] for o in tree.data["outcomes"] for r in o["recommends"]}
    return {
        "id": tree.id, "title": tree.data["title"], "summary": tree.data["summary"], "start": tree.data["start"],
        "questions": {q["id"]: {"text": q["text"], "help": q.get("help", ""),
                                "answers": [{k: a[k] for k in ("id", "text", "next", "outcome") if k in a} for a in q["answers"]]}
                      for q in tree.data["questions"]},
        "outcomes": {o["id"]: {"title": o["title"], "recommends": [{"pattern": r["pattern"], "reason": r["reason"]} for r in o["recommends"]]}
                     for o in tree.data["outcomes"]},
        "patterns": {p: {"name": catalog.entries[p].data["name"], "summary": catalog.entries[p].data["summary"],
                         "benefits": [[b["force"], b["text"]] for b in catalog.entries[p].data["benefits"]],
                         "costs": [[c["force"], c["text"]] for c in catalog.entries[p].data["costs"]]}
                     for p in sorted(recommended)},
    }


def outline(tree, catalog) -> str:
    """The tree as nested Markdown lists; shared sub-trees are repeated so each path reads on its own."""
    questions, outcomes = tree.questions, tree.outcomes
    lines, anchored = [], set()

    def question(qid, depth):
        pad = "    " * depth
        anchor = "" if qid in anchored else f'<span class="atlas-anchor" id="q-{qid}"></span>'
        anchored.add(qid)
        lines.append(f"{pad}- {anchor}**{markdown(questions[qid]['text'], 1, catalog.docs_dir)}**")
        for answer in questions[qid]["answers"]:
            lines.append(f"{pad}    - *{markdown(answer['text'], 1, catalog.docs_dir)}*")
            if "next" in answer:
                question(answer["next"], depth + 2)
            else:
                outcome = outcomes[answer["outcome"]]
                recs = "; ".join(f"[{escape.plain(catalog.entries[r['pattern']].data['name'])}](../patterns/{r['pattern']}.md)"
                                 for r in outcome["recommends"])
                lines.append(f"{pad}        - → **{escape.plain(outcome['title'])}**: {recs}")

    question(tree.data["start"], 0)
    return "\n".join(lines)


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def tree_svg(tree, catalog) -> str:
    """Questions top to bottom in layers by their longest distance from start; outcomes at the end of each path."""
    questions, outcomes = tree.questions, tree.outcomes
    layer: dict[str, int] = {}  # node id -> its longest distance from start
    order: list[str] = []

    def place(node, depth):
        if depth > layer.get(node, -1):
            layer[node] = depth
        if node not in order:
            order.append(node)
        if node in questions:
            for answer in questions[node]["answers"]:
                place(answer.get("next") or "outcome:" + answer["outcome"], depth + 1)

    place(tree.data["start"], 0)
    rows: dict[int, list[str]] = {}
    for node in order:
        rows.setdefault(layer[node], []).append(node)
    label = {}
    for node in order:
        if node in questions:
            label[node] = _wrap(questions[node]["text"], 30, 4)
        else:
            outcome = outcomes[node.removeprefix("outcome:")]
            label[node] = _wrap(outcome["title"], 30, 3) + [""] + [
                "→ " + catalog.entries[r["pattern"]].data["name"] for r in outcome["recommends"]]
    heights = {n: LINE_H * len(label[n]) + 16 for n in order}
    width = max(len(r) for r in rows.values()) * (BOX_W + GAP_X) + GAP_X
    pos, y = {}, 10
    for depth in sorted(rows):
        row = rows[depth]
        row_h = max(heights[n] for n in row)
        offset = (width - len(row) * (BOX_W + GAP_X) + GAP_X) / 2
        for i, node in enumerate(row):
            pos[node] = (offset + i * (BOX_W + GAP_X), y)
        y += row_h + GAP_Y
    height = y - GAP_Y + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" role="group" '
             f'aria-labelledby="atlas-tree-title atlas-tree-desc" class="atlas-graph atlas-tree" style="min-width:{min(width, 900):.0f}px">',
             f'<title id="atlas-tree-title">{escape.text(tree.data["title"])}</title>',
             f'<desc id="atlas-tree-desc">{len(questions)} questions leading to {len(outcomes)} outcomes; '
             'the same tree follows as a nested outline.</desc>']
    for node in order:
        if node not in questions:
            continue
        x1, y1 = pos[node][0] + BOX_W / 2, pos[node][1] + heights[node]
        for answer in questions[node]["answers"]:
            child = answer.get("next") or "outcome:" + answer["outcome"]
            x2, y2 = pos[child][0] + BOX_W / 2, pos[child][1]
            parts.append(f'<path d="M{x1:.0f},{y1:.0f} C{x1:.0f},{y1 + 40:.0f} {x2:.0f},{y2 - 40:.0f} {x2:.0f},{y2:.0f}" '
                         f'fill="none" stroke="#868e96" stroke-width="1.3"/>')
            # Nearer the child than the parent, so sibling labels fan out instead of piling up.
            lx, ly = x1 + (x2 - x1) * 0.7, y1 + (y2 - y1) * 0.55
            for k, text in enumerate(_wrap(answer["text"], 26, 2)):
                parts.append(f'<text class="atlas-tree__answer" x="{lx:.0f}" y="{ly + k * 12:.0f}" text-anchor="middle">{escape.text(text)}</text>')
    for node in order:
        x, y = pos[node]
        is_q = node in questions
        parts.append(f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{heights[node]}" rx="8" '
                     f'class="atlas-tree__{"question" if is_q else "outcome"}"/>')
        for k, text in enumerate(label[node]):
            ty = y + 20 + k * LINE_H
            if not is_q and text.startswith("→ "):
                rec = outcomes[node.removeprefix("outcome:")]["recommends"][k - len(label[node]) + len(outcomes[node.removeprefix("outcome:")]["recommends"])]
                parts.append(f'<a href="../../patterns/{rec["pattern"]}/" class="atlas-graph__node"><text x="{x + 10:.0f}" y="{ty:.0f}" '
                             f'class="atlas-tree__link">{escape.text(text)}</text></a>')
            else:
                weight = ' font-weight="bold"' if not is_q and k == 0 else ""
                parts.append(f'<text x="{x + 10:.0f}" y="{ty:.0f}"{weight}>{escape.text(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)
