"""The job summary of a pull request's CI run (`atlas summary`, written to $GITHUB_STEP_SUMMARY).

What a reviewer wants before opening the artifact: which entries the pull request adds, changes or
removes, which published pages appear or disappear, what `atlas check` finds, and the file names of
the screenshots taken of the changed pages. Names, ids, paths and problem lines are data from the
pull request: each is shown as a code span (see inert), so none becomes a link, an image or markup
in GitHub's rendering of the summary.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

SCREENSHOT_WIDTHS = (1280, 390)
_WHITESPACE = re.compile(r"\s+")
_BACKTICKS = re.compile(r"`+")
# Where the screenshot step (tests/test_changed_pages.py) writes, relative to the repository root,
# and so where the summary looks; the whole test-artifacts/ folder is one artifact of the run.
SCREENSHOT_DIR = PurePosixPath("test-artifacts") / "screenshots" / "changed"


@dataclass
class Change:
    """One changed file of the pull request, from `git diff --name-status`."""

    status: str  # A (added), M (modified), D (deleted)
    path: str


@dataclass
class Summary:
    entries: dict[str, list[tuple[str, str]]] = field(
        default_factory=lambda: {"added": [], "changed": [], "removed": []}
    )
    pages_added: list[str] = field(default_factory=list)
    pages_removed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    changed_pages: list[str] = field(default_factory=list)
    screenshots: dict[str, list[str]] = field(default_factory=dict)  # page URL -> file names in the artifact
    site_built: bool = True


def parse_name_status(text: str) -> list[Change]:
    """`git diff --name-status` output; a rename or copy counts as the old path deleted and the new one added."""
    changes = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0]:
            continue
        kind = parts[0][0]
        if kind in "RC" and len(parts) == 3:
            if kind == "R":
                changes.append(Change("D", parts[1]))
            changes.append(Change("A", parts[2]))
        elif kind in "AMD":
            changes.append(Change(kind, parts[1]))
        else:  # T (type change) and the like: the file is still there, changed
            changes.append(Change("M", parts[-1]))
    return changes


def entry_id(path: str) -> str | None:
    """The entry id of patterns/<id>.yaml, or None for any other file."""
    pure = PurePosixPath(path)
    return pure.stem if pure.parent == PurePosixPath("patterns") and pure.suffix == ".yaml" else None


def page_of(path: str) -> str | None:
    """The URL of the page a changed source file shows on, or None if it has no page of its own."""
    pure = PurePosixPath(path)
    if entry_id(path):
        return f"/patterns/{pure.stem}/"
    if pure.parent == PurePosixPath("decisions") and pure.suffix == ".yaml":
        return f"/decisions/{pure.stem}/"
    if pure.parts[:1] == ("docs",) and pure.suffix == ".md":
        rel = pure.relative_to("docs").with_suffix("")
        if rel.name == "index":
            rel = rel.parent
        return "/" if str(rel) == "." else f"/{rel.as_posix()}/"
    return None


def screenshot_name(url: str, width: int) -> str:
    """The file name of a page's screenshot at one width: /patterns/saga/ -> patterns-saga-1280.png."""
    slug = "-".join(part for part in url.split("/") if part) or "home"
    return f"{slug}-{width}.png"


def summarize(
    changes: list[Change],
    names: dict[str, str],
    base_urls: list[str],
    head_urls: list[str] | None,
    problems: list[str],
    screenshot_files: set[str],
) -> Summary:
    """Everything the summary says, from plain data (the tests feed it fixtures).

    names: entry id -> its name in the pull request's catalog; head_urls: None when the site did not build.
    """
    summary = Summary(problems=list(problems), site_built=head_urls is not None)
    published = set(head_urls or [])
    for change in changes:
        identifier = entry_id(change.path)
        if identifier:
            group = {"A": "added", "M": "changed", "D": "removed"}[change.status]
            summary.entries[group].append((identifier, names.get(identifier, "")))
        url = page_of(change.path)
        if (
            url
            and change.status != "D"
            and url not in summary.changed_pages
            and (url in published or head_urls is None)
        ):
            summary.changed_pages.append(url)
    if head_urls is not None:
        summary.pages_added = sorted(published - set(base_urls))
        summary.pages_removed = sorted(set(base_urls) - published)
    for url in summary.changed_pages:
        shots = [
            name for name in (screenshot_name(url, width) for width in SCREENSHOT_WIDTHS) if name in screenshot_files
        ]
        summary.screenshots[url] = shots
    return summary


