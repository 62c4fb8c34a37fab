"""Every entry in patterns/ on its own line: loads, passes every rule, and is original prose."""

import shutil

import pytest

from conftest import EARLY, ROOT, early_result, entry_files, real_load, source_files


def test_the_files_tested_one_by_one_are_the_catalog():
    """The per-file tests below see exactly the entries the site publishes, and there are some."""
    assert sorted(path.stem for path in entry_files()) == sorted(real_load()[0].entries) != []


@pytest.mark.parametrize("path", entry_files(), ids=lambda p: f"patterns/{p.name}")
def test_entry_has_no_problems(path):
    mine = [str(p) for p in real_load()[1] if p.file == f"patterns/{path.name}"]
    assert not mine, "\n".join(mine)


@pytest.mark.parametrize("path", entry_files(), ids=lambda p: f"patterns/{p.name}")
def test_entry_declares_its_schema_for_editors(path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schema/pattern.schema.json"


ORIGINALITY = ROOT.parent / "shared" / "tools" / "originality"
if ORIGINALITY.exists():
    # Every source of published prose; generated pages and the JSON export only repeat the entries.
    EARLY["originality_run"] = [
        shutil.which("python3") or "python3",
        str(ORIGINALITY),
        "patterns",
        "decisions",
        "data",
        *(
            p.relative_to(ROOT).as_posix()
            for p in source_files(ROOT / "docs")
            if p.suffix in {".md", ".html", ".yaml", ".yml", ".json"}
        ),
    ]


@pytest.fixture(scope="module")
def originality_run():
    if "originality_run" not in EARLY:
        pytest.skip("../shared/tools/originality is not beside this checkout")
    return early_result("originality_run")


def test_prose_is_original(originality_run):
    assert originality_run.returncode == 0, originality_run.stdout + originality_run.stderr
