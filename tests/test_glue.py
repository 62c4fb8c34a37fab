"""The MkDocs glue and what it leans on: one load per state of the sources, and Zensical's way of calling it."""

import importlib.util
import os
import re
import shutil

from atlas.__main__ import main as atlas_cli
from atlas.catalog import load_vocabulary
from atlas.render.pattern_page import render_pattern_page
from atlas.sources import load_sources
from conftest import FIXTURES, ROOT, site_skeleton


def _project(tmp_path):
    project = site_skeleton(tmp_path / "project", for_fixtures=True)
    shutil.copytree(FIXTURES / "catalog", project / "patterns")
    return project


def _glue(project):
    spec = importlib.util.spec_from_file_location("atlas_glue", project / "macros" / "main.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class ZensicalLikeEnv:
    """What Zensical hands define_env: project_dir, a config whose docs_dir is relative, macro registration."""

    def __init__(self, project):
        self.project_dir = str(project)
        self.conf = {"docs_dir": "docs", "repo_url": ""}
        self.page = None
        self.macros = {}
        self.variables = {}

    def macro(self, function):
        self.macros[function.__name__] = function
        return function


def test_sources_load_once_until_a_file_changes(tmp_path):
    project = _project(tmp_path)
    first = load_sources(project)
    assert load_sources(project) is first
    alpha = project / "patterns" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace("name: Alpha Fixture", "name: Alpha Renamed", 1), encoding="utf-8"
    )
    os.utime(alpha, ns=(alpha.stat().st_atime_ns, alpha.stat().st_mtime_ns + 1_000_000_000))
    reloaded = load_sources(project)
    assert reloaded is not first and reloaded.catalog.entries["alpha"].data["name"] == "Alpha Renamed"


def test_define_env_under_zensical_registers_macros_and_writes_pages(tmp_path):
    project = _project(tmp_path)
    glue = _glue(project)
    for _ in range(2):  # Zensical calls it once per page
        env = ZensicalLikeEnv(project)
        glue.define_env(env)
    assert (project / "docs" / "patterns" / "alpha.md").is_file()
    assert {"pattern_page", "catalog_index", "decision_page", "performance_figures"} <= set(env.macros)
    assert env.macros["pattern_page"]("alpha") == render_pattern_page(load_sources(project).catalog, "alpha")
    assert env.variables["pattern_count"] == 3
    # The glossary tooltips (atlas.tooltips appends this file to every page, under either engine).
    assert (project / "generated" / "abbreviations.md").read_text(encoding="utf-8").startswith("*[AF]: Alpha fixture: ")


