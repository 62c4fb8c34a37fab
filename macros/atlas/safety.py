"""The output policy: what the HTML of a page may contain when it reaches a reader's browser.

Every page passes through `SafetyExtension`, a Python-Markdown postprocessor registered in
mkdocs.yml, after all other Markdown processing: it parses the page's HTML as a browser does
(justhtml, an HTML5-conformant parser) and removes whatever the policy does not allow:

- links (``<a href>``) only to http(s), mailto or addresses on this site;
- resources (``src`` and the like) only from this site, so a page never loads anything from
  another host; no frames, objects, embeds or forms;
- no script except inert JSON data (``<script type="application/json">``), no event attributes,
  no style that loads anything;
- only the HTML and SVG elements that Markdown and the atlas's own renderers produce.

A removal is never silent. `make check` renders every prose field of every entry, tree and the
glossary through the same policy and reports each removal at file:line; the build, should
anything still reach it, logs a warning, which fails the strict build.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from justhtml import JustHTML
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

log = logging.getLogger("mkdocs.plugins.atlas.safety")

HTML_ELEMENTS = frozenset(
    """
    a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em fieldset figcaption figure
    h1 h2 h3 h4 h5 h6 hr i img input ins kbd label legend li mark nav noscript ol p pre q s samp small span strong
    sub summary sup table tbody td tfoot th thead time tr u ul var wbr script
""".split()
)
SVG_ELEMENTS = frozenset(
    """
    svg g path rect circle ellipse line polyline polygon text tspan title desc defs marker
    lineargradient stop a
""".split()
)
DATA_SCRIPT_TYPES = frozenset({"application/json"})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# Attributes that hold an address. On <a> and <area>, href navigates; everywhere else an address
# is fetched by the browser as the page loads, so it must stay on this site.
URL_ATTRIBUTES = frozenset(
    """
    href xlink:href src srcset poster data background cite longdesc ping lowsrc dynsrc codebase
    manifest icon usemap archive classid profile
