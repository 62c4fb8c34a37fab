"""Write the small generated pages MkDocs needs into docs/, so every page comes from the data.

A generated page only calls a macro; everything on it comes from the YAML files.
Generated files carry a marker so stale ones (entry deleted or renamed) are removed,
and are written only when they change, so `mkdocs serve` does not rebuild in a loop.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import escape

MARKER = "generated_from"
REDIRECT_MARKER = "<!-- generated redirect -->"
# The icon Material links on every page: theme.favicon, unset in mkdocs.yml, so Material's default.
SITE_ICON = "assets/images/favicon.png"
# Redirect stubs are docs/<section>/<name>/index.html: two folders below the site root.
STUB_SITE_ROOT = "../../"


def page_text(
    source: str, title: str, call: str, indexed: bool = True, scripts: str | None = None, digest: str | None = None
) -> str:
    """A generated Markdown page: front matter, a do-not-edit note, one macro call.

    indexed=False keeps a page out of search: tables and comparisons mention every pattern and
    should not outrank the patterns' own pages. digest (see data_digest) changes whenever what the
    page shows changes, so the stub is rewritten and `mkdocs serve --dirty` rebuilds exactly the
    pages an edit touches.
    """
    # The theme writes the title into <title> and the header without escaping it, so it is escaped here;
    # and it copies the header's text into a title attribute whose tooltip it draws as HTML, so a title
    # never keeps "<" (the schemas refuse it in names and tree titles; this covers vocabulary names).
    # json.dumps gives a double-quoted string, which YAML reads back unchanged.
    title = escape.text(title.replace("<", "‹").replace(">", "›"))
    front = [f"{MARKER}: {source}", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if not indexed:
        front.append("search_index: false")
    if scripts:
        front.append(f"atlas_scripts: {scripts}")
    if digest:
        front.append(f"atlas_digest: {digest}")
    return (
        "---\n" + "\n".join(front) + "\n---\n"
        f"<!-- Generated from {source}; edit that file, not this one. -->\n\n{{{{ {call} }}}}\n"
    )


def stub_text(entry_id: str, name: str, digest: str | None = None) -> str:
    return page_text(f"patterns/{entry_id}.yaml", name, f'pattern_page("{entry_id}")', scripts="mermaid", digest=digest)


def data_digest(*parts) -> str:
    """A short fingerprint of the data a page is drawn from (any JSON-able values)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]


def entry_page_digest(catalog, entry_id: str) -> str:
    """What a pattern page shows: its entry, the entries it relates to (names, families, inverse
    relations), the vocabulary, and the decision trees and glossary that mention or decorate it."""
    from .relations import neighbours

    related = sorted(neighbours(catalog, entry_id) & set(catalog.entries))
    # Of a related entry, this page shows its name and family, and the relations it declares to this one; not
    # its summary, so an edit to a summary rebuilds one pattern page under `mkdocs serve --dirty`, not a dozen.
    shown = [
        {key: catalog.entries[r].data.get(key) for key in ("name", "family")}
        | {"relations": [rel for rel in catalog.entries[r].data["relations"] if rel["target"] == entry_id]}
        for r in related
    ]
    return data_digest(catalog.entries[entry_id].data, shown, shared_digest(catalog))


def shared_digest(catalog) -> str:
    """The fingerprint of what every generated page depends on, computed once: the vocabulary, and the glossary
    and trees when the sources set it (atlas.sources.write_generated_pages)."""
    if "shared_digest" not in catalog.cache:
        catalog.cache["shared_digest"] = data_digest(catalog.vocabulary)
    return catalog.cache["shared_digest"]


def redirect_text(target: str, *, site_root: str) -> str:
    """A static page that sends readers (and search engines) to target, a relative URL.

    site_root is the relative path from the page's folder to the site root ("../../" for
    docs/<section>/<old>/index.html); it locates the site icon, so browsers do not ask for a
    missing /favicon.ico. The script, before the meta refresh, carries the reader's #fragment
    over (an item link such as /patterns/old-id/#failure-x lands on the item), or keeps the
    target's own; without JavaScript the meta refresh and the link still lead to the page.
    """
    href = escape.attr(target)
    icon = escape.attr(site_root + SITE_ICON)
    script_target = escape.json_script(target)  # no value can close the script
    return (
        f"<!doctype html>\n{REDIRECT_MARKER}\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Redirecting…</title><link rel=\"canonical\" href=\"{href}\">"
        f"<link rel=\"icon\" href=\"{icon}\" type=\"image/png\">"
        f"<script>(function () {{ var to = new URL({script_target}, location.href); "
        f"to.hash = location.hash || to.hash; location.replace(to.href); }})();</script>"
        f"<meta http-equiv=\"refresh\" content=\"0; url={href}\"></head>"
        f"<body><p>This page has moved to <a href=\"{href}\">{href}</a>.</p></body></html>\n"
    )


