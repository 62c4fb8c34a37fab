"""Write one small Markdown page per entry into docs/patterns/ so MkDocs picks it up.

The page only calls the pattern_page macro; everything on it comes from the YAML
file. Pages carry a `generated_from` key so stale ones (entry deleted or renamed)
are removed, and are written only when they change, so `mkdocs serve` does not loop.
"""
from __future__ import annotations

import json
from pathlib import Path

MARKER = "generated_from"


# Search ranking: pattern pages above passing mentions, and a general pattern above its own
# variants (a reader typing "saga" wants the saga page before "saga choreography").
BOOST_PATTERN = 2
BOOST_GENERAL = 3


def stub_text(entry_id: str, name: str, boost: int = BOOST_PATTERN) -> str:
    # json.dumps gives a double-quoted string, which YAML reads back unchanged.
    return (f"---\n{MARKER}: patterns/{entry_id}.yaml\ntitle: {json.dumps(name, ensure_ascii=False)}\n"
            f"search:\n  boost: {boost}\n---\n"
            f"<!-- Generated from patterns/{entry_id}.yaml; edit that file, not this one. -->\n\n"
            f'{{{{ pattern_page("{entry_id}") }}}}\n')


def sync_pattern_pages(catalog, out_dir: Path) -> list[Path]:
    """Make out_dir hold exactly one generated page per entry; returns the pages written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    general = {r["target"] for e in catalog.entries.values() for r in e.data["relations"] if r["type"] == "variant-of"}
    wanted = {out_dir / f"{entry_id}.md": stub_text(entry_id, entry.data["name"],
                                                      BOOST_GENERAL if entry_id in general else BOOST_PATTERN)
              for entry_id, entry in catalog.entries.items()}
    for existing in out_dir.glob("*.md"):
        if existing not in wanted and _is_generated(existing):
            existing.unlink()
    written = []
    for path, text in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def _is_generated(path: Path) -> bool:
    head = path.read_text(encoding="utf-8")[:200]
    return head.startswith(f"---\n{MARKER}:")
