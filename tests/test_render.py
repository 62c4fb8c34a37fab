"""Render functions, tested on the fixture catalog without MkDocs."""

import re

import pytest

from atlas.catalog import load_valid_catalog
from atlas.pages import sync_pattern_pages
from atlas.relations import links_of, neighbours
from atlas.render.catalog_page import render_catalog_page
from atlas.render.guide_page import (
    render_guide_families,
    render_guide_qualities,
    render_guide_relations,
    render_guide_signals,
)
from atlas.render.pattern_page import render_pattern_page
from conftest import ROOT, load_fixture, save_fixture


@pytest.fixture
def catalog(fixture_catalog):
    return fixture_catalog  # read only; tests that change entries load their own copy


def test_pattern_page_has_every_section_with_a_stable_anchor(catalog):
    page = render_pattern_page(catalog, "alpha")
    for anchor in (
        "context",
        "problem",
        "solution",
        "how-it-works",
        "diagram",
        "when-to-use",
        "when-to-avoid",
        "benefits",
        "costs",
        "ratings",
        "quality-effects",
        "failure-modes",
        "anti-patterns",
        "prerequisites",
        "related-patterns",
        "examples",
        "review-checklist",
        "sources",
    ):
        assert re.search(rf"\{{ #{anchor}( [^}}]*)? \}}", page), anchor


def test_items_carry_their_own_anchors(catalog):
    page = render_pattern_page(catalog, "alpha")
    for anchor in (
        "benefit-isolates-rules",
        "cost-upkeep",
        "rating-simplicity",
        "effect-security",
        "failure-stale-fixture",
        "anti-pattern-fixture-as-content",
        "check-one-defect",
        "source-fixture-docs",
    ):
        assert f'id="{anchor}"' in page, anchor


def test_claims_cite_their_numbered_source(catalog):
    page = render_pattern_page(catalog, "alpha")
    assert '[[1]](#source-fixture-docs "Contributing guide")' in page
    assert "articles the atlas started from" in page and "000_d75d0996da671b88" not in page


def test_ratings_and_effects_follow_the_vocabulary_order(catalog):
    page = render_pattern_page(catalog, "alpha")
    assert page.index("rating-simplicity") < page.index("rating-team-autonomy")
    assert "●●●●●</span> 5/5" in page and "▲ improves" in page and "● neutral" in page


def test_relation_shows_on_both_pages(fixture_dir):
    beta = load_fixture(fixture_dir, "beta")
    beta["relations"] = [{"type": "requires", "target": "alpha", "note": "Beta cannot work without alpha."}]
    alpha = load_fixture(fixture_dir, "alpha")
    alpha["relations"] = [{"type": "often-combined-with", "target": "beta", "note": "Seen together in tests."}]
    save_fixture(fixture_dir, beta, "beta")
    save_fixture(fixture_dir, alpha, "alpha")
    catalog = load_valid_catalog(ROOT, fixture_dir)
    kinds = {(link.kind, link.target) for link in links_of(catalog, "alpha")}
    assert kinds == {("often-combined-with", "beta"), ("required-by", "beta"), ("complements", "gamma")}
    page = render_pattern_page(catalog, "alpha")
    assert "**Required by** [Beta Fixture](beta.md) — Beta cannot work without alpha." in page


def test_markup_in_fields_is_shown_as_text(fixture_dir):
    import markdown

    alpha = load_fixture(fixture_dir)
    alpha["benefits"][0]["force"] = "a force <em>{{ config.site_name }}</em>"
    alpha["context"] = "Context with <script>alert('x')</script> and {% raw %} inside, long enough to pass."
    save_fixture(fixture_dir, alpha)
    page = render_pattern_page(load_valid_catalog(ROOT, fixture_dir), "alpha")
    assert "**a force &lt;em&gt;&#123;&#123; config.site&#95;name &#125;&#125;&lt;/em&gt;**" in page
    assert "<script>" not in page and "{%" not in page and "{{" not in page
    html = markdown.markdown(page, extensions=["md_in_html", "attr_list", "tables"])
    assert "a force &lt;em&gt;" in html and "<em>{" not in html


def test_source_addresses_stay_one_link_and_show_their_archived_copy(fixture_dir):
    import markdown

    alpha = load_fixture(fixture_dir)
    alpha["sources"][0]["url"] = "https://en.wikipedia.org/wiki/Saga_(pattern)'x"
    alpha["sources"][0]["archive_url"] = "https://web.archive.org/web/2023/https://example.org/contributing"
    save_fixture(fixture_dir, alpha)
    page = render_pattern_page(load_valid_catalog(ROOT, fixture_dir), "alpha")
    html = markdown.markdown(page.split("## Sources")[1], extensions=["md_in_html"])
    assert 'href="https://en.wikipedia.org/wiki/Saga_%28pattern%29%27x"' in html
    assert '<a href="https://web.archive.org/web/2023/https://example.org/contributing">archived copy</a>' in html


