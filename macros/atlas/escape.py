"""Every way text from the data enters a page, one helper per context, built on markupsafe.

Entries, decision trees, the glossary, the vocabulary and commit subjects are data written by
people we do not know. Nothing in them may become live markup. Pick the helper by where the
text lands:

- ``text``: HTML text content (inside an element we write).
- ``attr``: a quoted HTML attribute value (title, aria-label, data-*); quotes of both kinds are escaped.
- ``plain``: a plain-text field (a name, title, caption, label, date, commit subject) placed in
  Markdown source. It renders as exactly the typed characters: no emphasis, no link, no markup,
  one line, so ``X](javascript:...)[y`` cannot close the ``[name](url)`` built around it.
- ``prose``: a prose field in Markdown source. Markdown (emphasis, lists, code, links) works;
  raw HTML, attribute lists and template syntax are shown as typed. Links are then held to the
  output policy in ``atlas.safety``.
- ``url``: an address as a Markdown link target, percent-encoded so it stays one target.
- ``json_script``: data embedded in ``<script type="application/json">``.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from markupsafe import escape

# Markdown punctuation that could start emphasis, a link, code, a table cell, an attribute list,
# template syntax or an escape. In plain text each becomes a numeric character reference, which
# Markdown passes through untouched and the browser shows as the character.
_MARKDOWN_ACTIVE = set("\\`*_[]()!|{}~^#+=:$")
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_PROSE_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"}
_PROSE_SPECIAL = re.compile("[&<>{}]")
_WHITESPACE = re.compile(r"\s+")


def text(value) -> str:
    """HTML text content: & < > " ' escaped, and { } so template syntax never shows up as such."""
    return _braces(str(escape(str(value))))


def attr(value) -> str:
    """A double- or single-quoted HTML attribute value, on one line."""
    return _braces(str(escape(_WHITESPACE.sub(" ", str(value)).strip())))


def _braces(value: str) -> str:
    return value.replace("{", "&#123;").replace("}", "&#125;")


def plain(value) -> str:
    """A plain-text field in Markdown source: shown exactly as typed, on one line, never markup."""
    flat = _WHITESPACE.sub(" ", str(value)).strip()
    return "".join(f"&#{ord(ch)};" if ch in _MARKDOWN_ACTIVE else str(escape(ch)) for ch in flat)


def prose(value: str) -> str:
    """A prose field in Markdown source: Markdown works, HTML and template syntax show as typed.

    Code spans are left to Markdown, which escapes their content itself.
    """
    out, last = [], 0
    for match in _CODE_SPAN.finditer(value):
        out.append(_prose_outside_code(value[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_prose_outside_code(value[last:]))
    return "".join(out)


def _prose_outside_code(value: str) -> str:
    value = _PROSE_SPECIAL.sub(lambda m: _PROSE_ESCAPES[m.group(0)], value)
    # A line that would turn into a heading or a rule inside someone else's section.
    value = re.sub(r"(?m)^(\s*)#", r"\1\\#", value)
    return re.sub(r"(?m)^(\s*)([=-])([=-]{2,}\s*)$", lambda m: f"{m.group(1)}&#{ord(m.group(2))};{m.group(3)}", value)


def url(value: str) -> str:
    """An address as a Markdown link target: anything that could close the link or open markup
    (parentheses, angle brackets, quotes, spaces, backslashes) is percent-encoded."""
    return quote(value, safe=":/?#@!$&*+,;=%~-._")


def json_script(data) -> str:
    """JSON that cannot end the <script type="application/json"> element holding it."""
    dumped = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        dumped.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
