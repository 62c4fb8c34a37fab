"""Hostile addresses: what a crafted link does to the compare, explorer and wizard pages, and what a
crafted excerpt does to search. Nothing from the address may run, load, crash the page or reach the
exported decision record; what was ignored is said in plain text."""

import functools
import re
import urllib.parse

import pytest
from playwright.sync_api import expect

from atlas.decisions import all_paths
from conftest import pattern_count, real_tree, real_trees, tree_ids

pytestmark = pytest.mark.browser


WIDE, NARROW = 1280, 390
GENERIC_MARKERS = ["alert(", "javascript:", "attacker", "onerror", "onload"]
IMG = "<img src=x onerror=alert(1)>"
SVG = '"><svg onload=alert(1)>'
LONG = "a" * 5000


@pytest.fixture
def open_page(browser):
    """Opens pages at a given width that record console errors, page errors, dialogs and requests."""
    contexts = []

    def make(width=WIDE):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.errors, page.requests, page.dialogs = [], [], []
        page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda err: page.errors.append(str(err)))
        page.on("request", lambda request: page.requests.append((request.url, request.resource_type)))
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        return page

    yield make
    for context in contexts:
        context.close()


# Every attribute in the page (data: links decoded) must be free of the markers; no inline handler and
# no image from elsewhere may exist.
_INJECTED = """markers => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} has ${attr.name}`);
      let value = attr.value;
      if (value.startsWith("data:")) { try { value = decodeURIComponent(value); } catch (e) {} }
      value = value.toLowerCase();
      for (const marker of markers) {
        if (marker && value.includes(marker.toLowerCase())) found.push(`${el.tagName}[${attr.name}] holds ${marker.slice(0, 40)}`);
      }
    }
  }
  if (document.querySelectorAll("[onerror],[onload],[onclick]").length) found.push("inline handler");
  for (const img of document.images) {
    if (img.src && !img.src.startsWith(location.origin + "/") && !img.src.startsWith("data:")) found.push(`image ${img.src}`);
  }
  return found;
}"""


def _assert_clean(page, site_url, markers=()):
    host = urllib.parse.urlsplit(site_url).netloc
    assert page.evaluate(_INJECTED, [*GENERIC_MARKERS, *markers]) == []
    assert page.dialogs == []
    assert page.errors == []
    leaving = [
        url
        for url, _ in page.requests
        if urllib.parse.urlsplit(url).scheme in ("http", "https", "ws", "wss")
        and urllib.parse.urlsplit(url).netloc != host
    ]
    assert leaving == []


