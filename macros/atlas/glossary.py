"""The glossary (data/glossary.yaml): loaded, validated with the same one-line errors, and turned into tooltips."""

from __future__ import annotations

from pathlib import Path

from . import escape, evidence, tooltips
from .pages import write_changed
from .problems import Problem
from .rules import hidden_characters
from .rules.link_targets import problems_in
from .schema_check import checked_document

PATH = "data/glossary.yaml"


def load_glossary(root: Path, catalog) -> list[dict]:
    return checked_document(root, PATH, "glossary.schema.json", lambda doc: _term_problems(doc, catalog)).mapping()[
        "terms"
    ]


def _term_problems(doc, catalog):
    seen: dict[str, int] = {}  # term -> index of its first definition
    terms = doc.data["terms"]
    for i, term in enumerate(terms):

        def at(key: str, message: str, tip: str, i: int = i) -> Problem:
            return Problem(doc.path, doc.line_of(("terms", i, key)), f"terms[{i}].{key}", message, tip)

        if term["term"] in seen:
            yield at(
                "term", f"'{term['term']}' is already defined at terms[{seen[term['term']]}]", "keep one definition"
            )
        seen.setdefault(term["term"], i)
        for key in ("term", "expansion", "definition", "see"):
            for message, tip in hidden_characters.problems_in(term.get(key, "")):
                yield at(key, message, tip)
        # The meaning is prose on the glossary page; the expansion and the meaning are also the tooltip.
        for message, tip in problems_in(term["definition"], catalog):
            yield at("definition", message, tip)
        if " " in term["term"] and "expansion" in term:
            yield at(
                "expansion",
                f"'{term['term']}' has spaces, so it is a concept, and concepts get no tooltip",
                "remove the expansion, or write the term as its abbreviation",
            )
        if "see" in term:
            for message, tip in problems_in(f"[x]({term['see']})", catalog):
                yield at("see", message, tip)
    names = [t["term"].casefold() for t in terms]
    if names != sorted(names):
        yield Problem(
            doc.path, 1, "terms", "the terms are not in alphabetical order", "sort them so readers can scan the page"
        )


def abbreviation_lines(terms: list[dict]) -> str:
    """Python-Markdown `abbr` definitions: every use of an abbreviation on a page gets its tooltip.

    Concepts (terms without an expansion) are listed on the glossary page only."""
    # The tooltip is an attribute; escaped here too, so that a line the abbr extension did not take would still be inert text.
    return "\n".join(
        f"*[{t['term']}]: " + escape.attr(f"{t['expansion']}: {evidence.plain(t['definition'])}")
        for t in terms
        if "expansion" in t
    )


def write_abbreviations(terms: list[dict], root: Path) -> Path:
    """Write the abbreviation lines where atlas.tooltips appends them to every page (only if they changed)."""
    target = root / tooltips.DEFAULT_PATH
    write_changed({target: abbreviation_lines(terms) + "\n"})
    return target
