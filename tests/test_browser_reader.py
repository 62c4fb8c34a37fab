"""What a reader meets (#14): the 404 page on any host, the full search results, compare-any."""

import re
import shutil

import pytest
from playwright.sync_api import expect

from conftest import serve

pytestmark = pytest.mark.browser

VIEWPORTS = {1280: 900, 390: 844}


def _context(browser, width, scheme="light"):
    return browser.new_context(viewport={"width": width, "height": VIEWPORTS[width]}, color_scheme=scheme)


@pytest.fixture(scope="module")
def hosted(built_site, tmp_path_factory):
    """The built site copied under /atlas/ of a server, as on an intranet host."""
    root = tmp_path_factory.mktemp("host")
    shutil.copytree(built_site, root / "atlas")
    server = serve(root)
    yield server.base, root / "atlas" / "404.html"
    server.shutdown()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    "where",
    [
        "/atlas/patterns/no-such-pattern/",
        "/atlas/no-such-page",
        "/atlas/no/such/page/",
        "/no-such-page",
        "/no/such/page/",
    ],
)
def test_the_404_page_is_styled_wherever_the_site_is_hosted(browser, hosted, site_url, built_site, width, where):
    """Under /atlas/ of a host, and at the root of another (the tests' site), whatever site_url says."""
    base, not_found = hosted if where.startswith("/atlas/") else (site_url, built_site / "404.html")
    context = _context(browser, width)
    try:
        page = context.new_page()
        failed = []
        page.on(
            "response",
            lambda r: (
                failed.append((r.url, r.status))
                if r.status >= 400 and r.request.resource_type in ("stylesheet", "script", "image", "font")
                else None
            ),
        )
        # A host answers a missing address with the site's 404 page, as GitHub Pages and nginx's error_page do
        page.route(
            lambda url: "no-such" in url or "/no/such/" in url,
            lambda route: route.fulfill(status=404, path=str(not_found), content_type="text/html; charset=utf-8"),
        )
        page.goto(base + where)
        page.wait_for_load_state("networkidle")
        assert failed == []
        # Unstyled, the logo fills the page's width; styled, it is icon-sized (or hidden, in the phone's header)
        heights = page.locator(".md-logo svg").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
        assert heights and max(heights) <= 48, heights
        expect(page.locator("h1")).to_have_text("Page not found")
        root = "/atlas/" if where.startswith("/atlas/") else "/"
        assert page.evaluate("document.baseURI") == base + root
        page.get_by_role("link", name="Browse every pattern").click()
        page.wait_for_url(base + root + "patterns/")
    finally:
        context.close()


def _results(page):
    expect(page.locator(".atlas-results__status")).to_contain_text("Showing", timeout=10_000)
    return page.locator(".atlas-results__item")


