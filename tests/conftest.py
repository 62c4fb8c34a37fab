"""Shared fixtures: the repository root, the two-entry fixture catalog, and a built site."""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@functools.lru_cache(maxsize=1)
def real_catalog():
    """The real catalog, loaded and validated once per test session (tests only read it)."""
    from atlas.catalog import load_valid_catalog

    return load_valid_catalog(ROOT)


def entry_files():
    return sorted((ROOT / "patterns").glob("*.yaml"))


@pytest.fixture
def fixture_dir(tmp_path):
    """A copy of the valid two-entry fixture catalog that a test may change."""
    folder = tmp_path / "patterns"
    shutil.copytree(FIXTURES / "catalog", folder)
    return folder


def load_fixture(folder: Path, entry_id: str = "alpha") -> dict:
    return yaml.safe_load((folder / f"{entry_id}.yaml").read_text(encoding="utf-8"))


def save_fixture(folder: Path, data: dict, entry_id: str = "alpha") -> None:
    (folder / f"{entry_id}.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


FIXTURE_GLOSSARY = "terms:\n  - term: AF\n    expansion: Alpha fixture\n    definition: The first entry of the fixture catalog.\n"


def site_skeleton(target: Path, for_fixtures: bool = False) -> Path:
    """Copy everything a build needs except the entries into target; returns target.

    for_fixtures: replace the glossary with one that only links to pages the fixture catalog has.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "macros", "schema", "overrides", "data", "decisions"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
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
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site)], cwd=project,
                          capture_output=True, text=True, env=BUILD_ENV, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real catalog, built once per test session with --strict."""
    project = site_skeleton(tmp_path_factory.mktemp("project"))
    shutil.copytree(ROOT / "patterns", project / "patterns")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


# --- browser tests: Debian's Chromium, and a local server for a built site ----------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


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
    threading.Thread(target=server.serve_forever, daemon=True).start()
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


def pytest_collection_modifyitems(config, items):
    """Mark as `build` every test that builds a site, through a fixture or by calling run_build itself."""
    import inspect

    for item in items:
        if BUILDING_FIXTURES & set(item.fixturenames) or "run_build(" in inspect.getsource(item.function):
            item.add_marker(pytest.mark.build)