def sync_files(out_dir: Path, wanted: dict[str, str]) -> list[Path]:
    """Make out_dir hold exactly the wanted generated files (relative path -> text); returns those written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted_paths = {out_dir / name: text for name, text in wanted.items()}
    for existing in list(out_dir.glob("*.md")) + list(out_dir.glob("*/index.html")):
        if existing not in wanted_paths and _is_generated(existing):
            existing.unlink()
            if existing.name == "index.html" and not any(existing.parent.iterdir()):
                existing.parent.rmdir()
    return write_changed(wanted_paths)


def write_changed(wanted: dict[Path, str]) -> list[Path]:
    """Write each file whose text differs from what is on disk (so `mkdocs serve` does not loop)."""
    written = []
    for path, text in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def sync_pattern_pages(catalog, out_dir: Path) -> list[Path]:
    """One generated page per entry in out_dir (docs/patterns)."""
    wanted = {
        f"{entry_id}.md": stub_text(entry_id, entry.data["name"], entry_page_digest(catalog, entry_id))
        for entry_id, entry in catalog.entries.items()
    }
    for entry in catalog.entries.values():
        for old in entry.data.get("former_ids", []):
            # A renamed pattern keeps its old URL.
            wanted[f"{old}/index.html"] = redirect_text(f"../{entry.id}/", site_root=STUB_SITE_ROOT)
    return sync_files(out_dir, wanted)


def _is_generated(path: Path) -> bool:
    head = path.read_text(encoding="utf-8")[:200]
    return head.startswith(f"---\n{MARKER}:") or REDIRECT_MARKER in head


def sync_tradeoff_pages(catalog, out_dir: Path) -> list[Path]:
    """One ranking page per catalog-wide quality in out_dir (docs/tradeoffs)."""
    qualities = catalog.vocabulary["quality_attributes"]
    return sync_files(
        out_dir,
        {
            f"{q}.md": page_text(
                "schema/vocabulary.yaml",
                f"{spec['name']}: patterns ranked",
                f'quality_page("{q}")',
                indexed=False,
                scripts="tables",
            )
            for q, spec in qualities.items()
        },
    )


def sync_compare_pages(catalog, out_dir: Path) -> list[Path]:
    """One page per pair of alternatives, plus a redirect from the reversed order, in out_dir (docs/compare)."""
    from .comparisons import alternative_pairs, pair_slug

    wanted = {}
    for a, b in alternative_pairs(catalog):
        title = f"{catalog.entries[a].data['name']} vs {catalog.entries[b].data['name']}"
        wanted[f"{pair_slug(a, b)}.md"] = page_text(
            f"patterns/{a}.yaml and patterns/{b}.yaml",
            title,
            f'compare_pair("{a}", "{b}")',
            indexed=True,
            digest=data_digest(catalog.entries[a].data, catalog.entries[b].data, shared_digest(catalog)),
        )
        wanted[f"{b}-vs-{a}/index.html"] = redirect_text(f"../{pair_slug(a, b)}/", site_root=STUB_SITE_ROOT)
        # A renamed entry's comparisons keep their old addresses, in both orders.
        for old_a in [a, *catalog.entries[a].data.get("former_ids", [])]:
            for old_b in [b, *catalog.entries[b].data.get("former_ids", [])]:
                if (old_a, old_b) != (a, b):
                    for first, second in ((old_a, old_b), (old_b, old_a)):
                        wanted.setdefault(
                            f"{first}-vs-{second}/index.html",
                            redirect_text(f"../{pair_slug(a, b)}/", site_root=STUB_SITE_ROOT),
                        )
    for a, b in catalog.vocabulary.get("retired_comparisons", []):
        if a not in catalog.entries or b not in catalog.entries or tuple(sorted((a, b))) in alternative_pairs(catalog):
            continue  # a pattern is gone, or the pair is an alternative again and its page is back
        for first, second in ((a, b), (b, a)):
            wanted[f"{first}-vs-{second}/index.html"] = redirect_text(
                f"../../patterns/{a}/#related-patterns", site_root=STUB_SITE_ROOT
            )
    return sync_files(out_dir, wanted)


def decision_page_digest(tree, catalog) -> str:
    """What a decision page shows: its tree; of each pattern it recommends, what the wizard shows (name, summary,
    benefits, costs) and its family (the drawing's colour); the vocabulary, glossary and trees."""
    from .render.decision_pages import wizard_data

    shown = wizard_data(tree, catalog)
    families = {p: catalog.entries[p].data.get("family") for p in shown["patterns"]}
    return data_digest(tree.data, shown, families, shared_digest(catalog))


def sync_decision_pages(trees, catalog, out_dir: Path) -> list[Path]:
    """One page per decision tree in out_dir (docs/decisions)."""
    return sync_files(
        out_dir,
        {
            f"{tree.id}.md": page_text(
                tree.path,
                tree.data["title"],
                f'decision_page("{tree.id}")',
                scripts="wizard",
                digest=decision_page_digest(tree, catalog),
            )
            for tree in trees
        },
    )
