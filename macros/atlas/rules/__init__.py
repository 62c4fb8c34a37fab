"""Lint rules that run after the JSON Schema check, one small module each.

Every rule exposes `check(catalog) -> Iterable[Problem]` and sees only entries that
passed the schema, so it can rely on field types. Order here is the order of output.
"""
from . import (
    checklist_questions,
    diagram_source,
    file_name,
    former_ids,
    item_ids,
    link_targets,
    quality_effects,
    ratings,
    relation_conflicts,
    relation_graph,
    relation_targets,
    review_date,
    source_refs,
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
    relation_targets,
    relation_conflicts,
    relation_graph,
    link_targets,
    diagram_source,
    summary_sentence,
    checklist_questions,
    review_date,
]
