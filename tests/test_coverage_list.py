"""The coverage list (data/coverage.yaml): every catalog pattern maps to a real entry or says why not,
and coverage never silently falls. Valid and invalid fixtures for each rule."""

import shutil

import pytest
import yaml

from atlas.catalog import load_catalog
from atlas.coverage import load_coverage, normalise
from atlas.problems import CatalogError
from atlas.render.coverage_page import render_coverage_page
from conftest import ROOT, load_fixture, real_catalog, save_fixture

# The catalogs' ids, for the test names only (libyaml: collecting tests should cost next to nothing).
RAW = yaml.load((ROOT / "data" / "coverage.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


@pytest.fixture
def catalog(fixture_catalog):
    return fixture_catalog  # read only; tests that change entries load their own copy


@pytest.fixture(scope="module")
def real():
    """The project's coverage list, validated against the real catalog (any problem fails here, with its line)."""
    coverage = load_coverage(ROOT, real_catalog())
    assert coverage is not None and coverage.catalogs
    return coverage


@pytest.mark.parametrize("cat_id", [c["id"] for c in RAW["catalogs"]])
def test_each_catalog_is_sourced_and_every_row_resolves(real, cat_id):
    cat = next(c for c in real.catalogs if c["id"] == cat_id)
    assert cat["url"].startswith("https://")
    assert ("checked" in cat and cat.get("locator")) or cat.get("unconfirmed")
    entries = real_catalog().entries
    for row in cat["patterns"]:
        assert row["entry"] is None or row["entry"] in entries, row


def test_real_coverage_meets_its_floor_and_the_floor_is_recorded_honestly(real):
    share = real.union_tally().share
    assert share >= real.data["floor"]
    assert share - real.data["floor"] < 0.05, "raise `floor` in data/coverage.yaml to the coverage reached"


VALID = """target: 0.9
floor: 0.5
catalogs:
  - id: demo
    title: Demo catalog
    url: https://example.org/patterns
    locator: "Pattern list"
    checked: "2026-12-01"
    patterns:
      - name: Alpha fixture pattern
        entry: alpha
        how: name
      - name: First Fixtures
        entry: alpha
        how: alias
      - name: Something like beta
        entry: beta
        how: equivalent
        note: "Beta covers it under another name."
      - name: Sparkles
        entry: null
        excluded: "A front-end concern, not backend architecture."
      - name: Zeta
        entry: null
        missing: true
        suggested_id: zeta
"""


def _root(tmp_path, text):
    root = tmp_path / "root"
    shutil.copytree(ROOT / "schema", root / "schema")
    (root / "data").mkdir()
    (root / "data" / "coverage.yaml").write_text(text, encoding="utf-8")
    return root


def test_valid_fixture_tallies(tmp_path, catalog):
    coverage = load_coverage(_root(tmp_path, VALID), catalog)
    t = coverage.tally(coverage.catalogs[0])
    assert (t.listed, t.excluded, t.covered, t.missing) == (5, 1, 3, 1)
    assert coverage.missing() == [("Zeta", 1, "zeta")]
    assert coverage.union_tally().share == pytest.approx(3 / 4)


def test_a_pattern_listed_by_two_catalogs_counts_once(tmp_path, catalog):
    second = VALID.split("catalogs:\n")[1].replace("id: demo", "id: other")
    coverage = load_coverage(_root(tmp_path, VALID + second), catalog)
    assert coverage.union_tally().listed == 5  # each name of the second catalog merges with the first's
    assert coverage.missing() == [("Zeta", 2, "zeta")]


@pytest.mark.parametrize(
    "change,expected",
    [
        (
            ("entry: beta\n        how: equivalent", "entry: nope\n        how: equivalent"),
            "data/coverage.yaml:17: catalogs[0].patterns[2].entry: 'nope' is not an entry.",
        ),
        (
            ("name: First Fixtures", "name: Not An Alias"),
            "data/coverage.yaml:15: catalogs[0].patterns[1].how: 'Not An Alias' is neither the name nor an alias of alpha.",
        ),
        (
            ('        note: "Beta covers it under another name."\n', ""),
            "data/coverage.yaml:18: catalogs[0].patterns[2].how: 'Something like beta' is called an equivalent of beta without a reason.",
        ),
        (
            ("        missing: true\n", ""),
            "data/coverage.yaml:24: catalogs[0].patterns[4].entry: 'Zeta' has no entry, so it needs exactly one of `excluded` or `missing`.",
        ),
        (
            ("        how: name\n", "        how: name\n        missing: true\n"),
            "data/coverage.yaml:13: catalogs[0].patterns[0].missing: 'Alpha fixture pattern' is covered by alpha, so `missing` contradicts it.",
        ),
        (("floor: 0.5", "floor: 0.8"), "data/coverage.yaml:2: floor: coverage is 75.0%, below the floor of 80.0%."),
        (
            ("name: Sparkles", "name: First fixture"),
            "data/coverage.yaml:20: catalogs[0].patterns[3].name: 'First fixture' is already listed at patterns[1] of this catalog.",
        ),
        (("how: name", "how: guess"), "data/coverage.yaml:12: catalogs[0].patterns[0].how: "),
    ],
    ids=[
        "unknown-entry",
        "alias-mismatch",
        "equivalent-without-note",
        "neither-excluded-nor-missing",
        "covered-and-missing",
        "below-floor",
        "duplicate-name",
        "bad-how",
    ],
)
def test_coverage_problems(tmp_path, catalog, change, expected):
    text = VALID.replace(*change)
    assert text != VALID
    with pytest.raises(CatalogError) as err:
        load_coverage(_root(tmp_path, text), catalog)
    assert any(str(p).startswith(expected) for p in err.value.problems), err.value.report()


def test_a_renamed_entry_fails_with_its_new_id_in_the_tip(tmp_path, fixture_dir):
    beta = load_fixture(fixture_dir, "beta")
    (fixture_dir / "beta.yaml").unlink()
    beta["id"], beta["former_ids"] = "beta-two", ["beta"]
    save_fixture(fixture_dir, beta, "beta-two")
    catalog, _ = load_catalog(ROOT, fixture_dir)  # other entries' relations to beta now fail too; not our concern
    with pytest.raises(CatalogError) as err:
        load_coverage(_root(tmp_path, VALID), catalog)
    assert "the entry was renamed: write `entry: beta-two`" in err.value.report()


def test_normalise_ignores_case_punctuation_plural_and_the_word_pattern():
    assert normalise("Competing Consumers pattern") == normalise("competing consumer")
    assert normalise("Pipes & Filters") == normalise("pipes and filters")
    assert normalise("Access") == "access"  # a double s is not a plural


def test_a_plural_name_is_the_same_name(tmp_path, catalog):
    coverage = load_coverage(_root(tmp_path, VALID.replace("name: Zeta", "name: zetas")), catalog)  # suggested_id: zeta
    assert coverage.missing() == [("zetas", 1, "zeta")]


def test_a_name_with_its_abbreviation_matches_either_half(tmp_path, catalog):
    text = VALID.replace("name: First Fixtures", "name: Alpha Fixture (AF)")
    coverage = load_coverage(_root(tmp_path, text), catalog)  # AF is an alias of alpha: no problem raised
    row = coverage.catalogs[0]["patterns"][1]
    assert (row["name"], row["entry"]) == ("Alpha Fixture (AF)", "alpha")
    t = coverage.tally(coverage.catalogs[0])
    assert (t.listed, t.excluded, t.covered, t.missing) == (5, 1, 3, 1)


def test_page_lists_catalogs_links_entries_and_escapes_names(tmp_path, catalog):
    coverage = load_coverage(_root(tmp_path, VALID), catalog)
    coverage.catalogs[0]["patterns"][4]["name"] = "Zeta <img src=x>"
    page = render_coverage_page(coverage, catalog)
    assert "[Alpha Fixture](patterns/alpha.md)" in page and "(#catalog-demo)" in page and "{ #catalog-demo }" in page
    assert "<img" not in page and "75%" in page