@pytest.mark.parametrize("width", [1280, 390])
def test_see_all_results_lists_every_result_with_marks_and_more(browser, site_url, width):
    context = _context(browser, width)
    try:
        page = context.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(site_url + "/")
        box = page.locator("#atlas-search-input")
        box.click()
        box.press_sequentially("failure", delay=30)
        everything = page.locator(".atlas-search__all")
        expect(everything).to_have_text(re.compile(r"^See all \d+ results$"), timeout=10_000)
        total = int(everything.inner_text().split()[2])
        assert total > 10  # more than the header shows
        everything.click()
        page.wait_for_url("**/search/?q=failure")
        items = _results(page)
        expect(items).to_have_count(10)
        expect(page.locator(".atlas-results__status")).to_contain_text(f"of {total} results")
        assert page.locator(".atlas-results__list mark").count() > 0
        # Keyboard: the "Show more" button, then focus on the first new result
        more = page.locator(".atlas-results__more")
        more.focus()
        page.keyboard.press("Enter")
        expect(items).to_have_count(min(20, total))
        assert page.evaluate("document.activeElement.closest('.atlas-results__item') !== null")
        for _ in range(total // 10):
            if not more.is_visible():
                break
            more.click()
            expect(more).to_be_enabled()
        expect(items).to_have_count(total)
        expect(more).to_be_hidden()  # nothing more to show
        # Index text is never markup: only text, links and Pagefind's <mark> inside the list
        tags = set(page.eval_on_selector_all(".atlas-results__list *", "els => els.map(e => e.tagName.toLowerCase())"))
        assert tags <= {"li", "a", "p", "span", "mark", "ul"}, tags
        assert [url for url in requests if not url.startswith(site_url)] == []
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_hit_on_a_failure_mode_links_to_the_item(browser, site_url, width):
    context = _context(browser, width)
    try:
        page = context.new_page()
        page.goto(site_url + "/search/?q=flexcoin")
        _results(page)
        place = page.locator(".atlas-results__place-link[href*='#failure-']").first
        expect(place).to_contain_text("Failure modes ›")
        href = place.get_attribute("href")
        place.click()
        page.wait_for_url(f"{site_url}{href}")
        anchor = href.split("#")[1]
        expect(page.locator(f"#{anchor}")).to_be_in_viewport()
        expect(page.locator(f"li:has(> p > #{anchor})")).to_contain_text("Flexcoin")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_compare_any_reads_like_a_pair_page(browser, site_url, width, scheme):
    context = _context(browser, width, scheme)
    try:
        page = context.new_page()
        # From two pattern pages, "Add to comparison"
        page.goto(site_url + "/patterns/monolith/")
        page.get_by_role("link", name="Add to comparison").click()
        page.wait_for_url("**/compare/?p=monolith")
        page.goto(site_url + "/patterns/microservices/")
        page.get_by_role("link", name="Add to comparison").click()
        page.wait_for_url("**/compare/?p=monolith%2Cmicroservices")
        for heading in ("In brief", "Qualities side by side", "When to choose which"):
            expect(page.get_by_role("heading", name=heading)).to_be_visible()
        expect(page.locator(".atlas-compare__when h3")).to_have_count(2)
        qualities = page.locator(".atlas-compare__table").nth(1)
        # The theme's table style (it skips tables with a class), as wide as the text
        table = qualities.locator("table")
        assert table.evaluate(
            "t => getComputedStyle(t).borderTopStyle !== 'none' || getComputedStyle(t.querySelector('th')).backgroundColor !== 'rgba(0, 0, 0, 0)'"
        )
        article = page.locator("article").bounding_box()["width"]
        if width > 600:
            assert table.bounding_box()["width"] > 0.9 * article
        # Effect colours and the reasons
        improves = page.locator(".atlas-compare__table .atlas-effect--improves").first
        colour = improves.evaluate("e => getComputedStyle(e).color")
        assert colour == ("rgb(123, 216, 143)" if scheme == "dark" else "rgb(27, 127, 59)")
        reasons = page.locator(".atlas-compare__reason")
        assert reasons.count() == 2 * qualities.locator("tbody tr").count()
        assert reasons.first.inner_text().strip()
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_compare_checkboxes_show_focus_and_stay_in_view(browser, site_url, width):
    context = _context(browser, width)
    try:
        page = context.new_page()
        page.goto(site_url + "/")
        # In the readers' navigation at the top level, beside Explore and Decide
        if width < 1220:
            page.locator("label.md-header__button[for='__drawer']").click()  # the phone's menu
        page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link", has_text="Compare").click()
        page.wait_for_url(f"{site_url}/compare/")
        first = page.get_by_label("Monolith", exact=True)
        first.focus()
        page.keyboard.press("Space")  # ticked from the keyboard
        second = page.get_by_label("Microservices", exact=True)
        second.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        assert second.evaluate("b => b === document.activeElement")
        ring = second.evaluate("b => getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth")
        assert ring.split()[0] != "none" and ring.split()[1] != "0px", ring
        top = second.bounding_box()["y"]
        page.keyboard.press("Space")  # the comparison appears above the boxes
        expect(page.locator(".atlas-compare__table").first).to_be_visible()
        expect(second).to_be_in_viewport()
        assert abs(second.bounding_box()["y"] - top) < 4
    finally:
        context.close()
