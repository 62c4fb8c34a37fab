"""The evidence standard as code: figures need public sources, inline citations, confirmed sources.

Shared by the entry rules (atlas/rules/) and the decision-tree checks, so a figure in a tree's help
text is held to the same standard as a figure in a pattern's benefit.
"""

from __future__ import annotations

import datetime
import re

# A figure is a number with a unit or a percentage: "40%", "200 ms", "10x", "3 engineers", "$2 million".
# Bare numbers (HTTP 503, TLS 1.3, the year 2015) are not figures.
_UNITS = (
    r"%|percent|per ?cent|ms|milliseconds?|µs|us|microseconds?|ns|nanoseconds?|secs?|seconds?|mins?|minutes?|"
    r"hrs?|hours?|days?|weeks?|months?|years?|decades?|×|x|times|fold|req/s|rps|qps|tps|ops/s|"
    r"requests?|queries|transactions|writes|reads|orders|messages|events|calls|users|customers|subscribers|"
    r"attempts|retries|tries|connections|[KMGTP]i?B(?:/s)?|bytes|kB|[GMK]bps|engineers|developers|people|staff|employees|teams?|"
    r"services|microservices|functions|instances|servers|hosts|nodes|machines|pods|containers|shards|partitions|"
    r"replicas|regions|zones|databases|tables|rows|keys|lines|dollars|USD|EUR|million|billion|trillion|thousand|k|M|bn"
)
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
FIGURE = re.compile(
    rf"[$€£]\s?{_NUMBER}"  # money
    rf"|(?<![\w.]){_NUMBER}(?:\s?(?:-|–|to|or)\s?{_NUMBER})?[\s-]?(?:{_UNITS})(?![A-Za-z0-9])"
    rf"|(?<![\w.]){_NUMBER}(?:\s?(?:-|–|to)\s?{_NUMBER})?\s[sh](?![A-Za-z0-9])"  # "2 s", "1 to 2 s", "4 h"
    rf"|(?<![\w.])\d{{1,2}}s(?![A-Za-z0-9])"  # "30s"; 503s and 1990s are not durations
)
CITATION = re.compile(r"\[@([a-z0-9]+(?:-[a-z0-9]+)*)\]")
# A citation with the space before it, for taking it out of or replacing it in rendered text.
CITATION_MARK = re.compile(r"\s*" + CITATION.pattern)
SEED_MENTION = re.compile(r"\bseeds?[ -]?(?:article\s+)?0\d\d\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)
# Fields that hold identifiers, addresses or diagram source rather than prose (atlas.prose walks the rest).
NOT_PROSE = frozenset(
    {
        "id",
        "url",
        "archive_url",
        "seed",
        "mermaid",
        "source",
        "target",
        "type",
        "dimension",
        "family",
        "tags",
        "effect",
        "last_reviewed",
        "score",
    }
)
# Of the prose, fields that hold identifiers or dates, not claims; sources are checked on their own.
_NOT_CLAIMS = NOT_PROSE | {
    "kind",
    "date",
    "checked",
    "sources",
    "former_ids",
    "start",
    "next",
    "outcome",
    "patterns",
    "pattern",
    "organisation",
}

CITE_TIP = (
    "add `source: <id>` to this item, or cite inline with [@source-id] in the same paragraph; "
    "the source needs a public url (a seed article does not count)"
)


def figures_in(text: str) -> list[str]:
    """The figures stated in a piece of text, inline code left out."""
    text = re.sub(r"`[^`]*`", "", text)
    return [m.group(0).strip() for m in FIGURE.finditer(text)]


def citations_in(text: str) -> list[str]:
    return CITATION.findall(text)


def units(text: str) -> list[str]:
    """A prose string's paragraphs and list items: the reach of one inline citation."""
    out = []
    for paragraph in re.split(r"\n\s*\n", text):
        out += [part for part in _LIST_ITEM.split(paragraph) if part.strip()]
    return out


def public_source_ids(data: dict) -> set[str]:
    return {s["id"] for s in data.get("sources", []) if "url" in s}


def walk_claims(value, path=(), item_source=None, exempt=lambda item: False):
    """(path, text, source of the nearest enclosing item) for every claim-bearing string."""
    if isinstance(value, dict):
        if exempt(value):
            return
        item_source = value.get("source", item_source) if isinstance(value.get("source"), str) else item_source
        for key, child in value.items():
            if key not in _NOT_CLAIMS:
                yield from walk_claims(child, path + (key,), item_source, exempt)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from walk_claims(child, path + (i,), item_source, exempt)
    elif isinstance(value, str):
        yield path, value, item_source


def is_illustration(item: dict) -> bool:
    return item.get("kind") == "illustration"


def figure_problems(data: dict, problem):
    """Every paragraph or item that states a figure cites a public source."""
    public = public_source_ids(data)
    for path, text, item_source in walk_claims(data, exempt=is_illustration):
        if item_source in public:
            continue
        for unit in units(text):
            figures = figures_in(unit)
            if figures and not any(ref in public for ref in citations_in(unit)):
                seed_note = " (its source is a seed article, which readers cannot open)" if item_source else ""
                yield problem(
                    path, f"states the figure '{figures[0]}' without citing a public source{seed_note}", CITE_TIP
                )
                break


def citation_problems(data: dict, problem):
    """Every inline [@id] names a source of the same file."""
    declared = [s["id"] for s in data.get("sources", [])]
    for path, text, _ in walk_claims(data):
        for ref in citations_in(text):
            if ref not in declared:
                yield problem(
                    path,
                    f"the inline citation [@{ref}] names no source of this file",
                    f"add a source with id '{ref}' to `sources`, or use one of: {', '.join(declared)}",
                )


def seed_mention_problems(data: dict, problem):
    """Readers cannot open the seed articles: prose never refers to them by number."""
    for path, text, _ in walk_claims(data):
        match = SEED_MENTION.search(text)
        if match:
            yield problem(
                path,
                f"mentions '{match.group(0)}', an article readers cannot open",
                "cite the public primary source of the fact instead; a seed may only be quoted as one "
                "practitioner's opinion, named by its title in italics",
            )


def source_status_problems(data: dict, problem, today: datetime.date | None = None):
    """Each public source is either checked (with a locator) on a past date, or marked unconfirmed."""
    today = today or datetime.date.today()
    for i, source in enumerate(data.get("sources", [])):
        if "url" not in source:
            continue
        path = ("sources", i)
        if "checked" in source and "unconfirmed" in source:
            yield problem(
                path + ("unconfirmed",),
                "the source is marked both checked and unconfirmed",
                "keep `checked:` if you read it and it says what is cited, otherwise keep `unconfirmed:`",
            )
        elif "checked" not in source and "unconfirmed" not in source:
            yield problem(
                path,
                f"the source '{source['id']}' has neither `checked:` nor `unconfirmed:`",
                "read it, then add `locator:` (where in it) and `checked: YYYY-MM-DD`; if you cannot "
                "open it, add `unconfirmed: <why>`",
            )
        elif "checked" in source:  # the schema's date format already made sure it is a real day
            if datetime.date.fromisoformat(source["checked"]) > today:
                yield problem(
                    path + ("checked",),
                    f"{source['checked']} is in the future",
                    f"use the day you read the source, today at the latest ({today.isoformat()})",
                )


# A Markdown link to a page of this site, such as [saga](/patterns/saga/): only a full page can resolve it.
SITE_LINK = re.compile(r"\[([^\[\]]+)\]\((/[^()\s]*)\)")


def plain(text: str) -> str:
    """Text for places that show no citations and cannot resolve site links (tooltips, table cells, embedded
    JSON): citation markers removed, and links to this site's pages reduced to their words."""
    return SITE_LINK.sub(r"\1", CITATION_MARK.sub("", text))


def plain_all(value):
    """plain() applied to every string in nested data (the JSON that the wizard and compare pages embed)."""
    if isinstance(value, dict):
        return {k: plain_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_all(v) for v in value]
    return plain(value) if isinstance(value, str) else value
