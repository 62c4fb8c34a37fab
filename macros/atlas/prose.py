"""Which fields of an entry are prose, and how prose is made safe to place in a page.

Prose may use Markdown for emphasis, lists, code and links. It is data, not markup:
raw HTML, attribute lists and template syntax are escaped so they show as typed (atlas.escape),
and links are held to the output policy (atlas.safety).
"""

from __future__ import annotations

import re

from . import escape
from .evidence import CITATION_MARK, NOT_PROSE

SITE_LINK = re.compile(r"(\]\(\s*)(/[^)\s]*)")
# A list that starts on the line after a sentence ("...three jobs:" then "- ..."). Python-Markdown, unlike
# CommonMark, needs a blank line there, or the items run into the paragraph as text.
LIST_AFTER_TEXT = re.compile(r"(?m)^(?![-*+] |\d+\. )(\S.*)\n(?=(?:[-*+]|\d+\.) )")


def walk_strings(value, path=(), skip=frozenset()):
    """Yield (path, text) for every string in nested data, leaving out keys in skip."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key not in skip:
                yield from walk_strings(child, path + (key,), skip)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from walk_strings(child, path + (i,), skip)
    elif isinstance(value, str):
        yield path, value


def walk_prose(value):
    """Yield (path, text) for every prose string in an entry."""
    return walk_strings(value, skip=NOT_PROSE)


def markdown(text: str, page_depth: int, docs_dir, cite=None) -> str:
    """Prose ready to embed in a generated page that sits page_depth folders below docs/.

    Site links (/patterns/saga/#benefits) become relative links to the Markdown
    source (../saga.md#benefits from a pattern page), so the strict build checks them.
    """
    text = escape.prose(LIST_AFTER_TEXT.sub(r"\1\n\n", text.strip()))
    # Inline citations [@source-id]: a numbered link where the page lists its sources, else left out.
    text = CITATION_MARK.sub(lambda m: cite(m.group(1)) if cite else "", text)
    return SITE_LINK.sub(lambda m: m.group(1) + site_link(m.group(2), page_depth, docs_dir), text)


def site_link(target: str, page_depth: int, docs_dir) -> str:
    path, _, anchor = target.partition("#")
    path = path.strip("/")
    match = re.fullmatch(r"patterns/([a-z0-9-]+)", path)
    if match:
        doc = f"patterns/{match.group(1)}.md"
    elif path and (docs_dir / f"{path}.md").is_file():
        doc = f"{path}.md"
    else:
        doc = f"{path}/index.md" if path else "index.md"
    return "../" * page_depth + doc + (f"#{anchor}" if anchor else "")


def archive_link(source: dict) -> str:
    """' (archived copy)' linked to a source's web-archive copy, when the entry records one."""
    return f" ([archived copy]({escape.url(source['archive_url'])}))" if "archive_url" in source else ""