def _listing(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_generate_writes_the_pages_a_build_needs_and_only_those(tmp_path, monkeypatch, capsys):
    """`atlas generate` on a scratch project (never the real docs/): one page per entry, tree, pair and quality,
    the JSON export, and no generated page left over from another catalog."""
    project = _project(tmp_path)
    monkeypatch.setattr("atlas.__main__.ROOT", project)
    assert atlas_cli(["generate"]) == 0
    assert capsys.readouterr().out == "wrote the generated pages and the glossary tooltips of 3 entries into docs/\n"
    docs = project / "docs"
    assert _listing(docs / "patterns") == ["alpha.md", "beta.md", "gamma.md", "index.md"]
    assert '{{ pattern_page("alpha") }}' in (docs / "patterns" / "alpha.md").read_text(encoding="utf-8")
    assert _listing(docs / "compare") == ["alpha-vs-beta.md", "beta-vs-alpha/index.html", "index.md"]
    assert [p for p in _listing(docs / "decisions") if p != "index.md"] == ["tiny.md"]
    qualities = load_vocabulary(project)["quality_attributes"]
    assert {p.removesuffix(".md") for p in _listing(docs / "tradeoffs")} - {"index", "families", "tensions"} == set(
        qualities
    )
    assert _listing(docs / "api") == [
        "pairs.json",
        "patterns.json",
        "patterns/alpha.json",
        "patterns/beta.json",
        "patterns/gamma.json",
        "schema/pattern.schema.json",
    ]

    assert (project / "generated" / "abbreviations.md").read_text(encoding="utf-8").startswith("*[AF]: ")


def test_generate_refuses_a_bad_catalog_and_writes_nothing(tmp_path, monkeypatch, capsys):
    project = _project(tmp_path)
    alpha = project / "patterns" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace("family: architecture-style", "family: nope"), encoding="utf-8"
    )
    before = _listing(project / "docs")
    monkeypatch.setattr("atlas.__main__.ROOT", project)
    assert atlas_cli(["generate"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^patterns/alpha\.yaml:\d+: family: 'nope' is not a known family\. Tip: ", err, re.MULTILINE), err
    assert _listing(project / "docs") == before


def test_every_macro_a_page_calls_is_in_the_one_table_and_every_one_there_is_called():
    """macros/atlas/page_macros.py is the only list of page macros: none missing, none left over."""
    import re
    from types import SimpleNamespace

    from atlas.page_macros import page_macros

    # The table's names do not depend on the data (no load needed to list them).
    table = set(page_macros(SimpleNamespace(catalog=None, terms=[], trees=[], coverage=None), ROOT))
    call = re.compile(r"\{\{\s*([a-z_]+)\(")
    hand_written = {
        name
        for page in (ROOT / "docs").rglob("*.md")
        if not _generated(page)
        for name in call.findall(page.read_text(encoding="utf-8"))
    }
    # Generated stubs name their macro as the `call` of page_text, e.g. f'pattern_page("{entry_id}")'.
    generated = set(re.findall(r"f'([a-z_]+)\(", (ROOT / "macros" / "atlas" / "pages.py").read_text(encoding="utf-8")))
    assert generated
    assert hand_written | generated == table


def _generated(page) -> bool:
    return page.read_text(encoding="utf-8").startswith("---\ngenerated_from:")


def test_make_serve_treats_the_dirty_build_notice_as_information_only(tmp_path, monkeypatch):
    """`make serve` runs `mkdocs serve --strict --dirty`: MkDocs' dirty-build notice must not abort it, other warnings must."""
    import logging

    project = _project(tmp_path)
    glue = _glue(project)
    monkeypatch.setenv("ATLAS_SERVE_DIRTY", "1")
    glue.define_env(ZensicalLikeEnv(project))
    build_log = logging.getLogger("mkdocs.commands.build")
    seen = []

    class Collect(logging.Handler):
        def emit(self, record):
            seen.append((record.levelno, record.getMessage()))

    handler = Collect()
    build_log.addHandler(handler)
    try:
        build_log.warning("A 'dirty' build is being performed, this will likely lead to inaccurate navigation")
        build_log.warning("Doc file 'x.md' contains a link to 'missing.md'")
    finally:
        build_log.removeHandler(handler)
        for found in [f for f in build_log.filters if type(f).__name__ == "_DirtyBuildNotice"]:
            build_log.removeFilter(found)
    assert [level for level, _ in seen] == [logging.INFO, logging.WARNING]


def test_a_reload_reads_only_the_entry_files_that_changed(fixture_dir, parsed):
    """Under `mkdocs serve` an edit parses one file again; what the load reports is the same as from scratch."""
    import atlas.catalog as catalog_module

    def read():
        return [name.removeprefix("patterns/") for name in parsed if name.startswith("patterns/")]

    first, problems = catalog_module.load_catalog(ROOT, fixture_dir)
    assert problems == [] and sorted(read()) == sorted(p.name for p in fixture_dir.glob("*.yaml"))
    parsed.clear()
    again, _ = catalog_module.load_catalog(ROOT, fixture_dir)
    assert read() == [] and again.entries.keys() == first.entries.keys()
    beta = fixture_dir / "beta.yaml"
    beta.write_text(
        beta.read_text(encoding="utf-8").replace("name: Beta Fixture", "name: Beta Renamed"), encoding="utf-8"
    )
    changed, problems = catalog_module.load_catalog(ROOT, fixture_dir)
    assert read() == ["beta.yaml"] and problems == []
    assert (
        changed.entries["beta"].data["name"] == "Beta Renamed"
        and changed.entries["alpha"].data == first.entries["alpha"].data
    )
    beta.write_text(beta.read_text(encoding="utf-8").replace("family: ", "family: no-such-"), encoding="utf-8")
    _, problems = catalog_module.load_catalog(ROOT, fixture_dir)
    assert [p.field for p in problems] == ["family"]  # a cached file's problems are reported as from scratch
