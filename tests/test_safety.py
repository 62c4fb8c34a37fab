"""The escaping helpers (atlas.escape) and the output policy (atlas.safety), case by case.

Each finding of the security review has a case here that failed before the fix: attribute
injection through a caption, link targets the old regular-expression rule missed, fields without
any link check (tree text, glossary meanings, commit subjects), and names that broke out of the
[name](url) built around them.
"""

from __future__ import annotations

import markdown
import pytest
from justhtml import JustHTML

from atlas import escape
from atlas.catalog import load_valid_catalog
from atlas.changelog import Change, render_changelog
from atlas.decisions import tree_problems
from atlas.render.pattern_page import render_pattern_page
from atlas.rules.link_targets import problems_in
from atlas.safety import enforce, link_allowed, resource_allowed
from atlas.yamlsource import read_document
from conftest import FIXTURES, ROOT, load_fixture, save_fixture

SITE_EXTENSIONS = ["md_in_html", "attr_list", "tables", "atlas.safety"]


def _nodes(html: str):
    stack = [JustHTML(html, fragment=True, sanitize=False).root]
    while stack:
        node = stack.pop()
        for child in node.children or []:
            if not child.name.startswith("#"):
                yield child
            stack.append(child)


# --- escape ---------------------------------------------------------------------------------


def test_attr_escapes_both_quotes_and_keeps_one_line():
    value = escape.attr('a "b" \'c\' <d> & {{ e }}\nf')
    assert value == "a &#34;b&#34; &#39;c&#39; &lt;d&gt; &amp; &#123;&#123; e &#125;&#125; f"


@pytest.mark.parametrize(
    "name",
    [
        "X](javascript:alert(1))[y",
        "a [b] (c) *d* _e_ `f` | g",
        "<img src=x onerror=alert(1)>",
        "{{ config }}",
        "line\nbreak",
        "back\\slash",
    ],
)
def test_plain_text_stays_the_text_of_the_link_built_around_it(name):
    html = markdown.markdown(f"[{escape.plain(name)}](https://example.org/)", extensions=["tables", "attr_list"])
    links = [n for n in _nodes(html) if n.name == "a"]
    assert len(links) == 1 and links[0].attrs["href"] == "https://example.org/"
    assert links[0].to_text(separator="", strip=False) == " ".join(name.split())
    assert not [n for n in _nodes(html) if n.name not in ("p", "a")]


def test_json_script_cannot_close_its_element():
    out = escape.json_script({"x": "</script><script>alert(1)</script>", "y": "\u2028"})
    assert "<" not in out and ">" not in out and "\u2028" not in out


def test_url_stays_one_link_target():
    assert escape.url("https://example.org/a b)c\"d<e>") == "https://example.org/a%20b%29c%22d%3Ce%3E"


# --- the output policy ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "html,gone,said",
    [
        ('<a href="javascript:alert(1)">x</a>', "javascript:", "the link target 'javascript:alert(1)'"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert", "the link target 'JaVaScRiPt:alert(1)'"),
        ('<a href="java&#x09;script:alert(1)">x</a>', "alert", "the link target 'java script:alert(1)'"),
        ('<a href=" &#x01;javascript:alert(1)">x</a>', "alert", "the link target ' \x01javascript:alert(1)'"),
        ('<a href="data:text/html,x">x</a>', "data:", "the link target 'data:text/html,x'"),
        ('<a href="vbscript:x">x</a>', "vbscript", "the link target 'vbscript:x'"),
        (
            '<img src="https://attacker.invalid/p.png">',
            "attacker",
            "the image 'https://attacker.invalid/p.png' from another host",
        ),
        ('<img src="//attacker.invalid/p.png">', "attacker", "the image '//attacker.invalid/p.png' from another host"),
        (
            '<img src="/\\attacker.invalid/p.png">',
            "attacker",
            "the image '/\\attacker.invalid/p.png' from another host",
        ),
        (
            '<img src="a.png" srcset="https://attacker.invalid/p.png 2x">',
            "attacker",
            "'https://attacker.invalid/p.png 2x' loaded from elsewhere by <img srcset>",
        ),
        ('<iframe src="/x"></iframe>', "iframe", 'the HTML element <iframe>'),
        ('<object data="/x"></object>', "object", 'the HTML element <object>'),
        ('<script>alert(1)</script>', "alert", 'a <script> element'),
        (
            '<script type="application/json" src="https://attacker.invalid/x"></script>',
            "attacker",
            'a <script> element',
        ),
        (
            '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
            "javascript",
            "the link target 'javascript:alert(1)'",
        ),
        (
            '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
            "animate",
            'the SVG element <animate>',
        ),
        ('<math><mi>x</mi></math>', "math", 'the MathML element <math>'),
        ('<p onclick="alert(1)">x</p>', "onclick", "the event attribute 'onclick' on <p>"),
        (
            '<p style="background:url(https://attacker.invalid/x)">x</p>',
            "attacker",
            'a style on <p> that could load or run something',
        ),
        ('<style>p{}</style>', "style", 'the HTML element <style>'),
        ('<form action="https://attacker.invalid/"><input></form>', "attacker", 'the HTML element <form>'),
    ],
)
def test_the_policy_removes_and_reports(html, gone, said):
    clean, removals = enforce(html)
    assert [r.what for r in removals] == [said], html  # one report, saying what went
    assert gone not in clean.lower()


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="https://example.org/a?b=c#d">x</a> <a href="../saga/#benefits">y</a> <a href="mailto:a@example.org">z</a></p>',
        '<p><a href="#top">top</a> <img src="../assets/x.png" alt="x"></p>',
        '<script type="application/json" id="d">{"a":"\\u003c"}</script>',
        '<svg viewBox="0 0 1 1"><g><rect x="0" y="0" width="1" height="1"/><text>t</text></g></svg>',
        '<table><tr><td style="width:10%">1</td></tr></table>',
    ],
)
def test_the_policy_leaves_the_atlas_own_markup_byte_for_byte(html):
    assert enforce(html) == (html, [])


