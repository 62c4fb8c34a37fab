"""Read one YAML file into plain data plus the line of every field.

PyYAML silently keeps the last of two duplicate keys and turns dates into date
objects; entries are data we validate, so both are handled here: duplicates are
problems, and every scalar stays a string, int, float, bool or None.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from . import document_store
from .problems import Problem, field_path

MAX_DEPTH = 20  # the deepest real structure (a tree's recommendations) is 5 levels
MAX_BYTES = 100_000  # a complete entry is 15-30 kB; anything far larger is a mistake


# libyaml's parser when PyYAML has it (several times faster on large catalogs), else the pure-Python one.
if TYPE_CHECKING:
    _SafeBase = yaml.SafeLoader  # the two share one interface; the type checker needs a single class
else:
    _SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):
    """SafeLoader without the timestamp resolver, so dates stay strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    path: str
    data: object = None
    lines: dict = field(default_factory=dict)  # path tuple -> 1-based line
    problems: list = field(default_factory=list)
    # What is computed from this document alone (its schema problems, what per-entry rules found): a document
    # is parsed once per content and shared between loads, so an unchanged file is not checked again.
    derived: dict = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, path) -> int:
        """Line of the field at path, or of its nearest existing parent."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def mapping(self) -> dict[str, Any]:
        """The data, once a schema whose top level is an object has accepted it."""
        if not isinstance(self.data, dict):
            raise TypeError(f"{self.path}: the top level is not a mapping; validate the document before using it")
        return self.data


# Each file as parsed, by its name and content: under `mkdocs serve` an edit parses one file again, not the
# catalog, and a scratch copy of the catalog (tests) parses only what differs. Documents are shared between
# loads: read them, never change them (Document.derived holds what is computed from them). The repository's
# own files are also kept between runs (atlas.document_store; `atlas check` saves them).
_DOCUMENTS: dict[tuple[str, bytes], Document] = {}
_STORED: dict | None = None  # what the last run stored, read on first use
_READ_HERE: set[tuple[str, bytes]] = set()  # keys of the repository's files read by this process
# The test suite reads the store but never writes it: a test may change a document it loaded, and that change
# must not reach the next run (tests/conftest.py turns this off; the store's own tests turn it on).
SAVE_DOCUMENTS = True


def read_document(file: Path, display_path: str) -> Document:
    global _STORED
    raw = file.read_bytes()
    key = (display_path, hashlib.sha256(raw).digest())
    doc = _DOCUMENTS.get(key)
    if doc is None:
        if _STORED is None:
            _STORED = document_store.load(document_store.store_path())
        doc = _STORED.get(key) or document_from_bytes(raw, display_path)
        if len(_DOCUMENTS) > 5000:  # test sessions read many scratch copies; a real catalog stays far below
            _DOCUMENTS.clear()
        _DOCUMENTS[key] = doc
    if file.resolve().is_relative_to(document_store.REPO):
        _READ_HERE.add(key)
    return doc


def save_documents() -> None:
    """Store the repository's documents read by this process, with what was found in them, for the next run."""
    if not SAVE_DOCUMENTS:
        return
    document_store.save(document_store.store_path(), {key: _DOCUMENTS[key] for key in _READ_HERE if key in _DOCUMENTS})


def document_from_bytes(raw: bytes, display_path: str) -> Document:
    """A file's bytes read as one YAML document; display_path names it in every problem."""
    doc = Document(display_path)
    if len(raw) > MAX_BYTES:
        doc.problems.append(
            Problem(
                display_path,
                1,
                "(file)",
                f"the file is {len(raw):,} bytes, more than the limit of {MAX_BYTES:,}",
                "keep an entry focused on one pattern; move long material to the sources it cites",
            )
        )
        return doc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        doc.problems.append(
            Problem(
                display_path,
                line,
                "(file)",
                f"the file is not valid UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})",
                "save the file as UTF-8 in your editor",
            )
        )
        return doc
    parse_into(doc, text)
    return doc


def _anchor_problem(doc: Document, text: str) -> bool:
    """Anchors and aliases (&a, *a) are refused before anything is built: nothing needs them, and a
    few nested aliases expand into billions of nodes (an "alias bomb") that would hold CI for hours."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                doc.problems.append(
                    Problem(
                        doc.path,
                        _line(event),
                        "(file)",
                        "YAML anchors and aliases (&name, *name) are not supported",
                        "write the value out in full where it is needed",
                    )
                )
                return True
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    # The parser reads events without recursion; building nodes this deep would overflow the stack.
                    doc.problems.append(
                        Problem(
                            doc.path,
                            _line(event),
                            "(file)",
                            f"the data is nested more than {MAX_DEPTH} levels deep",
                            "entries nest a few levels at most; check for unbalanced [ or {",
                        )
                    )
                    return True
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return False  # reported with its line by the parser below
    return False


def _line(event: yaml.Event) -> int:
    """1-based line where a parser event starts (the parser always sets the mark; the stubs allow None)."""
    return event.start_mark.line + 1 if event.start_mark else 1


def parse_into(doc: Document, text: str) -> None:
    if _anchor_problem(doc, text):
        return
    try:
        node = _Loader(text).get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = (err.problem or err.context or "invalid YAML").strip()
        doc.problems.append(
            Problem(
                doc.path,
                line,
                "(file)",
                f"the file is not valid YAML: {what}",
                "check indentation and quoting on this line; quote text that contains ': ' or starts with a special character",
            )
        )
        return
    except yaml.YAMLError as err:
        doc.problems.append(
            Problem(doc.path, 1, "(file)", f"the file is not valid YAML: {err}", "check the file's syntax")
        )
        return
    if node is None:
        doc.problems.append(
            Problem(doc.path, 1, "(file)", "the file is empty", "start from the example entry in CONTRIBUTING.md")
        )
        return
    try:
        doc.data = _build(node, (), doc)
    except yaml.constructor.ConstructorError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else 1
        doc.problems.append(
            Problem(
                doc.path,
                line,
                "(file)",
                f"unsupported YAML tag: {err.problem}",
                "remove the !tag; entries hold plain text, numbers, lists and mappings",
            )
        )


def _build(node, path, doc):
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                doc.problems.append(
                    Problem(
                        doc.path,
                        line,
                        field_path(path),
                        "YAML merge keys (<<) are not supported",
                        "write the fields out in full",
                    )
                )
                continue
            key = _scalar(key_node)
            if not isinstance(key, str):
                doc.problems.append(
                    Problem(
                        doc.path,
                        line,
                        field_path(path),
                        f"the key {key!r} is not text",
                        "use a field name from schema/pattern.schema.json",
                    )
                )
                continue
            child = path + (key,)
            if key in result:
                doc.problems.append(
                    Problem(
                        doc.path,
                        line,
                        field_path(child),
                        f"the key '{key}' appears twice (first on line {doc.lines[child]})",
                        "keep one of the two and merge their content",
                    )
                )
                continue
            doc.lines[child] = line
            result[key] = _build(value_node, child, doc)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), doc) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node):
    if not isinstance(node, yaml.ScalarNode):
        return None  # a list or mapping used as a key; reported by the caller as "not text"
    return _CONSTRUCTOR.construct_object(node, deep=True)


_CONSTRUCTOR = _Loader("")
