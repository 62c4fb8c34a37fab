"""File-level problems: each is one line naming the file, the line and what to do."""

from pathlib import Path

import pytest

from atlas import yamlsource
from atlas.yamlsource import read_document

FILES = Path(__file__).resolve().parent / "fixtures" / "files"

CASES = [
    (
        "duplicate-key.yaml",
        "patterns/duplicate-key.yaml:3: name: the key 'name' appears twice (first on line 2).",
        "keep one of the two",
    ),
    (
        "unparsable.yaml",
        "patterns/unparsable.yaml:3: (file): the file is not valid YAML",
        "check indentation and quoting",
    ),
    (
        "not-utf8.yaml",
        "patterns/not-utf8.yaml:2: (file): the file is not valid UTF-8 (byte 0xe9 at offset 19).",
        "save the file as UTF-8",
    ),
    ("empty.yaml", "patterns/empty.yaml:1: (file): the file is empty.", "start from the example entry"),
    (
        "merge-key.yaml",
        "patterns/merge-key.yaml:3: other: YAML merge keys (<<) are not supported.",
        "write the fields out",
    ),
    ("python-tag.yaml", "patterns/python-tag.yaml:1: (file): unsupported YAML tag", "remove the !tag"),
]


@pytest.mark.parametrize("name,start,tip", CASES, ids=[c[0] for c in CASES])
def test_file_problem(name, start, tip):
    doc = read_document(FILES / name, f"patterns/{name}")
    assert len(doc.problems) == 1
    line = str(doc.problems[0])
    assert line.startswith(start), line
    assert f"Tip: {tip}" in line


def test_oversized_file(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlsource, "MAX_BYTES", 10)
    big = tmp_path / "big.yaml"
    big.write_text("id: a-rather-long-id\n", encoding="utf-8")
    doc = read_document(big, "patterns/big.yaml")
    assert str(doc.problems[0]).startswith(
        "patterns/big.yaml:1: (file): the file is 21 bytes, more than the limit of 10."
    )


def test_values_stay_plain_and_lines_are_kept(tmp_path):
    file = tmp_path / "ok.yaml"
    file.write_text("id: ok\nlast_reviewed: 2026-11-23\nitems:\n  - name: a\n  - name: b\n", encoding="utf-8")
    doc = read_document(file, "patterns/ok.yaml")
    assert doc.problems == []
    assert doc.data["last_reviewed"] == "2026-11-23"  # a string, not a datetime.date
    assert doc.line_of(("items", 1, "name")) == 5
    assert doc.line_of(("items", 1, "missing")) == 5  # nearest existing parent


def test_alias_bomb_is_refused_at_once_with_one_line(tmp_path):
    import time

    from atlas.yamlsource import read_document

    layers = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    layers += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("id: bomb\n" + "\n".join(layers) + "\n", encoding="utf-8")
    started = time.monotonic()
    doc = read_document(bomb, "patterns/bomb.yaml")
    assert time.monotonic() - started < 5  # generous: the real cost is milliseconds
    assert doc.data is None
    assert [str(p) for p in doc.problems] == [
        "patterns/bomb.yaml:2: (file): YAML anchors and aliases (&name, *name) are not supported. "
        "Tip: write the value out in full where it is needed."
    ]
