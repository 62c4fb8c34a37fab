"""What a build reads (entries, glossary, decision trees) and the pages generated from it.

Zensical runs define_env once per page rather than once per build, so loading is cached for as
long as no source file changes; `mkdocs serve` still reloads after every edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog, load_catalog, load_valid_catalog
from .coverage import Coverage, load_coverage
from .decisions import Tree, load_trees
from .export import write_export
from .glossary import load_glossary
from .pages import data_digest, sync_compare_pages, sync_decision_pages, sync_pattern_pages, sync_tradeoff_pages
from .problems import CatalogError, Problem

SOURCE_DIRS = ("patterns", "schema", "data", "decisions")


@dataclass(frozen=True)
class Sources:
    catalog: Catalog
    terms: list[dict]
    trees: list[Tree]
    coverage: Coverage | None = None


_loaded: dict[Path, tuple[tuple, Sources]] = {}


def _stamp(root: Path) -> tuple:
    files = sorted(path for folder in SOURCE_DIRS for path in (root / folder).rglob("*") if path.is_file())
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)


def load_sources(root: Path) -> Sources:
    """Load and validate everything under root; raises CatalogError with every problem found."""
    root = root.resolve()
    stamp = _stamp(root)
    if root not in _loaded or _loaded[root][0] != stamp:
        catalog = load_valid_catalog(root)
        _loaded[root] = (
            stamp,
            Sources(catalog, load_glossary(root, catalog), load_trees(root, catalog), load_coverage(root, catalog)),
        )
    return _loaded[root][1]


def all_problems(root: Path, patterns_dir: Path | None = None) -> tuple[Catalog, list[Problem]]:
    """Every problem in the entries, the glossary, the decision trees and the coverage list (what `make check` prints)."""
    catalog, problems = load_catalog(root, patterns_dir)
    for load in (load_glossary, load_trees, load_coverage):
        try:
            load(root, catalog)
        except CatalogError as err:
            problems += err.problems
    return catalog, problems


def write_generated_pages(sources: Sources, docs: Path) -> None:
    """The Markdown stubs of generated pages and the JSON export, written only where they changed."""
    # Every page carries the glossary's tooltips, and pattern pages name the decisions that lead to them.
    sources.catalog.cache["shared_digest"] = data_digest(
        sources.catalog.vocabulary, sources.terms, [tree.data for tree in sources.trees]
    )
    sync_pattern_pages(sources.catalog, docs / "patterns")
    sync_tradeoff_pages(sources.catalog, docs / "tradeoffs")
    sync_compare_pages(sources.catalog, docs / "compare")
    sync_decision_pages(sources.trees, sources.catalog, docs / "decisions")
    write_export(sources.catalog, docs / "api")
