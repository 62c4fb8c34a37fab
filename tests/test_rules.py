"""Each validation rule: the valid fixture passes, and one change produces exactly the expected line."""

import pytest

from atlas.catalog import load_catalog
from conftest import ROOT, load_fixture, save_fixture
from conftest import set_at as _set


def problems_for(folder):
    _, problems = load_catalog(ROOT, folder)
    return problems


def test_valid_fixture_catalog_has_no_problems(fixture_dir):
    assert problems_for(fixture_dir) == []


def _delete(key):
    return lambda data: data.pop(key)


def _append(key, item):
    return lambda data: data[key].append(item)


# (case, change to alpha.yaml, expected field, expected words in the message, expected words in the tip)
CASES = [
    ("missing-field", _delete("problem"), "problem", "required field 'problem' is missing", "add `problem:`"),
    ("empty-field", _set(("context",), "   "), "context", "is empty", "write it"),
    (
        "markup-in-name",
        _set(("name",), "Alpha <b>Fixture</b>"),
        "name",
        "does not have the expected form",
        "plain text without",
    ),
    ("wrong-type", _set(("tags",), "deployment"), "tags", "expected a list, found text", "Topic tags"),
    ("unknown-field", _set(("sumary",), "x"), "sumary", "unknown field 'sumary'", "did you mean 'summary'"),
    (
        "score-out-of-range",
        _set(("ratings", "simplicity", "score"), 7),
        "ratings.simplicity.score",
        "7 is outside the range 1 to 5",
        "1 (poor)",
    ),
    (
        "bad-effect",
        _set(("quality_effects", "cost", "effect"), "better"),
        "quality_effects.cost.effect",
        "'better' is not one of",
        "improves",
    ),
    (
        "id-not-kebab",
        _set(("benefits", 0, "id"), "Isolates Rules"),
        "benefits[0].id",
        "does not have the expected form",
        "kebab-case",
    ),
    (
        "source-url-and-seed",
        _set(("sources", 0, "seed"), "000_d75d0996da671b88"),
        "sources[0]",
        "exactly one of `url` or `seed`",
        "not both",
    ),
    (
        "archive-without-url",
        _set(("sources", 1, "archive_url"), "https://web.archive.org/web/2023/https://example.org/x"),
        "sources[1].archive_url",
        "'archive_url' needs 'url' beside it",
        "add `url:`",
    ),
    (
        "url-with-markup",
        _set(("sources", 0, "url"), "https://example.org/a)<img/src=x/onerror=alert(1)>"),
        "sources[0].url",
        "does not have the expected form",
        "https://",
    ),
    (
        "fenced-diagram",
        _set(("diagram", "mermaid"), "```mermaid\nflowchart LR\n A-->B\n```"),
        "diagram.mermaid",
        "expected form",
        "without a ``` fence",
    ),
    ("bad-date-format", _set(("last_reviewed",), "15/01/2026"), "last_reviewed", "expected form", "YYYY-MM-DD"),
    (
        "id-differs-from-file",
        _set(("id",), "omega"),
        "id",
        "differs from the file name 'alpha.yaml'",
        "rename the file",
    ),
    (
        "unknown-family",
        _set(("family",), "architecture-styles"),
        "family",
        "'architecture-styles' is not a known family",
        "did you mean 'architecture-style'",
    ),
    (
        "unknown-tag",
        _set(("tags",), ["deployment", "kubernetes"]),
        "tags[1]",
        "'kubernetes' is not a known tag",
        "schema/vocabulary.yaml",
    ),
    (
        "unknown-team-size",
        _set(("team_fit",), ["small", "huge"]),
        "team_fit[1]",
        "'huge' is not a known team size",
        "known values",
    ),
    (
        "unknown-dimension",
        _set(("use_when", 0, "dimension"), "team"),
        "use_when[0].dimension",
        "not a known signal dimension",
        "team-size",
    ),
    (
        "unknown-relation-type",
        _set(("relations", 0, "type"), "replaces"),
        "relations[0].type",
        "not a known relation type",
        "known values",
    ),
    (
        "unknown-seed",
        _set(("sources", 1, "seed"), "009_0000000000000000"),
        "sources[1].seed",
        "not a known seed",
        "schema/vocabulary.yaml",
    ),
    (
        "missing-rating",
        lambda d: d["ratings"].pop("team-autonomy"),
        "ratings",
        "no rating for 'team-autonomy'",
        "score: 1-5",
    ),
    (
        "foreign-rating",
        _set(("ratings", "latency"), {"score": 3, "rationale": "A rating from another family."}),
        "ratings.latency",
        "not an attribute of the family",
        "rate exactly these",
    ),
    (
        "missing-quality-effect",
        lambda d: d["quality_effects"].pop("security"),
        "quality_effects",
        "no effect given for 'security'",
        "improves|worsens|neutral",
    ),
    (
        "duplicate-item-id",
        lambda d: d["costs"].__setitem__(1, {**d["costs"][1], "id": "upkeep"}),
        "costs[1].id",
        "'upkeep' is already used by costs[0]",
        "its own id",
    ),
    (
        "unknown-source",
        _set(("benefits", 1, "source"), "nowhere"),
        "benefits[1].source",
        "'nowhere' is not in this file's `sources` list",
        "fixture-docs",
    ),
    (
        "relation-to-missing",
        _set(("relations", 0, "target"), "betta"),
        "relations[0].target",
        "no entry with the id 'betta'",
        "did you mean 'beta'",
    ),
    (
        "relation-to-self",
        _set(("relations", 0, "target"), "alpha"),
        "relations[0].target",
        "cannot relate to itself",
        "another pattern",
    ),
    (
        "relation-twice",
        _append("relations", {"type": "alternative-to", "target": "beta", "note": "Said a second time."}),
        "relations[1]",
        "listed twice",
        "remove one",
    ),
    (
        "link-javascript",
        _set(("solution",), "Click [here](javascript:alert(1)) to see the trick in action now."),
        "solution",
        "neither an http(s) address nor a page",
        "https://",
    ),
    (
        "link-relative-file",
        _set(("solution",), "See [the other one](beta.yaml) for the full picture of it."),
        "solution",
        "neither an http(s) address nor a page",
        "/patterns/saga/",
    ),
    (
        "link-missing-pattern",
        _set(("solution",), "See [the other one](/patterns/delta/) for the full picture."),
        "solution",
        "points at a pattern that does not exist",
        "patterns/",
    ),
    (
        "link-missing-page",
        _set(("solution",), "See [the guide](/nowhere/) for the full picture of it all."),
        "solution",
        "points at no page of this site",
        "under docs/",
    ),
    (
        "diagram-click",
        _set(("diagram", "mermaid"), "flowchart LR\n  A --> B\n  click A \"https://example.org\""),
        "diagram.mermaid",
        "contains a `click` interaction",
        "remove the click line",
    ),
    (
        "diagram-directive",
        _set(("diagram", "mermaid"), "%%{init: {'theme': 'dark'}}%%\nflowchart LR\n  A --> B"),
        "diagram.mermaid",
        "configuration directive",
        "sets Mermaid's theme",
    ),
    (
        "image",
        _set(("context",), "A tracking pixel ![x](https://example.org/pixel.png) hides in this context."),
        "context",
        "embeds the image",
        "describe it in words",
    ),
    (
        "summary-two-sentences",
        _set(("summary",), "A fixture entry for tests. It has two sentences in its summary."),
        "summary",
        "more than one sentence",
        "one sentence here",
    ),
    (
        "summary-no-stop",
        _set(("summary",), "A fixture entry that exercises every field of the schema"),
        "summary",
        "does not end with a full stop",
        "one complete sentence",
    ),
    (
        "checklist-not-question",
        _set(("review_checklist", 0, "question"), "Check that each case changes one field."),
        "review_checklist[0].question",
        "is not a question",
        "ends with '?'",
    ),
    ("date-not-real", _set(("last_reviewed",), "2026-02-30"), "last_reviewed", "not a calendar date", "real date"),
    ("date-in-future", _set(("last_reviewed",), "2999-01-01"), "last_reviewed", "in the future", "today at the latest"),
]