""".split()
)
NAVIGATING = frozenset({"a", "area"})
FORBIDDEN_ATTRIBUTES = frozenset({"srcdoc", "http-equiv", "action", "formaction", "is"})
# Material's tooltips (the content.tooltips feature) show an element's title as HTML. A title is
# text, so one that contains "<" is escaped once more: the tooltip then shows the characters typed.
THEME_HTML_ATTRIBUTES = frozenset({"title"})
STYLE_DANGER = re.compile(r"url\(|image-set|expression|@import|javascript:|behavior|binding|\\", re.IGNORECASE)
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
ACTIVE_SCHEME = re.compile(r"^(javascript|vbscript|data|file|blob|filesystem):", re.IGNORECASE)


@dataclass(frozen=True)
class Removal:
    """One thing the policy took out of a page: what it was, and how to write it instead."""

    what: str
    tip: str
    kind: str = "markup"  # "link", "image" (or another resource), "element", "attribute" or "markup"
    target: str = ""  # the address, for links and resources

    def __str__(self) -> str:
        return f"{self.what} was removed ({self.tip})"


def normalise_url(value: str) -> str:
    """An address as a browser reads it: tabs and newlines dropped, controls and spaces trimmed."""
    value = re.sub(r"[\t\n\r]", "", value)
    return value.strip("".join(chr(c) for c in range(0x21))).replace("\\", "/")


def link_allowed(value: str) -> bool:
    """May a reader follow this link? http(s), mailto, or an address on this site."""
    url = normalise_url(value)
    match = SCHEME.match(url)
    return match.group(1).lower() in LINK_SCHEMES if match else True


def resource_allowed(value: str) -> bool:
    """May the page load this address? Only from this site: no scheme, not protocol-relative."""
    url = normalise_url(value)
    return not SCHEME.match(url) and not url.startswith("//")


def _shorten(value: str, limit: int = 60) -> str:
    value = re.sub(r"\s+", " ", value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _attribute_problem(element: str, name: str, value: str) -> Removal | None:
    lowered = name.lower()
    if lowered.startswith("on"):
        return Removal(
            f"the event attribute '{name}' on <{element}>", "pages run no code from the content", "attribute"
        )
    if lowered in FORBIDDEN_ATTRIBUTES:
        return Removal(
            f"the attribute '{name}' on <{element}>", "pages carry no forms, frames or custom elements from the content"
        )
    if lowered == "style" and STYLE_DANGER.search(value or ""):
        return Removal(
            f"a style on <{element}> that could load or run something", "style content with classes, not with urls"
        )
    if lowered in URL_ATTRIBUTES:
        values = [v.strip().split(" ")[0] for v in value.split(",")] if lowered == "srcset" else [value or ""]
        if element in NAVIGATING and lowered in ("href", "xlink:href"):
            if not all(link_allowed(v) for v in values):
                return Removal(
                    f"the link target '{_shorten(value)}'",
                    "link to a full https:// address or to a page of this site such as /patterns/saga/",
                    "link",
                    value,
                )
        elif not all(resource_allowed(v) for v in values):
            return Removal(
                f"'{_shorten(value)}' loaded from elsewhere by <{element} {name}>",
                "pages load nothing from other hosts; link to it instead: [title](https://...)",
                "image",
                value,
            )
    elif value and ACTIVE_SCHEME.match(normalise_url(value)):
        return Removal(f"the attribute '{name}' on <{element}> holding an executable address", "remove it")
    return None


def _element_problem(node) -> Removal | None:
    name, namespace = node.name.lower(), node.namespace
    allowed = HTML_ELEMENTS if namespace == "html" else SVG_ELEMENTS if namespace == "svg" else frozenset()
    if name not in allowed:
        kind = "MathML" if namespace == "math" else "SVG" if namespace == "svg" else "HTML"
        return Removal(
            f"the {kind} element <{node.name}>", "entries are Markdown text; describe it in words or link to it"
        )
    if name == "script":
        attrs = node.attrs or {}
        if (attrs.get("type") or "").strip().lower() not in DATA_SCRIPT_TYPES or "src" in attrs:
            return Removal("a <script> element", "pages run no code from the content")
    if name == "img" and not resource_allowed((node.attrs or {}).get("src") or ""):
        src = (node.attrs or {}).get("src") or ""
        return Removal(
            f"the image '{_shorten(src)}' from another host",
            "pages load nothing from other hosts; link to it instead: [title](https://...)",
            "image",
            src,
        )
    return None


def enforce(html: str) -> tuple[str, list[Removal]]:
    """The HTML with everything outside the policy removed, and what was removed.

    The HTML is returned unchanged (byte for byte) when nothing is removed.
    """
    root = JustHTML(html, fragment=True, sanitize=False).root
    removals: list[Removal] = []
    rewritten = _walk(root, removals)
    return (root.to_html(pretty=False) if removals or rewritten else html), removals


def _walk(node, removals: list[Removal]) -> bool:
    """Apply the policy below node; True when a title was made inert (see THEME_HTML_ATTRIBUTES)."""
    rewritten = False
    for child in list(node.children or []):
        name = child.name
        if name.startswith("#"):  # text, comments
            continue
        problem = _element_problem(child)
        if problem:
            removals.append(problem)
            node.remove_child(child)
            continue
        for attr_name, value in list((child.attrs or {}).items()):
            problem = _attribute_problem(name.lower(), attr_name, value or "")
            if problem:
                removals.append(problem)
                del child.attrs[attr_name]
            elif attr_name.lower() in THEME_HTML_ATTRIBUTES and "<" in (value or ""):
                child.attrs[attr_name] = value.replace("&", "&amp;").replace("<", "&lt;")
                rewritten = True
        rewritten = _walk(child, removals) or rewritten
    return rewritten


def _page_title(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    return _shorten(re.sub(r"<[^>]+>", "", match.group(1)).strip(" ¶")) if match else "(no heading)"


class SafetyPostprocessor(Postprocessor):
    def __init__(self, md, report):
        super().__init__(md)
        self.report = report

    def run(self, text: str) -> str:
        clean, removals = enforce(text)
        for removal in removals:
            self.report(removal, text)
        return clean


def _warn(removal: Removal, html: str) -> None:
    log.warning(
        f"atlas.safety: on the page '{_page_title(html)}', {removal}. "
        "Run `make check` to find the file and line it came from."
    )


class SafetyExtension(Extension):
    """Register with `markdown_extensions: [atlas.safety]`; report(removal, html) is called per removal."""

    def __init__(self, **kwargs):
        self.config = {"report": [_warn, "called with (Removal, page html) for each removal"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # Priority 0: after every other postprocessor, so raw HTML is already back in place.
        md.postprocessors.register(SafetyPostprocessor(md, self.getConfig("report")), "atlas_safety", 0)


def makeExtension(**kwargs):
    return SafetyExtension(**kwargs)


# Extensions that shape whole pages (tables of contents, glossary tooltips) but never make a link or
# an image out of prose; leaving them out of the check makes it several times faster.
NOT_FOR_PROSE = frozenset({"toc", "abbr", "markdown.extensions.toc", "markdown.extensions.abbr", "atlas.tooltips"})


class PolicyCheck:
    """Render prose as the site does (the Markdown extensions of mkdocs.yml) and say what the
    output policy removes and which links and images remain, for `make check`.

    One Markdown instance is reused (reset between texts), so checking every field stays fast.
    """

    def __init__(self, mkdocs_yml):
        import markdown
        from mkdocs.utils.yaml import yaml_load  # mkdocs.yml uses !ENV and !!python/name tags

        with open(mkdocs_yml, encoding="utf-8") as handle:
            listed = yaml_load(handle).get("markdown_extensions") or []
        names, configs = [], {}
        for item in listed:
            name, config = next(iter(item.items())) if isinstance(item, dict) else (item, None)
            if name in ("atlas.safety", __name__) or name in NOT_FOR_PROSE:
                continue
            names.append(name)
            if config:
                configs[name] = config
        self._removals: list[Removal] = []
        names.append(SafetyExtension(report=lambda removal, html: self._removals.append(removal)))
        self._md = markdown.Markdown(extensions=names, extension_configs=configs)

    def render(self, markdown_text: str) -> tuple[str, list[Removal]]:
        """(HTML after the policy, removals) for one piece of Markdown."""
        self._removals = []
        html = self._md.reset().convert(markdown_text)
        return html, list(self._removals)


def links_and_images(html: str):
    """(element name, address) for each link and image left in a piece of HTML."""
    stack = [JustHTML(html, fragment=True, sanitize=False).root]
    while stack:
        node = stack.pop()
        for child in node.children or []:
            if child.name == "a" and "href" in (child.attrs or {}):
                yield "a", child.attrs["href"] or ""
            elif child.name == "img":
                yield "img", (child.attrs or {}).get("src") or ""
            stack.append(child)