def _settle(page):
    """Wait until the page's own requests are done and its scripts have drawn."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(100)


def _visit(open_page, site_url, address, ignored):
    """Open a hostile address, let the scripts draw, and check nothing from it leaked into the page;
    returns the page and the markers (the ignored values long enough to recognise) for later checks."""
    page = open_page()
    page.goto(site_url + address)
    _settle(page)
    markers = [value for value in ignored if len(value) > 8]
    _assert_clean(page, site_url, markers)
    return page, markers


def _assert_text_only(notice):
    """The notice is one element holding text: nothing in it was parsed as markup."""
    assert notice.evaluate("n => n.children.length") == 0


def _query(values):
    return "&".join(f"{key}={urllib.parse.quote(value, safe=',')}" for key, value in values)


# ---------------------------------------------------------------------------------------------------
# Compare any: /compare/?p=a,b

COMPARE_CASES = {
    "proto alone": ([("p", "__proto__")], [], ["__proto__"]),
    "proto and two": ([("p", "__proto__,saga,cqrs")], ["saga", "cqrs"], ["__proto__"]),
    "constructor": ([("p", "constructor,monolith,microservices")], ["monolith", "microservices"], ["constructor"]),
    "toString as its own p": ([("p", "toString"), ("p", "saga"), ("p", "cqrs")], ["saga", "cqrs"], ["toString"]),
    "prototype members": ([("p", "hasOwnProperty,saga,valueOf,cqrs")], ["saga", "cqrs"], ["hasOwnProperty", "valueOf"]),
    "markup": ([("p", f"{IMG},saga,cqrs")], ["saga", "cqrs"], [IMG]),
    "markup in an attribute": ([("p", f"saga,{SVG},cqrs")], ["saga", "cqrs"], [SVG]),
    "very long": ([("p", f"{LONG},saga,cqrs")], ["saga", "cqrs"], [LONG]),
}


def _checked(page):
    return page.locator(".atlas-compare__picker input:checked").evaluate_all("boxes => boxes.map(b => b.value)")


@pytest.mark.parametrize("case", sorted(COMPARE_CASES))
def test_compare_ignores_unknown_patterns_in_the_address(open_page, site_url, case):
    values, kept, ignored = COMPARE_CASES[case]
    page, markers = _visit(open_page, site_url, f"/compare/?{_query(values)}", ignored)  # no crash, nothing leaked
    notice = page.locator(".atlas-compare__notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Unknown pattern")
    expect(notice).to_contain_text("in the address")
    for value in ignored:
        expect(notice).to_contain_text(f"“{value[:30]}")
    assert len(notice.inner_text()) < 400  # a long value is cut short
    _assert_text_only(notice)
    assert sorted(_checked(page)) == sorted(kept)
    if len(kept) >= 2:
        head = page.locator(".atlas-compare__table").first.locator("thead")
        for pattern in kept:
            expect(head.locator(f'a[href="../patterns/{pattern}/"]')).to_have_count(1)
    else:
        expect(page.locator(".atlas-compare__status")).to_have_text(f"Pick at least two patterns ({len(kept)} picked).")
    # the address now holds only what was kept, so a shared link no longer carries the bad values
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert ",".join(query.get("p", [])).split(",") == (kept or [""])
    _assert_clean(page, site_url, markers)
    # the rest of the page works
    page.get_by_label("Monolith", exact=True).set_checked(True)
    expect(page.locator(".atlas-compare__status")).to_contain_text(
        "picked" if len(_checked(page)) < 2 else "side by side"
    )
    assert page.errors == []


def test_compare_says_which_patterns_did_not_fit(open_page, site_url):
    page = open_page()
    page.goto(f"{site_url}/compare/?p=saga,cqrs,monolith,microservices,serverless")
    _settle(page)
    _assert_clean(page, site_url)
    notice = page.locator(".atlas-compare__notice")
    expect(notice).to_contain_text("Only 4 patterns")
    expect(notice).to_contain_text("“serverless”")
    assert _checked(page) == [p for p in _checked(page) if p in ("saga", "cqrs", "monolith", "microservices")]
    assert len(_checked(page)) == 4
    assert "serverless" not in page.url
    _assert_clean(page, site_url)


def test_a_clean_compare_link_shows_no_notice_and_keeps_its_address(open_page, site_url):
    page = open_page()
    page.goto(f"{site_url}/compare/?p=monolith,microservices")
    expect(page.locator(".atlas-compare__table").first).to_be_visible()
    expect(page.locator(".atlas-compare__notice")).to_have_count(0)
    assert page.url.endswith("?p=monolith,microservices")
    _assert_clean(page, site_url)


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_compare_survives_a_hostile_fragment_and_query(open_page, site_url, width):
    page = open_page(width)
    hostile = urllib.parse.quote(IMG)
    page.goto(f"{site_url}/compare/?p=__proto__,saga,{hostile},cqrs&x={hostile}#{urllib.parse.quote(SVG)}")
    _settle(page)
    _assert_clean(page, site_url, [IMG, SVG])
    expect(page.locator(".atlas-compare__notice")).to_contain_text("Unknown patterns")
    expect(page.locator(".atlas-compare__notice")).to_be_in_viewport()
    expect(page.locator(".atlas-compare__table").first).to_be_visible()
    _assert_clean(page, site_url, [IMG, SVG])


# ---------------------------------------------------------------------------------------------------
# Explorer: /explore/?family=…&team=…&tags=…&q.<quality>=…&min.<attribute>=…

EXPLORER_CASES = {
    "unknown family": ("family=nope", ["Unknown family “nope”"]),
    "proto family": ("family=__proto__", ["Unknown family “__proto__”"]),
    "constructor family": ("family=constructor", ["Unknown family “constructor”"]),
    "toString family": ("family=toString", ["Unknown family “toString”"]),
    "markup family": ("family=%22%3E%3Csvg%20onload%3Dalert(1)%3E", [f"Unknown family “{SVG}”"]),
    "long family": (f"family={LONG}", ["Unknown family “aaaa"]),
    "unknown family with its thresholds": (
        "family=nope&min.scaling-granularity=4",
        ["Unknown family “nope”", "min.scaling-granularity=4"],
    ),
    "team": ("team=__proto__", ["Unknown team size “__proto__”"]),
    "tags": ("tags=__proto__,nope", ["Unknown tags “__proto__”, “nope”"]),
    "qualities": ("q.latency=bogus&q.__proto__=improves", ["q.latency=bogus", "q.__proto__=improves"]),
}


@pytest.mark.parametrize("case", sorted(EXPLORER_CASES))
def test_explorer_ignores_unknown_filters_in_the_address(open_page, site_url, case):
    query, said = EXPLORER_CASES[case]
    page = open_page()
    page.goto(f"{site_url}/explore/?{query}")
    _settle(page)
    _assert_clean(page, site_url, ["__proto__", SVG])
    count = page.locator(".atlas-explorer__count")
    expect(count).to_have_text(
        f"{pattern_count()} of {pattern_count()} patterns match"
    )  # every bad filter is dropped, none half-applies
    expect(page.locator("#atlas-explorer")).not_to_contain_text("could not be loaded")
    notice = page.locator(".atlas-explorer__notice")
    for text in said:
        expect(notice).to_contain_text(text)
    expect(notice).to_contain_text("in the address")
    assert len(notice.inner_text()) < 400
    _assert_text_only(notice)
    assert page.locator("select[name=family]").input_value() == ""
    assert urllib.parse.urlsplit(page.url).query == ""  # the address no longer carries them
    _assert_clean(page, site_url, ["__proto__", SVG])
    # the rest of the page works
    page.locator("select[name=family]").select_option("architecture-style")
    expect(count).not_to_have_text(f"{pattern_count()} of {pattern_count()} patterns match")
    assert "family=architecture-style" in page.url
    assert page.errors == []


def test_explorer_keeps_the_good_filters_beside_the_bad_ones(open_page, site_url):
    page = open_page()
    page.goto(f"{site_url}/explore/?family=architecture-style&min.scaling-granularity=4")
    expected = page.locator(".atlas-explorer__count").inner_text()
    assert expected != f"{pattern_count()} of {pattern_count()} patterns match"
    page.goto(
        f"{site_url}/explore/?family=architecture-style&min.scaling-granularity=4&min.__proto__=2"
        f"&max.scaling-granularity=9&tags=nope&team=toString"
    )
    _settle(page)
    _assert_clean(page, site_url)
    expect(page.locator(".atlas-explorer__count")).to_have_text(expected)
    notice = page.locator(".atlas-explorer__notice")
    for text in ["Unknown tag “nope”", "Unknown team size “toString”", "min.__proto__=2", "max.scaling-granularity=9"]:
        expect(notice).to_contain_text(text)
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert params == {"family": ["architecture-style"], "min.scaling-granularity": ["4"]}
    _assert_clean(page, site_url)


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_explorer_survives_a_hostile_fragment_and_query(open_page, site_url, width):
    page = open_page(width)
    page.goto(
        f"{site_url}/explore/?family=%22%3E%3Csvg%20onload%3Dalert(1)%3E&tags={urllib.parse.quote(IMG)}"
        f"#{urllib.parse.quote(SVG)}"
    )
    _settle(page)
    _assert_clean(page, site_url, [IMG, SVG])
    expect(page.locator(".atlas-explorer__count")).to_have_text(
        f"{pattern_count()} of {pattern_count()} patterns match"
    )
    expect(page.locator(".atlas-explorer__notice")).to_contain_text("Unknown family")
    expect(page.locator(".atlas-explorer__notice")).to_be_in_viewport()
    _assert_clean(page, site_url, [IMG, SVG])


def test_a_clean_explorer_link_shows_no_notice(open_page, site_url):
    page = open_page()
    page.goto(f"{site_url}/explore/?family=architecture-style&q.latency=improves")
    expect(page.locator(".atlas-explorer__count")).not_to_have_text(
        f"{pattern_count()} of {pattern_count()} patterns match"
    )
    expect(page.locator(".atlas-explorer__notice")).to_have_count(0)
    _assert_clean(page, site_url)


# ---------------------------------------------------------------------------------------------------
# Decision wizard: /decisions/<tree>/?path=answer,answer


@functools.cache
def _first_tree():
    """(tree, answers, outcome): the first tree and its longest path, which asks the most questions."""
    tree = real_trees()[0]
    answers, outcome = max(all_paths(tree), key=lambda p: len(p[0]))
    return tree, answers, outcome


MARKDOWN_LINK = ")](javascript:alert(1))"
QUOTED_IMG = '"><img src=x onerror=alert(1)>'


def _record_links(record):
    return re.findall(r"\]\(([^)]*)\)", record)


def _assert_clean_record(page, site_url, answers):
    tree = _first_tree()[0]
    record = page.locator(".atlas-wizard__adr").input_value()
    canonical = f"{site_url}/decisions/{tree.id}/?path={'%2C'.join(answers)}"
    assert f"- Decision path: [{tree.data['title']}]({canonical})\n" in record
    for bad in ("javascript:", "<img", "<svg", "onerror", "alert(", "__proto__", "x=%", "y=%"):
        assert bad not in record, bad
    for link in _record_links(record):
        assert re.fullmatch(re.escape(site_url) + r"/[A-Za-z0-9/._~%?=&-]*", link), link
    href = page.get_by_role("link", name="Download as Markdown").get_attribute("href")
    assert urllib.parse.unquote(href.split(",", 1)[1]) == record
    return record


def _wizard_cases(answers):
    """case -> (answers given in the address, answers kept, values ignored)."""
    return {
        "proto": (["__proto__"], [], ["__proto__"]),
        "unknown then valid": (["nope", answers[0]], answers[:1], ["nope"]),
        "markdown link after the outcome": ([*answers, MARKDOWN_LINK], answers, [MARKDOWN_LINK]),
        "markup in the middle": ([answers[0], QUOTED_IMG, *answers[1:]], answers, [QUOTED_IMG]),
        "very long": ([LONG, *answers], answers, [LONG]),
    }


@pytest.mark.parametrize("case", sorted(_wizard_cases(["first", "second"])))
def test_wizard_ignores_answers_that_do_not_fit(open_page, site_url, case):
    tree, answers, outcome = _first_tree()
    given, kept, ignored = _wizard_cases(answers)[case]
    path = ",".join(urllib.parse.quote(a, safe="") for a in given)
    page, markers = _visit(open_page, site_url, f"/decisions/{tree.id}/?path={path}", ignored)
    notice = page.locator(".atlas-wizard__notice")
    expect(notice).to_contain_text("in the address")
    expect(notice).to_contain_text("ignored")
    for value in ignored:
        expect(notice).to_contain_text(f"“{value[:30]}")
    assert len(notice.inner_text()) < 400
    _assert_text_only(notice)
    expect(page.locator(".atlas-wizard__path li")).to_have_count(len(kept))
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert params.get("path", [""])[0].split(",") == (kept or [""])
    if kept == answers:
        expect(page.locator("#atlas-wizard-result")).to_have_text(f"Recommendation: {tree.outcomes[outcome]['title']}")
        _assert_clean_record(page, site_url, kept)
    else:
        expect(page.locator(".atlas-wizard__question legend")).to_be_visible()
    _assert_clean(page, site_url, markers)
    # the rest of the page works: answering moves on and the notice goes
    if kept != answers:
        page.locator(".atlas-wizard__answer").first.click()
        expect(page.locator(".atlas-wizard__path li")).to_have_count(len(kept) + 1)
        expect(notice).to_have_count(0)
    assert page.errors == []


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_wizard_record_holds_only_the_canonical_link(open_page, site_url, width):
    tree, answers, outcome = _first_tree()
    page = open_page(width)
    query = f"path={','.join(answers)}&x={urllib.parse.quote(QUOTED_IMG)}&y={urllib.parse.quote(MARKDOWN_LINK)}"
    page.goto(f"{site_url}/decisions/{tree.id}/?{query}#{MARKDOWN_LINK}{QUOTED_IMG}")
    _settle(page)
    _assert_clean(page, site_url, [QUOTED_IMG, MARKDOWN_LINK])
    expect(page.locator("#atlas-wizard-result")).to_have_text(f"Recommendation: {tree.outcomes[outcome]['title']}")
    _assert_clean_record(page, site_url, answers)
    _assert_clean(page, site_url, [QUOTED_IMG])


def test_wizard_record_copy_matches_the_clean_record(open_page, site_url):
    tree, answers, _ = _first_tree()
    page = open_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}/decisions/{tree.id}/?path={','.join(answers)}#{MARKDOWN_LINK}")
    page.get_by_role("button", name="Copy the record").click()
    expect(page.locator(".atlas-wizard__status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == _assert_clean_record(page, site_url, answers)


@pytest.mark.parametrize("tree_id", tree_ids())
def test_every_tree_shrugs_off_a_proto_answer(open_page, site_url, tree_id):
    tree = real_tree(tree_id)
    page = open_page()
    page.goto(f"{site_url}/decisions/{tree.id}/?path=__proto__,constructor,toString")
    _settle(page)
    _assert_clean(page, site_url, ["__proto__"])
    expect(page.locator(".atlas-wizard__notice")).to_contain_text("“__proto__”")
    expect(page.locator(".atlas-wizard__question legend")).to_have_text(tree.questions[tree.data["start"]]["text"])
    _assert_clean(page, site_url, ["__proto__"])


# ---------------------------------------------------------------------------------------------------
# Search: excerpts come from Pagefind as HTML with <mark> highlights.

EVIL = '<img src="//attacker.invalid/x.png" onerror="alert(1)">'
FAKE_PAGEFIND = """
const evil = EVIL_LITERAL;
const results = [
  { url: "/patterns/saga/", meta: { title: "Saga ¶" },
    excerpt: "top", sub_results: [{ url: "/patterns/saga/#how-it-works", title: "How it works ¶",
      excerpt: "before " + evil + " <mark>compensations</mark> &amp; &lt;b&gt;bold&lt;/b&gt; after",
      weighted_locations: [{ balanced_score: 9 }] }] },
  { url: "/patterns/cqrs/", meta: { title: "CQRS" }, sub_results: [],
    excerpt: evil.replace("x.png", "y.png") + " <mark>split</mark> models <mark>" + evil.replace("x.png", "z.png") + "</mark>" },
];
export async function options() {}
export function init() {}
export async function search() {
  return { results: results.map(r => ({ data: async () => r })) };
}
""".replace("EVIL_LITERAL", repr(EVIL))


def test_search_excerpts_are_text_with_real_highlights(open_page, site_url):
    page = open_page()
    page.route(
        "**/pagefind/pagefind.js",
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=FAKE_PAGEFIND),
    )
    page.goto(site_url + "/")
    before = len(page.requests)
    page.locator("#atlas-search-input").fill("compensations")
    expect(page.locator(".atlas-search__status")).to_contain_text("“compensations”")
    page.wait_for_timeout(300)  # an image that was going to load has asked for it by now
    assert [url for url, kind in page.requests[before:] if kind == "image" or "attacker" in url] == []
    assert page.dialogs == []
    excerpts = page.locator(".atlas-search__excerpt")
    expect(excerpts).to_have_count(2)
    expect(excerpts.nth(0)).to_have_text(f"before {EVIL} compensations & <b>bold</b> after")
    expect(excerpts.nth(0).locator("mark")).to_have_text("compensations")
    expect(excerpts.nth(1).locator("mark")).to_have_count(2)
    expect(excerpts.nth(1).locator("mark").nth(1)).to_have_text(EVIL.replace("x.png", "z.png"))
    assert excerpts.evaluate_all("nodes => nodes.flatMap(n => [...n.querySelectorAll('*')].map(c => c.tagName))") == [
        "MARK",
        "MARK",
        "MARK",
    ]
    _assert_clean(page, site_url)


def test_real_search_still_highlights_its_matches(open_page, site_url):
    page = open_page()
    page.goto(site_url + "/")
    box = page.locator("#atlas-search-input")
    box.click()
    box.press_sequentially("compensating", delay=40)
    expect(page.locator(".atlas-search__status")).to_contain_text("“compensating”", timeout=10_000)
    expect(page.locator(".atlas-search__excerpt mark").first).to_be_visible()
    assert "¶" not in "".join(page.locator(".atlas-search__excerpt").all_inner_texts())
    _assert_clean(page, site_url)


@pytest.mark.parametrize(
    "address",
    [
        "/compare/?p=__proto__,saga,cqrs",
        "/explore/?family=nope&tags=__proto__",
        "/decisions/<first tree>/?path=__proto__,<its longest path>",
    ],
)
def test_the_notice_is_accessible(open_page, site_url, address):
    from axe_playwright_python.sync_playwright import Axe

    if address.startswith("/decisions/"):
        tree, answers, _ = _first_tree()
        address = f"/decisions/{tree.id}/?path=__proto__,{','.join(answers)}"
    page = open_page(NARROW)
    page.goto(site_url + address)
    page.wait_for_load_state("networkidle")
    expect(page.locator(".atlas-notice")).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