@pytest.mark.parametrize("case,change,field,message,tip", CASES, ids=[c[0] for c in CASES])
def test_rule_reports_one_clear_line(fixture_dir, case, change, field, message, tip):
    data = load_fixture(fixture_dir)
    change(data)
    save_fixture(fixture_dir, data)
    problems = problems_for(fixture_dir)
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert problem.file == "patterns/alpha.yaml"
    assert problem.field == field
    assert message in problem.message
    assert tip in problem.tip
    line = str(problem)
    assert line.startswith(f"patterns/alpha.yaml:{problem.line}: {field}: ") and " Tip: " in line


def test_duplicate_id_across_files(fixture_dir):
    text = (fixture_dir / "beta.yaml").read_text(encoding="utf-8")
    (fixture_dir / "gamma.yaml").write_text(text, encoding="utf-8")
    messages = [str(p) for p in problems_for(fixture_dir)]
    assert any("patterns/gamma.yaml" in m and "'beta' is already used by patterns/beta.yaml" in m for m in messages), (
        messages
    )
    assert any("patterns/gamma.yaml" in m and "differs from the file name 'gamma.yaml'" in m for m in messages), (
        messages
    )


def test_contradiction_in_one_file_flags_both_declarations(fixture_dir):
    data = load_fixture(fixture_dir)
    data["relations"].append({"type": "requires", "target": "beta", "note": "Cannot work without beta."})
    save_fixture(fixture_dir, data)
    messages = [str(p) for p in problems_for(fixture_dir) if p.file == "patterns/alpha.yaml"]
    assert any(
        m.split(": ")[1] == "relations[1]" and "contradicts patterns/alpha.yaml relations[0]" in m for m in messages
    ), messages
    assert any(
        m.split(": ")[1] == "relations[0]" and "contradicts patterns/alpha.yaml relations[1]" in m for m in messages
    ), messages