def inert(text: str) -> str:
    """Text from the pull request as a code span, the one Markdown construct GitHub shows exactly as typed:
    no emphasis, link, image, HTML, mention or autolink inside it. The fence is longer than any run of
    backticks in the text, so the text cannot close it; line breaks become spaces."""
    flat = _WHITESPACE.sub(" ", str(text)).strip()
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def _entry_line(identifier: str, name: str) -> str:
    return f"- {inert(name)} ({inert(identifier)})" if name else f"- {inert(identifier)}"


def render(summary: Summary, artifact: str = "test-artifacts") -> str:
    """The summary as GitHub-flavoured Markdown."""
    out = ["## Backend Pattern Atlas: this pull request", ""]
    counts = {group: len(items) for group, items in summary.entries.items()}
    out.append(f"### Entries: {counts['added']} added, {counts['changed']} changed, {counts['removed']} removed")
    out.append("")
    for group in ("added", "changed", "removed"):
        if summary.entries[group]:
            out += [f"**{group.capitalize()}**", ""]
            out += [_entry_line(identifier, name) for identifier, name in sorted(summary.entries[group])]
            out.append("")
    if not any(counts.values()):
        out += ["No entry file changed.", ""]

    out.append("### Published pages")
    out.append("")
    if not summary.site_built:
        out += ["The site did not build, so the published pages could not be compared.", ""]
    else:
        out.append(
            f"{len(summary.pages_added)} added, {len(summary.pages_removed)} removed "
            "(compared with tests/published-urls.txt of the base branch)."
        )
        out.append("")
        for title, urls in (("Added", summary.pages_added), ("Removed: each needs a redirect", summary.pages_removed)):
            if urls:
                out += [f"**{title}**", ""] + [f"- {inert(url)}" for url in urls] + [""]

    out.append(f"### Problems found by `atlas check`: {len(summary.problems)}")
    out.append("")
    out += [f"- {inert(problem)}" for problem in summary.problems]
    if summary.problems:
        out.append("")

    out.append("### Screenshots of the changed pages")
    out.append("")
    if not summary.changed_pages:
        out += ["No page changed.", ""]
    else:
        out.append(
            f"In the `{artifact}` artifact of this run, folder `{SCREENSHOT_DIR.relative_to('test-artifacts')}`:"
        )
        out.append("")
        for url in summary.changed_pages:
            shots = summary.screenshots.get(url) or []
            files = ", ".join(inert(name) for name in shots) if shots else "no screenshot taken"
            out.append(f"- {inert(url)}: {files}")
        out.append("")
    return "\n".join(out)


# --- gathering the inputs from git and the working tree ------------------------------------------


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def base_urls(root: Path, base: str) -> list[str]:
    """The URL list the base commit recorded (empty if it had none)."""
    from .urls import LIST

    try:
        text = git(root, "show", f"{base}:{LIST.as_posix()}")
    except RuntimeError:
        return []
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def changed_files(root: Path, base: str) -> list[Change]:
    """What the pull request changes since it left the base branch (three dots: the merge base)."""
    return parse_name_status(git(root, "diff", "--name-status", "--no-renames", f"{base}...HEAD"))


def gather(root: Path, base: str, site: Path, screenshots: Path) -> Summary:
    from .sources import all_problems
    from .urls import published_urls

    catalog, problems = all_problems(root)
    names = {identifier: str(entry.data.get("name", "")) for identifier, entry in catalog.entries.items()}
    head = published_urls(site) if (site / "index.html").is_file() else None
    shots = {path.name for path in screenshots.glob("*.png")} if screenshots.is_dir() else set()
    return summarize(changed_files(root, base), names, base_urls(root, base), head, [str(p) for p in problems], shots)
