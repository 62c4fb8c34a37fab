"""Find and link: JSON export, former ids as redirects, the committed URL list, search terms, changelog."""

import json
import subprocess

import pytest
from test_rules import problems_for

from atlas.catalog import load_valid_catalog
from atlas.changelog import Change, git_history, render_changelog
from atlas.export import SCHEMA_VERSION, catalog_json, export_files
from atlas.pages import sync_pattern_pages
from atlas.render.pattern_page import render_pattern_page
from atlas.urls import published_urls, read_list
from conftest import FIXTURES, ROOT, load_fixture, real_catalog, save_fixture


def test_export_holds_every_entry_with_its_relations():
    real = real_catalog()
    data = catalog_json(real)
    assert data["schema_version"] == SCHEMA_VERSION and data["count"] == len(real.entries) == len(data["patterns"])
    saga = next(p for p in data["patterns"] if p["id"] == "saga")
    assert saga["url"] == "patterns/saga/"
    assert any(r["type"] == "has-variant" and r["target"] == "saga-orchestration" for r in saga["related"])


def test_export_files_are_one_per_entry_plus_catalog_and_schema():
    real = real_catalog()
    files = export_files(real)
    former = {old for e in real.entries.values() for old in e.data.get("former_ids", [])}
    assert set(files) == (
        {"patterns.json", "pairs.json", "schema/pattern.schema.json"}
        | {f"patterns/{i}.json" for i in real.entries}
        | {f"patterns/{old}.json" for old in former}
    )
    assert json.loads(files["schema/pattern.schema.json"]) == json.loads(
        (ROOT / "schema" / "pattern.schema.json").read_text()
    )
    assert json.loads(files["patterns/cqrs.json"])["name"] == "Command Query Responsibility Segregation"
    assert export_files(real) == files  # deterministic: no timestamps, stable order


def test_published_api_files(built_site):
    data = json.loads((built_site / "api" / "patterns.json").read_text(encoding="utf-8"))
    assert data["count"] == len(real_catalog().entries)
    assert json.loads((built_site / "api" / "patterns" / "saga.json").read_text(encoding="utf-8"))["id"] == "saga"
    assert json.loads(
        (built_site / "api" / "schema" / "pattern.schema.json").read_text(encoding="utf-8")
    ) == json.loads((ROOT / "schema" / "pattern.schema.json").read_text(encoding="utf-8"))


