"""A new entry with every required field in place and empty, for `make new`."""

from __future__ import annotations

import datetime
import json


def skeleton_text(entry_id: str, name: str, family: str, vocab: dict) -> str:
    ratings = "\n".join(
        f"  {a}: {{score: , rationale: \"\"}}  # {spec['definition']}"
        for a, spec in vocab["families"][family]["attributes"].items()
    )
    effects = "\n".join(
        f"  {q}: {{effect: , reason: \"\"}}  # improves | worsens | neutral" for q in vocab["quality_attributes"]
    )
    today = datetime.date.today().isoformat()
    # json.dumps gives a double-quoted YAML scalar, so any name (a colon, a quote, a #) stays one string.
    name = json.dumps(name, ensure_ascii=False)
    return f"""# yaml-language-server: $schema=../schema/pattern.schema.json
# Every field is required. See CONTRIBUTING.md for a complete example; run `make check` for what is missing.
id: {entry_id}
name: {name}
aliases: []
family: {family}
tags: []
summary: ""
context: ""
problem: ""
solution: ""
how_it_works: []
diagram:
  caption: ""
  mermaid: ""
use_when: []
avoid_when: []
benefits: []
costs: []
ratings:
{ratings}
quality_effects:
{effects}
failure_modes: []
anti_patterns: []
prerequisites: []
relations: []
examples: []
sources: []
review_checklist: []
last_reviewed: "{today}"
"""
