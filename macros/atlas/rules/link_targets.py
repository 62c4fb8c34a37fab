"""Links in prose go to http(s) or mailto addresses or to pages of this site; prose embeds no images.

The check renders each prose field exactly as the site does (escaping, then the Markdown
extensions listed in mkdocs.yml, then the output policy of atlas.safety) and reads the links in
the resulting HTML, so nested brackets, reference definitions in lists, autolinks and entity
tricks are seen as a browser would see them. Whatever the output policy would remove is
reported here, at the field's line, before any build.

A site page is written as an absolute site path: /patterns/<id>/ (optionally with #anchor) or
the path of another page such as /patterns/. The renderer turns these into relative links,
which the strict build then checks down to the anchor.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .. import escape
from ..evidence import CITATION_MARK
from ..problems import one_line
from ..prose import walk_prose
from ..safety import PolicyCheck, link_allowed, links_and_images

PATTERN_PAGE = re.compile(r"^/patterns/([a-z0-9-]+)/(?:#[A-Za-z0-9_-]+)?$")
REPO_MKDOCS = Path(__file__).resolve().parents[3] / "mkdocs.yml"
# Markdown (and the common linkifying extensions) make links, images and markup only from text with
# one of these; prose without any is plain text and need not be rendered to be checked.
CAN_BE_MARKUP = re.compile(r"[\[\]<>&!\\@]|://|www\.", re.IGNORECASE)


@lru_cache(maxsize=4)
def _checker(mkdocs_yml: Path) -> PolicyCheck:
    return PolicyCheck(mkdocs_yml)


def _mkdocs_yml(catalog) -> Path:
    own = catalog.docs_dir.parent / "mkdocs.yml"
    return own if own.is_file() else REPO_MKDOCS


def checker_for(catalog) -> PolicyCheck:
    return _checker(_mkdocs_yml(catalog))


@lru_cache(maxsize=50_000)
def _rendered(checker: PolicyCheck, text: str) -> tuple[tuple, tuple]:
    """What the output policy removes from one piece of prose rendered as the site renders it, and the links
    and images left in it. The same text renders the same way, so each `mkdocs serve` rebuild renders only
    the prose that changed."""
    html, removals = checker.render(escape.prose(text))
    return tuple(removals), tuple(links_and_images(html))


def text_findings(text: str, checker: PolicyCheck):
    """What one piece of prose shows by itself: (message, tip) for each bad link, image or removed piece of
    markup, and (None, target) for each link to a site path, which only the catalog can resolve."""
    text = CITATION_MARK.sub("", text)
    if not CAN_BE_MARKUP.search(text):
        return
    removals, links = _rendered(checker, text)
    found = [(r.kind, r.target) for r in removals if r.kind in ("link", "image")] + list(links)
    for removal in removals:
        if removal.kind not in ("link", "image"):
            yield (f"{removal.what} would be removed from the published page", removal.tip)
    for element, target in found:
        if element in ("img", "image"):
            yield (
                f"embeds the image '{one_line(target, 80)}'; entries show no images, so the page never loads anything from elsewhere",
                "describe it in words, or turn it into a link: [title](https://...)",
            )
        elif target.startswith("/") and not target.startswith("//"):
            yield (None, target)
        elif element == "link" or not (
            link_allowed(target) and re.match(r"^(https?://[^\s/]+|mailto:\S)", target, re.IGNORECASE)
        ):
            yield (
                f"the link target '{one_line(target, 80)}' is neither an http(s) address nor a page of this site",
                "use a full https:// address, or a site path such as /patterns/saga/ or /patterns/saga/#benefits",
            )


def problems_in(text: str, catalog):
    """(message, tip) for each bad link, image or removed piece of markup in one piece of prose."""
    for message, detail in text_findings(text, checker_for(catalog)):
        if message is None:
            yield from _site_link(detail, catalog)
        else:
            yield (message, detail)


def _site_link(target, catalog):
    match = PATTERN_PAGE.match(target)
    if match:
        if match.group(1) not in catalog.known_ids:
            yield (
                f"the link '{target}' points at a pattern that does not exist",
                "check the id against the files in patterns/",
            )
        return
    page = target.split("#", 1)[0].strip("/")
    candidates = (
        [catalog.docs_dir / f"{page}.md", catalog.docs_dir / page / "index.md"]
        if page
        else [catalog.docs_dir / "index.md"]
    )
    if not any(c.is_file() for c in candidates):
        yield (
            f"the link '{target}' points at no page of this site",
            "write site links as /patterns/<id>/ or as the path of a page under docs/, ending in /",
        )


def check(catalog):
    # What each entry's prose shows by itself is kept on its (shared) document, for as long as mkdocs.yml (whose
    # Markdown extensions decide the rendering) is unchanged; site links are resolved against this catalog.
    mkdocs = _mkdocs_yml(catalog)
    stat = mkdocs.stat()
    key = (__name__, str(mkdocs), stat.st_mtime_ns, stat.st_size)
    checker = _checker(mkdocs)
    for entry in catalog.sorted_entries():
        found = entry.doc.derived.get(key)
        if found is None:
            found = entry.doc.derived[key] = [
                (path, message, detail)
                for path, text in walk_prose(entry.data)
                for message, detail in text_findings(text, checker)
            ]
        for path, message, detail in found:
            if message is None:
                for site_message, tip in _site_link(detail, catalog):
                    yield entry.problem(path, site_message, tip)
            else:
                yield entry.problem(path, message, detail)
