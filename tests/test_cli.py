"""The contributor commands: check, fix (canonical order) and the skeleton made by new."""

import re
import shutil
import sys

import pytest

from atlas.__main__ import main as atlas_cli
from atlas.catalog import ROOT, load_catalog, load_schema, load_vocabulary
from atlas.reorder import reorder_text
from atlas.skeleton import skeleton_text
from conftest import EARLY, FIXTURE_GLOSSARY, FIXTURES, early_result, entry_files, real_load


def test_check_command_passes_on_the_catalog(monkeypatch, capsys):
    """`atlas check` on the real repository: entries, glossary, trees and coverage (the entries as loaded once per session)."""
    catalog, problems = real_load()
    monkeypatch.setattr("atlas.sources.load_catalog", lambda root, patterns_dir=None: (catalog, list(problems)))
    code = atlas_cli(["check"])
    out, err = capsys.readouterr()
    assert (code, out, err) == (0, f"{len(entry_files())} entries, no problems.\n", "")


def test_the_atlas_command_runs_as_a_module(atlas_help_run):
    """`python -m atlas` (what the Makefile and the console script run) starts and offers every command."""
    assert atlas_help_run.returncode == 0, atlas_help_run.stderr
    usage = re.search(r"^usage: python -m atlas \[-h\]\s+\{([a-z,-]+)\}", atlas_help_run.stdout, re.MULTILINE)
    assert usage, atlas_help_run.stdout
    assert set(usage.group(1).split(",")) == {
        "check",
        "fix",
        "new",
        "urls",
        "links",
        "generate",
        "summary",
        "site-diff",
    }


EARLY["atlas_help_run"] = [sys.executable, "-m", "atlas", "--help"]


@pytest.fixture(scope="module")
def atlas_help_run():
    return early_result("atlas_help_run")


def test_reorder_puts_fields_in_schema_order_and_keeps_comments():
    text = "# header\nname: X  # display name\nsummary: >-\n  folded\n  text\nid: x\n"
    fixed = reorder_text(text, list(load_schema(ROOT)["properties"]))
    assert fixed == "# header\nid: x\nname: X  # display name\nsummary: >-\n  folded\n  text\n"
    assert reorder_text(fixed, list(load_schema(ROOT)["properties"])) == fixed


def test_skeleton_names_every_missing_piece(tmp_path):
    folder = tmp_path / "patterns"
    folder.mkdir()
    (folder / "new-thing.yaml").write_text(
        skeleton_text("new-thing", "New Thing", "data-management", load_vocabulary(ROOT)), encoding="utf-8"
    )
    _, problems = load_catalog(ROOT, folder)
    fields = {p.field for p in problems}
    assert {"summary", "context", "how_it_works", "ratings.consistency.score", "quality_effects.cost.effect"} <= fields
    assert all(p.file == "patterns/new-thing.yaml" for p in problems)


def test_contributing_example_entry_is_valid(tmp_path):
    """CONTRIBUTING.md's complete example passes every check beside the rest of the real catalog.

    The other entries are byte for byte the ones the session already loaded, so the loader reuses their
    parsed and schema-checked documents (it keys them by content); every rule runs over the whole catalog.
    """
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text.split("## A complete example entry")[1], re.DOTALL).group(1)
    folder = tmp_path / "patterns"
    shutil.copytree(ROOT / "patterns", folder)
    (folder / "idempotency-key.yaml").write_text(example, encoding="utf-8")

    real, _ = real_load()
    catalog, problems = load_catalog(ROOT, folder)
    assert catalog.entries["idempotency-key"].data["name"] == "Idempotency Key"  # the example, read from scratch
    assert set(catalog.entries) == set(real.entries) | {"idempotency-key"}
    assert [str(p) for p in problems if p.file == "patterns/idempotency-key.yaml"] == []


def test_check_prints_github_annotations_on_request(fixture_dir):
    from atlas.problems import Problem

    problem = Problem(
        "patterns/alpha.yaml", 12, "benefits[0].text", "50% faster, 100% sure: line\nbreak", "cite it, please"
    )
    line = problem.github_annotation()
    assert line == (
        "::error file=patterns/alpha.yaml,line=12,title=benefits[0].text::"
        "50%25 faster, 100%25 sure: line\\nbreak. Tip: cite it, please."
    )
    assert "\n" not in line


def _broken_project(tmp_path):
    """A scratch project whose fixture catalog has one problem (an unknown family) and whose trees and glossary are fine."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "schema", project / "schema")
    shutil.copytree(FIXTURES / "decisions", project / "decisions")
    shutil.copytree(FIXTURES / "catalog", project / "patterns")
    (project / "data").mkdir()
    (project / "data" / "glossary.yaml").write_text(FIXTURE_GLOSSARY, encoding="utf-8")
    alpha = project / "patterns" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace("family: architecture-style", "family: nope"), encoding="utf-8"
    )
    return project


@pytest.mark.parametrize(
    "fmt,line",
    [
        (
            "text",
            r"patterns/alpha\.yaml:(\d+): family: 'nope' is not a known family\. Tip: known values: .*architecture-style.*",
        ),
        (
            "github",
            r"::error file=patterns/alpha\.yaml,line=(\d+),title=family::'nope' is not a known family\. Tip: known values: .*architecture-style.*",
        ),
    ],
)
def test_check_command_prints_each_problem_in_the_format_asked_and_fails(tmp_path, monkeypatch, capsys, fmt, line):
    project = _broken_project(tmp_path)
    monkeypatch.setattr("atlas.__main__.ROOT", project)
    assert atlas_cli(["check", "--format", fmt]) == 1
    out, err = capsys.readouterr()
    [printed] = out.splitlines()
    match = re.fullmatch(line, printed)
    assert match, printed
    lines = (project / "patterns" / "alpha.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[int(match.group(1)) - 1] == "family: nope"
    assert err == "1 problem(s); fix them and run `make check` again.\n"
