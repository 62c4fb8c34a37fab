"""The JSON export under /api/: the whole catalog, one file per entry, and the published schema.

Output is deterministic (sorted, no timestamps) so two builds of the same catalog are identical.
Bump SCHEMA_VERSION's major number when a field is removed or changes meaning.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .pages import write_changed
from .relations import links_of

SCHEMA_VERSION = "1.0"


def entry_json(catalog, entry) -> dict:
    """An entry as published: its YAML data plus its URL and every relation seen from its side."""
    return {
        **entry.data,
        "url": f"patterns/{entry.id}/",
        "related": [
            {"type": link.kind, "target": link.target, "note": link.note} for link in links_of(catalog, entry.id)
        ],
    }


def catalog_json(catalog) -> dict:
    vocab = catalog.vocabulary
    return {
        "schema_version": SCHEMA_VERSION,
        "schema": "api/schema/pattern.schema.json",
        "count": len(catalog.entries),
        "families": {
            f: {"name": v["name"], "attributes": {a: x["name"] for a, x in v["attributes"].items()}}
            for f, v in vocab["families"].items()
        },
        "quality_attributes": {q: v["name"] for q, v in vocab["quality_attributes"].items()},
        "team_sizes": vocab.get("team_sizes", {}),
        "patterns": [entry_json(catalog, e) for e in catalog.sorted_entries()],
    }


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _dump_record(data) -> str:
    """One entry's file. Indented output goes through json's pure-Python encoder, slow enough to show in
    each `mkdocs serve` rebuild; keyed by the compact (C) encoding, an unchanged record is indented once
    per process. (The whole-catalog file changes with every edit, so it is not kept.)"""
    return _indented(json.dumps(data, ensure_ascii=False))


@lru_cache(maxsize=4096)
def _indented(compact: str) -> str:
    return _dump(json.loads(compact))


def export_files(catalog) -> dict[str, str]:
    """Relative path under docs/api/ -> file text."""
    from .comparisons import alternative_pairs, pair_slug

    files = {
        "patterns.json": _dump(catalog_json(catalog)),
        # The comparison pages that exist, for the search box ("GraphQL vs REST" leads to its page).
        "pairs.json": _dump(sorted(pair_slug(a, b) for a, b in alternative_pairs(catalog))),
        "schema/pattern.schema.json": (catalog.root / "schema" / "pattern.schema.json").read_text(encoding="utf-8"),
    }
    for entry in catalog.sorted_entries():
        files[f"patterns/{entry.id}.json"] = _dump_record(
            {"schema_version": SCHEMA_VERSION, **entry_json(catalog, entry)}
        )
        for old in entry.data.get("former_ids", []):
            # A renamed entry's old JSON address keeps answering, with the record and where it lives now.
            files[f"patterns/{old}.json"] = _dump_record(
                {"schema_version": SCHEMA_VERSION, "moved_to": entry.id, **entry_json(catalog, entry)}
            )
    return files


def write_export(catalog, out_dir: Path) -> None:
    """Make out_dir (docs/api, git-ignored) hold exactly the export files, rewriting only what changed."""
    wanted = {out_dir / name: text for name, text in export_files(catalog).items()}
    for existing in list(out_dir.rglob("*.json")):
        if existing not in wanted:
            existing.unlink()
    write_changed(wanted)
