"""The list of every URL a build publishes, compared against the committed list in tests/.

A URL may only leave the site through an explicit redirect (a former id, a reversed comparison),
so the committed list can only grow; `make urls` records new URLs after a deliberate change.
"""

from __future__ import annotations

from pathlib import Path

LIST = Path("tests") / "published-urls.txt"


def published_urls(site_dir: Path) -> list[str]:
    """Root-relative URLs (/patterns/saga/) of every page, as directory URLs, and every JSON file."""
    urls = []
    for path in site_dir.rglob("*"):
        rel = path.relative_to(site_dir).as_posix()
        if rel == "404.html" or not path.is_file():
            continue
        if rel.endswith("index.html"):
            urls.append("/" + rel[: -len("index.html")])
        elif rel.endswith((".html", ".json")) and not rel.startswith("pagefind/"):  # the search index is an asset
            urls.append("/" + rel)
    return sorted(urls)


def read_list(root: Path) -> list[str]:
    lines = (root / LIST).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def write_list(root: Path, urls: list[str]) -> None:
    header = (
        "# Every URL the site publishes, from the site root. Checked by tests/test_find_and_link.py:\n"
        "# a URL may only leave through an explicit redirect. After adding pages, run `make urls`.\n"
    )
    (root / LIST).write_text(header + "\n".join(urls) + "\n", encoding="utf-8")