def test_former_id_becomes_a_redirect(fixture_dir, tmp_path):
    beta = load_fixture(fixture_dir, "beta")
    beta["former_ids"] = ["old-beta"]
    save_fixture(fixture_dir, beta, "beta")
    catalog = load_valid_catalog(ROOT, fixture_dir)
    out = tmp_path / "generated"
    sync_pattern_pages(catalog, out)
    redirect = (out / "old-beta" / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../beta/"' in redirect


@pytest.mark.parametrize(
    "former,expected",
    [
        (["gamma"], "'gamma' is the id of a current entry"),
    ],
)
def test_former_id_cannot_be_a_current_id(fixture_dir, former, expected):
    beta = load_fixture(fixture_dir, "beta")
    beta["former_ids"] = former
    save_fixture(fixture_dir, beta, "beta")
    messages = [str(p) for p in problems_for(fixture_dir)]
    assert len(messages) == 1 and "patterns/beta.yaml" in messages[0] and expected in messages[0]


def test_former_id_claimed_twice_and_relation_to_a_renamed_entry(fixture_dir):
    for entry_id in ("beta", "gamma"):
        data = load_fixture(fixture_dir, entry_id)
        data["former_ids"] = ["old-name"]
        save_fixture(fixture_dir, data, entry_id)
    alpha = load_fixture(fixture_dir)
    alpha["relations"].append(
        {"type": "complements", "target": "old-name", "note": "Points at an id that was renamed."}
    )
    save_fixture(fixture_dir, alpha)
    messages = [str(p) for p in problems_for(fixture_dir)]
    assert any(
        "patterns/gamma.yaml" in m and "'old-name' is already a former id of patterns/beta.yaml" in m for m in messages
    )
    assert any("patterns/alpha.yaml" in m and "'old-name' was renamed to 'beta'" in m for m in messages)


def test_alias_claimed_by_two_entries(fixture_dir):
    alpha = load_fixture(fixture_dir)
    alpha["aliases"].append("Beta Fixture")
    save_fixture(fixture_dir, alpha)
    messages = [str(p) for p in problems_for(fixture_dir)]
    assert len(messages) == 1 and messages[0].startswith("patterns/beta.yaml:")
    assert "'Beta Fixture' is already a name, alias or keyword of patterns/alpha.yaml" in messages[0]


def test_search_weighs_name_keywords_and_aliases():
    page = render_pattern_page(real_catalog(), "serverless")
    assert '<span data-pagefind-weight="10" data-pagefind-meta="keywords">Serverless · cold start' in page
    assert '<span data-pagefind-weight="6" data-pagefind-meta="aliases">Functions as a Service' in page


def test_search_indexes_patterns_comparisons_and_the_glossary_but_not_lists_of_everything(built_site):
    assert (built_site / "pagefind" / "pagefind.js").is_file()
    assert not (
        built_site / "search" / "search_index.json"
    ).exists()  # no single-file index that grows with the catalog

    def indexed(page):
        return "data-pagefind-body" in (built_site / page / "index.html").read_text(encoding="utf-8")

    assert indexed("patterns/saga") and indexed("compare/saga-vs-two-phase-commit") and indexed("glossary")
    assert not indexed("tradeoffs") and not indexed("tradeoffs/latency") and not indexed("map")


def test_every_published_url_stays_published(built_site):
    committed, built = set(read_list(ROOT)), set(published_urls(built_site))
    gone = sorted(committed - built)
    assert not gone, f"URLs left the site without a redirect (add former_ids): {gone}"
    new = sorted(built - committed)
    assert not new, f"new URLs are not recorded; run `make urls`: {new}"


def test_changelog_from_git_history(tmp_path):
    repo = tmp_path / "repo"
    (repo / "patterns").mkdir(parents=True)
    run = lambda *args: subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)  # noqa: E731
    run("init", "-q")
    run("config", "user.email", "t@example.org")
    run("config", "user.name", "Test")
    for name in ("alpha", "beta"):
        (repo / "patterns" / f"{name}.yaml").write_text((FIXTURES / "catalog" / f"{name}.yaml").read_text())
    (repo / "README.md").write_text("not an entry\n")
    run("add", "-A")
    run("commit", "-q", "-m", "Pagefind chunked index", "--date", "2026-01-02T10:00:00")
    run("mv", "patterns/beta.yaml", "patterns/gamma.yaml")
    (repo / "decisions").mkdir()
    (repo / "decisions" / "tiny.yaml").write_text("id: tiny\n")
    (repo / "data").mkdir()
    (repo / "data" / "glossary.yaml").write_text("terms: []\n")
    run("add", "-A")
    run("commit", "-q", "-m", "Refactor the loader", "--date", "2026-02-03T10:00:00")
    changes = git_history(repo)
    assert [c.subject for c in changes] == ["Refactor the loader", "Pagefind chunked index"]
    assert changes[0].files == [("R", "beta", "gamma")]
    assert changes[0].trees == [("A", None, "tiny")] and changes[0].glossary
    assert sorted(changes[1].files) == [("A", None, "alpha"), ("A", None, "beta")]
    catalog = load_valid_catalog(ROOT, FIXTURES / "catalog")
    page = render_changelog(changes, catalog, tree_ids={"tiny"})
    # For readers: what changed in the content, by month, never the commit messages
    assert "Pagefind" not in page and "Refactor" not in page
    assert page.index("## 2026-02") < page.index("## 2026-01")
    assert "**Renamed pattern:** `beta` → [Gamma Fixture](patterns/gamma.md)." in page
    assert "**New patterns (2):** [Alpha Fixture](patterns/alpha.md), [Beta Fixture](patterns/beta.md)." in page
    assert "**New decision tree (1):** [`tiny`](decisions/tiny.md)." in page
    assert "**Glossary:** terms added or reworded." in page


def test_changelog_counts_an_entry_added_and_revised_in_one_month_as_new():
    changes = [
        Change("2026-03-09", "x", [("M", None, "alpha")]),
        Change("2026-03-08", "y", [("R", "old", "alpha")]),
        Change("2026-03-01", "z", [("A", None, "old"), ("M", None, "beta")]),
    ]
    page = render_changelog(changes, load_valid_catalog(ROOT, FIXTURES / "catalog"))
    assert "**New pattern (1):** [Alpha Fixture](patterns/alpha.md)." in page
    assert "**Revised pattern (1):** [Beta Fixture](patterns/beta.md)." in page
    assert "Renamed" not in page


def test_changelog_outside_git(tmp_path):
    assert git_history(tmp_path) is None
    assert "not available" in render_changelog(None, real_catalog())


def test_every_search_query_expects_a_published_page():
    import yaml

    queries = yaml.safe_load((ROOT / "tests" / "search-queries.yaml").read_text(encoding="utf-8"))
    published = set(read_list(ROOT))
    assert [f"{q}: {url}" for q, url in queries.items() if url.split("#")[0] not in published] == []
