"""Decision tree pages: /decisions/ lists the trees; /decisions/<id>/ holds the wizard, a diagram
drawn at build time (every outcome links to its patterns) and the whole tree as a nested outline
that reads without JavaScript."""

from __future__ import annotations

import textwrap

from .. import escape
from ..evidence import plain_all
from ..prose import markdown
from .layout import Edge, Node, layout, text_width
from .tables import cell

LINE_H, ANSWER_LINE_H, ANSWER_SIZE, MARGIN = 15, 13, 11, 4


def render_decisions_index(trees, catalog) -> str:
    rows = ["| Decision | What it helps with | Leads to |", "|---|---|---|"]
    for tree in trees:
        patterns = sorted(
            {r["pattern"] for o in tree.data["outcomes"] for r in o["recommends"]},
            key=lambda p: catalog.entries[p].data["name"].casefold(),
        )
        rows.append(
            f"| [{escape.plain(tree.data['title'])}]({tree.id}.md) | {cell(tree.data['summary'])} | "
            + ", ".join(f"[{escape.plain(catalog.entries[p].data['name'])}](../patterns/{p}.md)" for p in patterns)
            + " |"
        )
    return (
        "Start from your situation rather than a pattern name. Each decision asks a few questions and ends "
        "with a recommendation you can defend in a review, a link that keeps your answers, and an "
        "Architecture Decision Record ready to paste.\n\n" + "\n".join(rows) + "\n"
    )


def first_question(data: dict) -> str:
    """The wizard's first question as the wizard draws it, in the page itself: it is on screen before any
    script runs (nothing moves when the wizard takes over), and without JavaScript each answer leads to
    where it goes in the outline below. data is wizard_data as plain text."""
    question = data["questions"][data["start"]]
    parts = [
        '<fieldset class="atlas-wizard__question">',
        f'<legend tabindex="-1">{escape.text(question["text"])}</legend>',
    ]
    if question["help"]:
        parts.append(f'<p class="atlas-wizard__help">{escape.text(question["help"])}</p>')
    for answer in question["answers"]:
        target = f"#q-{answer['next']}" if "next" in answer else f"#o-{answer['outcome']}"
        parts.append(
            f'<a class="md-button atlas-wizard__answer" href="{escape.attr(target)}" data-answer="{escape.attr(answer["id"])}">'
            f'{escape.text(answer["text"])}</a>'
        )
    parts.append('</fieldset><div class="atlas-wizard__controls"></div>')
    return "".join(parts)


def render_tree_page(tree, catalog) -> str:
    plain = plain_all(wizard_data(tree, catalog))
    data = escape.json_script(plain)
    sources = "\n".join(
        f'{n}. <span class="atlas-anchor" id="source-{s["id"]}"></span>'
        + (
            f"[{escape.plain(s['title'])}]({escape.url(s['url'])})"
            if "url" in s
            else f"*{escape.plain(catalog.vocabulary['seeds'][s['seed']]['title'])}*, one of the articles the atlas started from (not publicly available)"
        )
        for n, s in enumerate(tree.data["sources"], 1)
    )
    return (
        "\n\n".join(
            [
                cell(tree.data["summary"]),
                f'<div id="atlas-wizard" class="atlas-wizard">{first_question(plain)}</div>',
                f'<script type="application/json" id="atlas-wizard-data">{data}</script>',
                "## The whole tree { #tree }",
                "Every question, answer and outcome at once. Each outcome links to the patterns it recommends.",
                f'<div class="atlas-graph-wrap" role="region" tabindex="0" aria-label="The whole tree, drawn">{tree_svg(tree, catalog)}</div>',
                "### As an outline { #outline }",
                outline(tree, catalog),
                "## Sources { #sources }",
                sources,
                f"*Last reviewed {tree.data['last_reviewed']}. See [all decisions](index.md).*",
            ]
        )
        + "\n"
    )


def wizard_data(tree, catalog) -> dict:
    """The tree plus what the wizard shows and exports about each recommended pattern."""
    recommended = {r["pattern"] for o in tree.data["outcomes"] for r in o["recommends"]}
    return {
        "id": tree.id,
        "title": tree.data["title"],
        "summary": tree.data["summary"],
        "start": tree.data["start"],
        "questions": {
            q["id"]: {
                "text": q["text"],
                "help": q.get("help", ""),
                "answers": [{k: a[k] for k in ("id", "text", "next", "outcome") if k in a} for a in q["answers"]],
            }
            for q in tree.data["questions"]
        },
        "outcomes": {
            o["id"]: {
                "title": o["title"],
                "recommends": [{"pattern": r["pattern"], "reason": r["reason"]} for r in o["recommends"]],
            }
            for o in tree.data["outcomes"]
        },
        "patterns": {
            p: {
                "name": catalog.entries[p].data["name"],
                "summary": catalog.entries[p].data["summary"],
                "benefits": [[b["force"], b["text"]] for b in catalog.entries[p].data["benefits"]],
                "costs": [[c["force"], c["text"]] for c in catalog.entries[p].data["costs"]],
            }
            for p in sorted(recommended)
        },
    }


