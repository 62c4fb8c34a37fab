"""atlas.tooltips: the glossary's abbreviations reach every page through a Markdown extension, which
MkDocs and Zensical both run, and nothing in the appended file is interpreted but `*[X]: ...` lines."""

import os

import markdown
import pytest

from atlas.glossary import abbreviation_lines, write_abbreviations
from atlas.safety import PolicyCheck
from atlas.tooltips import DEFAULT_PATH, MissingAbbreviations, TooltipsExtension
from conftest import ROOT

TERMS = [{"term": "CQRS", "expansion": "Command Query Responsibility Segregation", "definition": "Separate models."}]


def render(text, path):
    return markdown.markdown(text, extensions=["abbr", TooltipsExtension(path=str(path))])


def test_every_use_of_an_abbreviation_gets_its_tooltip(tmp_path):
    path = write_abbreviations(TERMS, tmp_path)
    assert path == tmp_path / DEFAULT_PATH
    html = render("CQRS splits reads from writes. Why CQRS?", path)
    assert html.count('<abbr title="Command Query Responsibility Segregation: Separate models.">CQRS</abbr>') == 2
    assert "*[" not in html


def test_the_file_is_read_again_when_it_changes(tmp_path):
    path = write_abbreviations(TERMS, tmp_path)
    extension = TooltipsExtension(path=str(path))
    md = markdown.Markdown(extensions=["abbr", extension])
    assert "<abbr" in md.convert("CQRS")
    path.write_text("*[BFF]: Backend for frontend\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    html = md.reset().convert("CQRS and BFF")
    assert '<abbr title="Backend for frontend">BFF</abbr>' in html and "<abbr title=\"Command" not in html


def test_a_missing_file_stops_the_page_with_the_fix(tmp_path):
    with pytest.raises(MissingAbbreviations, match="atlas generate"):
        render("CQRS", tmp_path / "nowhere.md")


def test_snippet_and_template_syntax_in_a_page_or_the_glossary_stay_text(tmp_path):
    """Unlike pymdownx.snippets' auto_append, nothing is included or rendered: the lines are data."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    hostile = [
        {
            "term": "XSS",
            "expansion": '<img src=x onerror=alert(1)> {{ config }}',
            "definition": f'--8<-- "{secret}" [link](javascript:alert(1))',
        }
    ]
    path = write_abbreviations(hostile, tmp_path)
    html = render(f'--8<-- "{secret}"\n\nXSS here.', path)
    assert "TOP SECRET" not in html
    assert "<img" not in html and "{{" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_glossary_file_holds_exactly_the_abbreviation_lines(tmp_path):
    path = write_abbreviations(TERMS, tmp_path)
    assert path.read_text(encoding="utf-8") == abbreviation_lines(TERMS) + "\n"
    before = path.stat().st_mtime_ns
    write_abbreviations(TERMS, tmp_path)  # unchanged: not rewritten, so `mkdocs serve` does not loop
    assert path.stat().st_mtime_ns == before


def test_mkdocs_yml_runs_tooltips_before_the_output_policy():
    listed = [
        line.strip().removeprefix("- ")
        for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
        if line.startswith("  - ")
    ]
    assert "abbr" in listed and "atlas.tooltips" in listed
    assert listed.index("atlas.tooltips") < listed.index("atlas.safety")


def test_make_check_renders_prose_without_the_tooltips():
    """Prose checks leave the page-wide extensions out; they need no generated file."""
    html, removals = PolicyCheck(ROOT / "mkdocs.yml").render("Plain CQRS prose.")
    assert removals == [] and "<abbr" not in html
