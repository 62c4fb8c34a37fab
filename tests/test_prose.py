"""Prose from entries is data: markup shows as typed, links resolve to pages of the site."""

from pathlib import Path

from atlas.escape import prose as escape_text
from atlas.prose import markdown, walk_prose

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_html_and_template_syntax_are_escaped():
    text = "<script>alert(1)</script> {{ config }} {% include x %} {: onclick=x }"
    out = escape_text(text)
    assert "<" not in out and "{" not in out and "}" not in out
    assert "&lt;script&gt;" in out and "&#123;&#123; config &#125;&#125;" in out


def test_code_spans_are_left_to_markdown():
    assert escape_text("Use `Map<K, V>` with <b>care</b>") == "Use `Map<K, V>` with &lt;b&gt;care&lt;/b&gt;"


def test_headings_and_rules_cannot_be_injected():
    out = escape_text("# Not a heading\nText\n---\n===")
    assert out.splitlines()[0] == "\\# Not a heading"
    assert out.splitlines()[2] == "&#45;--" and out.splitlines()[3] == "&#61;=="


def test_site_links_become_relative_markdown_links():
    out = markdown("See [saga](/patterns/saga/#benefits) and [home](/) and [web](https://example.org/).", 1, DOCS)
    assert "[saga](../patterns/saga.md#benefits)" in out
    assert "[home](../index.md)" in out
    assert "[web](https://example.org/)" in out


def test_site_link_to_catalog_page():
    assert "[all](../patterns/index.md)" in markdown("[all](/patterns/)", 1, DOCS)


def test_walk_prose_skips_identifiers_and_diagram_source():
    entry = {
        "id": "x",
        "summary": "s",
        "diagram": {"caption": "c", "mermaid": "m"},
        "benefits": [{"id": "b", "text": "t"}],
    }
    assert list(walk_prose(entry)) == [
        (("summary",), "s"),
        (("diagram", "caption"), "c"),
        (("benefits", 0, "text"), "t"),
    ]


def test_inline_citations_become_the_pages_citation_or_disappear():
    cited = markdown("Retries stay under 10% [@sre].", 1, DOCS, cite=lambda ref: f"<sup>{ref}</sup>")
    assert cited == "Retries stay under 10%<sup>sre</sup>."
    assert markdown("Retries stay under 10% [@sre].", 1, DOCS) == "Retries stay under 10%."


def test_a_list_straight_after_a_sentence_is_a_list():
    out = markdown("It has three jobs:\n- one\n- two\n\nSteps:\n1. first\n2. second", 1, DOCS)
    assert "three jobs:\n\n- one\n- two" in out and "Steps:\n\n1. first" in out
    assert markdown("- a\n- b", 1, DOCS) == "- a\n- b"  # a list on its own is left alone
