"""The one shape every validation error takes, so contributors always read the same line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # repository-relative, POSIX separators: patterns/saga.yaml
    line: int  # 1-based; 1 when a problem concerns the whole file
    field: str  # dotted path such as benefits[2].text, or "(file)"
    message: str
    tip: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {_sentence(self.message, LONGEST)} Tip: {_sentence(self.tip)}"

    def github_annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, shown on its line of the pull request's diff."""

        def data(text):
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def prop(text):
            return data(text).replace(":", "%3A").replace(",", "%2C")

        body = f"{_sentence(self.message, LONGEST)} Tip: {_sentence(self.tip)}"
        return f"::error file={prop(self.file)},line={self.line},title={prop(self.field)}::{data(body)}"


LONGEST = 400  # characters of a message; a value it quotes can be as long as the file


def _sentence(text: str, limit: int | None = None) -> str:
    text = one_line(text.strip(), limit)
    return text if text.endswith((".", "?", "!")) else text + "."


def one_line(text: str, limit: int | None = None) -> str:
    """The text as one printable line: line breaks and other invisible characters shown as escapes,
    so a problem is always exactly one line of output, whatever value it quotes."""
    shown = "".join(ch if ch.isprintable() else ("\\n" if ch == "\n" else f"\\u{ord(ch):04x}") for ch in text)
    return shown if limit is None or len(shown) <= limit else shown[: limit - 1] + "…"


def field_path(path) -> str:
    """('benefits', 2, 'text') -> 'benefits[2].text'; () -> '(file)'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


class CatalogError(Exception):
    """Raised when the catalog has problems; str() is one line per problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} in the pattern catalog; nothing was built.")
        return "\n".join(lines)


def per_entry(name: str, problems_of: Callable) -> Callable:
    """A lint rule that reads one entry at a time, its data only: problems_of(data, entry.problem) yields
    the entry's problems. They are kept on the entry's parsed document, which the loader shares for as
    long as the file's content stays the same, so a reload checks only the entries that changed."""

    def check(catalog) -> Iterator[Problem]:
        for entry in catalog.sorted_entries():
            found = entry.doc.derived.get(name)
            if found is None:
                found = entry.doc.derived[name] = list(problems_of(entry.data, entry.problem))
            yield from found

    return check
