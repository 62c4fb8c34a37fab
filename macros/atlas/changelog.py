"""What changed in the catalog, read from the git history of patterns/ at build time."""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from . import escape

LIMIT = 300  # most recent commits shown; older ones stay in the repository's history


@dataclass
class Change:
    date: str
    subject: str
    files: list = field(default_factory=list)  # (status letter, old id or None, id)


def git_history(root: Path) -> list[Change] | None:
    """Commits touching patterns/*.yaml, newest first; None when there is no git history to read."""
    try:
        out = subprocess.run(["git", "-C", str(root), "log", f"-{LIMIT}", "--date=short", "--find-renames",
                              "--format=%x1e%ad%x1f%s", "--name-status", "--", "patterns/"],
                             capture_output=True, text=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    changes = []
    for record in out.split("\x1e")[1:]:
        head, _, body = record.partition("\n")
        date, _, subject = head.partition("\x1f")
        change = Change(date, subject)
        for line in body.splitlines():
            parts = line.split("\t")
            if len(parts) < 2 or not all(p.startswith("patterns/") and p.endswith(".yaml") for p in parts[1:]):
                continue
            ids = [Path(p).stem for p in parts[1:]]
            change.files.append((parts[0][0], ids[0] if len(ids) == 2 else None, ids[-1]))
        if change.files:
            changes.append(change)
    return changes


def render_changelog(changes: list[Change] | None, catalog) -> str:
    if changes is None:
        return "*The change history is not available in this build: it was made outside a git checkout.*\n"
    if not changes:
        return "*No entry has changed yet.*\n"
    verbs = {"A": "added", "M": "revised", "D": "removed", "R": "renamed"}
    out = ["Every change to a pattern entry, newest first, from the repository's history. Each entry's page "
           "also shows the date it was last reviewed against its sources."]
    month = None
    for change in changes:
        if change.date[:7] != month:
            month = change.date[:7]
            out.append(f"## {month} {{ #m-{month} }}")
        parts = []
        for status, old, entry_id in change.files:
            name = (f"[{escape.plain(catalog.entries[entry_id].data['name'])}](patterns/{entry_id}.md)"
                    if entry_id in catalog.entries else _file_id(entry_id))
            parts.append(f"{verbs.get(status, 'changed')} {_file_id(old)} → {name}" if status == "R" and old else f"{verbs.get(status, 'changed')} {name}")
        out.append(f"- **{escape.plain(change.date)}** {escape.plain(change.subject)}: " + "; ".join(parts))
    return "\n\n".join(out) + "\n"


def _file_id(file_id: str) -> str:
    """An entry id read from a file name in the history, as code when it is a well-formed id, else as plain text."""
    return f"`{file_id}`" if re.fullmatch(r"[a-z0-9-]+", file_id) else escape.plain(file_id)
