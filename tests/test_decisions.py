"""Decision trees: every validation rule with a valid and an invalid case, every outcome reachable,
and the rendered diagram, outline and wizard data."""

import shutil

import pytest
import yaml

from atlas.decisions import all_paths, load_trees
from atlas.problems import CatalogError
from atlas.render.decision_pages import outline, render_tree_page, tree_svg, wizard_data
from conftest import FIXTURES, ROOT, real_tree, real_trees, tree_ids

REQUIRED = {
    "architecture-style",
    "data-consistency",
    "caching-strategy",
    "sharding-strategy",
    "api-style",
    "sync-or-async",
}


@pytest.fixture
def catalog(fixture_catalog):
    return fixture_catalog  # read only; tests that change entries load their own copy


@pytest.fixture
def tree_dir(tmp_path):
    folder = tmp_path / "decisions"
    shutil.copytree(FIXTURES / "decisions", folder)
    return folder


def change(folder, mutate):
    path = folder / "tiny.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_required_trees_exist():
    assert REQUIRED <= {tree.id for tree in real_trees()}


@pytest.mark.parametrize("tree_id", tree_ids(), ids=lambda i: f"decisions/{i}.yaml")
def test_every_outcome_is_reached_by_a_path(tree_id):
    tree = real_tree(tree_id)
    reached = {outcome for _, outcome in all_paths(tree)}
    assert reached == set(tree.outcomes)


def test_valid_fixture_tree(catalog, tree_dir):
    (tree,) = load_trees(ROOT, catalog, tree_dir)
    assert all_paths(tree) == [(["yes"], "take-alpha"), (["no", "yes"], "take-gamma"), (["no", "no"], "take-beta")]


CASES = [
    (
        "unknown-pattern",
        lambda d: d["outcomes"][0]["recommends"][0].update(pattern="omega"),
        "outcomes[0].recommends[0].pattern: there is no pattern 'omega' in patterns/.",
    ),
    (
        "cycle",
        lambda d: (
            d["questions"][1]["answers"][0].update({"next": "first"}) or d["questions"][1]["answers"][0].pop("outcome")
        ),
        "the answers lead in a circle: first → second → first.",
    ),
    (
        "one-answer",
        lambda d: d["questions"][1]["answers"].pop(),
        "questions[1].answers: needs at least 2 item(s), has 1.",
    ),
    (
        "unreachable-question",
        lambda d: d["questions"].append(
            {
                "id": "orphan",
                "text": "Is anyone asking this?",
                "answers": [
                    {"id": "a", "text": "A", "outcome": "take-beta"},
                    {"id": "b", "text": "B", "outcome": "take-beta"},
                ],
            }
        ),
        "the question 'orphan' cannot be reached from `start`.",
    ),
    (
        "unreachable-outcome",
        lambda d: d["outcomes"].append(
            {
                "id": "nowhere",
                "title": "An outcome nobody reaches",
                "recommends": [{"pattern": "beta", "reason": "Nobody gets here at all."}],
            }
        ),
        "the outcome 'nowhere' cannot be reached from `start`.",
    ),
    (
        "missing-next",
        lambda d: d["questions"][0]["answers"][1].update(next="third"),
        "questions[0].answers[1].next: there is no question 'third'.",
    ),
    (
        "next-and-outcome",
        lambda d: d["questions"][0]["answers"][0].update(next="second"),
        "questions[0].answers[0]: needs exactly one of",
    ),
    (
        "duplicate-id",
        lambda d: d["outcomes"][1].update(id="take-alpha"),
        "outcomes[1].id: the id 'take-alpha' is used twice in this tree.",
    ),
    (
        "duplicate-answer",
        lambda d: d["questions"][1]["answers"][1].update(id="yes"),
        "questions[1].answers[1].id: the answer id 'yes' is used twice in this question.",
    ),
    ("bad-start", lambda d: d.update(start="zeroth"), "start: 'zeroth' is not a question of this tree."),
    (
        "not-a-question",
        lambda d: d["questions"][0].update(text="Pick the first fixture."),
        "questions[0].text: is not a question.",
    ),
    (
        "unknown-source",
        lambda d: d["questions"][0].update(source="nowhere"),
        "questions[0].source: the source 'nowhere' is not in `sources`.",
    ),
    ("id-not-file-name", lambda d: d.update(id="small"), "id: the id 'small' differs from the file name 'tiny.yaml'."),
    (
        "unstable-id",
        lambda d: d["questions"][0].update(id="First Question"),
        "questions[0].id: 'First Question' does not have the expected form.",
    ),
]


