"""Redirect stubs (renamed patterns, reversed and retired comparisons) keep the reader's anchor and
carry the site icon, so an item link from a design review survives a rename and costs no 404."""

import json
import re
import shutil
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from atlas.catalog import load_valid_catalog
from atlas.comparisons import alternative_pairs
from atlas.export import export_files
from atlas.pages import redirect_text, sync_compare_pages, sync_pattern_pages
from conftest import ROOT, load_fixture, real_catalog, run_build, save_fixture, serve, site_skeleton

MATERIAL_DEFAULT_ICON = "assets/images/favicon.png"  # material/templates/mkdocs_theme.yml


def _site_icon():
    """The icon Material links on every page: theme.favicon in mkdocs.yml, else Material's default."""

    class Tolerant(yaml.SafeLoader):
        pass

    Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/name:...
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Tolerant)
    return config["theme"].get("favicon", MATERIAL_DEFAULT_ICON)


SITE_ICON = _site_icon()


class _Stub(HTMLParser):
    """The parts of a redirect stub that matter: its links, meta refresh and scripts."""

    def __init__(self, text):
        super().__init__()
        self.links, self.metas, self.scripts, self.anchors, self._in_script = [], [], [], [], False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)
        elif tag == "a":
            self.anchors.append(attrs)
        elif tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


# --- redirect_text ---------------------------------------------------------------------------


def test_stub_keeps_the_incoming_fragment_before_the_meta_refresh():
    stub = redirect_text("../new-id/", site_root="../../")
    parsed = _Stub(stub)
    assert len(parsed.scripts) == 1
    script = parsed.scripts[0]
    assert 'new URL("../new-id/", location.href)' in script
    assert "location.hash" in script and "location.replace(" in script
    # The script runs before the meta refresh is parsed, so it wins; the refresh stays as the no-JS fallback.
    assert stub.index("<script") < stub.index('http-equiv="refresh"')
    assert [m["content"] for m in parsed.metas if m.get("http-equiv") == "refresh"] == ["0; url=../new-id/"]
    assert [a["href"] for a in parsed.anchors] == ["../new-id/"]
    assert [link["href"] for link in parsed.links if link.get("rel") == "canonical"] == ["../new-id/"]


def test_stub_keeps_the_targets_own_fragment_when_the_link_has_none():
    script = _Stub(redirect_text("../../patterns/a/#related-patterns", site_root="../../")).scripts[0]
    assert 'new URL("../../patterns/a/#related-patterns", location.href)' in script
    assert re.search(r"\.hash\s*=\s*location\.hash\s*\|\|", script)  # the incoming hash, else the target's


def test_stub_escapes_the_target_everywhere():
    target = '../x"></script><script>alert(1)</script>&<b>/'
    stub = redirect_text(target, site_root="../../")
    parsed = _Stub(stub)
    assert len(parsed.scripts) == 1 and "<" not in parsed.scripts[0]  # nothing can close the script
    literal = re.search(r"new URL\((\".*?\"), location\.href\)", parsed.scripts[0]).group(1)
    assert json.loads(literal) == target  # the script reads back exactly the target
    assert [a["href"] for a in parsed.anchors] == [target]  # each attribute holds the value, unbroken
    assert [link["href"] for link in parsed.links if link.get("rel") == "canonical"] == [target]
    assert [m["content"] for m in parsed.metas if m.get("http-equiv") == "refresh"] == [f"0; url={target}"]
    assert "<script>alert(1)" not in stub


def test_stub_links_the_site_icon_relative_to_its_folder():
    icons = [link for link in _Stub(redirect_text("../new/", site_root="../../")).links if link.get("rel") == "icon"]
    assert [link["href"] for link in icons] == [f"../../{SITE_ICON}"]
    assert icons[0].get("type") == "image/png"


@pytest.fixture
def renamed_beta(fixture_dir):
    """The fixture catalog with beta renamed from old-beta (former_ids: [old-beta])."""
    beta = load_fixture(fixture_dir, "beta")
    beta["former_ids"] = ["old-beta"]
    save_fixture(fixture_dir, beta, "beta")
    return load_valid_catalog(ROOT, fixture_dir)


def test_generated_stubs_link_the_icon_two_folders_up(renamed_beta, tmp_path):
    catalog = renamed_beta
    sync_pattern_pages(catalog, tmp_path / "patterns")
    sync_compare_pages(catalog, tmp_path / "compare")
    for stub in ("patterns/old-beta/index.html", "compare/beta-vs-alpha/index.html"):
        links = _Stub((tmp_path / stub).read_text(encoding="utf-8")).links
        assert f"../../{SITE_ICON}" in [link["href"] for link in links if link.get("rel") == "icon"], stub


