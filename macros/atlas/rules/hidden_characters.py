"""No invisible control or direction-changing characters in any text.

Control characters and Unicode bidirectional overrides (U+202A–U+202E, U+2066–U+2069) make text
display differently from what it says ("Trojan Source"); zero-width characters hide inside names
and ids. None has a use in an entry, a tree or the glossary.
"""

from __future__ import annotations

import re
import unicodedata

from ..problems import per_entry
from ..prose import walk_strings

HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def problems_in(text: str):
    """(message, tip) for the first hidden character in one string."""
    match = HIDDEN.search(text)
    if match:
        char = match.group(0)
        name = unicodedata.name(char, "control character")
        yield (
            f"contains the invisible character U+{ord(char):04X} ({name.lower()}) at position {match.start() + 1}",
            "delete it: invisible and direction-changing characters make text read differently from what it says",
        )


def entry_problems(data: dict, problem):
    for path, text in walk_strings(data):
        for message, tip in problems_in(text):
            yield problem(path, message, tip)


check = per_entry(__name__, entry_problems)
