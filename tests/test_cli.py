"""The contributor commands: check, fix (canonical order) and the skeleton made by new."""
import subprocess
import sys

from atlas.catalog import ROOT, load_catalog, load_schema, load_vocabulary
from atlas.reorder import reorder_text
from atlas.skeleton import skeleton_text


def test_check_command_passes_on_the_catalog():
    result = subprocess.run([sys.executable, "-m", "atlas", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("entries, no problems.")


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


def test_contributing_example_entry_is_valid(tmp_path):
    import re
    import shutil

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text.split("## A complete example entry")[1], re.DOTALL).group(1)
    folder = tmp_path / "patterns"
    shutil.copytree(ROOT / "patterns", folder)
    (folder / "idempotency-key.yaml").write_text(example, encoding="utf-8")
    _, problems = load_catalog(ROOT, folder)
    assert [str(p) for p in problems if p.file == "patterns/idempotency-key.yaml"] == []


def test_check_prints_github_annotations_on_request(fixture_dir):
    from atlas.problems import Problem

    problem = Problem("patterns/alpha.yaml", 12, "benefits[0].text", "50% faster, 100% sure: line\nbreak", "cite it, please")
    line = problem.github_annotation()
    assert line == ("::error file=patterns/alpha.yaml,line=12,title=benefits[0].text::"
                    "50%25 faster, 100%25 sure: line\\nbreak. Tip: cite it, please.")
    assert "\n" not in line


def test_check_command_has_a_github_format():
    result = subprocess.run([sys.executable, "-m", "atlas", "check", "--format", "github"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0 and "entries, no problems" in result.stdout
