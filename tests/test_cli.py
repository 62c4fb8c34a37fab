"""The contributor commands: check, fix (canonical order) and the skeleton made by new."""
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from atlas.__main__ import main as atlas_cli
from atlas.catalog import ROOT, load_catalog, load_schema, load_vocabulary
from atlas.reorder import reorder_text
from atlas.skeleton import skeleton_text
from conftest import EARLY, FIXTURE_GLOSSARY, FIXTURES, early_result, entry_files


def test_check_command_passes_on_the_catalog(atlas_check_run):
    result = atlas_check_run  # `python -m atlas check`, run in the background while other tests ran
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"{len(entry_files())} entries, no problems.\n" and result.stderr == ""


def test_reorder_puts_fields_in_schema_order_and_keeps_comments():
    text = "# header\nname: X  # display name\nsummary: >-\n  folded\n  text\nid: x\n"
    fixed = reorder_text(text, list(load_schema(ROOT)["properties"]))
    assert fixed == "# header\nid: x\nname: X  # display name\nsummary: >-\n  folded\n  text\n"
    assert reorder_text(fixed, list(load_schema(ROOT)["properties"])) == fixed


def test_skeleton_names_every_missing_piece(tmp_path):
    folder = tmp_path / "patterns"
    folder.mkdir()
    (folder / "new-thing.yaml").write_text(skeleton_text("new-thing", "New Thing", "data-management", load_vocabulary(ROOT)),
                                           encoding="utf-8")
    _, problems = load_catalog(ROOT, folder)
    fields = {p.field for p in problems}
    assert {"summary", "context", "how_it_works", "ratings.consistency.score", "quality_effects.cost.effect"} <= fields
    assert all(p.file == "patterns/new-thing.yaml" for p in problems)


def contributing_example_problems() -> list[str]:
    """The problems of CONTRIBUTING.md's complete example entry, checked beside the rest of the real catalog."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text.split("## A complete example entry")[1], re.DOTALL).group(1)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "patterns"
        shutil.copytree(ROOT / "patterns", folder)
        (folder / "idempotency-key.yaml").write_text(example, encoding="utf-8")
        _, problems = load_catalog(ROOT, folder)
    return [str(p) for p in problems if p.file == "patterns/idempotency-key.yaml"]


# A whole catalog to validate: it runs in the background (this module's function, in its own process).
EARLY["contributing_example_run"] = [sys.executable, "-c", "import json, sys; sys.path.insert(0, 'tests'); import test_cli; "
                                     "print(json.dumps(test_cli.contributing_example_problems()))"]


@pytest.fixture(scope="module")
def contributing_example_run():
    return early_result("contributing_example_run")


def test_contributing_example_entry_is_valid(contributing_example_run):
    assert contributing_example_run.returncode == 0, contributing_example_run.stderr
    assert json.loads(contributing_example_run.stdout) == []


def test_check_prints_github_annotations_on_request(fixture_dir):
    from atlas.problems import Problem

    problem = Problem("patterns/alpha.yaml", 12, "benefits[0].text", "50% faster, 100% sure: line\nbreak", "cite it, please")
    line = problem.github_annotation()
    assert line == ("::error file=patterns/alpha.yaml,line=12,title=benefits[0].text::"
                    "50%25 faster, 100%25 sure: line\\nbreak. Tip: cite it, please.")
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
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("family: architecture-style", "family: nope"), encoding="utf-8")
    return project


@pytest.mark.parametrize("fmt,line", [
    ("text", r"patterns/alpha\.yaml:(\d+): family: 'nope' is not a known family\. Tip: known values: .*architecture-style.*"),
    ("github", r"::error file=patterns/alpha\.yaml,line=(\d+),title=family::'nope' is not a known family\. Tip: known values: .*architecture-style.*"),
])
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
