"""Canonical field order for an entry, done on the text so comments and formatting survive."""

from __future__ import annotations

import re

TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*):")


def reorder_text(text: str, order: list[str]) -> str:
    """Reorder top-level blocks by `order`; unknown keys keep their relative place at the end."""
    lines = text.splitlines(keepends=True)
    header: list[str] = []
    blocks: list[tuple[str, list[str]]] = []  # (top-level key, its lines)
    current: tuple[str, list[str]] | None = None
    for line in lines:
        match = TOP_KEY.match(line)
        if match:
            current = (match.group(1), [line])
            blocks.append(current)
        elif current is None:
            header.append(line)
        else:
            current[1].append(line)
    if blocks and not blocks[-1][1][-1].endswith("\n"):
        blocks[-1][1][-1] += "\n"
    rank = {key: i for i, key in enumerate(order)}
    blocks.sort(key=lambda block: rank.get(block[0], len(order)))  # stable: unknown keys keep their order
    return "".join(header) + "".join("".join(block[1]) for block in blocks)