@pytest.mark.parametrize("case,mutate,expected", CASES, ids=[c[0] for c in CASES])
def test_invalid_tree(catalog, tree_dir, case, mutate, expected):
    change(tree_dir, mutate)
    with pytest.raises(CatalogError) as err:
        load_trees(ROOT, catalog, tree_dir)
    lines = [str(p) for p in err.value.problems]
    assert any(line.startswith("decisions/tiny.yaml:") and expected in line for line in lines), lines
    assert all(" Tip: " in line for line in lines)


def test_outline_reads_without_javascript(catalog, tree_dir):
    (tree,) = load_trees(ROOT, catalog, tree_dir)
    text = outline(tree, catalog)
    assert text.splitlines()[0] == '- <span class="atlas-anchor" id="q-first"></span>**Do you need the first fixture?**'
    assert (
        '        - <span class="atlas-anchor" id="o-take-alpha"></span>→ **Take the alpha fixture**: '
        "[Alpha Fixture](../patterns/alpha.md)"
    ) in text
    assert "[Gamma Fixture](../patterns/gamma.md); [Alpha Fixture](../patterns/alpha.md)" in text


def test_diagram_links_every_outcome_to_its_patterns(catalog, tree_dir):
    (tree,) = load_trees(ROOT, catalog, tree_dir)
    svg = tree_svg(tree, catalog)
    for outcome in tree.data["outcomes"]:
        for rec in outcome["recommends"]:
            assert f'href="../../patterns/{rec["pattern"]}/"' in svg
    assert svg.count('class="atlas-tree__question"') == 2 and svg.count('class="atlas-tree__outcome"') == 3


def test_wizard_data_carries_what_the_record_needs(catalog, tree_dir):
    (tree,) = load_trees(ROOT, catalog, tree_dir)
    data = wizard_data(tree, catalog)
    assert data["start"] == "first" and set(data["outcomes"]) == {"take-alpha", "take-beta", "take-gamma"}
    assert data["patterns"]["alpha"]["costs"][0] == [
        "schema changes",
        "The fixture must be updated whenever a required field is added.",
    ]
    page = render_tree_page(tree, catalog)
    assert page.count("</script>") == 1 and 'id="atlas-wizard"' in page


def test_a_decision_page_is_rebuilt_when_what_it_shows_of_a_pattern_changes(editable_catalog, tmp_path):
    """`mkdocs serve --dirty` rebuilds the pages whose digest changed: a recommended pattern's name, summary,
    benefits and costs are on the page (the wizard shows them); its context is not."""
    from atlas.pages import sync_decision_pages

    catalog = editable_catalog
    trees = load_trees(ROOT, catalog, FIXTURES / "decisions")
    out = tmp_path / "decisions"
    sync_decision_pages(trees, catalog, out)
    recommended = sorted({r["pattern"] for t in trees for o in t.data["outcomes"] for r in o["recommends"]})
    entry = catalog.entries[recommended[0]].data
    before = [render_tree_page(t, catalog) for t in trees]
    entry["context"] += " (edited)"
    assert sync_decision_pages(trees, catalog, out) == []
    assert [render_tree_page(t, catalog) for t in trees] == before
    entry["summary"] += " (edited)"
    assert [p.name for p in sync_decision_pages(trees, catalog, out)] == [f"{t.id}.md" for t in trees]
    assert [render_tree_page(t, catalog) for t in trees] != before
