"""Lint rules that run after the JSON Schema check, one small module each.

Every rule exposes `check(catalog) -> Iterable[Problem]` and sees only entries that
passed the schema, so it can rely on field types. Order here is the order of output.
"""

from . import (
    checklist_questions,
    diagram_source,
    example_sources,
    figures_cited,
    file_name,
    former_ids,
    hidden_characters,
    incidents,
    inline_citations,
    item_ids,
    link_targets,
    quality_effects,
    ratings,
    relation_conflicts,
    relation_graph,
    relation_targets,
    review_date,
    seed_mentions,
    source_refs,
    source_status,
    summary_sentence,
    unique_ids,
    unique_search_terms,
    vocabulary_terms,
)

ALL = [
    file_name,
    former_ids,
    unique_ids,
    unique_search_terms,
    vocabulary_terms,
    ratings,
    quality_effects,
    item_ids,
    source_refs,
    inline_citations,
    source_status,
    figures_cited,
    example_sources,
    incidents,
    seed_mentions,
    relation_targets,
    relation_conflicts,
    relation_graph,
    hidden_characters,
    link_targets,
    diagram_source,
    summary_sentence,
    checklist_questions,
    review_date,
]
