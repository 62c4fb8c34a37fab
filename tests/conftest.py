"""Shared fixtures: the repository root, the two-entry fixture catalog, and a built site.

Nothing here reads the real catalog at import time: tests call real_catalog() or real_trees()
(each loads once per session, the first time a selected test asks), so collecting tests costs
no catalog load and `make quick` pays for at most one.
"""

from __future__ import annotations

import functools
import gc
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@functools.lru_cache(maxsize=1)
def real_load():
    """(catalog, problems) of the real catalog, loaded once per test session (tests only read it)."""
    from atlas.catalog import load_catalog

    return load_catalog(ROOT)


def real_catalog():
    """The real catalog, validated: any problem fails the test that asks, with every problem listed."""
    from atlas.problems import CatalogError

    catalog, problems = real_load()
    if problems:
        raise CatalogError(problems)
    return catalog


@functools.lru_cache(maxsize=1)
def real_trees():
    """The real decision trees, loaded once per test session."""
    from atlas.decisions import load_trees

    return load_trees(ROOT, real_catalog())


def pattern_count() -> int:
    """How many patterns the real catalog holds: tests never assume a size."""
    return len(real_catalog().entries)


def real_tree(tree_id: str):
    return next(tree for tree in real_trees() if tree.id == tree_id)


def entry_files():
    """The entry files, cheap to list at collection time: parametrize over these, load inside the test."""
    return sorted((ROOT / "patterns").glob("*.yaml"))


def tree_ids():
    """The decision trees' ids (file names), for parametrizing without loading them."""
    return [path.stem for path in sorted((ROOT / "decisions").glob("*.yaml"))]


@pytest.fixture
def fixture_dir(tmp_path):
    """A copy of the valid two-entry fixture catalog that a test may change."""
    folder = tmp_path / "patterns"
    shutil.copytree(FIXTURES / "catalog", folder)
    return folder


@pytest.fixture
def parsed(monkeypatch):
    """The files parsed during the test (their display paths, in order), starting with no document in memory
    and none stored by an earlier run."""
    import atlas.yamlsource as yamlsource

    names: list[str] = []
    real_parse = yamlsource.document_from_bytes

    def counted(raw, display):
        names.append(display)
        return real_parse(raw, display)

    monkeypatch.setattr(yamlsource, "document_from_bytes", counted)
    monkeypatch.setattr(yamlsource, "_DOCUMENTS", {})
    monkeypatch.setattr(yamlsource, "_STORED", {})
    monkeypatch.setattr(yamlsource, "_READ_HERE", set())
    return names


@pytest.fixture
def editable_catalog(fixture_dir):
    """The fixture catalog loaded with entries of its own, for a test that changes them (the loader shares
    parsed entries between loads, so changing a loaded entry in place would change it for every test)."""
    import copy

    from atlas.catalog import load_valid_catalog

    catalog = load_valid_catalog(ROOT, fixture_dir)
    for entry in catalog.entries.values():
        entry.data = copy.deepcopy(entry.data)
    return catalog


@pytest.fixture(scope="session")
def fixture_catalog():
    """The fixture catalog, loaded once for every test that only reads it (to change it, copy fixture_dir).

    Its entries are compared before and after the session, so a test that changes them fails.
    """
    import copy

    from atlas.catalog import load_valid_catalog

    catalog = load_valid_catalog(ROOT, FIXTURES / "catalog")
    before = copy.deepcopy({entry_id: entry.data for entry_id, entry in catalog.entries.items()})
    yield catalog
    assert {entry_id: entry.data for entry_id, entry in catalog.entries.items()} == before, (
        "a test changed the shared fixture catalog"
    )


