"""Diagram source draws and does nothing else: no click handlers, links or config directives.

Mermaid's strict security level already blocks scripts; rejecting these keeps a
diagram from linking off the site or changing how Mermaid runs on the page.
"""

import re

FORBIDDEN = [
    (
        re.compile(r"(?m)^\s*click\s"),
        "a `click` interaction",
        "remove the click line; link to other pages from the prose instead",
    ),
    (
        re.compile(r"%%\{"),
        "a `%%{...}%%` configuration directive",
        "remove it; the site sets Mermaid's theme and options for every diagram",
    ),
    (
        re.compile(r"(?i)\b(?:href|javascript:|<\s*script)"),
        "a link or script",
        "diagrams hold boxes, arrows and labels only",
    ),
]


def check(catalog):
    for entry in catalog.sorted_entries():
        source = entry.data["diagram"]["mermaid"]
        for pattern, what, tip in FORBIDDEN:
            if pattern.search(source):
                yield entry.problem(("diagram", "mermaid"), f"contains {what}", tip)
