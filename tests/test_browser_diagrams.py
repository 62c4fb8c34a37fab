"""The drawings as readers use them: the map's focus, the reader's path on a decision tree, and the
pattern diagrams at a readable size in both colour schemes. At a laptop's and a phone's width."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import real_catalog

pytestmark = pytest.mark.browser

WIDTHS = [1280, 390]


@pytest.fixture
def open_page(browser, site_url):
    contexts = []

    def opener(width: int, scheme: str = "light"):
        context = browser.new_context(
            viewport={"width": width, "height": 900 if width > 600 else 844}, color_scheme=scheme
        )
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda err: page.errors.append(str(err)))
        return page

    yield opener
    for context in contexts:
        context.close()


def _most_related():
    from atlas.relations import links_of

    catalog = real_catalog()
    return max(sorted(catalog.entries), key=lambda e: len(links_of(catalog, e)))


@pytest.mark.parametrize("width", WIDTHS)
def test_map_focus_by_keyboard_lights_a_pattern_and_its_neighbours(open_page, site_url, width):
    from atlas.relations import links_of

    catalog = real_catalog()
    entry_id = _most_related()
    neighbours = {link.target for link in links_of(catalog, entry_id) if link.target in catalog.entries}
    page = open_page(width)
    page.goto(site_url + "/map/")
    expect(page.locator(".atlas-graph__edge.is-lit")).to_have_count(0)  # no lines until something is in focus
    picker = page.get_by_label("Focus on")
    picker.focus()
    picker.select_option(entry_id)  # what the keyboard's arrows do on a <select>
    assert f"focus={entry_id}" in page.url
    lit = page.locator(".atlas-graph__node.is-near")
    expect(lit).to_have_count(len(neighbours))
    assert {lit.nth(i).get_attribute("data-id") for i in range(lit.count())} == neighbours
    expect(page.locator(".atlas-graph__edge.is-lit").first).to_be_visible()
    # The neighbours are listed as links, and the table lists only this pattern's relations.
    expect(page.locator(".atlas-map-panel li a")).to_have_count(len(links_of(catalog, entry_id)))
    name = catalog.entries[entry_id].data["name"]
    for row in page.locator("table tbody tr:visible").all():
        assert name in row.inner_text()
    # The address keeps the focus: reloading shows the same view.
    page.reload()
    expect(page.locator(".atlas-graph__node.is-focus")).to_have_count(1)
    # A whole family.
    family = catalog.entries[entry_id].data["family"]
    picker = page.get_by_label("Focus on")
    picker.select_option(f"family:{family}")
    members = [e for e in catalog.entries.values() if e.data["family"] == family]
    expect(page.locator(".atlas-graph__node.is-focus")).to_have_count(len(members))
    assert page.errors == []


def test_map_pointing_at_a_pattern_previews_its_neighbours(open_page, site_url):
    page = open_page(1280)
    page.goto(site_url + "/map/")
    entry_id = _most_related()
    node = page.locator(f'.atlas-graph__node[data-id="{entry_id}"]')
    node.hover()
    expect(page.locator(".atlas-graph__edge.is-lit").first).to_be_visible()
    page.mouse.move(0, 0)
    expect(page.locator(".atlas-graph__edge.is-lit")).to_have_count(0)
    # Tabbing to a pattern does the same.
    node.focus()
    expect(page.locator(".atlas-graph__node.is-focus")).to_have_count(1)


@pytest.mark.parametrize("width", WIDTHS)
def test_decision_tree_marks_the_readers_path(open_page, site_url, width):
    from atlas.decisions import load_trees
    from conftest import ROOT

    tree = load_trees(ROOT, real_catalog())[0]
    page = open_page(width)
    page.goto(site_url + f"/decisions/{tree.id}/")
    expect(page.locator(".atlas-tree .is-on-path")).to_have_count(0)
    first = tree.questions[tree.data["start"]]["answers"][0]
    page.get_by_role("button", name=first["text"]).click()
    start = f'q:{tree.data["start"]}'
    answer = f'a:{tree.data["start"]}/{first["id"]}'
    after = f'q:{first["next"]}' if first.get("next") else f'o:{first["outcome"]}'
    for key in (start, answer, after):
        expect(page.locator(f'.atlas-tree [data-node="{key}"]')).to_have_class(
            "atlas-tree__node " + _kind(key) + " is-on-path" + (" is-current" if key == after else "")
        )
    expect(page.locator(f'.atlas-tree [data-edge="{start}>{answer}"]')).to_have_class("atlas-tree__edge is-on-path")
    # Back to the start: nothing is marked.
    page.get_by_role("button", name="Start over").click()
    expect(page.locator(".atlas-tree .is-on-path")).to_have_count(0)


def _kind(key: str) -> str:
    return {"q": "atlas-tree__node--question", "a": "atlas-tree__node--answer", "o": "atlas-tree__node--outcome"}[
        key[0]
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_pattern_diagram_spans_the_column_and_survives_a_scheme_switch(open_page, site_url, width):
    page = open_page(width)
    page.goto(site_url + "/patterns/saga/")
    figure = page.locator("figure.atlas-diagram")
    column = page.locator("article").bounding_box()["width"]
    figure.scroll_into_view_if_needed()
    drawing = page.locator(".atlas-mermaid-drawing svg").first
    expect(drawing).to_be_visible(timeout=15_000)
    # As wide as the column allows (Material used to size the figure to its caption, about 480 px).
    assert figure.bounding_box()["width"] > 0.9 * column - 40
    count = drawing.locator(".nodeLabel, text").count()
    assert count > 0
    assert _theme_ink(page) == "#333"  # Mermaid's default theme: dark ink for the light page
    # Switch to the dark scheme with the theme's own toggle: the diagram is redrawn with the dark
    # theme's light ink (drawn before the switch, it used to keep dark labels on a dark page).
    page.locator("label[for^='__palette']:visible").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.wait_for_function(f"(() => {{ {THEME_INK} }})() === '#ccc'", timeout=15_000)
    expect(page.locator(".atlas-mermaid-drawing svg").first.locator(".nodeLabel, text")).to_have_count(count)
    assert page.errors == []


# The main ink of the first drawn diagram, from the style Mermaid writes for its theme.
THEME_INK = """
  const style = document.querySelector('.atlas-mermaid-drawing svg style');
  const found = style && style.textContent.match(/^#[\\w-]+\\{[^}]*?fill:(#[0-9a-f]+)/);
  return found ? found[1] : null;
"""


def _theme_ink(page) -> str:
    return page.evaluate(f"(() => {{ {THEME_INK} }})()")


def test_diagram_source_is_not_shown_while_mermaid_loads(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.route("**/mermaid.min.js", lambda route: None)  # never answers: Mermaid is "still loading"
        page.goto(site_url + "/patterns/saga/#diagram")
        pending = page.locator("pre.atlas-mermaid")
        expect(pending).to_have_class("atlas-mermaid atlas-mermaid--pending")
        assert pending.evaluate("el => getComputedStyle(el).color") == "rgba(0, 0, 0, 0)"
        assert "Drawing the diagram" in pending.evaluate("el => getComputedStyle(el, '::before').content")
    finally:
        context.close()


# The layout shift (CLS) of a page, as Lighthouse counts it, once it has settled.
LAYOUT_SHIFT = """new Promise(done => { let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 1500); })"""


@pytest.mark.parametrize("width", WIDTHS)
def test_wizard_page_does_not_move_when_the_wizard_starts(open_page, site_url, width):
    """The first question is in the page before the script runs (it used to appear late and push the tree down:
    Lighthouse measured a layout shift of 0.25 on a phone)."""
    import time

    page = open_page(width)
    page.route("**/atlas-wizard.js", lambda route: (time.sleep(1.0), route.continue_()))  # a slow connection
    page.goto(site_url + "/decisions/architecture-style/")
    assert page.evaluate(LAYOUT_SHIFT) < 0.01
    expect(page.locator("button.atlas-wizard__answer").first).to_be_visible()  # the wizard took over


def test_wizard_answers_lead_through_the_outline_without_javascript(browser, site_url):
    from atlas.decisions import load_trees
    from conftest import ROOT

    tree = next(t for t in load_trees(ROOT, real_catalog()) if t.id == "architecture-style")
    first = tree.questions[tree.data["start"]]["answers"][0]
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + f"/decisions/{tree.id}/")
        page.get_by_role("link", name=first["text"]).click()
        target = f"q-{first['next']}" if first.get("next") else f"o-{first['outcome']}"
        assert page.url.endswith("#" + target)
        expect(page.locator(f"#{target}")).to_be_in_viewport()
    finally:
        context.close()