def load_fixture(folder: Path, entry_id: str = "alpha") -> dict:
    return yaml.load(
        (folder / f"{entry_id}.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
    )  # libyaml: fast


def save_fixture(folder: Path, data: dict, entry_id: str = "alpha") -> None:
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
    (folder / f"{entry_id}.yaml").write_text(text, encoding="utf-8")


def copy_sources(source: Path, target: Path) -> Path:
    """Copy a folder of the repository without bytecode or generated output; returns target."""
    shutil.copytree(source, target, ignore=_not_sources)
    return target


FIXTURE_GLOSSARY = (
    "terms:\n  - term: AF\n    expansion: Alpha fixture\n    definition: The first entry of the fixture catalog.\n"
)


def _not_sources(folder: str, names: list[str]) -> set[str]:
    """A copytree filter: bytecode, and what a build generates into docs/ (git-ignored; the copy's build remakes it)."""
    from atlas.pages import _is_generated

    here = Path(folder)
    skipped = {"__pycache__"} & set(names)
    if here == ROOT / "docs" and "api" in names:
        skipped.add("api")  # the JSON export (docs/api.md, the page about it, is a source)
    return skipped | {
        name
        for name in names
        if name.endswith((".md", ".html")) and (here / name).is_file() and _is_generated(here / name)
    }


def site_skeleton(target: Path, for_fixtures: bool = False) -> Path:
    """Copy everything a build needs except the entries into target; returns target.

    for_fixtures: replace the glossary with one that only links to pages the fixture catalog has.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "macros", "schema", "overrides", "data", "decisions"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=_not_sources)
        else:
            shutil.copy2(source, target / name)
    for generated in (target / "docs" / "patterns").glob("*.md"):
        if generated.name != "index.md":
            generated.unlink()
    if for_fixtures:
        (target / "data" / "glossary.yaml").write_text(FIXTURE_GLOSSARY, encoding="utf-8")
        (target / "data" / "coverage.yaml").unlink(missing_ok=True)  # it names the real catalog's entries
        shutil.rmtree(target / "decisions")
        shutil.copytree(FIXTURES / "decisions", target / "decisions")
        # Hand-written pages link to real patterns; fixture builds keep only the generated pages.
        for page in ("concepts", "guides"):
            shutil.rmtree(target / "docs" / page)
        config = (target / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.sub(r"\n  - Concepts:\n(?:      .*\n)+  - Guides:\n(?:      .*\n)+", "\n", config)
        (target / "mkdocs.yml").write_text(config, encoding="utf-8")
        api = target / "docs" / "api.md"
        api.write_text(api.read_text(encoding="utf-8").replace("patterns/saga", "patterns/alpha"), encoding="utf-8")
        index = target / "docs" / "index.md"
        index.write_text("# Fixture site\n\n[Catalog](patterns/index.md)\n", encoding="utf-8")
    return target


def run_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        timeout=600,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real catalog, built once per test session with --strict."""
    project = site_skeleton(tmp_path_factory.mktemp("project"))
    shutil.copytree(ROOT / "patterns", project / "patterns")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


def source_files(folder: Path) -> list[Path]:
    """The files under folder that are sources, not bytecode or generated output (what site_skeleton copies)."""
    found = []
    for here, dirs, files in os.walk(folder):
        skipped = _not_sources(here, dirs + files)
        dirs[:] = sorted(d for d in dirs if d not in skipped)
        found += [Path(here) / name for name in sorted(files) if name not in skipped]
    return found


# --- slow commands, run in the background from the moment collection shows a selected test needs one ---

EARLY: dict[str, list[str]] = {}  # fixture name -> command (run in ROOT); a module registers its own at import
_running: dict[str, subprocess.Popen] = {}


def _start(name: str) -> subprocess.Popen:
    if name not in _running:
        _running[name] = subprocess.Popen(
            EARLY[name], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=BUILD_ENV
        )
    return _running[name]


@functools.cache
def early_result(name: str) -> subprocess.CompletedProcess:
    """The finished run of EARLY[name]: started at the end of collection, so it ran while other tests did."""
    process = _start(name)
    stdout, stderr = process.communicate(timeout=600)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def pytest_collection_finish(session):
    for name in sorted({name for item in session.items for name in item.fixturenames if name in EARLY}):
        _start(name)


# --- browser tests: Debian's Chromium, and a local server for a built site ----------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def serve(folder: Path, log: list | None = None) -> http.server.ThreadingHTTPServer:
    """Serve folder on a free port (server.base is its URL); log, if given, gets (path, status) of every request."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def log_request(self, code="-", size="-"):
            if log is not None:
                log.append((urlsplit(self.path).path, int(code)))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    server.base = f"http://127.0.0.1:{server.server_port}"
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()  # quick shutdown
    return server


@pytest.fixture(scope="module")
def site_url(built_site):
    """The real catalog's built site, served locally."""
    server = serve(built_site)
    yield server.base
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# --- `make quick`: everything that needs no site build and no browser -------------------------

BUILDING_FIXTURES = {"built_site", "site_url", "corpus", "renamed_site"}


def _calls_run_build(code) -> bool:
    """Does this function (or a function defined inside it) refer to run_build?"""
    return "run_build" in code.co_names or any(_calls_run_build(c) for c in code.co_consts if hasattr(c, "co_names"))


def pytest_collection_modifyitems(config, items):
    """Mark as `build` every test that builds a site, through a fixture or by calling run_build itself."""
    for item in items:
        if BUILDING_FIXTURES & set(item.fixturenames) or _calls_run_build(item.function.__code__):
            item.add_marker(pytest.mark.build)


# --- the session: no test may change the real docs/, and the summary says how long the tests took -----


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """relative path -> (size, mtime in ns) of every file under folder."""
    return {
        path.relative_to(folder).as_posix(): (stat.st_size, stat.st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
        for stat in [path.stat()]
    }


def snapshot_changes(before: dict, after: dict) -> list[str]:
    return sorted(
        [f"created {path}" for path in after.keys() - before.keys()]
        + [f"deleted {path}" for path in before.keys() - after.keys()]
        + [f"rewrote {path}" for path in before.keys() & after.keys() if before[path] != after[path]]
    )


_session: dict = {"seconds": Counter(), "tests": Counter()}


def pytest_sessionstart(session):
    import atlas.yamlsource

    atlas.yamlsource.SAVE_DOCUMENTS = False  # tests read the stored documents (make check wrote them), never write
    _session["docs"] = snapshot(ROOT / "docs")
    _session["started"] = time.monotonic()


def _kind(report) -> str:
    return "browser" if "browser" in report.keywords else "build" if "build" in report.keywords else "other"


def pytest_runtest_logreport(report):
    _session["seconds"][_kind(report)] += report.duration
    if report.when == "teardown":
        _session["tests"][_kind(report)] += 1


def pytest_sessionfinish(session, exitstatus):
    for process in _running.values():  # started for tests that did not run (stopped early, -x)
        if process.poll() is None:
            process.kill()
            process.communicate()
    if "docs" in _session:
        _session["docs changes"] = snapshot_changes(_session["docs"], snapshot(ROOT / "docs"))
        if _session["docs changes"]:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    changes = _session.get("docs changes")
    if changes:
        terminalreporter.write_sep("=", "a test changed the real docs/ (generate into tmp_path instead)", red=True)
        for line in changes[:20]:
            terminalreporter.write_line(f"  docs/{line.split(' ', 1)[1]}: {line.split(' ', 1)[0]}")
    seconds, tests = _session["seconds"], _session["tests"]
    if "started" in _session and sum(tests.values()):
        terminalreporter.write_line(
            f"atlas: the tests took {sum(seconds.values()):.1f} s (browser {seconds['browser']:.1f} s in {tests['browser']}, "
            f"build {seconds['build']:.1f} s in {tests['build']}, the rest {seconds['other']:.1f} s in {tests['other']}); "
            f"{time.monotonic() - _session['started']:.1f} s from start to end"
        )


def pytest_unconfigure(config):
    # The last hook: everything is reported. Freezing the heap spares the interpreter its final garbage
    # collection over every object the session made, which took longer than a second of the run.
    gc.freeze()


def set_at(path, value):
    """A change for a fixture's data: set the field at path (keys and list indexes) to value."""

    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change