def test_contradiction_across_two_files(fixture_dir):
    beta = load_fixture(fixture_dir, "beta")
    beta["relations"] = [{"type": "complements", "target": "alpha", "note": "Works beside alpha, says beta."}]
    save_fixture(fixture_dir, beta, "beta")
    messages = [str(p) for p in problems_for(fixture_dir)]
    assert len(messages) == 2, messages
    assert (
        messages[0].startswith("patterns/alpha.yaml:") and "contradicts patterns/beta.yaml relations[0]" in messages[0]
    )
    assert (
        messages[1].startswith("patterns/beta.yaml:") and "contradicts patterns/alpha.yaml relations[0]" in messages[1]
    )


def test_evolution_cycle_is_a_contradiction(fixture_dir):
    for one, other in (("alpha", "beta"), ("beta", "alpha")):
        data = load_fixture(fixture_dir, one)
        data["relations"] = [{"type": "evolves-into", "target": other, "note": "Grows into the other one."}]
        save_fixture(fixture_dir, data, one)
    messages = [str(p) for p in problems_for(fixture_dir)]
    assert len(messages) == 2 and all("two patterns cannot each evolve into the other" in m for m in messages), messages


def test_same_relation_from_both_sides_is_consistent(fixture_dir):
    assert problems_for(fixture_dir) == []  # alpha and beta each declare alternative-to the other


def test_all_problems_reported_at_once(fixture_dir):
    data = load_fixture(fixture_dir)
    data.pop("problem")
    data["family"] = "nope"
    data["ratings"]["simplicity"]["score"] = 0
    save_fixture(fixture_dir, data)
    beta = load_fixture(fixture_dir, "beta")
    beta["tags"] = ["nope"]
    save_fixture(fixture_dir, beta, "beta")
    fields = sorted((p.file, p.field) for p in problems_for(fixture_dir))
    assert ("patterns/alpha.yaml", "problem") in fields
    assert ("patterns/alpha.yaml", "ratings.simplicity.score") in fields
    assert ("patterns/beta.yaml", "tags[0]") in fields


def test_entry_with_one_neighbour(fixture_dir):
    (fixture_dir / "gamma.yaml").unlink()  # alpha and beta now only know each other
    messages = [str(p) for p in problems_for(fixture_dir)]
    assert len(messages) == 2 and all("relates to 1 other entry, at least 2 are needed" in m for m in messages), (
        messages
    )


def test_cut_off_group_is_reported(fixture_dir):

    for name in ("delta", "epsilon", "zeta"):
        text = (fixture_dir / "gamma.yaml").read_text(encoding="utf-8")
        text = text.replace("id: gamma", f"id: {name}").replace("Gamma Fixture", f"{name.title()} Fixture")
        (fixture_dir / f"{name}.yaml").write_text(text, encoding="utf-8")
    # delta, epsilon and zeta relate only to each other
    for name, others in (
        ("delta", ["epsilon", "zeta"]),
        ("epsilon", ["delta", "zeta"]),
        ("zeta", ["delta", "epsilon"]),
    ):
        data = load_fixture(fixture_dir, name)
        data["relations"] = [{"type": "complements", "target": o, "note": "Inside the island."} for o in others]
        data["solution"] = "An island of fixtures that only know each other, for the graph test."
        save_fixture(fixture_dir, data, name)
    messages = [str(p) for p in problems_for(fixture_dir)]
    assert len(messages) == 3 and all("cut off from the rest of the catalog" in m for m in messages), messages


def test_non_yaml_file_in_patterns(fixture_dir):
    (fixture_dir / "notes.yml").write_text("id: notes\n", encoding="utf-8")
    messages = [str(p) for p in problems_for(fixture_dir)]
    assert messages == [
        "patterns/notes.yml:1: (file): only .yaml files belong in patterns/. "
        "Tip: rename it to patterns/notes.yaml if it is an entry, or move it elsewhere."
    ]


def test_unquoted_comma_in_flow_mapping_gets_a_quoting_tip(fixture_dir):
    path = fixture_dir / "alpha.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "rationale: The fixture needs nothing but itself.}", "rationale: Small, and needs nothing else.}"
    )
    path.write_text(text, encoding="utf-8")
    problems = problems_for(fixture_dir)
    problem = next(p for p in problems if p.message.startswith("unknown field"))
    assert problem.field == "ratings.simplicity.and needs nothing else."
    assert "must be quoted" in problem.tip