def test_disagreements_show_each_position_with_its_source(fixture_dir):
    alpha = load_fixture(fixture_dir)
    alpha["disagreements"] = [
        {
            "id": "team-size",
            "topic": "Team size that pays off",
            "positions": [
                {"claim": "Pays off above fifty engineers.", "source": "fixture-docs"},
                {"claim": "Pays off above twenty engineers.", "source": "seed-product"},
            ],
        }
    ]
    save_fixture(fixture_dir, alpha)
    page = render_pattern_page(load_valid_catalog(ROOT, fixture_dir), "alpha")
    assert 'id="disagreement-team-size"' in page
    assert "Pays off above fifty engineers. <sup" in page and "[[2]](#source-seed-product" in page


def test_catalog_page_lists_every_entry_under_its_family(catalog):
    page = render_catalog_page(catalog)
    assert "## Architecture styles { #architecture-style }" in page
    assert "[Alpha Fixture](alpha.md)" in page and "[Beta Fixture](beta.md)" in page
    assert "## Data management" not in page  # families without members are left out


def test_guide_tables_are_generated_from_the_vocabulary(catalog):
    vocab = catalog.vocabulary
    families = render_guide_families(catalog)
    for family_id, family in vocab["families"].items():
        assert f"### {family['name']} {{ #family-{family_id} }}" in families
        assert all(f"| {a['name']} |" in families for a in family["attributes"].values())
    qualities = render_guide_qualities(catalog).splitlines()
    assert len(qualities) == 2 + len(vocab["quality_attributes"])
    relations = render_guide_relations(catalog)
    assert all(
        f"| {r['name']} | {r['inverse'].replace('-', ' ').capitalize()} |" in relations
        for r in vocab["relation_types"].values()
    )
    signals = render_guide_signals(catalog).splitlines()
    assert [line.split(":**")[0] for line in signals] == [
        f"- **{d.replace('-', ' ').capitalize()}" for d in vocab["signal_dimensions"]
    ]


def test_sync_rewrites_a_stub_only_when_what_its_page_shows_changes(editable_catalog, tmp_path):
    """Each stub carries a digest of its page's data, so `mkdocs serve --dirty` rebuilds exactly the touched pages."""
    catalog = editable_catalog
    out = tmp_path / "generated"
    sync_pattern_pages(catalog, out)
    related = sorted(neighbours(catalog, "alpha") & set(catalog.entries))
    unrelated = sorted(set(catalog.entries) - set(related) - {"alpha"})
    assert related
    before = {r: render_pattern_page(catalog, r) for r in related}
    catalog.entries["alpha"].data["name"] += " Edited"
    written = sorted(p.stem for p in sync_pattern_pages(catalog, out))
    assert written == sorted(["alpha", *related])  # they name alpha beside its link
    assert not set(unrelated) & set(written)
    assert all(render_pattern_page(catalog, r) != before[r] for r in related)
    before = {r: render_pattern_page(catalog, r) for r in related}
    for field in ("summary", "context"):
        catalog.entries["alpha"].data[field] += " (edited)"
        assert [p.stem for p in sync_pattern_pages(catalog, out)] == ["alpha"]  # only alpha's page shows them
        assert all(render_pattern_page(catalog, r) == before[r] for r in related)  # ...as the related pages prove


def test_pattern_pages_are_synced_with_the_catalog(catalog, tmp_path):
    out = tmp_path / "generated"
    out.mkdir()
    (out / "index.md").write_text("# hand-written\n", encoding="utf-8")
    (out / "gone.md").write_text("---\ngenerated_from: patterns/gone.yaml\n---\n", encoding="utf-8")
    written = sync_pattern_pages(catalog, out)
    assert sorted(p.name for p in written) == ["alpha.md", "beta.md", "gamma.md"]
    assert sorted(p.name for p in out.iterdir()) == ["alpha.md", "beta.md", "gamma.md", "index.md"]
    stub = (out / "alpha.md").read_text(encoding="utf-8")
    assert '{{ pattern_page("alpha") }}' in stub and 'title: "Alpha Fixture"' in stub  # the page title, tab and header
    assert sync_pattern_pages(catalog, out) == []  # unchanged pages are not rewritten (no serve loop)


def test_each_failure_mode_is_its_own_list_item(fixture_dir):
    import markdown

    alpha = load_fixture(fixture_dir)
    alpha["failure_modes"].append(
        {
            "id": "second",
            "name": "Second failure",
            "kind": "illustration",
            "description": "Another way the fixture fails in tests.",
            "mitigation": "Another way to keep it from failing.",
        }
    )
    save_fixture(fixture_dir, alpha)
    html = markdown.markdown(
        render_pattern_page(load_valid_catalog(ROOT, fixture_dir), "alpha"),
        extensions=["attr_list", "md_in_html", "tables"],
    )
    section = html[html.index('id="failure-stale-fixture"') - 200 : html.index('id="anti-patterns"')]
    assert section.count("<li>") == 2
