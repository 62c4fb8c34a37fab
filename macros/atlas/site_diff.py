"""What differs between two builds of the site, such as MkDocs' and Zensical's (`atlas site-diff`).

For a reader the pages matter, not the bytes: the set of pages, and on each page its main heading,
its section headings and its glossary tooltips. Themes and engines differ in markup around those,
so that is all this compares. The report is Markdown for a CI job summary; page paths and heading
texts are shown as code spans (pr_summary.inert), since they come from the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .pr_summary import inert

# How many differing pages the report names under each heading; the counts are always complete.
SHOWN = 30


@dataclass
class PageFacts:
    h1: list[str] = field(default_factory=list)
    h2: list[str] = field(default_factory=list)
    abbr: int = 0  # <abbr title> elements in the page's article: the glossary tooltips


class _Facts(HTMLParser):
    """Headings and tooltips inside <article>, the permalink signs left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._article = 0
        self._heading: str | None = None
        self._text: list[str] = []
        self._skip = 0  # inside a heading's permalink anchor

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self._article += 1
        if not self._article:
            return
        if tag in ("h1", "h2"):
            self._heading, self._text = tag, []
        elif tag == "a" and self._heading and "headerlink" in (attrs.get("class") or ""):
            self._skip += 1
        elif tag == "abbr" and attrs.get("title"):
            self.facts.abbr += 1

    def handle_endtag(self, tag):
        if tag == "article" and self._article:
            self._article -= 1
        elif tag == "a" and self._skip:
            self._skip -= 1
        elif tag == self._heading:
            getattr(self.facts, tag).append(" ".join("".join(self._text).split()))
            self._heading = None

    def handle_data(self, data):
        if self._heading and not self._skip:
            self._text.append(data)


def page_facts(html: str) -> PageFacts:
    parser = _Facts()
    parser.feed(html)
    return parser.facts


def pages(site: Path) -> dict[str, Path]:
    """Directory URL (/patterns/saga/) -> index.html, for every page of a built site (redirect stubs included)."""
    found = {}
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).parent.as_posix()
        if not rel.startswith(("assets", "pagefind", "search")):
            found["/" if rel == "." else f"/{rel}/"] = path
    return found


@dataclass
class SiteDiff:
    only_first: list[str]
    only_second: list[str]
    common: int
    headings: list[tuple[str, str]]  # (page, what differs)
    tooltips: list[tuple[str, int, int]]  # (page, count in first, count in second)


def compare(first: Path, second: Path) -> SiteDiff:
    a, b = pages(first), pages(second)
    common = sorted(set(a) & set(b))
    headings, tooltips = [], []
    for url in common:
        fa = page_facts(a[url].read_text(encoding="utf-8"))
        fb = page_facts(b[url].read_text(encoding="utf-8"))
        if fa.h1 != fb.h1:
            headings.append((url, f"main heading {fa.h1} / {fb.h1}"))
        elif fa.h2 != fb.h2:
            missing, extra = [h for h in fa.h2 if h not in fb.h2], [h for h in fb.h2 if h not in fa.h2]
            headings.append(
                (
                    url,
                    f"sections only in the first: {missing}; only in the second: {extra}"
                    if missing or extra
                    else "sections in another order",
                )
            )
        if fa.abbr != fb.abbr:
            tooltips.append((url, fa.abbr, fb.abbr))
    return SiteDiff(sorted(set(a) - set(b)), sorted(set(b) - set(a)), len(common), headings, tooltips)


def render(diff: SiteDiff, first: str = "MkDocs", second: str = "Zensical") -> str:
    out = [f"## {first} and {second}: what differs", ""]
    out.append(
        f"{diff.common} pages in both builds; {len(diff.only_first)} only in the {first} build, "
        f"{len(diff.only_second)} only in the {second} build. Headings differ on {len(diff.headings)} pages, "
        f"the number of glossary tooltips on {len(diff.tooltips)}."
    )
    out.append("")
    sections = [
        (f"Pages only in the {first} build", [inert(url) for url in diff.only_first]),
        (f"Pages only in the {second} build", [inert(url) for url in diff.only_second]),
        ("Headings that differ", [f"{inert(url)}: {inert(what)}" for url, what in diff.headings]),
        (f"Glossary tooltips ({first} / {second})", [f"{inert(url)}: {x} / {y}" for url, x, y in diff.tooltips]),
    ]
    for title, lines in sections:
        if lines:
            out += [f"### {title}", ""] + [f"- {line}" for line in lines[:SHOWN]]
            if len(lines) > SHOWN:
                out.append(f"- … and {len(lines) - SHOWN} more")
            out.append("")
    if not any(lines for _, lines in sections):
        out += ["No difference in pages, headings or tooltips.", ""]
    return "\n".join(out)
