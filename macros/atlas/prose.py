"""Which fields of an entry are prose, and how prose is made safe to place in a page.

Prose may use Markdown for emphasis, lists, code and links. It is data, not markup:
raw HTML, attribute lists and template syntax are escaped so they show as typed.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from .evidence import CITATION_MARK

# Fields that hold identifiers, addresses or diagram source rather than prose.
NOT_PROSE = {"id", "url", "archive_url", "seed", "mermaid", "source", "target", "type", "dimension", "family", "tags", "effect",
             "last_reviewed", "score"}

CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"}
_SPECIAL = re.compile("[&<>{}]")
SITE_LINK = re.compile(r"(\]\(\s*)(/[^)\s]*)")


def walk_prose(value, path=()):
    """Yield (path, text) for every prose string in an entry."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key not in NOT_PROSE:
                yield from walk_prose(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from walk_prose(child, path + (i,))
    elif isinstance(value, str):
        yield path, value


def escape_text(text: str) -> str:
    """Escape everything outside code spans; Markdown escapes code spans itself."""
    out, last = [], 0
    for match in CODE_SPAN.finditer(text):
        out.append(_escape_plain(text[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_escape_plain(text[last:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    text = _SPECIAL.sub(lambda m: _ESCAPES[m.group(0)], text)
    # A line that would turn into a heading or a rule inside someone else's section.
    text = re.sub(r"(?m)^(\s*)#", r"\1\\#", text)
    return re.sub(r"(?m)^(\s*)([=-])([=-]{2,}\s*)$", lambda m: f"{m.group(1)}&#{ord(m.group(2))};{m.group(3)}", text)


def markdown(text: str, page_depth: int, docs_dir, cite=None) -> str:
    """Prose ready to embed in a generated page that sits page_depth folders below docs/.

    Site links (/patterns/saga/#benefits) become relative links to the Markdown
    source (../saga.md#benefits from a pattern page), so the strict build checks them.
    """
    text = escape_text(text.strip())
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


def link_target(url: str) -> str:
    """An address as a Markdown link target: anything that could close the link or open markup
    (parentheses, angle brackets, quotes, spaces) is percent-encoded, so a URL stays one link."""
    return quote(url, safe=":/?#[]@!$&*+,;=%~-._")


def archive_link(source: dict) -> str:
    """' (archived copy)' linked to a source's web-archive copy, when the entry records one."""
    return f" ([archived copy]({link_target(source['archive_url'])}))" if "archive_url" in source else ""
