"""The catalog page, /patterns/: every pattern by family, with its summary."""

from __future__ import annotations

from .. import escape
from ..prose import markdown
from .tables import cell


def members_by_family(catalog) -> dict[str, list]:
    """family id -> its entries, by name."""
    by_family: dict[str, list] = {}
    for entry in sorted(catalog.entries.values(), key=lambda e: e.data["name"].casefold()):
        by_family.setdefault(entry.data["family"], []).append(entry)
    return by_family


def render_catalog_page(catalog) -> str:
    families = catalog.vocabulary["families"]
    by_family = members_by_family(catalog)
    out = [
        f"The atlas holds {len(catalog.entries)} patterns in {len(by_family)} families. "
        "Each family rates its members on its own attributes, defined below with the list."
    ]
    for family_id, family in families.items():
        members = by_family.get(family_id, [])
        if not members:
            continue
        rows = ["| Pattern | Summary |", "|---|---|"]
        rows += [
            f"| [{escape.plain(e.data['name'])}]({e.id}.md) | {cell(markdown(e.data['summary'], 1, catalog.docs_dir))} |"
            for e in members
        ]
        attributes = "\n".join(
            f"- **{escape.plain(a['name'])}**: {escape.prose(a['definition'])}" for a in family["attributes"].values()
        )
        out += [
            f"## {escape.plain(family['name'])} {{ #{family_id} }}",
            escape.prose(family["description"]),
            "\n".join(rows),
            f'??? info "How {escape.plain(family["name"].lower())} are rated"\n\n' + _indent(attributes),
        ]
    return "\n\n".join(out) + "\n"


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else line for line in text.splitlines())


def render_home_overview(catalog, trees) -> str:
    """The home page's view of the catalog: each family with its size and a few members, and the decisions."""
    by_family = members_by_family(catalog)
    rows = ["| Family | Patterns | For example |", "|---|--:|---|"]
    for family_id, family in catalog.vocabulary["families"].items():
        members = by_family.get(family_id, [])
        if members:
            examples = ", ".join(f"[{escape.plain(e.data['name'])}](patterns/{e.id}.md)" for e in members[:3])
            rows.append(
                f"| [{escape.plain(family['name'])}](patterns/index.md#{family_id}) | {len(members)} | {examples} |"
            )
    decisions = [
        f"- [{escape.plain(t.data['title'])}](decisions/{t.id}.md)"
        for t in sorted(trees, key=lambda t: t.data["title"].casefold())
    ]
    return (
        "\n\n".join(
            [
                "\n".join(rows),
                "## Decide { #decide }",
                "Answer a few questions and get the patterns that fit, with the reasons and sources:",
                "\n".join(decisions),
            ]
        )
        + "\n"
    )