def outline(tree, catalog) -> str:
    """The tree as nested Markdown lists; shared sub-trees are repeated so each path reads on its own."""
    questions, outcomes = tree.questions, tree.outcomes
    lines, anchored, outcome_anchored = [], set(), set()

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
                recs = "; ".join(
                    f"[{escape.plain(catalog.entries[r['pattern']].data['name'])}](../patterns/{r['pattern']}.md)"
                    for r in outcome["recommends"]
                )
                anchor = (
                    ""
                    if answer["outcome"] in outcome_anchored
                    else f'<span class="atlas-anchor" id="o-{answer["outcome"]}"></span>'
                )
                outcome_anchored.add(answer["outcome"])
                lines.append(f"{pad}        - {anchor}→ **{escape.plain(outcome['title'])}**: {recs}")

    question(tree.data["start"], 0)
    return "\n".join(lines)


def _wrap(text: str, width: int, max_lines: int) -> list[str]:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def tree_svg(tree, catalog) -> str:
    """Questions, answers and outcomes laid out top to bottom by Graphviz: no label overlaps another.

    Each answer is a small node of its own between its question and where it leads, so its words sit
    on its line and never on a neighbour's. Every node and line carries its key (data-node, data-edge)
    so the wizard can mark the reader's path.
    """
    questions, outcomes = tree.questions, tree.outcomes
    nodes: list[Node] = []
    edges: list[Edge] = []
    labels: dict[str, tuple[str, list[str]]] = {}  # key -> (kind, lines)
    seen: set[str] = set()

    def add(key: str, kind: str, lines: list[str], width: float, line_h: float, pad: float) -> None:
        labels[key] = (kind, lines)
        nodes.append(Node(key, width, line_h * len(lines) + pad))

    def visit(qid: str) -> None:
        if qid in seen:
            return
        seen.add(qid)
        lines = _wrap(questions[qid]["text"], 32, 5)
        add(f"q:{qid}", "question", lines, max(text_width(t) for t in lines) + 24, LINE_H, 16)
        for answer in questions[qid]["answers"]:
            akey = f"a:{qid}/{answer['id']}"
            alines = _wrap(answer["text"], 26, 4)
            add(akey, "answer", alines, max(text_width(t, ANSWER_SIZE) for t in alines) + 14, ANSWER_LINE_H, 8)
            edges.append(Edge(f"q:{qid}", akey))
            if answer.get("next"):
                edges.append(Edge(akey, f"q:{answer['next']}"))
                visit(answer["next"])
            else:
                okey = f"o:{answer['outcome']}"
                edges.append(Edge(akey, okey))
                if okey not in seen:
                    seen.add(okey)
                    outcome = outcomes[answer["outcome"]]
                    olines = (
                        _wrap(outcome["title"], 30, 3)
                        + [""]
                        + ["→ " + catalog.entries[r["pattern"]].data["name"] for r in outcome["recommends"]]
                    )
                    add(okey, "outcome", olines, max(text_width(t) * 1.08 for t in olines) + 24, LINE_H, 16)

    visit(tree.data["start"])
    placed = layout(nodes, edges, rankdir="TB", nodesep=0.2, ranksep=0.35)
    width, height = placed.width + 2 * MARGIN, placed.height + 2 * MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{-MARGIN} {-MARGIN} {width:.0f} {height:.0f}" role="group" '
        f'aria-labelledby="atlas-tree-title atlas-tree-desc" class="atlas-graph atlas-tree" '
        f'style="width:{width:.0f}px;max-width:none">',
        f'<title id="atlas-tree-title">{escape.text(tree.data["title"])}</title>',
        f'<desc id="atlas-tree-desc">{len(questions)} questions leading to {len(outcomes)} outcomes; '
        'the same tree follows as a nested outline.</desc>',
    ]
    for source, target, path in placed.edges:
        parts.append(f'<path class="atlas-tree__edge" data-edge="{escape.attr(source + ">" + target)}" d="{path}"/>')
    for node in nodes:
        box = placed.nodes[node.key]
        kind, lines = labels[node.key]
        parts.append(
            f'<g class="atlas-tree__node atlas-tree__node--{kind}" data-node="{escape.attr(node.key)}">'
            f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" height="{box.height:.1f}" '
            f'rx="{10 if kind == "answer" else 8}" class="atlas-tree__{"answer-box" if kind == "answer" else kind}"/>'
        )
        if kind == "answer":
            for k, text in enumerate(lines):
                parts.append(
                    f'<text class="atlas-tree__answer" x="{box.cx:.1f}" y="{box.y + 4 + ANSWER_SIZE + k * ANSWER_LINE_H:.1f}" '
                    f'text-anchor="middle">{escape.text(text)}</text>'
                )
        else:
            recommends = outcomes[node.key[2:]]["recommends"] if kind == "outcome" else []
            first_link = len(lines) - len(recommends)
            for k, text in enumerate(lines):
                ty = box.y + 20 + k * LINE_H
                if kind == "outcome" and k >= first_link:
                    rec = recommends[k - first_link]
                    parts.append(
                        f'<a href="../../patterns/{escape.attr(rec["pattern"])}/" class="atlas-graph__node">'
                        f'<text x="{box.x + 12:.1f}" y="{ty:.1f}" class="atlas-tree__link">{escape.text(text)}</text></a>'
                    )
                else:
                    weight = ' font-weight="bold"' if kind == "outcome" and k < first_link - 1 else ""
                    parts.append(f'<text x="{box.x + 12:.1f}" y="{ty:.1f}"{weight}>{escape.text(text)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
