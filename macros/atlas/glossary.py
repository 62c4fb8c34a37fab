"""The glossary (data/glossary.yaml): loaded, validated with the same one-line errors, and turned into tooltips."""
from __future__ import annotations

import json
from pathlib import Path

from .problems import CatalogError, Problem
from .rules.link_targets import problems_in
from .schema_check import schema_problems
from .yamlsource import read_document

PATH = "data/glossary.yaml"


def load_glossary(root: Path, catalog) -> list[dict]:
    doc = read_document(root / PATH, PATH)
    problems = list(doc.problems)
    if not problems:
        schema = json.loads((root / "schema" / "glossary.schema.json").read_text(encoding="utf-8"))
        problems += schema_problems(doc, schema)
    if not problems:
        problems += _term_problems(doc, catalog)
    if problems:
        raise CatalogError(problems)
    return doc.data["terms"]


def _term_problems(doc, catalog):
    seen = {}
    terms = doc.data["terms"]
    for i, term in enumerate(terms):
        if term["term"] in seen:
            yield Problem(doc.path, doc.line_of(("terms", i, "term")), f"terms[{i}].term",
                          f"'{term['term']}' is already defined at terms[{seen[term['term']]}]", "keep one definition")
        seen.setdefault(term["term"], i)
        if "see" in term:
            for message, tip in problems_in(f"[x]({term['see']})", catalog):
                yield Problem(doc.path, doc.line_of(("terms", i, "see")), f"terms[{i}].see", message, tip)
    names = [t["term"].casefold() for t in terms]
    if names != sorted(names):
        yield Problem(doc.path, 1, "terms", "the terms are not in alphabetical order", "sort them so readers can scan the page")


def abbreviation_lines(terms: list[dict]) -> str:
    """Python-Markdown `abbr` definitions: every use of a term on a page gets its tooltip."""
    return "\n".join(f"*[{t['term']}]: {t['expansion']}: {t['definition']}".replace("\n", " ") for t in terms)
