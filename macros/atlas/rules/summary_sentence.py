"""The summary is one sentence: it is shown in lists, search results and link previews."""

import re

# A full stop, question or exclamation mark followed by a new sentence starting in capitals.
SENTENCE_BREAK = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)[.!?]\s+[A-Z]")


def check(catalog):
    for entry in catalog.sorted_entries():
        summary = entry.data["summary"].strip()
        if not summary.endswith("."):
            yield entry.problem(
                ("summary",), "does not end with a full stop", "write the summary as one complete sentence"
            )
        elif SENTENCE_BREAK.search(summary):
            yield entry.problem(
                ("summary",),
                "has more than one sentence",
                "keep one sentence here and move the rest into `context` or `solution`",
            )
