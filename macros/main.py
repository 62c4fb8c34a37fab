"""MkDocs glue: load the catalog once per build and register the page macros.

mkdocs-macros calls define_env(env) at the start of every build (and every
rebuild under `mkdocs serve`); Zensical calls it before every page, so loading
is cached in atlas.sources. All the real work lives in the importable `atlas`
package next to this file.
"""

import logging
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

from atlas.glossary import abbreviation_lines, write_abbreviations
from atlas.page_macros import page_macros
from atlas.problems import CatalogError
from atlas.sources import load_sources, write_generated_pages


class _DirtyBuildNotice(logging.Filter):
    """Under `make serve` (ATLAS_SERVE_DIRTY), MkDocs' notice that a dirty build is running is information,
    not a problem: the preview rebuilds only the pages an edit touches, on purpose. It stays visible, as
    INFO, so --strict keeps failing on every real warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and "'dirty' build is being performed" in record.getMessage():
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def define_env(env):
    if os.environ.get("ATLAS_SERVE_DIRTY"):
        build_log = logging.getLogger("mkdocs.commands.build")
        if not any(isinstance(f, _DirtyBuildNotice) for f in build_log.filters):
            build_log.addFilter(_DirtyBuildNotice())
    root = Path(env.project_dir).resolve()  # the folder of mkdocs.yml, under MkDocs and Zensical alike
    try:
        sources = load_sources(root)
    except CatalogError as err:
        # Abort makes MkDocs print the problem lines and exit 1, with no traceback.
        raise Abort("\n" + err.report()) from None
    write_generated_pages(
        sources, root / env.conf["docs_dir"]
    )  # docs_dir: absolute under MkDocs, relative under Zensical
    write_abbreviations(sources.terms, root)  # the glossary tooltips, appended to every page by atlas.tooltips
    edit_base = env.conf.get("repo_url", "").rstrip("/") + "/edit/main/"
    for name, macro in page_macros(sources, root).items():
        env.macro(_registered(env, name, macro, edit_base))
    env.variables["abbreviations"] = abbreviation_lines(sources.terms)
    env.variables["pattern_count"] = len(sources.catalog.entries)


def _registered(env, name, macro, edit_base):
    """The macro as pages call it; it also points the page's "Edit this page" at the file its content comes from."""

    def call(*args):
        if macro.source is not None and env.page is not None and env.conf.get("repo_url"):
            env.page.edit_url = edit_base + macro.source(*args)
        return macro.render(*args)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = macro.doc
    return call


def on_post_page_macros(env):
    """`make bench` only: the expanded Markdown, with the tooltips atlas.tooltips would append, becomes the
    equivalent plain Material site."""
    dump = os.environ.get("ATLAS_DUMP_MARKDOWN")
    if dump:
        target = Path(dump) / env.page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.markdown + "\n\n" + env.variables["abbreviations"] + "\n", encoding="utf-8")


def on_post_build(env):
    """Index the built site with Pagefind (search loads the index in small chunks, offline).

    `make serve` sets ATLAS_SERVE_DIRTY: after the first build it rebuilds only the pages an edit
    touches and keeps the search index it has, so an edit shows in a few seconds.
    """
    if os.environ.get("ATLAS_SERVE_DIRTY") and (Path(env.conf["site_dir"]) / "pagefind" / "pagefind.js").exists():
        return
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", env.conf["site_dir"], "--silent"], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise Abort(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
