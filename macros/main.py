"""MkDocs glue: load the catalog once per build and register the page macros.

mkdocs-macros calls define_env(env) at the start of every build (and every
rebuild under `mkdocs serve`); Zensical calls it before every page, so loading
is cached in atlas.sources. All the real work lives in the importable `atlas`
package next to this file.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

from atlas.changelog import git_history, render_changelog
from atlas.glossary import abbreviation_lines
from atlas.problems import CatalogError
from atlas.render.catalog_page import render_catalog_page, render_home_overview
from atlas.render.compare_pages import render_compare_any, render_pair_page
from atlas.render.coverage_page import render_coverage_page
from atlas.render.decision_pages import render_decisions_index, render_tree_page
from atlas.render.glossary_page import render_glossary_page
from atlas.render.guide_page import render_guide_page
from atlas.render.map_page import render_map_page
from atlas.render.pattern_page import render_pattern_page
from atlas.render.performance_page import render_performance_page
from atlas.render.references_page import render_references_page, render_unconfirmed_page
from atlas.render.tables import render_family_tables, render_matrix, render_quality_page, render_tensions
from atlas.sources import load_sources, write_generated_pages


def define_env(env):
    root = Path(env.project_dir).resolve()  # the folder of mkdocs.yml, under MkDocs and Zensical alike
    try:
        sources = load_sources(root)
    except CatalogError as err:
        # Abort makes MkDocs print the problem lines and exit 1, with no traceback.
        raise Abort("\n" + err.report()) from None
    write_generated_pages(sources, root / env.conf["docs_dir"])  # docs_dir: absolute under MkDocs, relative under Zensical
    catalog, terms, trees = sources.catalog, sources.terms, sources.trees
    trees_by_id = {tree.id: tree for tree in trees}
    edit_base = env.conf.get("repo_url", "").rstrip("/") + "/edit/main/"

    def edit(source: str) -> None:
        """Point this page's "Edit this page" at the file its content comes from, not at a generated stub."""
        if env.page is not None and env.conf.get("repo_url"):
            env.page.edit_url = edit_base + source

    @env.macro
    def pattern_page(entry_id: str) -> str:
        """The whole body of /patterns/<entry_id>/; also points "Edit this page" at the YAML file."""
        edit(f"patterns/{entry_id}.yaml")
        return render_pattern_page(catalog, entry_id)

    @env.macro
    def catalog_index() -> str:
        """Every pattern, grouped by family, with its summary."""
        return render_catalog_page(catalog)

    @env.macro
    def home_overview() -> str:
        """The catalog at a glance for the home page: families with sizes and examples, and the decision trees."""
        return render_home_overview(catalog, trees)

    @env.macro
    def guide_page() -> str:
        """Sections, families, qualities, relation types and signal dimensions, from the vocabulary."""
        return render_guide_page(catalog)

    @env.macro
    def relation_map() -> str:
        """The whole catalog as a graph of typed relations, with the relations as text."""
        return render_map_page(catalog)

    @env.macro
    def glossary_page() -> str:
        """Every glossary term with its expansion, meaning and page."""
        edit("data/glossary.yaml")
        return render_glossary_page(terms, catalog.docs_dir)

    @env.macro
    def references_page() -> str:
        """Every cited source and the entries that cite it."""
        return render_references_page(catalog)

    @env.macro
    def coverage_page() -> str:
        """Each anchor catalog's patterns and the entry covering each, from data/coverage.yaml."""
        edit("data/coverage.yaml")
        return render_coverage_page(sources.coverage, catalog)

    @env.macro
    def unconfirmed_sources() -> str:
        """The work queue: every cited source not yet confirmed."""
        return render_unconfirmed_page(catalog, trees)

    @env.macro
    def quality_matrix() -> str:
        """Every pattern against every catalog-wide quality."""
        return render_matrix(catalog)

    @env.macro
    def family_tables() -> str:
        """Each family's members, and each pattern with its variants, on the family's rated attributes."""
        return render_family_tables(catalog)

    @env.macro
    def quality_page(quality: str) -> str:
        """Every pattern on one quality, in tiers by its stated effect."""
        edit("schema/vocabulary.yaml")
        return render_quality_page(catalog, quality)

    @env.macro
    def tensions_page() -> str:
        """The classic tensions between qualities and the side each pattern takes."""
        return render_tensions(catalog)

    @env.macro
    def compare_pair(a: str, b: str) -> str:
        """One pair of alternatives side by side."""
        edit(f"patterns/{a}.yaml")
        return render_pair_page(catalog, a, b)

    @env.macro
    def compare_any() -> str:
        """The pick-any comparison page with its embedded data."""
        return render_compare_any(catalog)

    @env.macro
    def decisions_index() -> str:
        """Every decision tree with what it helps with and the patterns it leads to."""
        return render_decisions_index(trees, catalog)

    @env.macro
    def decision_page(tree_id: str) -> str:
        """One decision tree: wizard, diagram and outline."""
        edit(trees_by_id[tree_id].path)
        return render_tree_page(trees_by_id[tree_id], catalog)

    @env.macro
    def changelog_page() -> str:
        """What changed in the content (patterns, decision trees, glossary), from the git history."""
        return render_changelog(git_history(root), catalog, tree_ids=set(trees_by_id))

    @env.macro
    def performance_page() -> str:
        """The latest benchmark figures, from data/benchmark.json."""
        bench = root / "data" / "benchmark.json"
        return render_performance_page(json.loads(bench.read_text(encoding="utf-8")) if bench.exists() else None)

    env.variables["abbreviations"] = abbreviation_lines(terms)
    env.variables["pattern_count"] = len(catalog.entries)


def on_post_page_macros(env):
    """Give every page the glossary tooltips (Python-Markdown's abbr extension reads these lines)."""
    env.markdown += "\n\n" + env.variables["abbreviations"] + "\n"
    dump = os.environ.get("ATLAS_DUMP_MARKDOWN")
    if dump:  # `make bench` only: the expanded Markdown becomes the equivalent plain Material site
        target = Path(dump) / env.page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.markdown, encoding="utf-8")


def on_post_build(env):
    """Index the built site with Pagefind (search loads the index in small chunks, offline)."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", env.conf["site_dir"], "--silent"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise Abort(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
