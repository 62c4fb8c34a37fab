"""Check every cited source address, and list entries due for review (`atlas links`, run weekly by CI).

Each address is tried with HEAD, then GET when a server refuses HEAD, with retries on timeouts and
server errors, and at most one request per host every `delay` seconds, so no site is hammered. The
report (Markdown) lists dead addresses and permanent redirects with the entries that cite them and an
archive link to try, then every entry whose `last_reviewed` is more than a year old.
"""

from __future__ import annotations

import datetime
import time
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

USER_AGENT = "BackendPatternAtlas-linkcheck/1.0 (+https://github.com/backend-pattern-atlas/backend-pattern-atlas)"


@dataclass(frozen=True)
class Result:
    url: str
    status: int | None  # None: no answer (DNS failure, refused, timed out)
    moved_to: str | None = None
    error: str = ""

    @property
    def dead(self) -> bool:
        return self.status is None or self.status in (404, 410) or self.status >= 500

    @property
    def moved(self) -> bool:
        return self.moved_to is not None


def cited_addresses(catalog, trees=(), coverage=None) -> dict[str, list[str]]:
    """Every http(s) address cited anywhere, with where it is cited (patterns/x.yaml#source-id)."""
    from .render.references_page import cited_sources

    found: dict[str, list[str]] = defaultdict(list)
    for key, item in cited_sources(catalog).items():
        if key.startswith(("http://", "https://")):  # seed articles have no address
            found[key] += [f"{entry.path}#{source_id}" for entry, source_id in item["citations"]]
    for tree in trees:
        for source in tree.data["sources"]:
            if source.get("url", "").startswith(("http://", "https://")):
                found[source["url"]].append(f"{tree.path}#{source['id']}")
    if coverage is not None:
        for cat in coverage.catalogs:
            found[cat["url"]].append(f"data/coverage.yaml#{cat['id']}")
    return dict(found)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # report redirects instead of following them


def check_url(url: str, *, timeout: float = 15.0, retries: int = 2, opener=None) -> Result:
    opener = opener or urllib.request.build_opener(_NoRedirect)
    last = Result(url, None, error="not tried")
    for attempt in range(retries + 1):
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
            try:
                with opener.open(request, timeout=timeout) as response:
                    return Result(url, response.status)
            except urllib.error.HTTPError as err:
                if err.code in (301, 308):
                    return Result(url, err.code, moved_to=err.headers.get("Location"))
                if err.code in (302, 303, 307):
                    return Result(url, err.code)  # temporary: fine
                if method == "HEAD" and err.code in (403, 405, 501):
                    continue  # some servers refuse HEAD; ask again with GET
                last = Result(url, err.code, error=str(err.reason))
                if err.code < 500 and err.code != 429:
                    return last
                break
            except (urllib.error.URLError, TimeoutError, OSError) as err:
                last = Result(url, None, error=str(getattr(err, "reason", err)))
                break
        if attempt < retries:
            time.sleep(2**attempt)
    return last


def check_all(urls, *, delay: float = 1.0, check=check_url, sleep=time.sleep, clock=time.monotonic) -> list[Result]:
    """Check each address, waiting at least `delay` seconds between two requests to the same host."""
    last_hit: dict[str, float] = {}
    results = []
    for url in sorted(urls):
        host = urlsplit(url).hostname or ""
        wait = last_hit.get(host, -delay) + delay - clock()
        if wait > 0:
            sleep(wait)
        results.append(check(url))
        last_hit[host] = clock()
    return results


def stale_entries(catalog, today: datetime.date, max_age_days: int = 365) -> list[tuple[str, str]]:
    out = []
    for entry in catalog.sorted_entries():
        reviewed = datetime.date.fromisoformat(str(entry.data["last_reviewed"]))
        if (today - reviewed).days > max_age_days:
            out.append((entry.path, str(reviewed)))
    return out


def report(results: list[Result], cited: dict[str, list[str]], stale: list[tuple[str, str]]) -> str:
    dead = [r for r in results if r.dead]
    moved = [r for r in results if r.moved]
    lines = [
        f"Checked {len(results)} cited addresses: {len(dead)} dead or unreachable, {len(moved)} moved permanently.",
        "",
    ]
    if dead:
        lines += ["## Dead or unreachable", "", "| Address | Answer | Cited in | Archived copy |", "|---|---|---|---|"]
        for r in dead:
            answer = str(r.status) if r.status else f"no answer ({r.error})"
            archive = f"https://web.archive.org/web/2/{quote(r.url, safe=':/?=&%#')}"
            lines.append(f"| {r.url} | {answer} | {', '.join(cited.get(r.url, []))} | [Wayback Machine]({archive}) |")
        lines.append("")
    if moved:
        lines += ["## Moved permanently", "", "| Address | Now at | Cited in |", "|---|---|---|"]
        lines += [f"| {r.url} | {r.moved_to} | {', '.join(cited.get(r.url, []))} |" for r in moved]
        lines.append("")
    lines += ["## Entries not reviewed for more than a year", ""]
    lines += [f"- {path} (last reviewed {date})" for path, date in stale] or ["None."]
    return "\n".join(lines) + "\n"
