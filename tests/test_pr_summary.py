"""The pull request's job summary (atlas.pr_summary, `atlas summary`): what it counts, and that text from
the pull request stays inert in GitHub's Markdown."""

import re
import subprocess

import markdown
import pytest

from atlas.__main__ import main as atlas_cli
from atlas.pr_summary import (
    Change,
    base_urls,
    changed_files,
    inert,
    page_of,
    parse_name_status,
    render,
    screenshot_name,
    summarize,
)

HOSTILE = "<img src=x onerror=alert(1)> [click](https://evil.example/) ![i](https://evil.example/i.png) **bold** `tick` @someone"

BASE = ["/", "/patterns/", "/patterns/alpha/", "/patterns/gone/", "/glossary/"]
HEAD = ["/", "/patterns/", "/patterns/alpha/", "/patterns/beta/", "/glossary/"]


def fixture_summary(**overrides):
    arguments = {
        "changes": parse_name_status(
            "M\tpatterns/alpha.yaml\nA\tpatterns/beta.yaml\nD\tpatterns/gone.yaml\n"
            "M\tdocs/glossary.md\nM\tmacros/atlas/escape.py\n"
        ),
        "names": {"alpha": "Alpha Pattern", "beta": HOSTILE},
        "base_urls": BASE,
        "head_urls": HEAD,
        "problems": ["patterns/beta.yaml:3: name: too long. Tip: shorten it."],
        "screenshot_files": {"patterns-alpha-1280.png", "patterns-alpha-390.png", "patterns-beta-1280.png"},
    }
    arguments.update(overrides)
    return summarize(**arguments)


def test_entries_pages_problems_and_screenshots_are_counted():
    summary = fixture_summary()
    assert summary.entries == {
        "added": [("beta", HOSTILE)],
        "changed": [("alpha", "Alpha Pattern")],
        "removed": [("gone", "")],
    }
    assert summary.pages_added == ["/patterns/beta/"] and summary.pages_removed == ["/patterns/gone/"]
    assert summary.changed_pages == ["/patterns/alpha/", "/patterns/beta/", "/glossary/"]
    assert summary.screenshots == {
        "/patterns/alpha/": ["patterns-alpha-1280.png", "patterns-alpha-390.png"],
        "/patterns/beta/": ["patterns-beta-1280.png"],
        "/glossary/": [],
    }
    text = render(summary)
    assert "### Entries: 1 added, 1 changed, 1 removed" in text
    assert "1 added, 1 removed" in text and "- `/patterns/gone/`" in text
    assert "### Problems found by `atlas check`: 1" in text
    assert "- `/patterns/alpha/`: `patterns-alpha-1280.png`, `patterns-alpha-390.png`" in text
    assert "- `/glossary/`: no screenshot taken" in text


def test_a_hostile_entry_name_is_inert_in_the_summary():
    html = markdown.markdown(render(fixture_summary()))
    assert "<img" not in html and "<a " not in html and "<strong>bold" not in html
    assert "onerror" in html  # shown, as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # The name sits in one code span, exactly as typed (backticks in it included).
    spans = re.findall(r"<code>(.*?)</code>", html)
    assert any("[click](https://evil.example/)" in span and "`tick`" in span for span in spans)


@pytest.mark.parametrize("text", ["plain", "`", "a ``b`` c", "ends with `", "line\nbreak", ""])
def test_inert_text_cannot_close_its_code_span(text):
    html = markdown.markdown(f"- {inert(text)} after")
    assert html.count("<code>") == 1 and html.rstrip().endswith("after</li>\n</ul>")


def test_no_site_means_no_page_comparison_but_the_rest_is_reported():
    summary = fixture_summary(head_urls=None)
    text = render(summary)
    assert summary.pages_added == [] and "The site did not build" in text
    assert "### Entries: 1 added, 1 changed, 1 removed" in text


def test_a_quiet_pull_request():
    text = render(summarize([Change("M", "README.md")], {}, BASE, BASE, [], set()))
    assert "No entry file changed." in text and "0 added, 0 removed" in text and "No page changed." in text
    assert "### Problems found by `atlas check`: 0" in text


@pytest.mark.parametrize(
    "path, url",
    [
        ("patterns/saga.yaml", "/patterns/saga/"),
        ("decisions/caching.yaml", "/decisions/caching/"),
        ("docs/index.md", "/"),
        ("docs/concepts/cap-theorem.md", "/concepts/cap-theorem/"),
        ("docs/patterns/index.md", "/patterns/"),
        ("macros/main.py", None),
        ("patterns/README.md", None),
    ],
)
def test_page_of_a_changed_file(path, url):
    assert page_of(path) == url


def test_screenshot_names():
    assert screenshot_name("/patterns/saga/", 390) == "patterns-saga-390.png"
    assert screenshot_name("/", 1280) == "home-1280.png"


def test_renames_count_as_removed_and_added():
    assert parse_name_status("R090\tpatterns/old.yaml\tpatterns/new.yaml\n") == [
        Change("D", "patterns/old.yaml"),
        Change("A", "patterns/new.yaml"),
    ]


def _git(repo, *args):
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True, capture_output=True
    )


def test_changes_and_base_urls_come_from_git(tmp_path):
    repo = tmp_path / "repo"
    (repo / "patterns").mkdir(parents=True)
    (repo / "tests").mkdir()
    (repo / "patterns" / "alpha.yaml").write_text("name: A\n", encoding="utf-8")
    (repo / "patterns" / "gone.yaml").write_text("name: G\n", encoding="utf-8")
    (repo / "tests" / "published-urls.txt").write_text("# header\n/\n/patterns/gone/\n", encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "checkout", "-qb", "feature")
    (repo / "patterns" / "alpha.yaml").write_text("name: A2\n", encoding="utf-8")
    (repo / "patterns" / "gone.yaml").unlink()
    (repo / "patterns" / "beta.yaml").write_text("name: B\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "feature")
    assert base_urls(repo, "main") == ["/", "/patterns/gone/"]
    assert sorted(changed_files(repo, "main"), key=lambda c: c.path) == [
        Change("M", "patterns/alpha.yaml"),
        Change("A", "patterns/beta.yaml"),
        Change("D", "patterns/gone.yaml"),
    ]
    assert base_urls(repo, "no-such-ref") == []


def test_cli_appends_to_the_step_summary(tmp_path, monkeypatch):
    out = tmp_path / "summary.md"
    out.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(out))
    assert atlas_cli(["summary", "--base", "HEAD", "--site", str(tmp_path / "no-site")]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## Backend Pattern Atlas: this pull request")
    assert "The site did not build" in text and "### Problems found by `atlas check`: 0" in text
