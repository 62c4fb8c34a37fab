"""The coverage page, /coverage/: how much of each anchor catalog the atlas covers, and what is missing."""

from __future__ import annotations

from .. import escape
from ..coverage import Coverage

HOW = {"name": "by name", "alias": "by alias", "equivalent": "equivalent"}


def _pct(share: float) -> str:
    return f"{share:.0%}"


def render_coverage_page(coverage: Coverage | None, catalog) -> str:
    if coverage is None:
        return "This project has no coverage list (`data/coverage.yaml`)."
    union = coverage.union_tally()
    lines = [
        f"The atlas is measured against {len(coverage.catalogs)} public pattern catalogs. Together they name "
        f"**{union.relevant}** distinct backend patterns (after removing duplicates and the "
        f"{union.excluded} names that are not backend architecture); **{union.covered}** of them "
        f"(**{_pct(union.share)}**) have an entry here, by name, by alias or as a clear equivalent. "
        f"The goal is {_pct(coverage.data['target'])}.",
        "",
        "The list is data (`data/coverage.yaml`); `make check` fails if an entry it names is renamed or removed, "
        "or if coverage falls below the recorded floor.",
        "",
        "| Catalog | Patterns listed | Not backend | Covered | Missing | Share |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for cat in coverage.catalogs:
        t = coverage.tally(cat)
        lines.append(
            f"| [{escape.plain(cat['title'])}](#catalog-{cat['id']}) | {t.listed} | {t.excluded} | {t.covered} "
            f"| {t.missing} | {_pct(t.share)} |"
        )
    missing = coverage.missing()
    lines += ["", "## Missing patterns", ""]
    if missing:
        lines += [
            "Backend patterns no entry covers yet, most widely listed first. Each is a good first contribution.",
            "",
            "| Pattern | Catalogs listing it | Suggested id |",
            "|---|--:|---|",
        ]
        lines += [
            f"| {escape.plain(name)} | {count} | {f'`{escape.text(sid)}`' if sid else ''} |"
            for name, count, sid in missing
        ]
    else:
        lines.append("None: every backend pattern of the anchor catalogs has an entry.")
    for cat in coverage.catalogs:
        t = coverage.tally(cat)
        lines += ["", f'## {escape.plain(cat["title"])} {{ #catalog-{cat["id"]} }}', ""]
        where = (
            f"{escape.plain(cat['locator'])}; compared on {escape.plain(cat['checked'])}"
            if "checked" in cat
            else f"not compared with a copy of the page: {escape.plain(cat['unconfirmed'])}"
        )
        lines.append(
            f"[{escape.plain(cat['title'])}]({escape.url(cat['url'])}) ({where}). "
            f"{t.covered} of {t.relevant} backend patterns covered ({_pct(t.share)})."
        )
        if cat.get("note"):
            lines += ["", escape.plain(cat["note"])]
        lines += ["", "| Pattern in the catalog | Atlas entry | How | Note |", "|---|---|---|---|"]
        for row in cat["patterns"]:
            if row["entry"]:
                entry = catalog.entries[row["entry"]]
                target = f"[{escape.plain(entry.data['name'])}](patterns/{entry.id}.md)"
                how = HOW[row["how"]]
                note = row.get("note", "")
            elif row.get("excluded"):
                target, how, note = "", "not backend", row["excluded"]
            else:
                target, how, note = "", "**missing**", row.get("note", "")
            lines.append(f"| {escape.plain(row['name'])} | {target} | {how} | {escape.plain(note)} |")
    return "\n".join(lines) + "\n"
