"""The glossary page, /glossary/: every term with what it stands for and where it is explained."""

from __future__ import annotations

import re

from .. import escape
from ..prose import site_link
from .tables import cell


def term_anchor(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def _anchor_cell(t) -> str:
    return f'<span class="atlas-anchor" id="{term_anchor(t["term"])}"></span>**{escape.plain(t["term"])}**'


def render_glossary_page(terms: list[dict], docs_dir) -> str:
    def meaning(t):
        see = f" [More]({site_link(t['see'], 0, docs_dir)})" if t.get("see") else ""
        return f"{cell(t['definition'])}{see}"

    abbreviations = [t for t in terms if "expansion" in t]
    concepts = [t for t in terms if "expansion" not in t]
    parts = ["Abbreviations and concepts used across the atlas."]
    if abbreviations:
        parts.append(
            "## Abbreviations\n\nWherever one appears on the site, hold the pointer over it (or focus it) "
            "to see what it stands for.\n\n| Term | Stands for | Meaning |\n|---|---|---|\n"
            + "\n".join(f"| {_anchor_cell(t)} | {escape.plain(t['expansion'])} | {meaning(t)} |" for t in abbreviations)
        )
    if concepts:
        parts.append(
            "## Concepts\n\nIdeas that many entries rely on, each with the entry that explains it best.\n\n"
            "| Concept | Meaning |\n|---|---|\n" + "\n".join(f"| {_anchor_cell(t)} | {meaning(t)} |" for t in concepts)
        )
    return "\n\n".join(parts) + "\n"
