"""What changed in the catalog's content, month by month, read from the git history at build time.

Readers want to know which entries, decision trees and glossary terms were added, renamed, revised or
removed, not how the code changed: commit messages are never shown, only what the history says happened
to each content file (patterns/*.yaml, decisions/*.yaml, data/glossary.yaml).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import escape

LIMIT = 300  # most recent commits read; older ones stay in the repository's history
GLOSSARY = "data/glossary.yaml"


@dataclass
class Change:
    date: str
    subject: str  # kept for callers that read the history; never published
    files: list = field(default_factory=list)  # patterns: (status letter, old id or None, id)
    trees: list = field(default_factory=list)  # decision trees: (status letter, old id or None, id)
    glossary: bool = False  # the glossary file changed


def _ids(parts: list[str], folder: str):
    """(old id or None, id) when every path of a name-status line is a YAML file in folder, else None."""
    if not all(p.startswith(folder + "/") and p.endswith(".yaml") and p.count("/") == 1 for p in parts):
        return None
    ids = [Path(p).stem for p in parts]
    return (ids[0] if len(ids) == 2 else None), ids[-1]


def git_history(root: Path) -> list[Change] | None:
    """Commits touching the content files, newest first; None when there is no git history to read."""
    try:
        out = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "log",
                f"-{LIMIT}",
                "--date=short",
                "--find-renames",
                "--format=%x1e%ad%x1f%s",
                "--name-status",
                "--",
                "patterns/",
                "decisions/",
                GLOSSARY,
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    changes = []
    for record in out.split("\x1e")[1:]:
        head, _, body = record.partition("\n")
        date, _, subject = head.partition("\x1f")
        change = Change(date, subject)
        for line in body.splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            if parts[1:] == [GLOSSARY]:
                change.glossary = True
            for folder, target in (("patterns", change.files), ("decisions", change.trees)):
                ids = _ids(parts[1:], folder)
                if ids:
                    target.append((parts[0][0], *ids))
        if change.files or change.trees or change.glossary:
            changes.append(change)
    return changes


@dataclass
class _Month:
    added: list = field(default_factory=list)
    revised: list = field(default_factory=list)
    renamed: list = field(default_factory=list)  # (old id, id)
    removed: list = field(default_factory=list)

    def record(self, status: str, old: str | None, file_id: str) -> None:
        """One file change, oldest first: an entry added and then revised in the same month is just added."""
        if status == "R" and old:
            was_new = old in self.added
            for seen in (self.added, self.revised):
                if old in seen:
                    seen.remove(old)
            if was_new:
                self.added.append(file_id)
            else:
                self.renamed = [(o, n) for o, n in self.renamed if n != old] + [
                    (_first_name(self.renamed, old), file_id)
                ]
        elif status == "A":
            if file_id in self.removed:
                self.removed.remove(file_id)
            if file_id not in self.added:
                self.added.append(file_id)
        elif status == "D":
            if file_id in self.added:
                self.added.remove(file_id)
            else:
                self.removed.append(file_id)
            if file_id in self.revised:
                self.revised.remove(file_id)
        elif file_id not in self.added and file_id not in self.revised and all(n != file_id for _, n in self.renamed):
            self.revised.append(file_id)


def _first_name(renamed: list, old: str) -> str:
    """The id an entry had at the start of the month, through several renames."""
    return next((o for o, n in renamed if n == old), old)


def render_changelog(changes: list[Change] | None, catalog, tree_ids=()) -> str:
    if changes is None:
        return "*The change history is not available in this build: it was made outside a git checkout.*\n"
    if not changes:
        return "*No entry has changed yet.*\n"
    months: dict[str, tuple[_Month, _Month, list]] = {}
    for change in reversed(changes):  # oldest first, so a later change of the same file wins
        patterns, trees, glossary = months.setdefault(change.date[:7], (_Month(), _Month(), []))
        for status, old, file_id in change.files:
            patterns.record(status, old, file_id)
        for status, old, file_id in change.trees:
            trees.record(status, old, file_id)
        if change.glossary:
            glossary.append(change.date)

    def pattern(file_id):
        if file_id in catalog.entries:
            return f"[{escape.plain(catalog.entries[file_id].data['name'])}](patterns/{file_id}.md)"
        return _file_id(file_id)

    def tree(file_id):
        return f"[{_file_id(file_id)}](decisions/{file_id}.md)" if file_id in tree_ids else _file_id(file_id)

    out = [
        "What changed in the atlas's content, newest month first: patterns added, renamed, revised or "
        "removed, decision trees and the glossary. A renamed pattern keeps its old address, which now leads "
        "to the new page; comparison pages follow the patterns they compare. Each pattern's page also shows "
        "the date it was last reviewed against its sources."
    ]
    for month in sorted(months, reverse=True):
        patterns, trees, glossary = months[month]
        lines = _lines(patterns, pattern, "pattern", "patterns") + _lines(
            trees, tree, "decision tree", "decision trees"
        )
        if glossary:
            lines.append("- **Glossary:** terms added or reworded.")
        if lines:
            out.append(f"## {month} {{ #m-{month} }}")
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def _lines(month: _Month, link, one: str, many: str) -> list[str]:
    def listed(ids):
        return ", ".join(link(i) for i in sorted(ids, key=str.casefold))

    def noun(ids):
        return one if len(ids) == 1 else many

    lines = []
    if month.added:
        lines.append(f"- **New {noun(month.added)} ({len(month.added)}):** {listed(month.added)}.")
    if month.renamed:
        lines.append(
            f"- **Renamed {noun(month.renamed)}:** "
            + "; ".join(f"{_file_id(old)} → {link(new)}" for old, new in month.renamed)
            + "."
        )
    if month.revised:
        lines.append(f"- **Revised {noun(month.revised)} ({len(month.revised)}):** {listed(month.revised)}.")
    if month.removed:
        lines.append(f"- **Removed {noun(month.removed)}:** {listed(month.removed)}.")
    return lines


def _file_id(file_id: str) -> str:
    """An id read from a file name in the history, as code when it is a well-formed id, else as plain text."""
    return f"`{file_id}`" if re.fullmatch(r"[a-z0-9-]+", file_id) else escape.plain(file_id)