def test_every_published_stub_links_an_icon_that_exists(built_site):
    stubs = [
        p for p in built_site.rglob("index.html") if "<!-- generated redirect -->" in p.read_text(encoding="utf-8")
    ]
    assert stubs, "the real catalog publishes redirects for reversed comparisons"
    for stub in stubs:
        icons = [link["href"] for link in _Stub(stub.read_text(encoding="utf-8")).links if link.get("rel") == "icon"]
        assert len(icons) == 1, stub
        assert (stub.parent / icons[0]).resolve().is_file(), f"{stub.relative_to(built_site)}: {icons[0]}"


def test_a_renamed_entry_keeps_its_comparison_and_json_addresses(renamed_beta, tmp_path):
    catalog = renamed_beta
    sync_compare_pages(catalog, tmp_path / "compare")
    for old in ("old-beta-vs-alpha", "alpha-vs-old-beta"):
        stub = _Stub((tmp_path / "compare" / old / "index.html").read_text(encoding="utf-8"))
        assert [m["content"] for m in stub.metas if m.get("http-equiv") == "refresh"] == ["0; url=../alpha-vs-beta/"], (
            old
        )
    record = json.loads(export_files(catalog)["patterns/old-beta.json"])
    assert record["moved_to"] == "beta" and record["id"] == "beta"


# --- in a browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """The fixture catalog, built, with beta renamed from old-name (former_ids: [old-name])."""
    project = site_skeleton(tmp_path_factory.mktemp("renamed") / "project", for_fixtures=True)
    shutil.copytree(ROOT / "tests" / "fixtures" / "catalog", project / "patterns")
    beta = load_fixture(project / "patterns", "beta")
    beta["former_ids"] = ["old-name"]
    save_fixture(project / "patterns", beta, "beta")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    assert (site / "patterns" / "old-name" / "index.html").is_file()
    return site


@pytest.fixture
def visit(browser):
    """visit(site) -> (page, base URL, server log); the page records every response it sees."""
    opened = []

    def open_site(site):
        log = []
        server = serve(site, log)
        context = browser.new_context(viewport={"width": 1280, "height": 700})
        page = context.new_page()
        page.responses = []
        page.on("response", lambda response: page.responses.append((response.url, response.status)))
        opened.append((server, context))
        return page, server.base, log

    yield open_site
    for server, context in opened:
        context.close()
        server.shutdown()


@pytest.mark.browser
def test_old_item_link_lands_on_the_item_of_the_renamed_page(renamed_site, visit):
    page, base, _ = visit(renamed_site)
    anchor = "failure-stale-fixture"
    page.goto(f"{base}/patterns/beta/")
    expect(page.locator(f"#{anchor}")).not_to_be_in_viewport()  # far enough down that landing at the top misses it
    page.goto(f"{base}/patterns/old-name/#{anchor}")
    page.wait_for_url(f"{base}/patterns/beta/#{anchor}")
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()


@pytest.mark.browser
def test_following_a_redirect_requests_nothing_that_is_missing(renamed_site, visit):
    page, base, log = visit(renamed_site)
    page.goto(f"{base}/compare/beta-vs-alpha/")
    page.wait_for_url(f"{base}/compare/alpha-vs-beta/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(1_000)  # the browser asks for the page's icon after the page has loaded
    seen = [(urlsplit(url).path, status) for url, status in page.responses] + log
    assert ("/compare/beta-vs-alpha/", 200) in seen
    assert [(path, status) for path, status in seen if status >= 400] == []


def _retired_pair(built_site):
    catalog = real_catalog()
    live = set(alternative_pairs(catalog))
    for a, b in catalog.vocabulary.get("retired_comparisons", []):
        if a in catalog.entries and b in catalog.entries and tuple(sorted((a, b))) not in live:
            if (built_site / "compare" / f"{b}-vs-{a}" / "index.html").is_file():
                return a, b
    pytest.skip("the catalog has no retired comparison with both patterns published")


@pytest.mark.browser
def test_retired_comparison_without_a_fragment_lands_on_related_patterns(built_site, visit):
    a, b = _retired_pair(built_site)
    page, base, _ = visit(built_site)
    page.goto(f"{base}/compare/{b}-vs-{a}/")
    page.wait_for_url(f"{base}/patterns/{a}/#related-patterns")
    expect(page.locator("#related-patterns")).to_be_in_viewport()


@pytest.mark.browser
def test_without_javascript_the_meta_refresh_still_leads_to_the_page(renamed_site, browser):
    server = serve(renamed_site, [])
    base = server.base
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base}/patterns/old-name/#failure-stale-fixture")
        page.wait_for_url(f"{base}/patterns/beta/**")  # the fallback may drop the fragment
        expect(page.locator("h1")).to_contain_text("Beta Fixture")
    finally:
        context.close()
        server.shutdown()
