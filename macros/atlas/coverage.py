"""The coverage list (data/coverage.yaml): which atlas entry covers each pattern of the anchor catalogs.

Loaded and validated with the same one-line errors as entries. Rules: every `entry` is a current id
(a renamed entry names its new id in the tip); `how: name` and `how: alias` really match the entry's
name or one of its aliases; `how: equivalent` says why in `note`; an uncovered pattern is either
`excluded` (not backend architecture) or `missing`; and the share covered never falls below `floor`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem, field_path
from .rules.former_ids import renamed
from .schema_check import checked_document

PATH = "data/coverage.yaml"


def normalise(name: str) -> str:
    """Compare names loosely: case, punctuation, 'pattern' and plural -s do not matter."""
    words = re.findall(r"[a-z0-9]+", name.casefold().replace("&", " and "))
    words = [
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in words
        if w not in ("pattern", "patterns", "the")
    ]
    return " ".join(words)


@dataclass(frozen=True)
class Tally:
    listed: int
    excluded: int
    covered: int

    @property
    def relevant(self) -> int:
        return self.listed - self.excluded

    @property
    def missing(self) -> int:
        return self.relevant - self.covered

    @property
    def share(self) -> float:
        return self.covered / self.relevant if self.relevant else 1.0


@dataclass
class Coverage:
    data: dict

    @property
    def catalogs(self) -> list[dict]:
        return self.data["catalogs"]

    def tally(self, catalog: dict) -> Tally:
        rows = catalog["patterns"]
        return Tally(len(rows), sum(1 for r in rows if r.get("excluded")), sum(1 for r in rows if r["entry"]))

    def union(self) -> dict[str, list[dict]]:
        """Normalised name -> every row with that name, across catalogs."""
        found: dict[str, list[dict]] = {}
        for catalog in self.catalogs:
            for row in catalog["patterns"]:
                found.setdefault(normalise(row["name"]), []).append(row)
        return found

    def union_tally(self) -> Tally:
        groups = list(self.union().values())
        excluded = sum(1 for rows in groups if all(r.get("excluded") for r in rows))
        covered = sum(1 for rows in groups if any(r["entry"] for r in rows))
        return Tally(len(groups), excluded, covered)

    def missing(self) -> list[tuple[str, int, str]]:
        """(name, how many catalogs list it, suggested id) for every uncovered backend pattern, most listed first."""
        out = []
        for rows in self.union().values():
            if not any(r["entry"] for r in rows) and not all(r.get("excluded") for r in rows):
                suggested = next((r["suggested_id"] for r in rows if r.get("suggested_id")), "")
                out.append((rows[0]["name"], len(rows), suggested))
        return sorted(out, key=lambda t: (-t[1], t[0].casefold()))

    def covering(self, entry_id: str) -> list[tuple[dict, dict]]:
        """(catalog, row) for every catalog pattern this entry covers."""
        return [(c, r) for c in self.catalogs for r in c["patterns"] if r["entry"] == entry_id]


def load_coverage(root: Path, catalog) -> Coverage | None:
    """The coverage list, or None when the project has none; raises CatalogError listing every problem."""
    if not (root / PATH).is_file():
        return None
    return Coverage(
        checked_document(root, PATH, "coverage.schema.json", lambda doc: _row_problems(doc, catalog)).mapping()
    )


def _spellings(name: str) -> set[str]:
    """A catalog name and, for "Long Name (ABBR)", each of its two halves."""
    found = {normalise(name)}
    match = re.fullmatch(r"(.+?)\s*\((.+)\)\s*", name)
    if match:
        found |= {normalise(match.group(1)), normalise(match.group(2))}
    return found


def _names_of(entry) -> set[str]:
    return {normalise(n) for n in [entry.data["name"], *entry.data.get("aliases", [])]}


def _row_problems(doc, catalog):
    moved = renamed(catalog)
    seen_ids: dict[str, int] = {}

    def problem(path, message, tip):
        return Problem(doc.path, doc.line_of(path), field_path(path), message, tip)

    for c, cat in enumerate(doc.data["catalogs"]):
        if cat["id"] in seen_ids:
            yield problem(
                ("catalogs", c, "id"),
                f"'{cat['id']}' is already the id of catalogs[{seen_ids[cat['id']]}]",
                "give each catalog its own id",
            )
        seen_ids.setdefault(cat["id"], c)
        names: dict[str, int] = {}
        for r, row in enumerate(cat["patterns"]):
            at = ("catalogs", c, "patterns", r)
            key = normalise(row["name"])
            if key in names:
                yield problem(
                    (*at, "name"),
                    f"'{row['name']}' is already listed at patterns[{names[key]}] of this catalog",
                    "list each pattern of a catalog once",
                )
            names.setdefault(key, r)
            entry_id = row["entry"]
            if entry_id is None:
                if bool(row.get("excluded")) == bool(row.get("missing")):
                    yield problem(
                        (*at, "entry"),
                        f"'{row['name']}' has no entry, so it needs exactly one of `excluded` or `missing`",
                        "write `missing: true` for a backend pattern the atlas lacks, or `excluded: <why>` for one that is not backend architecture",
                    )
                if "how" in row:
                    yield problem((*at, "how"), f"'{row['name']}' has no entry, so `how` means nothing", "remove `how`")
                continue
            for key_ in ("excluded", "missing", "suggested_id"):
                if key_ in row:
                    yield problem(
                        (*at, key_),
                        f"'{row['name']}' is covered by {entry_id}, so `{key_}` contradicts it",
                        f"remove `{key_}`, or set `entry: null` if {entry_id} does not really cover it",
                    )
            if entry_id not in catalog.entries:
                tip = (
                    f"the entry was renamed: write `entry: {moved[entry_id]}`"
                    if entry_id in moved
                    else "use the id of a file in patterns/, or `entry: null` with `missing: true`"
                )
                yield problem((*at, "entry"), f"'{entry_id}' is not an entry", tip)
                continue
            how = row.get("how")
            if how is None:
                yield problem(
                    (*at, "entry"),
                    f"'{row['name']}' names {entry_id} without saying how it covers it",
                    "add `how: name`, `how: alias` or `how: equivalent` (with a `note`)",
                )
            elif how in ("name", "alias") and not _spellings(row["name"]) & _names_of(catalog.entries[entry_id]):
                yield problem(
                    (*at, "how"),
                    f"'{row['name']}' is neither the name nor an alias of {entry_id}",
                    f"add it to the aliases of patterns/{entry_id}.yaml, or write `how: equivalent` with a `note` saying why",
                )
            elif how == "equivalent" and not row.get("note"):
                yield problem(
                    (*at, "how"),
                    f"'{row['name']}' is called an equivalent of {entry_id} without a reason",
                    "add a `note` saying why the entry covers this pattern",
                )
    coverage = Coverage(doc.data)
    share = coverage.union_tally().share
    if share + 1e-9 < doc.data["floor"]:
        yield problem(
            ("floor",),
            f"coverage is {share:.1%}, below the floor of {doc.data['floor']:.1%}",
            "cover the patterns again (an entry was removed or unmapped), or lower the floor only with a reason in the commit",
        )
