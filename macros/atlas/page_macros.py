"""Every page macro of the site, in one table: its name (as pages call it), what it renders, and the
file that "Edit this page" should open. macros/main.py only registers this table with mkdocs-macros
(or Zensical); tests check that every macro a page calls is here and every one here is called."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .changelog import git_history, render_changelog
from .render import performance_page as perf
from .render.catalog_page import render_catalog_page, render_home_overview
from .render.compare_pages import render_compare_any, render_pair_page
from .render.coverage_page import render_coverage_page
from .render.decision_pages import render_decisions_index, render_tree_page
from .render.glossary_page import render_glossary_page
from .render.guide_page import (
    render_guide_families,
    render_guide_qualities,
    render_guide_relations,
    render_guide_signals,
)
from .render.map_page import render_map_page
from .render.pattern_page import render_pattern_page
from .render.references_page import render_references_page, render_unconfirmed_page
from .render.tables import render_family_tables, render_matrix, render_quality_page, render_tensions


@dataclass(frozen=True)
class Macro:
    render: Callable[..., str]
    doc: str
    source: Callable[..., str] | None = None  # the file a page's "Edit this page" opens, from the macro's arguments


def page_macros(sources, root: Path) -> dict[str, Macro]:
    """The table: macro name -> Macro, bound to one load of the sources."""
    catalog, terms, trees = sources.catalog, sources.terms, sources.trees
    trees_by_id = {tree.id: tree for tree in trees}

    def benchmark() -> dict | None:
        bench = root / "data" / "benchmark.json"
        return json.loads(bench.read_text(encoding="utf-8")) if bench.exists() else None

    return {
        "pattern_page": Macro(
            lambda entry_id: render_pattern_page(catalog, entry_id),
            "The whole body of /patterns/<entry_id>/.",
            lambda entry_id: f"patterns/{entry_id}.yaml",
        ),
        "catalog_index": Macro(
            lambda: render_catalog_page(catalog), "Every pattern, grouped by family, with its summary."
        ),
        "home_overview": Macro(
            lambda: render_home_overview(catalog, trees),
            "The catalog at a glance: families with sizes and examples, and the decision trees.",
        ),
        "guide_families": Macro(lambda: render_guide_families(catalog), "Each family with its rated attributes."),
        "guide_qualities": Macro(lambda: render_guide_qualities(catalog), "The catalog-wide qualities."),
        "guide_relations": Macro(
            lambda: render_guide_relations(catalog), "The relation types, their inverses and meanings."
        ),
        "guide_signals": Macro(lambda: render_guide_signals(catalog), "The signal dimensions."),
        "relation_map": Macro(
            lambda: render_map_page(catalog), "The map: every pattern by family, with a focus control."
        ),
        "glossary_page": Macro(
            lambda: render_glossary_page(terms, catalog.docs_dir), "Every glossary term.", lambda: "data/glossary.yaml"
        ),
        "references_page": Macro(
            lambda: render_references_page(catalog), "Every cited source and the entries citing it."
        ),
        "coverage_page": Macro(
            lambda: render_coverage_page(sources.coverage, catalog),
            "Each anchor catalog's patterns and the entry covering each.",
            lambda: "data/coverage.yaml",
        ),
        "unconfirmed_sources": Macro(
            lambda: render_unconfirmed_page(catalog, trees), "Every cited source not yet confirmed."
        ),
        "quality_matrix": Macro(lambda: render_matrix(catalog), "Every pattern against every catalog-wide quality."),
        "family_tables": Macro(lambda: render_family_tables(catalog), "Each family's members on its rated attributes."),
        "quality_page": Macro(
            lambda quality: render_quality_page(catalog, quality),
            "Every pattern on one quality, in tiers.",
            lambda quality: "schema/vocabulary.yaml",
        ),
        "tensions_page": Macro(lambda: render_tensions(catalog), "The classic tensions between qualities."),
        "compare_pair": Macro(
            lambda a, b: render_pair_page(catalog, a, b),
            "One pair of alternatives side by side.",
            lambda a, b: f"patterns/{a}.yaml",
        ),
        "compare_any": Macro(lambda: render_compare_any(catalog), "The pick-any comparison page with its data."),
        "decisions_index": Macro(lambda: render_decisions_index(trees, catalog), "Every decision tree."),
        "decision_page": Macro(
            lambda tree_id: render_tree_page(trees_by_id[tree_id], catalog),
            "One decision tree: wizard, drawing and outline.",
            lambda tree_id: trees_by_id[tree_id].path,
        ),
        "changelog_page": Macro(
            lambda: render_changelog(git_history(root), catalog, tree_ids=set(trees_by_id)),
            "What changed in the content (patterns, decision trees, glossary), from the git history.",
        ),
        "performance_measured": Macro(
            lambda: perf.render_performance_measured(benchmark()), "When and where `make bench` ran."
        ),
        "performance_figures": Macro(
            lambda: perf.render_performance_figures(benchmark()), "The latest `make bench` figures."
        ),
        "performance_targets": Macro(lambda: perf.render_performance_targets(benchmark()), "Each target, met or not."),
        "performance_chart": Macro(
            lambda: perf.render_performance_chart(benchmark()), "Build time and page size by size."
        ),
        "performance_lighthouse": Macro(lambda: perf.render_performance_lighthouse(benchmark()), "Lighthouse scores."),
        "performance_axe": Macro(
            lambda: perf.render_performance_axe(benchmark()), "axe-core violations per page type."
        ),
    }
