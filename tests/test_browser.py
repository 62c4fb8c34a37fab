"""What a reader does, in Debian's Chromium: search for a pattern and land on its page."""

from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from atlas.decisions import all_paths
from conftest import ROOT, pattern_count, real_catalog, real_tree, real_trees, tree_ids

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, site_url):
    """A fresh page that records console errors and every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors, page.requests = [], []
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def _search(page, query):
    """Type a query as a person does and wait until the results are for this query."""
    box = page.locator("#atlas-search-input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=40)
    expect(page.locator(".atlas-search__status")).to_contain_text(f"“{query}”", timeout=10_000)
    expect(page.locator(".atlas-search__list")).not_to_have_attribute("aria-busy", "true")  # all results are in
    return page.locator(".atlas-search__link").first


def test_search_for_saga_lands_on_the_saga_page(page, site_url):
    page.goto(site_url + "/")
    first = _search(page, "saga")
    expect(page.locator(".atlas-search__link")).to_have_count(8)  # the first four come at once, then the rest
    expect(first).to_be_visible()
    first.click()
    page.wait_for_url(f"{site_url}/patterns/saga/**")
    assert page.locator("h1").inner_text().rstrip("¶ \n") == "Saga"
    # The diagram loader fetches the vendored Mermaid once the diagram nears the viewport, then draws it.
    page.locator("figure.atlas-diagram").scroll_into_view_if_needed()
    drawing = page.locator(".atlas-mermaid-drawing svg").first
    expect(drawing).to_be_visible(timeout=15_000)
    assert drawing.bounding_box()["height"] > 100
    assert page.errors == []
    leaving = [url for url in page.requests if not url.startswith(site_url)]
    assert leaving == []


def test_map_node_opens_its_pattern(page, site_url):
    page.goto(site_url + "/map/")
    page.locator('svg.atlas-graph--map a[href="../patterns/strangler-fig/"]').click()
    page.wait_for_url(f"{site_url}/patterns/strangler-fig/")
    assert page.locator("h1").inner_text().rstrip("¶ \n") == "Strangler Fig"
    # the neighbourhood graph on the pattern page leads on to a related pattern
    page.locator('svg.atlas-graph--neighbourhood a[href="../anti-corruption-layer/"]').click()
    page.wait_for_url(f"{site_url}/patterns/anti-corruption-layer/")
    assert page.errors == []


def _column_texts(page, column):
    return page.locator(f".atlas-matrix tbody tr:not([hidden]) td:nth-child({column})").all_inner_texts()


def test_matrix_sorts_by_a_quality_and_filters_by_family(page, site_url):
    page.goto(site_url + "/tradeoffs/")
    header = page.locator(".atlas-matrix thead th", has_text="Scalability")
    header.click()
    first = _column_texts(page, 3)
    header.click()
    second = _column_texts(page, 3)
    assert sorted(first) == sorted(second) and first != second
    assert {first[0][0], second[0][0]} == {"▲", "▼"}  # one direction starts with improvers, the other with worseners
    page.locator(".atlas-table-tools select").select_option("Data management")
    families = set(_column_texts(page, 2))
    assert families == {"Data management"}
    expect(page.locator(".atlas-table-tools output")).to_have_text(
        f"{len(_column_texts(page, 2))} of {pattern_count()} patterns"
    )
    assert "family=Data+management" in page.url or "family=Data%20management" in page.url
    page.reload()
    assert set(_column_texts(page, 2)) == {"Data management"}  # the filter survives a reload from the URL
    assert page.errors == []


def test_compare_any_keeps_the_selection_in_the_url(page, site_url):
    page.goto(site_url + "/compare/")
    page.get_by_label("Monolith", exact=True).check()
    page.get_by_label("Microservices", exact=True).check()
    assert page.url.endswith("?p=monolith%2Cmicroservices") or page.url.endswith("?p=monolith,microservices")
    table = page.locator(".atlas-compare__table").nth(1)  # after "In brief", the qualities
    expect(table).to_contain_text("Scalability")
    expect(page.locator(".atlas-compare__result")).to_contain_text("read the full comparison")
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)  # a reviewer opens the pasted link
    expect(other.locator(".atlas-compare__table").first.locator("thead")).to_contain_text("Monolith")
    expect(other.locator(".atlas-compare__table").first.locator("thead")).to_contain_text("Microservices")
    assert other.get_by_label("Monolith", exact=True).is_checked()
    other.close()
    page.locator(".atlas-compare__result a", has_text="read the full comparison").click()
    page.wait_for_url(f"{site_url}/compare/microservices-vs-monolith/")
    assert page.errors == []


def test_reversed_comparison_redirects_to_the_canonical_page(page, site_url):
    page.goto(site_url + "/compare/monolith-vs-microservices/")
    page.wait_for_url(f"{site_url}/compare/microservices-vs-monolith/")
    assert page.locator("h1").inner_text().rstrip("¶ \n") == "Microservices vs Monolith"


@pytest.mark.parametrize("tree_id", tree_ids())
def test_wizard_walks_a_full_path_goes_back_and_reloads_the_shared_url(page, site_url, tree_id):
    tree = real_tree(tree_id)
    paths = all_paths(tree)
    answers, outcome = max(paths, key=lambda p: len(p[0]))  # the longest path asks the most questions
    page.goto(f"{site_url}/decisions/{tree.id}/")
    expect(page.locator(".atlas-wizard__question legend")).to_be_visible()
    expect(page.get_by_role("button", name="Back", exact=True)).to_have_count(0)  # nowhere to go back to yet
    for answer in answers:
        page.locator(f'.atlas-wizard__answer[data-answer="{answer}"]').click()
    title = tree.outcomes[outcome]["title"]
    expect(page.locator("#atlas-wizard-result")).to_have_text(f"Recommendation: {title}")
    expect(page.locator(".atlas-wizard__path li")).to_have_count(len(answers))
    # back once: the last question is asked again, then answer it again
    page.get_by_role("button", name="Back", exact=True).click()
    expect(page.locator(".atlas-wizard__question legend")).to_be_visible()
    page.locator(f'.atlas-wizard__answer[data-answer="{answers[-1]}"]').click()
    shared = page.url
    assert "path=" in shared
    page.goto(shared)  # a reviewer opens the pasted link
    expect(page.locator("#atlas-wizard-result")).to_have_text(f"Recommendation: {title}")
    record = page.locator(".atlas-wizard__adr").input_value()
    first = tree.outcomes[outcome]["recommends"][0]["pattern"]
    assert record.startswith(f"# ADR: {title}\n")
    assert "## Context" in record and "## Decision" in record and "## Consequences" in record
    assert f"{site_url}/patterns/{first}/" in record and shared in record
    for question_id in [tree.data["start"]]:
        assert tree.questions[question_id]["text"] in record
    assert page.errors == []


@pytest.mark.parametrize("tree_id", tree_ids())
def test_every_outcome_opens_from_its_url(page, site_url, tree_id):
    tree = real_tree(tree_id)
    for answers, outcome in all_paths(tree):
        page.goto(f"{site_url}/decisions/{tree.id}/?path={','.join(answers)}")
        expect(page.locator("#atlas-wizard-result")).to_have_text(f"Recommendation: {tree.outcomes[outcome]['title']}")


def test_record_copy_and_download(page, site_url):
    tree = real_trees()[0]
    answers, outcome = all_paths(tree)[0]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}/decisions/{tree.id}/?path={','.join(answers)}")
    page.get_by_role("button", name="Copy the record").click()
    expect(page.locator(".atlas-wizard__status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator(".atlas-wizard__adr").input_value()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as Markdown").click()
    assert download.value.suggested_filename == f"adr-{tree.id}-{outcome}.md"
    with open(download.value.path(), encoding="utf-8") as saved:
        assert saved.read() == copied


# What readers type, and the page that must come first: abbreviations, aliases and problems.
SEARCHES = yaml.load((ROOT / "tests" / "search-queries.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def test_search_knows_the_field(page, site_url):
    page.goto(site_url + "/")
    assert len(SEARCHES) >= 60, "keep a query set of at least 60 reader queries in tests/search-queries.yaml"
    misses = []
    for query, expected in SEARCHES.items():
        href = urlsplit(_search(page, str(query)).get_attribute("href")).path
        if href != expected:
            misses.append(f"{query!r}: first result {href}, expected {expected}")
    landed = 1 - len(misses) / len(SEARCHES)
    print(
        f"\nsearch: {len(SEARCHES) - len(misses)} of {len(SEARCHES)} queries land first ({landed:.0%})",
        *misses,
        sep="\n",
    )
    assert landed >= 0.95, f"{landed:.0%} of queries land first (95% needed); misses:\n" + "\n".join(misses)


def test_search_result_links_straight_to_its_best_section(page, site_url):
    page.goto(site_url + "/")
    _search(page, "retry storm")
    # Found by name: the pattern comes with its summary and no section link
    top = page.locator(".atlas-search__item").first
    expect(top.locator(".atlas-search__link")).to_have_attribute("href", "/patterns/retry-with-backoff/")
    summary = yaml.safe_load((ROOT / "patterns" / "retry-with-backoff.yaml").read_text(encoding="utf-8"))["summary"]
    expect(top.locator(".atlas-search__excerpt")).to_have_text(summary)
    expect(top.locator(".atlas-search__section")).to_have_count(0)
    # Found in the text: the section where it matches most, one click away
    item = page.locator(".atlas-search__item").filter(has=page.locator(".atlas-search__section")).first
    page_url = item.locator(".atlas-search__link").get_attribute("href")
    href = item.locator(".atlas-search__section").get_attribute("href")
    assert href.startswith(page_url + "#"), (page_url, href)
    item.locator(".atlas-search__section").click()
    page.wait_for_url(f"{site_url}{href}")
    anchor = href.split("#")[1]
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()  # a section heading, or the item the words are in


def test_search_indexes_diagram_captions_but_not_their_source(page, site_url):
    page.goto(site_url + "/")
    # Pagefind's own API: the indexed text of every page that a word from a diagram's source matches
    contents = page.evaluate("""async () => {
      const pagefind = await import("/pagefind/pagefind.js");
      const found = await pagefind.search("flowchart compensations");
      return Promise.all(found.results.map(r => r.data().then(d => [d.url, d.content])));
    }""")
    assert contents, "the caption of the saga diagram mentions compensations: expected matches"
    leaked = [url for url, content in contents if "flowchart" in content.lower()]
    assert not leaked, f"diagram source indexed on {leaked}"


def test_explorer_filters_live_and_keeps_them_in_the_url(page, site_url):
    page.goto(site_url + "/explore/")
    count = page.locator(".atlas-explorer__count")
    expect(count).to_have_text(f"{pattern_count()} of {pattern_count()} patterns match")
    page.locator("select[name=family]").select_option("architecture-style")
    page.locator("select[name='min.scaling-granularity']").select_option("4")
    page.locator("select[name='q.operational-complexity']").select_option("not-worse")
    names = page.locator(".atlas-explorer__results li > a").all_inner_texts()
    expect(count).to_have_text(f"{len(names)} of {pattern_count()} patterns match")
    assert "Monolith" not in names  # a monolith scales as one unit
    assert "family=architecture-style" in page.url and "min.scaling-granularity=4" in page.url
    page.reload()
    expect(count).to_have_text(f"{len(names)} of {pattern_count()} patterns match")
    assert page.locator(".atlas-explorer__results li > a").all_inner_texts() == names
    page.locator("select[name=team]").select_option("solo")
    page.get_by_role("button", name="Clear all filters").click()
    expect(count).to_have_text(f"{pattern_count()} of {pattern_count()} patterns match")
    leaving = [url for url in page.requests if not url.startswith(site_url)]
    assert leaving == [] and page.errors == []


def test_explorer_team_filter_leaves_out_unrated_patterns_and_says_why_each_matched(page, site_url):
    catalog = real_catalog()
    small = sorted(e.data["name"] for e in catalog.entries.values() if "small" in e.data.get("team_fit", []))
    unrated = sum(1 for e in catalog.entries.values() if not e.data.get("team_fit"))
    page.goto(site_url + "/explore/?team=small&q.availability=improves")
    expected = sorted(
        e.data["name"]
        for e in catalog.entries.values()
        if "small" in e.data.get("team_fit", []) and e.data["quality_effects"]["availability"]["effect"] == "improves"
    )
    expect(page.locator(".atlas-explorer__count")).to_have_text(  # waits until the data is in and filtered
        f"{len(expected)} of {pattern_count()} patterns match; {unrated} have no team-size rating and are left out"
    )
    names = sorted(page.locator(".atlas-explorer__results li > a").all_inner_texts())
    assert names == expected and set(names) <= set(small)
    if expected:
        expect(page.locator(".atlas-explorer__why").first).to_have_text(
            "Matches: fits a small team · improves availability"
        )


def test_copy_link_beside_a_benefit(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "/patterns/saga/")
    benefit_id = page.locator("#benefits ~ ul .atlas-anchor").first.get_attribute("id")
    page.locator(f'.atlas-copy-link[data-anchor="{benefit_id}"]').click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}/patterns/saga/#{benefit_id}"
    page.goto(f"{site_url}/patterns/saga/#{benefit_id}")  # the pasted link lands on that claim
    assert page.locator(f"#{benefit_id}").is_visible() or page.locator(f"#{benefit_id}").count() == 1


def test_pattern_page_prints_as_a_hand_out(page, site_url):
    page.goto(site_url + "/patterns/saga/")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).display") == "none"
    assert page.locator(".md-sidebar--primary").evaluate("el => getComputedStyle(el).display") == "none"
    link = page.locator("article a[href^='http']").first
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert link.get_attribute("href") in after


SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

# One page of every kind a reader meets; each must have no axe-core violation.
PAGE_TYPES = {
    "home": "/",
    "catalog": "/patterns/",
    "pattern": "/patterns/saga/",
    "map": "/map/",
    "quality matrix": "/tradeoffs/",
    "family tables": "/tradeoffs/families/",
    "quality ranking": "/tradeoffs/latency/",
    "compare pair": "/compare/microservices-vs-monolith/",
    "compare any": "/compare/?p=monolith,microservices",
    "decision wizard": "/decisions/architecture-style/",
    "decision outcome": None,
    "explorer": "/explore/",
    "glossary": "/glossary/",
    "concept": "/concepts/cap-theorem/",
    "coverage": "/coverage/",
    "performance": "/performance/",
    "search results": "/search/?q=retry",
}


def _outcome_url():
    tree = real_trees()[0]
    return f"/decisions/{tree.id}/?path={','.join(all_paths(tree)[0][0])}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_accessibility_violations(browser, site_url, kind, width, scheme):
    """axe-core finds nothing on any page kind, on a laptop and a phone, in the light and the dark scheme."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900 if width > 600 else 844}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(site_url + (PAGE_TYPES[kind] or _outcome_url()))
        page.wait_for_load_state("networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        results = Axe().run(page)
        # Keep what the page looked like, for a reviewer (CI keeps test-artifacts/ as a build artefact).
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{kind.replace(' ', '-')}-{width}-{scheme}.png")
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_pattern_page_says_where_it_sits_and_offers_its_sections(browser, site_url, width):
    """A breadcrumb on every width; on a phone, where the theme has no side menu, an "On this page" menu."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    try:
        page = context.new_page()
        page.goto(site_url + "/patterns/saga/")
        crumbs = page.locator("nav.atlas-breadcrumb a")
        expect(crumbs).to_have_text(["Patterns", "Data management"])
        menu = page.locator("details.atlas-onpage")
        if width < 1220:
            expect(menu).to_be_visible()
            menu.locator("summary").click()
            menu.get_by_role("link", name="Failure modes").click()
            page.wait_for_url("**/patterns/saga/#failure-modes")
            expect(page.locator("h2#failure-modes")).to_be_in_viewport()
        else:
            expect(menu).to_be_hidden()
            expect(page.locator(".md-sidebar--secondary .md-nav__link", has_text="Failure modes")).to_be_visible()
        crumbs.nth(1).click()
        page.wait_for_url("**/patterns/#data-management")
    finally:
        context.close()


def test_an_item_reached_by_its_link_is_marked(page, site_url):
    page.goto(site_url + "/patterns/saga/")
    anchor = page.locator(".atlas-anchor[id^='failure-']").first.get_attribute("id")
    other = page.locator(".atlas-anchor[id^='failure-']").nth(1).get_attribute("id")
    page.goto(site_url + f"/patterns/saga/#{anchor}")
    item = "el => getComputedStyle(el.closest('li')).outlineStyle"
    assert page.locator(f"[id='{anchor}']").evaluate(item) == "solid"
    assert page.locator(f"[id='{other}']").evaluate(item) == "none"


def test_an_abbreviation_can_be_read_on_a_phone_by_tapping_it(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(site_url + "/patterns/cqrs/")
        abbr = page.locator("article abbr", has_text="CQRS").first
        abbr.scroll_into_view_if_needed()
        abbr.tap()
        expect(page.locator(".md-tooltip2--active")).to_contain_text("Command Query Responsibility Segregation")
    finally:
        context.close()