def test_a_title_with_markup_is_made_inert_for_the_theme_tooltips():
    clean, removals = enforce('<a href="#x" title="&lt;img src=x onerror=alert(1)&gt;">x</a>')
    assert removals == []
    title = next(n for n in _nodes(clean) if n.name == "a").attrs["title"]
    assert "<" not in title and title.startswith("&lt;img")


def test_link_and_resource_predicates():
    assert link_allowed("https://x.org") and link_allowed("/patterns/") and link_allowed("mailto:a@b")
    assert not link_allowed("\tjavascript:x") and not link_allowed("file:///etc/passwd")
    assert resource_allowed("../x.png") and not resource_allowed("//x.org/p.png") and not resource_allowed("http://x/p")


def test_the_build_extension_warns_so_strict_builds_fail(caplog):
    caplog.set_level("WARNING")
    markdown.markdown("# Page\n\n[x](javascript:alert(1))", extensions=["atlas.safety"])
    assert any(
        "atlas.safety" in r.message and "javascript:alert(1)" in r.message and r.levelname == "WARNING"
        for r in caplog.records
    )


# --- the link rule reads the rendered page (finding 2) --------------------------------------


@pytest.fixture
def catalog(fixture_catalog):
    return fixture_catalog  # read only; tests that change entries load their own copy


@pytest.mark.parametrize(
    "text,target",
    [
        ("See [a [nested] b](javascript:alert(1)) for more.", "the link target 'javascript:alert(1)'"),
        ("- item\n\n    [ref]: javascript:alert(1)\n\n- [x][ref]", "the link target 'javascript:alert(1)'"),
        ("See [x][ref].\n\n  [ref]: JAVASCRIPT:alert(1)", "the link target 'JAVASCRIPT:alert(1)'"),
        ("[x](<javascript:alert(1)>)", "the link target '<javascript:alert(1)>'"),
        ("[x]( javascript:alert(1) )", "the link target 'javascript:alert(1)'"),
        ("![pixel](//attacker.invalid/p.png)", "embeds the image '//attacker.invalid/p.png'"),
        ("[x](data:text/html,hi)", "the link target 'data:text/html,hi'"),
    ],
)
def test_link_rule_sees_what_a_browser_would(catalog, text, target):
    problems = list(problems_in(text, catalog))
    assert len(problems) == 1 and problems[0][0].startswith(target), problems


def test_autolink_syntax_in_prose_is_text(catalog):
    # Prose escapes "<", so <javascript:...> is shown as typed and is no link at all.
    assert list(problems_in("<javascript:alert(1)>", catalog)) == []


def test_link_rule_accepts_ordinary_links(catalog):
    assert (
        list(
            problems_in(
                "See [alpha](/patterns/alpha/#benefits), [the spec](https://example.org/x_(y)) "
                "and [us](mailto:a@example.org).",
                catalog,
            )
        )
        == []
    )


# --- fields that had no check (finding 3) ---------------------------------------------------


