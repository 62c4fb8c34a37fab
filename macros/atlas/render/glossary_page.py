"""The glossary page, /glossary/: every term with what it stands for and where it is explained."""
from __future__ import annotations

import re

from .. import escape
from ..prose import site_link
from .tables import cell


def term_anchor(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def render_glossary_page(terms: list[dict], docs_dir) -> str:
    rows = ["| Term | Stands for | Meaning |", "|---|---|---|"]
    for t in terms:
        see = f" [More]({site_link(t['see'], 0, docs_dir)})" if t.get("see") else ""
        rows.append(f'| <span class="atlas-anchor" id="{term_anchor(t["term"])}"></span>**{escape.plain(t["term"])}** '
                    f'| {escape.plain(t["expansion"])} | {cell(t["definition"])}{see} |')
    return ("Abbreviations and terms used across the atlas. Wherever one appears on the site, hold the pointer "
            "over it (or focus it) to see what it stands for.\n\n" + "\n".join(rows) + "\n")
