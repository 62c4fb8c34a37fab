"""Check every cited source address, and list entries due for review (`atlas links`, run weekly by CI).

The checking is LinkChecker's (https://linkchecker.github.io/linkchecker/, pinned in requirements.txt):
it asks each address, follows redirects, honours robots.txt and sends at most `per_second` requests a
second to one host, so no site is hammered. Addresses that fail are asked again after a pause (timeouts
and server errors are often passing), up to `retries` times. The report (Markdown) lists the addresses
that still fail and those that moved permanently, with the entries that cite them and an archive link
to try, then every entry whose `last_reviewed` is more than a year old.
"""

from __future__ import annotations

import csv
import datetime
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .pr_summary import inert

USER_AGENT = "BackendPatternAtlas-linkcheck/1.0 (+https://github.com/backend-pattern-atlas/backend-pattern-atlas)"
LINKCHECKER = Path(sys.executable).with_name("linkchecker")  # installed beside this Python (.venv/bin)
# LinkChecker's note on a redirect: "Redirected to `URL' status: 301 Moved Permanently."
REDIRECT = re.compile(r"Redirected to `(?P<url>[^']*)' status: (?P<code>\d{3})")
PERMANENT = {"301", "308"}


class LinkCheckError(RuntimeError):
    """LinkChecker could not run (not installed, or stopped with an error of its own)."""


@dataclass(frozen=True)
class Result:
    url: str
    dead: bool = False
    answer: str = "answered"  # LinkChecker's result for a failing address: "404 Not Found", "ConnectionError: ..."
    moved_to: str | None = None  # where a permanent redirect leads

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


def run_linkchecker(urls: Iterable[str], *, per_second: float = 1.0, timeout: int = 15) -> str:
    """LinkChecker's CSV rows for the given addresses: one row per address that failed or has a warning
    (a redirect, a rate limit); an address without a row answered without remark."""
    if not LINKCHECKER.exists():
        raise LinkCheckError(f"{LINKCHECKER} is missing; run `make check` (it installs requirements.txt into .venv)")
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "linkcheckerrc"  # read before LinkChecker drops root privileges, if it has them
        config.write_text(f"[checking]\nmaxrequestspersecond={per_second}\n", encoding="utf-8")
        command = [
            str(LINKCHECKER),
            "--config",
            str(config),
            "--stdin",
            "--no-status",
            "--output",
            "csv/utf-8",
            "--recursion-level",
            "0",
            "--timeout",
            str(timeout),
            "--threads",
            "4",
            "--user-agent",
            USER_AGENT,
        ]
        done = subprocess.run(command, input="\n".join(urls) + "\n", capture_output=True, text=True, encoding="utf-8")
    if done.returncode not in (0, 1):  # 1: some address failed, which the rows say
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise LinkCheckError(f"LinkChecker stopped with exit code {done.returncode}: {last}")
    return done.stdout


def parse_rows(text: str) -> dict[str, Result]:
    """Results by address from LinkChecker's CSV output (comment lines start with #)."""
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("#")]
    results = {}
    for row in csv.DictReader(lines, delimiter=";"):
        url = row["urlname"]
        if row["valid"] != "True":
            results[url] = Result(url, dead=True, answer=" ".join(row["result"].split())[:200] or "no answer")
            continue
        hops = list(REDIRECT.finditer(row["warningstring"]))
        if hops and hops[0]["code"] in PERMANENT:
            results[url] = Result(url, moved_to=row["url"])
    return results


def check_all(
    urls: Iterable[str],
    *,
    delay: float = 1.0,
    retries: int = 2,
    run: Callable[..., str] = run_linkchecker,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Result]:
    """Each address checked by LinkChecker, at most one request per `delay` seconds to one host; addresses that
    fail are checked again after 30 s, then 60 s, up to `retries` more times. Sorted by address."""
    urls = sorted(set(urls))
    results = {url: Result(url) for url in urls}
    pending = urls
    for attempt in range(retries + 1):
        if attempt:
            sleep(30.0 * 2 ** (attempt - 1))
        found = parse_rows(run(pending, per_second=1.0 / delay)) if pending else {}
        for url in pending:
            results[url] = found.get(url, Result(url))
        pending = [url for url in pending if results[url].dead]
        if not pending:
            break
    return [results[url] for url in urls]


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
        f"Checked {len(results)} cited addresses with LinkChecker: {len(dead)} dead or unreachable, "
        f"{len(moved)} moved permanently.",
        "",
    ]
    if dead:
        lines += ["## Dead or unreachable", "", "| Address | Answer | Cited in | Archived copy |", "|---|---|---|---|"]
        for r in dead:
            answer = _cell(r.answer)
            archive = f"https://web.archive.org/web/2/{quote(r.url, safe=':/?=&%#')}"
            lines.append(f"| {r.url} | {answer} | {', '.join(cited.get(r.url, []))} | [Wayback Machine]({archive}) |")
        lines.append("")
    if moved:
        lines += ["## Moved permanently", "", "| Address | Now at | Cited in |", "|---|---|---|"]
        lines += [f"| {r.url} | {_cell(r.moved_to or '')} | {', '.join(cited.get(r.url, []))} |" for r in moved]
        lines.append("")
    lines += ["## Entries not reviewed for more than a year", ""]
    lines += [f"- {path} (last reviewed {date})" for path, date in stale] or ["None."]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text a server sent (an error, a Location header) as an inert code span in a table cell."""
    return inert(text).replace("|", "\\|")
