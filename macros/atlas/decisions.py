"""Decision trees (decisions/<id>.yaml): loaded and validated with the same one-line errors as entries.

A tree is questions whose answers lead to another question or to an outcome that recommends
patterns. Rules: ids unique and equal to the file name, every `next` and `outcome` exists, no
cycles, every question and outcome reachable from `start`, outcomes name existing patterns,
`source:` names a listed source, and questions end with a question mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import evidence
from .problems import CatalogError, Problem, field_path
from .prose import walk_prose, walk_strings
from .rules import hidden_characters, link_targets
from .schema_check import schema_problems
from .yamlsource import Document, read_document

# Tree fields that hold identifiers or addresses rather than text a reader sees.
TREE_IDENTIFIERS = {"start", "next", "outcome", "pattern", "checked", "locator"}


@dataclass
class Tree:
    id: str
    path: str
    data: dict

    @property
    def questions(self) -> dict:
        return {q["id"]: q for q in self.data["questions"]}

    @property
    def outcomes(self) -> dict:
        return {o["id"]: o for o in self.data["outcomes"]}


def load_trees(root: Path, catalog, folder: Path | None = None) -> list[Tree]:
    """All trees, or CatalogError with every problem in every tree."""
    folder = folder or root / "decisions"
    schema = root / "schema" / "decision.schema.json"
    trees, problems = [], []
    for file in sorted(folder.glob("*")):
        display = f"decisions/{file.name}"
        if file.suffix != ".yaml":
            problems.append(
                Problem(
                    display,
                    1,
                    "(file)",
                    "only .yaml files belong in decisions/",
                    f"rename it to decisions/{file.stem}.yaml if it is a tree, or move it elsewhere",
                )
            )
            continue
        doc = read_document(file, display)
        found = doc.problems or schema_problems(doc, schema)
        if not found:
            found = list(tree_problems(doc, file.stem, catalog))
        problems += found
        if not found:
            data = doc.mapping()
            trees.append(Tree(data["id"], display, data))
    if problems:
        raise CatalogError(problems)
    return trees


def tree_problems(doc: Document, file_stem: str, catalog):
    data = doc.mapping()  # called once the schema has accepted the tree

    def problem(path, message, tip):
        return Problem(doc.path, doc.line_of(path), field_path(path), message, tip)

    if data["id"] != file_stem:
        yield problem(
            ("id",),
            f"the id '{data['id']}' differs from the file name '{file_stem}.yaml'",
            f"rename the file to decisions/{data['id']}.yaml or set `id: {file_stem}`",
        )
    questions: dict[str, int] = {}  # id -> index in its list
    outcomes: dict[str, int] = {}
    for kind, items, seen in (("questions", data["questions"], questions), ("outcomes", data["outcomes"], outcomes)):
        for i, item in enumerate(items):
            if item["id"] in questions or item["id"] in outcomes:
                yield problem(
                    (kind, i, "id"),
                    f"the id '{item['id']}' is used twice in this tree",
                    "give every question and outcome its own id",
                )
            seen.setdefault(item["id"], i)
    sources = {s["id"] for s in data["sources"]}
    if data["start"] not in questions:
        yield problem(
            ("start",), f"'{data['start']}' is not a question of this tree", f"use one of: {', '.join(questions)}"
        )
    for qi, question in enumerate(data["questions"]):
        if not question["text"].rstrip().endswith("?"):
            yield problem(("questions", qi, "text"), "is not a question", "end it with '?'")
        if "source" in question and question["source"] not in sources:
            yield problem(
                ("questions", qi, "source"),
                f"the source '{question['source']}' is not in `sources`",
                f"add it to `sources`, or use one of: {', '.join(sorted(sources))}",
            )
        answer_ids = set()
        for ai, answer in enumerate(question["answers"]):
            path = ("questions", qi, "answers", ai)
            if answer["id"] in answer_ids:
                yield problem(
                    path + ("id",),
                    f"the answer id '{answer['id']}' is used twice in this question",
                    "give each answer of a question its own id",
                )
            answer_ids.add(answer["id"])
            if "next" in answer and answer["next"] not in questions:
                yield problem(
                    path + ("next",), f"there is no question '{answer['next']}'", f"use one of: {', '.join(questions)}"
                )
            if "outcome" in answer and answer["outcome"] not in outcomes:
                yield problem(
                    path + ("outcome",),
                    f"there is no outcome '{answer['outcome']}'",
                    f"use one of: {', '.join(outcomes)}",
                )
    for oi, outcome in enumerate(data["outcomes"]):
        for ri, rec in enumerate(outcome["recommends"]):
            path = ("outcomes", oi, "recommends", ri)
            if rec["pattern"] not in catalog.known_ids:
                yield problem(
                    path + ("pattern",),
                    f"there is no pattern '{rec['pattern']}' in patterns/",
                    "recommend an existing entry, or add the entry first",
                )
            if "source" in rec and rec["source"] not in sources:
                yield problem(
                    path + ("source",),
                    f"the source '{rec['source']}' is not in `sources`",
                    f"add it to `sources`, or use one of: {', '.join(sorted(sources))}",
                )
    for si, source in enumerate(data["sources"]):
        if "seed" in source and source["seed"] not in catalog.vocabulary["seeds"]:
            yield problem(
                ("sources", si, "seed"),
                f"'{source['seed']}' is not a known seed",
                f"use one of: {', '.join(catalog.vocabulary['seeds'])}",
            )
    yield from _graph_problems(data, questions, outcomes, problem)
    # The evidence standard holds for trees as for entries: a figure cites a public source, seeds are not cited by number.
    yield from evidence.citation_problems(data, problem)
    yield from evidence.source_status_problems(data, problem)
    yield from evidence.figure_problems(data, problem)
    yield from evidence.seed_mention_problems(data, problem)
    # The same text checks as entries: no hidden characters, and prose that the output policy keeps whole.
    for path, text in walk_strings(data):
        for message, tip in hidden_characters.problems_in(text):
            yield problem(path, message, tip)
    for path, text in walk_prose(data):
        if path and path[-1] in TREE_IDENTIFIERS:
            continue
        for message, tip in link_targets.problems_in(text, catalog):
            yield problem(path, message, tip)


def _graph_problems(data, questions, outcomes, problem):
    if data["start"] not in questions:
        return
    by_id = {q["id"]: q for q in data["questions"]}
    reached_q, reached_o = set(), set()
    state: dict[str, str] = {}  # question id -> "open" while on the current path, "done" after

    def visit(qid, trail):
        if state.get(qid) == "open":
            cycle = " → ".join(trail[trail.index(qid) :] + [qid])
            return [
                problem(
                    ("questions", questions[qid]),
                    f"the answers lead in a circle: {cycle}",
                    "point one of these answers at a later question or an outcome",
                )
            ]
        if state.get(qid) == "done":
            return []
        state[qid] = "open"
        reached_q.add(qid)
        found = []
        for answer in by_id[qid]["answers"]:
            if answer.get("next") in by_id:
                found += visit(answer["next"], trail + [qid])
            elif answer.get("outcome") in outcomes:
                reached_o.add(answer["outcome"])
        state[qid] = "done"
        return found

    yield from visit(data["start"], [])
    for qid, i in questions.items():
        if qid not in reached_q:
            yield problem(
                ("questions", i),
                f"the question '{qid}' cannot be reached from `start`",
                "lead an answer to it, or remove it",
            )
    for oid, i in outcomes.items():
        if oid not in reached_o:
            yield problem(
                ("outcomes", i),
                f"the outcome '{oid}' cannot be reached from `start`",
                "lead an answer to it, or remove it",
            )


def all_paths(tree: Tree) -> list[tuple[list[str], str]]:
    """Every path from start to an outcome, as (answer ids, outcome id)."""
    paths = []

    def walk(qid, answers):
        for answer in tree.questions[qid]["answers"]:
            if "next" in answer:
                walk(answer["next"], answers + [answer["id"]])
            else:
                paths.append((answers + [answer["id"]], answer["outcome"]))

    walk(tree.data["start"], [])
    return paths