def test_tree_text_is_link_checked(tmp_path, catalog):
    text = (
        (FIXTURES / "decisions" / "tiny.yaml")
        .read_text(encoding="utf-8")
        .replace("help: The first question of the fixture tree.", "help: \"Read [this](javascript:alert(1)) first.\"")
    )
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path, "decisions/tiny.yaml")
    problems = list(tree_problems(doc, "tiny", catalog))
    assert any(p.field == "questions[0].help" and "link target" in p.message and p.line > 1 for p in problems)


def test_glossary_meaning_is_link_checked(tmp_path, catalog):
    from atlas.glossary import load_glossary
    from atlas.problems import CatalogError

    (tmp_path / "data").mkdir()
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "glossary.schema.json").write_text((ROOT / "schema" / "glossary.schema.json").read_text())
    (tmp_path / "data" / "glossary.yaml").write_text(
        "terms:\n  - term: AF\n    expansion: Alpha fixture\n    definition: \"The first [entry](javascript:alert(1)) of all.\"\n"
    )
    with pytest.raises(CatalogError) as err:
        load_glossary(tmp_path, catalog)
    assert "data/glossary.yaml:4: terms[0].definition: the link target 'javascript:alert(1)'" in str(err.value)


def test_commit_subjects_never_reach_the_changelog(catalog):
    page = render_changelog(
        [
            Change(
                "2026-12-01",
                "[x](javascript:alert(1)) <img src=x onerror=alert(1)>",
                [("M", None, "alpha"), ("A", None, "<img src=x onerror=alert(1)>")],
            )
        ],
        catalog,
    )
    html = markdown.markdown(page, extensions=["attr_list"])
    assert not [
        n for n in _nodes(html) if n.name == "img" or (n.name == "a" and "javascript" in n.attrs.get("href", ""))
    ]
    text = JustHTML(html, fragment=True, sanitize=False).root.to_text(separator="", strip=False)
    assert "javascript" not in text  # the subject is not shown at all
    assert "<img src=x onerror=alert(1)>" in text  # a file name from the history shows as typed


# --- attribute injection and names (findings 1 and 4) ---------------------------------------


def test_a_caption_with_quotes_stays_inside_its_attribute(fixture_dir):
    alpha = load_fixture(fixture_dir)
    alpha["diagram"]["caption"] = 'A caption" onfocus="alert(1)" tabindex="0'
    save_fixture(fixture_dir, alpha)
    page = render_pattern_page(load_valid_catalog(ROOT, fixture_dir), "alpha")
    html = markdown.markdown(page, extensions=SITE_EXTENSIONS)
    pre = next(n for n in _nodes(html) if n.name == "pre")
    assert set(pre.attrs) == {"class", "data-pagefind-ignore", "aria-label"}
    assert pre.attrs["aria-label"] == 'Diagram source: A caption" onfocus="alert(1)" tabindex="0'


def test_a_name_cannot_break_out_of_the_links_built_around_it(fixture_dir):
    beta = load_fixture(fixture_dir, "beta")
    beta["name"] = "X](javascript:alert(1))[y"
    save_fixture(fixture_dir, beta, "beta")
    catalog = load_valid_catalog(ROOT, fixture_dir)
    html = markdown.markdown(render_pattern_page(catalog, "alpha"), extensions=SITE_EXTENSIONS)
    hrefs = [n.attrs.get("href", "") for n in _nodes(html) if n.name == "a"]
    assert hrefs and not [h for h in hrefs if "javascript" in h]
    assert any(
        n.name == "a" and n.to_text(separator="", strip=False) == "X](javascript:alert(1))[y" for n in _nodes(html)
    )


# --- YAML limits ----------------------------------------------------------------------------


def test_deep_nesting_is_one_line_not_a_crash(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("name: x\nnested: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    problems = read_document(path, "patterns/deep.yaml").problems
    assert [str(p) for p in problems] == [
        "patterns/deep.yaml:2: (file): the data is nested more than 20 levels deep. "
        "Tip: entries nest a few levels at most; check for unbalanced [ or {."
    ]


def test_page_titles_never_carry_markup_into_the_theme():
    """Material writes the title unescaped into <title> and the header, then draws the header's text as an
    HTML tooltip: a generated page's title is escaped and holds no "<" at all."""
    import yaml as yaml_lib

    from atlas.pages import page_text

    front = page_text("schema/vocabulary.yaml", 'Cost <img src=x onerror=alert(1)> & "more"', "m()").split("---")[1]
    title = yaml_lib.safe_load(front)["title"]
    assert "<" not in title and ">" not in title
    assert title == "Cost ‹img src=x onerror=alert(1)› &amp; &#34;more&#34;"
