"""Glossary tooltips on every page, under MkDocs and Zensical alike.

The build's generator step (define_env, or `atlas generate` before a Zensical build) writes the
glossary's abbreviation definitions (`*[CQRS]: ...`, see atlas.glossary) to one file. This Python-
Markdown extension, listed in mkdocs.yml before atlas.safety, appends that file's lines to every
page, and the `abbr` extension turns each use of an abbreviation into an ``<abbr title>``. Both
engines run Markdown extensions, whereas only mkdocs-macros calls the plugin hooks.

Why not pymdownx.snippets' `auto_append`: snippets also expands every ``--8<-- "file"`` line it
finds, and entry prose reaches the page as Markdown, so an entry could pull a file into a page.
This extension reads one file and interprets nothing.

Its preprocessor runs after template rendering (Zensical's macros preprocessor has priority 35;
under MkDocs, macros render before Markdown starts), so the glossary is never read as a template.
"""

from __future__ import annotations

from pathlib import Path

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# Relative to the folder the build runs in (the folder of mkdocs.yml); git-ignored.
DEFAULT_PATH = "generated/abbreviations.md"
# Below Zensical's macros preprocessor (35), above Python-Markdown's html_block (20).
PRIORITY = 28


class MissingAbbreviations(Exception):
    """The generator step has not run, so there is no abbreviations file to append."""


class TooltipsPreprocessor(Preprocessor):
    def __init__(self, md, path: str):
        super().__init__(md)
        self.path = Path(path)
        self._cache: tuple[tuple[int, int], list[str]] | None = None

    def lines(self) -> list[str]:
        """The file's lines, read again only when it changes (mkdocs serve rewrites it on each rebuild)."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            raise MissingAbbreviations(
                f"{self.path}: the glossary tooltips file is missing. Tip: build with `make build`, "
                "or run `atlas generate` before a Zensical build"
            ) from None
        key = (stat.st_mtime_ns, stat.st_size)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self.path.read_text(encoding="utf-8").splitlines())
        return self._cache[1]

    def run(self, lines: list[str]) -> list[str]:
        definitions = self.lines()
        return [*lines, "", *definitions] if definitions else lines


class TooltipsExtension(Extension):
    """Register with `markdown_extensions: [atlas.tooltips]` (optionally `path:`), before atlas.safety."""

    def __init__(self, **kwargs):
        self.config = {"path": [DEFAULT_PATH, "the abbreviations file the generator step writes"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.preprocessors.register(TooltipsPreprocessor(md, self.getConfig("path")), "atlas_tooltips", PRIORITY)


def makeExtension(**kwargs):
    return TooltipsExtension(**kwargs)
