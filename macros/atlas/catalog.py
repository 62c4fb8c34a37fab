"""Load every entry in patterns/, validate it, and hand back a catalog or all its problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import rules
from .problems import CatalogError, Problem, field_path
from .schema_check import load_schema_file, schema_problems
from .yamlsource import Document, read_document

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Entry:
    id: str
    path: str  # patterns/<id>.yaml, repository-relative
    data: dict
    doc: Document

    def problem(self, path, message: str, tip: str) -> Problem:
        return Problem(self.path, self.doc.line_of(path), field_path(path), message, tip)


@dataclass
class Catalog:
    root: Path
    vocabulary: dict
    schema: dict
    entries: dict = field(default_factory=dict)  # id -> Entry, for entries that passed the schema
    files: list = field(default_factory=list)  # every schema-valid Entry, duplicates of an id included
    known_ids: set = field(default_factory=set)  # every id seen, valid or not, so one bad entry does not cascade
    cache: dict = field(default_factory=dict)  # derived views (the relation index), built once on first use

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    def sorted_entries(self) -> list[Entry]:
        return [self.entries[k] for k in sorted(self.entries)]


def load_vocabulary(root: Path) -> dict:
    doc = read_document(root / "schema" / "vocabulary.yaml", "schema/vocabulary.yaml")
    if doc.problems:
        raise CatalogError(doc.problems)
    return doc.mapping()


def schema_path(root: Path) -> Path:
    return root / "schema" / "pattern.schema.json"


def load_schema(root: Path) -> dict:
    """The entry schema's data, read once per change of the file (shared: read it, never change it)."""
    return load_schema_file(schema_path(root)).data


def load_catalog(root: Path = ROOT, patterns_dir: Path | None = None) -> tuple[Catalog, list[Problem]]:
    """Every problem in the catalog at once, plus the entries that could be read.

    patterns_dir defaults to root/patterns; tests point it at a folder of fixtures.
    """
    catalog = Catalog(root, load_vocabulary(root), load_schema(root))
    problems: list[Problem] = []
    patterns_dir = patterns_dir or root / "patterns"
    for file in sorted(patterns_dir.iterdir()):
        display = f"patterns/{file.name}"
        if file.is_dir() or file.name.startswith("."):
            continue
        if file.suffix != ".yaml":
            problems.append(
                Problem(
                    display,
                    1,
                    "(file)",
                    "only .yaml files belong in patterns/",
                    f"rename it to patterns/{file.stem}.yaml if it is an entry, or move it elsewhere",
                )
            )
            continue
        catalog.known_ids.add(file.stem)  # so a wrong id inside the file does not cascade to its neighbours
        doc = read_document(file, display)
        problems.extend(doc.problems)
        if doc.problems:
            continue
        found = schema_problems(doc, schema_path(root))
        if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
            catalog.known_ids.add(doc.data["id"])
        problems.extend(found)
        if not found:
            data = doc.mapping()
            entry = Entry(data["id"], display, data, doc)
            # Two files with one id: keep the first so the duplicate rule can name both.
            catalog.entries.setdefault(entry.id, entry)
            catalog.files.append(entry)
    for rule in rules.ALL:
        problems.extend(rule.check(catalog))
    return catalog, sorted(set(problems))


def load_valid_catalog(root: Path = ROOT, patterns_dir: Path | None = None) -> Catalog:
    catalog, problems = load_catalog(root, patterns_dir)
    if problems:
        raise CatalogError(problems)
    return catalog
