"""The catalog page, /patterns/: every pattern by family, with its summary."""
from __future__ import annotations

from .. import escape
from ..prose import markdown
from .tables import cell


def render_catalog_page(catalog) -> str:
    families = catalog.vocabulary["families"]
    by_family: dict[str, list] = {}
    for entry in catalog.sorted_entries():
        by_family.setdefault(entry.data["family"], []).append(entry)
    out = [f"The atlas holds {len(catalog.entries)} patterns in {len(by_family)} families. "
           "Each family rates its members on its own attributes, defined below with the list."]
    for family_id, family in families.items():
        members = by_family.get(family_id, [])
        if not members:
            continue
        rows = ["| Pattern | Summary |", "|---|---|"]
        rows += [f"| [{escape.plain(e.data['name'])}]({e.id}.md) | {cell(markdown(e.data['summary'], 1, catalog.docs_dir))} |"
                 for e in sorted(members, key=lambda e: e.data["name"].casefold())]
        attributes = "\n".join(f"- **{escape.plain(a['name'])}**: {escape.prose(a['definition'])}" for a in family["attributes"].values())
        out += [f"## {escape.plain(family['name'])} {{ #{family_id} }}", escape.prose(family["description"]), "\n".join(rows),
                f'??? info "How {escape.plain(family["name"].lower())} are rated"\n\n' + _indent(attributes)]
    return "\n\n".join(out) + "\n"


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else line for line in text.splitlines())
