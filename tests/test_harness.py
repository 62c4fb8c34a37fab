"""The test harness itself (tests/conftest.py): the guard over the real docs/, the copy of a project's
sources, the `build` marker, and the commands that run in the background."""

import sys

from atlas.pages import page_text, redirect_text
from conftest import EARLY, _calls_run_build, early_result, snapshot, snapshot_changes, source_files


def test_docs_guard_names_every_file_created_deleted_or_rewritten(tmp_path):
    for name in ("kept.md", "gone.md", "changed.md"):
        (tmp_path / name).write_text("before", encoding="utf-8")
    before = snapshot(tmp_path)
    assert snapshot_changes(before, snapshot(tmp_path)) == []
    (tmp_path / "gone.md").unlink()
    (tmp_path / "changed.md").write_text("after, and longer", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "new.md").write_text("new", encoding="utf-8")
    assert snapshot_changes(before, snapshot(tmp_path)) == [
        "created sub/new.md",
        "deleted gone.md",
        "rewrote changed.md",
    ]


def test_source_files_leave_out_generated_pages_and_bytecode(tmp_path):
    (tmp_path / "index.md").write_text("# Hand-written\n", encoding="utf-8")
    (tmp_path / "saga.md").write_text(page_text("patterns/saga.yaml", "Saga", 'pattern_page("saga")'), encoding="utf-8")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "index.html").write_text(redirect_text("../new/", site_root="../../"), encoding="utf-8")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert [p.relative_to(tmp_path).as_posix() for p in source_files(tmp_path)] == ["index.md"]


def _builds():
    def inner(project, site):
        return run_build(project, site)  # noqa: F821 (only the name matters here)

    return inner


def _reads():
    return "run_build is only mentioned in this text"


def test_a_test_that_calls_run_build_even_in_a_nested_function_is_marked_build():
    assert _calls_run_build(_builds.__code__)
    assert not _calls_run_build(_reads.__code__)


def test_a_background_command_reports_its_output_and_status():
    EARLY["harness_echo"] = [
        sys.executable,
        "-c",
        "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)",
    ]
    result = early_result("harness_echo")
    assert (result.returncode, result.stdout, result.stderr) == (3, "out\n", "err\n")
    assert early_result("harness_echo").stdout == "out\n"  # asked again: the same run's result
