"""atlas.site_diff (`atlas site-diff`): what differs for a reader between two builds, such as MkDocs' and Zensical's."""

import markdown

from atlas.__main__ import main as atlas_cli
from atlas.site_diff import SHOWN, compare, page_facts, render

PAGE = """<html><body><nav><h1>Site name</h1><abbr title="x">NAV</abbr></nav>
<article class="md-content__inner"><h1 id="t">{title}<a class="headerlink" href="#t">¶</a></h1>
<p>Uses {abbr}.</p>{sections}</article></body></html>"""


def page(
    title="Saga",
    abbr='<abbr title="Command Query Responsibility Segregation">CQRS</abbr>',
    sections="<h2>Context</h2><h2>Problem</h2>",
):
    return PAGE.format(title=title, abbr=abbr, sections=sections)


def site(folder, pages):
    for url, html in pages.items():
        target = folder / url.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return folder


def test_page_facts_read_the_article_only_without_permalink_signs():
    facts = page_facts(page())
    assert facts.h1 == ["Saga"] and facts.h2 == ["Context", "Problem"] and facts.abbr == 1


def test_identical_builds_have_no_difference(tmp_path):
    pages = {"/": page("Home"), "/patterns/saga/": page()}
    diff = compare(site(tmp_path / "a", pages), site(tmp_path / "b", pages))
    assert diff.common == 2 and not (diff.only_first or diff.only_second or diff.headings or diff.tooltips)
    assert "No difference in pages, headings or tooltips." in render(diff)


def test_missing_pages_headings_and_tooltips_are_reported(tmp_path):
    first = site(
        tmp_path / "a",
        {"/": page("Home"), "/patterns/saga/": page(), "/glossary/": page("Glossary"), "/map/": page("Map")},
    )
    second = site(
        tmp_path / "b",
        {
            "/": page("Home", abbr="CQRS"),
            "/patterns/saga/": page(sections="<h2>Context</h2>"),
            "/glossary/": page("Terms"),
            "/extra/": page("Extra"),
        },
    )
    diff = compare(first, second)
    assert diff.only_first == ["/map/"] and diff.only_second == ["/extra/"]
    assert [url for url, _ in diff.headings] == ["/glossary/", "/patterns/saga/"]
    assert diff.tooltips == [("/", 1, 0)]
    text = render(diff)
    assert "### Pages only in the MkDocs build" in text and "- `/map/`" in text
    assert "- `/`: 1 / 0" in text and "sections only in the first: ['Problem']" in text


def test_a_long_list_is_cut_but_counted(tmp_path):
    pages = {f"/p{i}/": page() for i in range(SHOWN + 5)}
    diff = compare(site(tmp_path / "a", pages), site(tmp_path / "b", {}))
    text = render(diff)
    assert f"{SHOWN + 5} only in the MkDocs build" in text and "… and 5 more" in text


def test_a_hostile_heading_is_inert_in_the_report(tmp_path):
    first = site(tmp_path / "a", {"/x/": page("&lt;img src=x onerror=alert(1)&gt; [a](https://evil.example)")})
    second = site(tmp_path / "b", {"/x/": page("Other")})
    html = markdown.markdown(render(compare(first, second)))
    assert "<img" not in html and "<a " not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_cli_appends_to_the_step_summary(tmp_path, monkeypatch, capsys):
    pages = {"/": page("Home")}
    out = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(out))
    assert atlas_cli(["site-diff", str(site(tmp_path / "a", pages)), str(site(tmp_path / "b", pages))]) == 0
    assert out.read_text(encoding="utf-8").startswith("## MkDocs and Zensical: what differs")
    assert "1 pages in both builds" in capsys.readouterr().out
