"""The drawings laid out by Graphviz: decision trees, each pattern's neighbourhood and the map.

What readers complained of was overlap (labels on labels, boxes on boxes) and clipping; these tests
read every drawing of the real catalog back and check the geometry, so any entry or tree that would
draw badly fails here, named by its file.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from atlas.relations import links_of
from atlas.render import layout as layout_module
from atlas.render.decision_pages import tree_svg
from atlas.render.graph_svg import catalog_edges, catalog_map_svg, neighbourhood_svg
from atlas.render.layout import Edge, LayoutError, Node, dot_source, layout, text_width
from conftest import ROOT, entry_files, real_catalog


class Shapes(HTMLParser):
    """The rectangles of an SVG drawing, each with the data-* keys of its enclosing group or link."""

    def __init__(self):
        super().__init__()
        self.stack: list[dict] = []
        self.rects: list[tuple[dict, tuple[float, float, float, float]]] = []
        self.paths: list[dict] = []
        self.svg: dict = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.svg = attrs
        if tag in ("g", "a"):
            self.stack.append(attrs)
        if tag == "rect":
            owner = self.stack[-1] if self.stack else {}
            box = tuple(float(attrs[k]) for k in ("x", "y", "width", "height"))
            self.rects.append(({**owner, "class": attrs.get("class", "")}, box))  # type: ignore[arg-type]
        if tag == "path":
            self.paths.append(attrs)

    def handle_endtag(self, tag):
        if tag in ("g", "a") and self.stack:
            self.stack.pop()


def shapes(svg: str) -> Shapes:
    parser = Shapes()
    parser.feed(svg)
    return parser


def overlapping(boxes):
    """Pairs of boxes that share more than a hairline."""
    found = []
    for i, (a_key, a) in enumerate(boxes):
        for b_key, b in boxes[i + 1 :]:
            if (
                a[0] < b[0] + b[2] - 0.5
                and b[0] < a[0] + a[2] - 0.5
                and a[1] < b[1] + b[3] - 0.5
                and b[1] < a[1] + a[3] - 0.5
            ):
                found.append((a_key, b_key))
    return found


def inside_canvas(svg_attrs, box):
    x0, y0, w, h = (float(v) for v in svg_attrs["viewbox"].split())
    return x0 <= box[0] and y0 <= box[1] and box[0] + box[2] <= x0 + w + 0.5 and box[1] + box[3] <= y0 + h + 0.5


def tree_files():
    return sorted((ROOT / "decisions").glob("*.yaml"))


@pytest.fixture(scope="module")
def trees():
    from atlas.decisions import load_trees

    return {tree.id: tree for tree in load_trees(ROOT, real_catalog())}


@pytest.mark.parametrize("path", tree_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_decision_tree_drawing_has_no_overlap_and_marks_every_step(path: Path, trees):
    tree = trees[path.stem]
    drawing = shapes(tree_svg(tree, real_catalog()))
    boxes = [(r[0]["data-node"], r[1]) for r in drawing.rects]
    assert overlapping(boxes) == []
    assert all(inside_canvas(drawing.svg, box) for _, box in boxes)
    keys = {key for key, _ in boxes}
    answers = {f"a:{qid}/{a['id']}" for qid, q in tree.questions.items() for a in q["answers"]}
    assert keys == {f"q:{qid}" for qid in tree.questions} | answers | {f"o:{oid}" for oid in tree.outcomes}
    # Each answer is joined to its question and to where it leads: two lines, keyed for the wizard.
    lines = {p["data-edge"] for p in drawing.paths}
    for qid, question in tree.questions.items():
        for answer in question["answers"]:
            after = f"q:{answer['next']}" if answer.get("next") else f"o:{answer['outcome']}"
            assert {f"q:{qid}>a:{qid}/{answer['id']}", f"a:{qid}/{answer['id']}>{after}"} <= lines


@pytest.mark.parametrize("path", entry_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_neighbourhood_drawing_shows_every_relation_without_overlap(path: Path):
    catalog = real_catalog()
    drawing = shapes(neighbourhood_svg(catalog, path.stem, lambda other: f"../{other}/"))
    boxes = [(r[0].get("href", r[0].get("class", "")), r[1]) for r in drawing.rects]
    assert overlapping(boxes) == []
    assert all(inside_canvas(drawing.svg, box) for _, box in boxes)
    linked = sorted(r[0]["href"] for r in drawing.rects if "href" in r[0])
    expected = sorted(f"../{link.target}/" for link in links_of(catalog, path.stem) if link.target in catalog.entries)
    assert linked == expected


def test_map_groups_every_pattern_in_its_family_box_and_carries_every_relation():
    catalog = real_catalog()
    drawing = shapes(catalog_map_svg(catalog, lambda entry_id: f"../patterns/{entry_id}/"))
    nodes = {r[0]["data-id"]: r[1] for r in drawing.rects if "data-id" in r[0]}
    families = {r[0]["data-family"]: r[1] for r in drawing.rects if "data-id" not in r[0] and "data-family" in r[0]}
    assert set(nodes) == set(catalog.entries)
    assert overlapping(list(nodes.items())) == []
    assert overlapping(list(families.items())) == []
    for entry_id, (x, y, w, h) in nodes.items():
        fx, fy, fw, fh = families[catalog.entries[entry_id].data["family"]]
        assert fx <= x and fy <= y and x + w <= fx + fw + 0.5 and y + h <= fy + fh + 0.5, entry_id
    assert sorted((p["data-a"], p["data-b"]) for p in drawing.paths) == sorted(
        (a, b) for a, b, _ in catalog_edges(catalog)
    )


def test_nothing_from_the_data_reaches_graphviz():
    """Only generated names and sizes go into the DOT program, so no key or label can change it."""
    hostile = 'x"]; evil [label="<b>"]; n0 -> "'
    source, names = dot_source(
        [Node(hostile, 80, 20, cluster=hostile), Node("b", 40, 20, rank=hostile)], [Edge(hostile, "b")]
    )
    assert hostile not in source and "evil" not in source and "<b>" not in source
    assert re.fullmatch(r"[A-Za-z0-9_ \[\]=.,;{}\-\">\n]*", source.replace("label=\"x\"", ""))
    assert names[hostile] == "n0"


def test_layout_keeps_boxes_apart_and_routes_each_edge():
    nodes = [Node(k, text_width(k * 5) + 20, 24) for k in "abcd"]
    placed = layout(nodes, [Edge("a", "b"), Edge("a", "c"), Edge("c", "d")])
    assert overlapping(list((k, (b.x, b.y, b.width, b.height)) for k, b in placed.nodes.items())) == []
    assert [(s, t) for s, t, _ in placed.edges] == [("a", "b"), ("a", "c"), ("c", "d")]
    assert all(path.startswith("M") and " C" in path for _, _, path in placed.edges)
    # Top to bottom: a parent sits above its children.
    assert placed.nodes["a"].y < placed.nodes["b"].y and placed.nodes["c"].y < placed.nodes["d"].y


def test_missing_graphviz_is_one_clear_line(monkeypatch):
    monkeypatch.setattr(layout_module.shutil, "which", lambda name: None)
    layout_module._run_dot.cache_clear()
    with pytest.raises(LayoutError, match=r"apt-get install graphviz"):
        layout([Node("lonely", 30, 20)], [])
    layout_module._run_dot.cache_clear()


def test_text_width_grows_with_the_text_and_wide_letters():
    assert text_width("") == 0
    assert text_width("iiii") < text_width("nnnn") < text_width("MMMM")
    assert text_width("abc", 24) == 2 * text_width("abc", 12)
