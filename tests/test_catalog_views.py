"""Map, neighbourhood, glossary and references: generated from the entries, tested on fixtures."""

import pytest

from atlas.catalog import load_valid_catalog
from atlas.glossary import abbreviation_lines, load_glossary
from atlas.problems import CatalogError
from atlas.render.glossary_page import render_glossary_page
from atlas.render.graph_svg import catalog_edges, catalog_map_svg, neighbourhood_svg
from atlas.render.map_page import render_map_page
from atlas.render.references_page import cited_sources, render_references_page
from conftest import ROOT, copy_sources, real_catalog


@pytest.fixture
def catalog(fixture_catalog):
    return fixture_catalog  # read only; tests that change entries load their own copy


def test_map_links_every_entry_and_draws_every_relation(catalog):
    svg = catalog_map_svg(catalog, lambda entry_id: f"../patterns/{entry_id}/")
    for entry_id in catalog.entries:
        assert f'href="../patterns/{entry_id}/"' in svg
    assert svg.count("<path ") == len(catalog_edges(catalog)) == 4  # alpha-beta both ways, gamma-alpha, gamma-beta
    assert '<title id="atlas-map-title">' in svg and "<desc" in svg


def test_map_page_lists_relations_as_text(catalog):
    page = render_map_page(catalog)
    assert "| [Gamma Fixture](patterns/gamma.md) | Complements | [Alpha Fixture](patterns/alpha.md) |" in page


def test_neighbourhood_shows_each_neighbour_with_its_relation(catalog):
    svg = neighbourhood_svg(catalog, "alpha", lambda entry_id: f"../{entry_id}/")
    assert 'href="../beta/"' in svg and 'href="../gamma/"' in svg and 'href="../alpha/"' not in svg
    assert ">alternative to<" in svg and ">complements<" in svg


def test_names_in_svg_are_escaped(fixture_dir):
    data = (
        (fixture_dir / "beta.yaml").read_text(encoding="utf-8").replace("name: Beta Fixture", 'name: "Beta & \\"Co\\""')
    )
    (fixture_dir / "beta.yaml").write_text(data, encoding="utf-8")
    catalog = load_valid_catalog(ROOT, fixture_dir)
    svgs = catalog_map_svg(catalog, lambda i: i) + neighbourhood_svg(catalog, "alpha", lambda i: i)
    assert "Beta &amp; &#34;Co&#34;" in svgs and 'Beta & "Co"' not in svgs


def test_references_group_one_url_cited_by_several_entries(catalog):
    sources = cited_sources(catalog)
    assert [entry.id for entry, _ in sources["https://example.org/contributing"]["citations"]] == [
        "alpha",
        "beta",
        "gamma",
    ]
    page = render_references_page(catalog)
    assert "[Alpha Fixture](patterns/alpha.md#source-fixture-docs)" in page
    assert "## Seed articles" in page


def _glossary_root(tmp_path, text):
    root = tmp_path / "root"
    for name in ("schema", "docs"):
        copy_sources(ROOT / name, root / name)
    (root / "data").mkdir()
    (root / "data" / "glossary.yaml").write_text(text, encoding="utf-8")
    return root


def test_real_glossary_is_valid():
    terms = load_glossary(ROOT, real_catalog())
    assert {"CQRS", "BFF", "EDA", "CAP", "DORA", "ACID", "BASE", "TTL", "SLO", "RBAC", "ABAC"} <= {
        t["term"] for t in terms
    }


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "terms:\n  - term: ZZZ\n    expansion: Last\n    definition: A term that sorts after the next one.\n"
            "  - term: AAA\n    expansion: First\n    definition: A term that sorts before the previous one.\n",
            "data/glossary.yaml:1: terms: the terms are not in alphabetical order.",
        ),
        (
            "terms:\n  - term: AAA\n    expansion: First\n    definition: A term defined twice in this file.\n"
            "  - term: AAA\n    expansion: Again\n    definition: A term defined twice in this file.\n",
            "data/glossary.yaml:5: terms[1].term: 'AAA' is already defined at terms[0].",
        ),
        (
            "terms:\n  - term: AAA\n    expansion: First\n    definition: A term that points at a missing page.\n    see: /patterns/nope/\n",
            "data/glossary.yaml:5: terms[0].see: the link '/patterns/nope/' points at a pattern that does not exist.",
        ),
        (
            "terms:\n  - term: AAA\n    expansion: First\n",
            "data/glossary.yaml:2: terms[0].definition: the required field 'definition' is missing.",
        ),
        (
            "terms:\n  - term: split brain\n    expansion: Split\n    definition: Two halves of a cluster each acting as the leader.\n",
            "data/glossary.yaml:3: terms[0].expansion: 'split brain' has spaces, so it is a concept",
        ),
        (
            "terms:\n  - term: a very long concept name here\n    definition: A concept whose name has too many words in it.\n",
            "data/glossary.yaml:2: terms[0].term: ",
        ),
    ],
    ids=["unsorted", "duplicate", "missing-page", "missing-field", "concept-with-expansion", "concept-too-many-words"],
)
def test_glossary_problems(tmp_path, catalog, text, expected):
    with pytest.raises(CatalogError) as err:
        load_glossary(_glossary_root(tmp_path, text), catalog)
    assert any(str(p).startswith(expected) for p in err.value.problems), err.value.report()


def test_glossary_tooltips_and_page():
    terms = [
        {
            "term": "CQRS",
            "expansion": "Command Query Responsibility Segregation",
            "definition": "Separate models.",
            "see": "/patterns/cqrs/",
        }
    ]
    assert abbreviation_lines(terms) == "*[CQRS]: Command Query Responsibility Segregation: Separate models."
    page = render_glossary_page(terms, ROOT / "docs")
    assert 'id="term-cqrs"' in page and "[More](patterns/cqrs.md)" in page


def test_concepts_are_listed_but_never_tooltips():
    terms = [
        {"term": "CQRS", "expansion": "Command Query Responsibility Segregation", "definition": "Separate models."},
        {"term": "split brain", "definition": "Two leaders at once.", "see": "/patterns/cqrs/"},
    ]
    assert abbreviation_lines(terms) == "*[CQRS]: Command Query Responsibility Segregation: Separate models."
    page = render_glossary_page(terms, ROOT / "docs")
    abbreviations, concepts = page.split("## Concepts")
    assert "## Abbreviations" in abbreviations and "CQRS" in abbreviations and "split brain" not in abbreviations
    assert 'id="term-split-brain"' in concepts and "[More](patterns/cqrs.md)" in concepts


def test_real_glossary_has_concepts_and_each_links_an_explanation():
    concepts = [t for t in load_glossary(ROOT, real_catalog()) if "expansion" not in t]
    assert concepts, "the glossary lists concepts as well as abbreviations"
    assert [t["term"] for t in concepts if "see" not in t] == []
