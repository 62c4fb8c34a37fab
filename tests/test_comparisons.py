"""Comparison tables and pages: every cell traces back to its entry; every alternative pair has its page."""

import re

import pytest

from atlas.catalog import load_valid_catalog
from atlas.comparisons import alternative_pairs, pair_slug, rank_on_quality, variant_groups
from atlas.pages import sync_compare_pages, sync_tradeoff_pages
from atlas.render.charts import ratings_chart_svg
from atlas.render.compare_pages import compare_data, render_compare_any, render_pair_page
from atlas.render.tables import render_family_tables, render_matrix, render_quality_page, render_tensions
from conftest import ROOT, load_fixture, real_catalog, save_fixture


@pytest.fixture
def catalog(fixture_catalog):
    return fixture_catalog  # read only; tests that change entries load their own copy


def test_every_matrix_cell_traces_back_to_its_entry():
    real = real_catalog()
    page = render_matrix(real)
    cells = re.findall(
        r'data-sort="(\w+)">[▲▼●]<span class="atlas-sr"> \w+</span></span>\]'
        r'\(\.\./patterns/([a-z0-9-]+)\.md#effect-([a-z-]+) "',
        page,
    )
    assert len(cells) == len(real.entries) * len(real.vocabulary["quality_attributes"])
    for effect, entry_id, quality in cells:
        assert real.entries[entry_id].data["quality_effects"][quality]["effect"] == effect


def test_every_family_score_links_to_its_rationale():
    real = real_catalog()
    page = render_family_tables(real)
    scores = re.findall(r"\[(\d)\]\(\.\./patterns/([a-z0-9-]+)\.md#rating-([a-z-]+) ", page)
    by_family = re.findall(r"\]\(\.\./patterns/([a-z0-9-]+)\.md#rating-([a-z-]+) ", page.split("{ #variants }")[0])
    assert sorted(by_family) == sorted(
        (e.id, a) for e in real.entries.values() for a in e.data["ratings"]
    )  # each rating once
    for score, entry_id, attribute in scores:
        assert real.entries[entry_id].data["ratings"][attribute]["score"] == int(score)
    for family_id in {e.data["family"] for e in real.entries.values()}:
        assert f"{{ #{family_id} }}" in page
    for general in variant_groups(real):
        assert f"{{ #group-{general} }}" in page


def test_variant_groups_include_the_strategy_families():
    groups = variant_groups(real_catalog())
    assert {"caching", "sharding", "saga"} <= set(groups)
    assert {"range-sharding", "hash-sharding", "directory-sharding"} <= set(groups["sharding"])


def test_quality_page_groups_patterns_in_tiers_without_ranks(catalog):
    ranked = rank_on_quality(catalog, "consistency")
    assert ranked[0].id == "alpha"  # the only fixture that improves consistency
    page = render_quality_page(catalog, "consistency")
    improvers = [
        e for e in catalog.entries.values() if e.data["quality_effects"]["consistency"]["effect"] == "improves"
    ]
    tier = page[page.index("{ #improves }") :].split("\n## ")[0]
    assert f"## Improve it ({len(improvers)}) {{ #improves }}" in page
    assert all(f"[{e.data['name']}]" in tier for e in improvers)
    assert page.index("[Alpha Fixture]") < page.index("[Beta Fixture]")  # by name within a tier
    assert "| Rank |" not in page
    assert "| nothing |" in page  # fixtures worsen no other quality


def test_tensions_sort_patterns_by_the_side_they_take(fixture_dir):
    alpha = load_fixture(fixture_dir)
    alpha["quality_effects"]["availability"] = {"effect": "worsens", "reason": "It refuses to answer during a split."}
    save_fixture(fixture_dir, alpha)
    page = render_tensions(load_valid_catalog(ROOT, fixture_dir))
    section = page[
        page.index("{ #consistency-vs-availability }") : page.index("{ #simplicity-vs-independent-scaling }")
    ]
    favour_consistency = next(line for line in section.splitlines() if line.startswith("- **Favour consistency**"))
    assert "[Alpha Fixture](../patterns/alpha.md#effect-consistency)" in favour_consistency


def test_alternative_pairs_are_canonical_and_complete(catalog):
    assert alternative_pairs(catalog) == [("alpha", "beta")]
    assert pair_slug("beta", "alpha") == "alpha-vs-beta"


def test_every_alternative_pair_has_a_page_and_a_redirect(catalog, tmp_path):
    written = sync_compare_pages(catalog, tmp_path)
    names = sorted(p.relative_to(tmp_path).as_posix() for p in written)
    assert names == ["alpha-vs-beta.md", "beta-vs-alpha/index.html"]
    redirect = (tmp_path / "beta-vs-alpha" / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../alpha-vs-beta/"' in redirect and 'rel="canonical" href="../alpha-vs-beta/"' in redirect


def test_pair_page_marks_differences(fixture_dir):
    beta = load_fixture(fixture_dir, "beta")
    beta["ratings"]["simplicity"]["score"] = 2
    beta["quality_effects"]["cost"] = {"effect": "worsens", "reason": "Beta costs more to run than alpha."}
    save_fixture(fixture_dir, beta, "beta")
    page = render_pair_page(load_valid_catalog(ROOT, fixture_dir), "alpha", "beta")
    assert "| Simplicity | [5](../patterns/alpha.md#rating-simplicity" in page and "**Alpha Fixture +3** |" in page
    cost_row = next(line for line in page.splitlines() if line.startswith("| Cost |"))
    assert cost_row.endswith("| **differs** |")
    for anchor in ("in-brief", "qualities", "ratings", "when-to-choose", "moving"):
        assert f"{{ #{anchor} }}" in page


def test_tradeoff_pages_one_per_quality(catalog, tmp_path):
    written = sync_tradeoff_pages(catalog, tmp_path)
    assert sorted(p.stem for p in written) == sorted(catalog.vocabulary["quality_attributes"])


def test_compare_any_embeds_its_data_safely(fixture_dir):
    alpha = load_fixture(fixture_dir)
    alpha["summary"] = "A fixture whose summary tries </script><script>alert(1)</script> to break out."
    save_fixture(fixture_dir, alpha)
    catalog = load_valid_catalog(ROOT, fixture_dir)
    page = render_compare_any(catalog)
    assert page.count("</script>") == 1  # only the closing tag of the data block itself
    assert compare_data(catalog)["pairs"] == ["alpha-vs-beta"]
    assert "[Alpha Fixture vs Beta Fixture](alpha-vs-beta.md)" in page


def test_ratings_chart_has_a_text_alternative(catalog):
    entry = catalog.entries["alpha"]
    svg = ratings_chart_svg(entry, catalog.vocabulary["families"]["architecture-style"])
    assert "<desc id=\"atlas-chart-desc\">Simplicity 5 of 5; Independent deployability 4 of 5;" in svg
    assert svg.count('class="atlas-chart__bar ') == 5
