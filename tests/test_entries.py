"""Every entry in patterns/ on its own line: loads, passes every rule, and is original prose."""
import shutil
import subprocess

import pytest

from atlas.catalog import load_catalog
from conftest import ROOT, entry_files

CATALOG, PROBLEMS = load_catalog(ROOT)


def test_catalog_is_not_empty():
    assert len(entry_files()) >= 10


@pytest.mark.parametrize("path", entry_files(), ids=lambda p: f"patterns/{p.name}")
def test_entry_has_no_problems(path):
    mine = [str(p) for p in PROBLEMS if p.file == f"patterns/{path.name}"]
    assert not mine, "\n".join(mine)


@pytest.mark.parametrize("path", entry_files(), ids=lambda p: f"patterns/{p.name}")
def test_entry_declares_its_schema_for_editors(path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schema/pattern.schema.json"


HEADLINE = ["monolith", "modular-monolith", "microservices", "serverless", "event-driven-architecture",
            "cqrs", "saga", "backend-for-frontend", "sharding", "caching"]


@pytest.mark.parametrize("entry_id", HEADLINE)
def test_headline_pattern_present(entry_id):
    assert entry_id in CATALOG.entries, f"patterns/{entry_id}.yaml is missing or invalid"


def test_prose_is_original():
    tool = ROOT.parent / "shared" / "tools" / "originality"
    if not tool.exists():
        pytest.skip("../shared/tools/originality is not beside this checkout")
    result = subprocess.run([shutil.which("python3") or "python3", str(tool), "patterns", "docs"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
