"""The page of one pattern, /patterns/<id>/, as Markdown generated from its entry alone."""

from __future__ import annotations

import re

from .. import escape
from ..comparisons import pair_slug
from ..evidence import plain
from ..prose import archive_link, markdown
from ..relations import links_of, relation_label
from .charts import ratings_chart_svg
from .graph_svg import neighbourhood_svg
from .tables import title_attr

PAGE_DEPTH = 1  # pattern pages live in docs/patterns/
EFFECT_MARKS = {"improves": "▲ improves", "worsens": "▼ worsens", "neutral": "● neutral"}


def render_pattern_page(catalog, entry_id: str) -> str:
    entry = catalog.entries[entry_id]
    page = _Page(catalog, entry)
    return page.render()


class _Page:
    def __init__(self, catalog, entry):
        self.catalog, self.entry, self.data = catalog, entry, entry.data
        self.source_numbers = {s["id"]: n for n, s in enumerate(self.data["sources"], 1)}

    def md(self, text: str) -> str:
        return markdown(text, PAGE_DEPTH, self.catalog.docs_dir, cite=self.cite_ref)

    def cite(self, item: dict) -> str:
        ref = item.get("source")
        return self.cite_ref(ref) if ref else ""

    def cite_ref(self, ref: str) -> str:
        return f' <sup class="atlas-cite">[[{self.source_numbers[ref]}]](#source-{ref} "{title_attr(self._source_title(ref))}")</sup>'

    def relation_note(self, link) -> str:
        """A relation's note; its citations point at the sources of the entry that declares it."""
        if link.declared_by == self.entry.id:
            return self.md(link.note)
        return markdown(
            link.note,
            PAGE_DEPTH,
            self.catalog.docs_dir,
            cite=lambda ref: f' <sup class="atlas-cite">[[source]]({link.declared_by}.md#source-{ref})</sup>',
        )

    def _source_title(self, ref):
        return next(s["title"] for s in self.data["sources"] if s["id"] == ref)

    def render(self) -> str:
        parts = [
            self.prose_sections(),
            self.signals(),
            self.claims(),
            self.ratings(),
            self.quality_effects(),
            self.failures(),
            self.prerequisites(),
            self.relations(),
            self.disagreements(),
            self.examples(),
            self.checklist(),
            self.sources(),
        ]
        body = "\n\n".join(part for part in parts if part)
        return "\n\n".join([self.breadcrumb(), self.header(), self.on_this_page(body), body]) + "\n"

    def breadcrumb(self) -> str:
        """Patterns › family › this pattern: generated pages are not in the navigation, so say where they sit."""
        d = self.data
        family = self.catalog.vocabulary["families"][d["family"]]["name"]
        return "\n".join(
            [
                '<nav class="atlas-breadcrumb" aria-label="Breadcrumb" data-pagefind-ignore markdown="1">',
                f"[Patterns](index.md) › [{escape.plain(family)}](index.md#{d['family']}) › {escape.plain(d['name'])}",
                "</nav>",
            ]
        )

    @staticmethod
    def on_this_page(body: str) -> str:
        """The page's sections as a menu at the top; shown on narrow screens, where the theme has no side menu."""
        sections = re.findall(r"^## (.+?) \{ #([a-z0-9-]+) \}$", body, flags=re.M)
        links = "\n".join(f"- [{title}](#{anchor})" for title, anchor in sections)
        return "\n".join(
            [
                '<details class="atlas-onpage" data-pagefind-ignore markdown="1">',
                "<summary>On this page</summary>",
                "",
                links,
                "",
                "</details>",
            ]
        )

    def header(self) -> str:
        d, vocab = self.data, self.catalog.vocabulary
        family = vocab["families"][d["family"]]["name"]
        tags = ", ".join(f"`{t}`" for t in d["tags"])
        facts = [f"**Family:** [{escape.plain(family)}](index.md#{d['family']})"]
        if d["aliases"]:
            facts.append("**Also known as:** " + ", ".join(escape.plain(a) for a in d["aliases"]))
        if d.get("team_fit"):
            facts.append("**Team size:** " + ", ".join(escape.plain(t) for t in d["team_fit"]))
        facts += [f"**Tags:** {tags}", f"**Last reviewed:** {d['last_reviewed']}"]
        # What readers type weighs most in search (Pagefind's data-pagefind-weight): the name and the
        # search keywords, then the aliases. Hidden: the facts line below already shows the aliases.
        # A search hit up here is shown with the summary rather than a run of names.
        keywords = " · ".join(escape.text(t) for t in [d["name"], *d.get("search_keywords", [])])
        aliases = " · ".join(escape.text(t) for t in d["aliases"])
        return "\n".join(
            [
                f"# {escape.plain(d['name'])}",
                "",
                f'<p class="atlas-search-terms" aria-hidden="true"><span data-pagefind-weight="10" data-pagefind-meta="keywords">'
                f'{keywords}</span> <span data-pagefind-weight="6" data-pagefind-meta="aliases">{aliases}</span></p>',
                "",
                f"{self.md(d['summary'])}",
                '{ .atlas-summary data-pagefind-meta="summary" }',
                "",
                " · ".join(facts),
                '{ .atlas-facts }',
                "",
                # Adds this pattern to the reader's selection on /compare/ (atlas-compare.js keeps it in the address).
                f'<p class="atlas-page-actions" data-pagefind-ignore markdown="1">[Add to comparison](../compare/index.md?add={d["id"]})'
                '{ .atlas-compare-add }</p>',
            ]
        )

    def prose_sections(self) -> str:
        d = self.data
        steps = "\n".join(f"{n}. {self.md(step)}" for n, step in enumerate(d["how_it_works"], 1))
        # Drawn in the browser by atlas-diagrams.js, which loads the vendored Mermaid only when the
        # diagram scrolls into view; the source stays readable as text until then (and without JavaScript).
        # Search skips the source ("participant", "->>") and keeps the caption.
        source = "\n".join(line for line in d["diagram"]["mermaid"].splitlines() if line.strip())
        caption = plain(d["diagram"]["caption"])
        diagram = "\n".join(
            [
                '<figure class="atlas-diagram">',
                f'<pre class="atlas-mermaid" data-pagefind-ignore aria-label="Diagram source: {escape.attr(caption)}">{escape.text(source)}</pre>',
                f"<figcaption>{escape.text(caption)}</figcaption>",
                "</figure>",
            ]
        )
        return "\n\n".join(
            [
                "## Context { #context }",
                self.md(d["context"]),
                "## Problem { #problem }",
                self.md(d["problem"]),
                "## Solution { #solution }",
                self.md(d["solution"]),
                "### How it works { #how-it-works }",
                steps,
                "### Diagram { #diagram }",
                diagram,
            ]
        )

    def signals(self) -> str:
        out = []
        for key, title, anchor in (
            ("use_when", "When to use", "when-to-use"),
            ("avoid_when", "When to avoid", "when-to-avoid"),
        ):
            items = [
                f"- **{escape.plain(_dimension_label(s['dimension']))}:** {self.md(s['signal'])}{self.cite(s)}"
                for s in self.data[key]
            ]
            out += [f"## {title} {{ #{anchor} }}", "\n".join(items)]
        return "\n\n".join(out)

    def claims(self) -> str:
        out = []
        for key, title, prefix in (("benefits", "Benefits", "benefit"), ("costs", "Costs", "cost")):
            items = [
                f'- <span class="atlas-anchor" id="{prefix}-{c["id"]}"></span>**{escape.plain(c["force"])}** — '
                f'{self.md(c["text"])}{self.cite(c)}'
                for c in self.data[key]
            ]
            out += [f"## {title} {{ #{key} }}", "\n".join(items)]
        return "\n\n".join(out)

    # Ratings, quality effects, related patterns and sources repeat what the tables, the map and the
    # references page hold, and mostly name other patterns: search leaves them out (_unindexed), so
    # the index stays small and a passing mention never outranks a claim.
    def ratings(self) -> str:
        family_id = self.data["family"]
        family = self.catalog.vocabulary["families"][family_id]
        rows = ["| Attribute | Score | Why |", "|---|---|---|"]
        for attr_id, attr in family["attributes"].items():
            rating = self.data["ratings"][attr_id]
            score = rating["score"]
            meter = "●" * score + "○" * (5 - score)
            rows.append(
                f'| <span class="atlas-anchor" id="rating-{attr_id}"></span>[{escape.plain(attr["name"])}](../guide.md#family-{family_id} "{title_attr(attr["definition"])}")'
                f' | <span class="atlas-score" role="img" aria-label="{score} out of 5">{meter}</span> {score}/5 | {_cell(self.md(rating["rationale"]))} |'
            )
        chart = f'<div class="atlas-chart-wrap">{ratings_chart_svg(self.entry, family)}</div>'
        return _unindexed(
            "\n".join(
                [
                    "## Ratings { #ratings }",
                    "",
                    f"Scored 1–5 on the attributes of the {escape.plain(family['name'].lower())} family; 5 is always best "
                    f"for you. Compare the whole family on the [family tables](../tradeoffs/families.md#{family_id}).",
                    "",
                    chart,
                    "",
                    *rows,
                ]
            )
        )

    def quality_effects(self) -> str:
        qualities = self.catalog.vocabulary["quality_attributes"]
        rows = ["| Quality | Effect | Why |", "|---|---|---|"]
        for q_id, quality in qualities.items():
            effect = self.data["quality_effects"][q_id]
            rows.append(
                f'| <span class="atlas-anchor" id="effect-{q_id}"></span>{escape.plain(quality["name"])} '
                f'| <span class="atlas-effect atlas-effect--{effect["effect"]}">{EFFECT_MARKS[effect["effect"]]}</span> '
                f'| {_cell(self.md(effect["reason"]))} |'
            )
        return _unindexed(
            "\n".join(
                [
                    "## Quality effects { #quality-effects }",
                    "",
                    "The effect on the qualities every pattern in the atlas is compared on.",
                    "",
                    *rows,
                ]
            )
        )

    def failures(self) -> str:
        modes = [
            f'- <span class="atlas-anchor" id="failure-{f["id"]}"></span>**{escape.plain(f["name"])}.** {_failure_label(f)}{self.md(f["description"])}'
            f'{self.cite(f)}\n\n    *Mitigation:* {_indent(self.md(f["mitigation"]))}'
            for f in self.data["failure_modes"]
        ]
        antis = [
            f'- <span class="atlas-anchor" id="anti-pattern-{a["id"]}"></span>**{escape.plain(a["name"])}.** '
            f'{self.md(a["description"])}{self.cite(a)}'
            for a in self.data["anti_patterns"]
        ]
        # Blank lines between items: each failure mode has a second paragraph, which would otherwise swallow the next item.
        return "\n\n".join(
            [
                "## Failure modes { #failure-modes }",
                "\n\n".join(modes),
                "## Anti-patterns { #anti-patterns }",
                "\n".join(antis),
            ]
        )

    def prerequisites(self) -> str:
        items = "\n".join(f"- {self.md(p)}" for p in self.data["prerequisites"])
        return f"## Prerequisites {{ #prerequisites }}\n\n{items}"

    def relations(self) -> str:
        lines = []
        for link in links_of(self.catalog, self.entry.id):
            other = self.catalog.entries[link.target]
            compare = (
                f" ([compare side by side](../compare/{pair_slug(self.entry.id, link.target)}.md))"
                if link.kind == "alternative-to"
                else ""
            )
            lines.append(
                f"- **{escape.plain(relation_label(self.catalog, link.kind))}** [{escape.plain(other.data['name'])}]({link.target}.md)"
                f"{compare} — {self.relation_note(link)}"
            )
        graph = neighbourhood_svg(self.catalog, self.entry.id, lambda other: f"../{other}/")
        return _unindexed(
            "\n\n".join(
                [
                    "## Related patterns { #related-patterns }",
                    f'<div class="atlas-graph-wrap" role="region" tabindex="0" aria-label="Related patterns, drawn">{graph}</div>',
                    "\n".join(lines),
                    "See every relation on the [map of the catalog](../map.md).",
                ]
            )
        )

    def disagreements(self) -> str:
        items = self.data.get("disagreements") or []
        if not items:
            return ""
        out = [
            "## Where sources disagree { #disagreements }",
            "",
            "The sources below answer these questions differently; each position is shown with its source rather than averaged.",
        ]
        for item in items:
            positions = "\n".join(f"- {self.md(p['claim'])}{self.cite(p)}" for p in item["positions"])
            out += [
                f'<span class="atlas-anchor" id="disagreement-{item["id"]}"></span>**{escape.plain(item["topic"])}**',
                positions,
            ]
        return "\n\n".join(out)

    def examples(self) -> str:
        items = "\n".join(
            f"- **{escape.plain(e['name'])}.** {self.md(e['text'])}{self.cite(e)}" for e in self.data["examples"]
        )
        return f"## Real-world examples {{ #examples }}\n\n{items}"

    def checklist(self) -> str:
        items = "\n".join(
            f'{n}. <span class="atlas-anchor" id="check-{c["id"]}"></span>{self.md(c["question"])}'
            for n, c in enumerate(self.data["review_checklist"], 1)
        )
        return f"## Review checklist {{ #review-checklist }}\n\nQuestions to ask of a design that uses this pattern.\n\n{items}"

    def sources(self) -> str:
        items = []
        for n, s in enumerate(self.data["sources"], 1):
            who = ", ".join(escape.plain(x) for x in (s.get("author"), s.get("year")) if x)
            where = (
                f"[{escape.plain(s['url'])}]({escape.url(s['url'])}){archive_link(s)}"
                if "url" in s
                else "One of the [articles the atlas started from](../references.md#seeds), quoted as one practitioner's opinion; not publicly available."
            )
            items.append(
                f'{n}. <span class="atlas-anchor" id="source-{s["id"]}"></span>*{escape.plain(s["title"])}*'
                f'{", " + who if who else ""}. {where}{_evidence_note(s)}'
            )
        return _unindexed("## Sources { #sources }\n\n" + "\n".join(items))


