"""Links in prose go to http(s) addresses or to pages of this site; prose embeds no images.

A site page is written as an absolute site path: /patterns/<id>/ (optionally with
#anchor) or the path of another page such as /patterns/. The renderer turns these
into relative links, which the strict build then checks down to the anchor.
"""
import re

from ..prose import walk_prose

LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
PATTERN_PAGE = re.compile(r"^/patterns/([a-z0-9-]+)/(?:#[A-Za-z0-9_-]+)?$")


def problems_in(text: str, catalog):
    """(message, tip) for each bad link in one piece of prose."""
    targets = [(m.group(1) == "!", m.group(2)) for m in LINK.finditer(text)]
    targets += [(False, m.group(1)) for m in REFERENCE.finditer(text)]
    for is_image, target in targets:
        if is_image:
            yield (f"embeds the image '{target}'; entries show no images, so the page never loads anything from elsewhere",
                   "describe it in words, or turn it into a link: [title](https://...)")
        elif re.match(r"^https?://[^\s/]+", target):
            continue
        elif target.startswith("/"):
            yield from _site_link(target, catalog)
        else:
            yield (f"the link target '{target}' is neither an http(s) address nor a page of this site",
                   "use a full https:// address, or a site path such as /patterns/saga/ or /patterns/saga/#benefits")


def _site_link(target, catalog):
    match = PATTERN_PAGE.match(target)
    if match:
        if match.group(1) not in catalog.known_ids:
            yield (f"the link '{target}' points at a pattern that does not exist", "check the id against the files in patterns/")
        return
    page = target.split("#", 1)[0].strip("/")
    candidates = [catalog.docs_dir / f"{page}.md", catalog.docs_dir / page / "index.md"] if page else [catalog.docs_dir / "index.md"]
    if not any(c.is_file() for c in candidates):
        yield (f"the link '{target}' points at no page of this site",
               "write site links as /patterns/<id>/ or as the path of a page under docs/, ending in /")


def check(catalog):
    for entry in catalog.sorted_entries():
        for path, text in walk_prose(entry.data):
            for message, tip in problems_in(text, catalog):
                yield entry.problem(path, message, tip)