def _failure_label(mode: dict) -> str:
    """Whether a failure mode is a real incident (who, when) or an illustrative scenario."""
    if mode["kind"] == "incident":
        return f'<span class="atlas-label atlas-label--incident">Incident: {escape.plain(mode["organisation"])}, {escape.plain(mode["date"])}</span> '
    return '<span class="atlas-label atlas-label--illustration">Illustrative scenario</span> '


def _evidence_note(source: dict) -> str:
    """When and where a source was confirmed, or that it is not yet."""
    if "checked" in source:
        return f" <span class=\"atlas-checked\">Checked {escape.plain(source['checked'])}, {escape.plain(source['locator'])}.</span>"
    if "unconfirmed" in source:
        where = f" {escape.plain(source['locator'])}." if source.get("locator") else ""
        return (
            f" <span class=\"atlas-unconfirmed\">**Unconfirmed:** {escape.plain(source['unconfirmed'])}.</span>{where}"
            " ([work queue](../sources/unconfirmed.md))"
        )
    return ""


def _unindexed(section: str) -> str:
    """Markdown that Pagefind leaves out of the search index (md_in_html renders what is inside)."""
    return f"<div data-pagefind-ignore markdown>\n\n{section}\n\n</div>"


def _dimension_label(dimension: str) -> str:
    return dimension.replace("-", " ").capitalize()


def _cell(text: str) -> str:
    """Keep a value on one table row."""
    return text.replace("|", "\\|").replace("\n", " ")


def _indent(text: str) -> str:
    return text.replace("\n", "\n    ")
