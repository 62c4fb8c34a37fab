"""Graph layout by Graphviz's `dot` (Debian package `graphviz`), drawn as SVG by the atlas itself.

Only sizes and generated node names ever reach Graphviz: no text from an entry, a tree or the
vocabulary goes into the DOT source, so nothing a contributor writes can change the layout program
or end up in markup unescaped. Graphviz answers with positions (`-Tjson`); the renderers draw the
boxes and write the labels with the escaping helpers.

Layouts are cached by their DOT source, so `mkdocs serve` lays out only the drawings whose shape
changed.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from dataclasses import dataclass, field

DPI = 72.0  # Graphviz works in points (1/72 inch); one SVG user unit is one point here.
FONT_SIZE = 12.0

# Average advance widths of a sans-serif face, in ems, by kind of character: wide enough that a
# label never overflows its box in the fonts readers' systems pick.
_NARROW = set("iljtfrI!|.,:;'`()[] ")
_WIDE = set("mwMWOQGD@%&—")


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Estimated width of one line of text in points (generous rather than tight)."""
    ems = 0.0
    for char in text:
        if char in _NARROW:
            ems += 0.33
        elif char in _WIDE:
            ems += 0.9
        elif char.isupper() or char.isdigit():
            ems += 0.66
        else:
            ems += 0.56
    return ems * size


class LayoutError(RuntimeError):
    """Graphviz is missing or failed: the message says what to install or what went wrong."""


@dataclass
class Node:
    key: str
    width: float  # points
    height: float
    cluster: str | None = None
    rank: str | None = None  # nodes sharing a rank name are laid side by side ("same" rank)


@dataclass
class Edge:
    source: str
    target: str
    weight: int = 1


@dataclass
class Box:
    x: float  # top-left corner, points, y downwards as in SVG
    y: float
    width: float
    height: float

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2


@dataclass
class Placed:
    width: float
    height: float
    nodes: dict[str, Box] = field(default_factory=dict)
    clusters: dict[str, Box] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (source, target, SVG path data)


def dot_source(
    nodes: list[Node],
    edges: list[Edge],
    *,
    rankdir: str = "TB",
    nodesep: float = 0.25,
    ranksep: float = 0.5,
    cluster_label: dict[str, int] | None = None,
    columns: int = 0,
    cluster_columns: int = 0,
) -> tuple[str, dict[str, str]]:
    """The DOT program for a graph, and the generated name of each node key (keys never enter the program)."""
    names = {node.key: f"n{i}" for i, node in enumerate(nodes)}
    order = {node.key: i for i, node in enumerate(nodes)}
    clusters = sorted({node.cluster for node in nodes if node.cluster}, key=[n.cluster for n in nodes].index)
    cluster_names = {c: f"cluster_{i}" for i, c in enumerate(clusters)}
    lines = [
        f'digraph G {{ graph [rankdir={rankdir}, nodesep={nodesep:.3f}, ranksep={ranksep:.3f}, '
        'splines=spline, outputorder=edgesfirst, margin=0'
        + (f', packmode="array_u{columns}"' if columns else "")
        + "];",
        '  node [shape=box, fixedsize=true, label=""];',
        '  edge [arrowhead=none];',
    ]

    def node_line(node: Node) -> str:
        return f"  {names[node.key]} [width={node.width / DPI:.3f}, height={node.height / DPI:.3f}, sortv={order[node.key]}];"

    for cluster in clusters:
        # The cluster's title is drawn by the renderer; Graphviz only reserves room for it, with a
        # placeholder of as many letters as the title has (generated here, never the title itself).
        letters = "x" * max(1, (cluster_label or {}).get(cluster, 1))
        lines.append(
            f'  subgraph {cluster_names[cluster]} {{ graph [margin=10, label="{letters}", labeljust=l, '
            f'fontsize={FONT_SIZE + 2:.0f}, fontname="Helvetica-Bold", sortv={clusters.index(cluster)}'
            + (f', packmode="array_u{cluster_columns}"' if cluster_columns else "")
            + "];"
        )
        lines += ["  " + node_line(n) for n in nodes if n.cluster == cluster]
        lines.append("  }")
    lines += [node_line(n) for n in nodes if not n.cluster]
    ranks: dict[str, list[str]] = {}
    for node in nodes:
        if node.rank:
            ranks.setdefault(node.rank, []).append(names[node.key])
    lines += [f"  {{ rank=same; {'; '.join(members)}; }}" for members in ranks.values()]
    lines += [f"  {names[e.source]} -> {names[e.target]} [weight={e.weight}];" for e in edges]
    lines.append("}")
    return "\n".join(lines) + "\n", {**names, **{f"cluster:{c}": n for c, n in cluster_names.items()}}


@functools.lru_cache(maxsize=512)
def _run_dot(source: str, engine: str = "dot") -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise LayoutError(
            "Graphviz's `dot` was not found: the diagrams need it. Install Debian's graphviz package "
            "(sudo apt-get install graphviz), or run a make target, which installs it when run as root"
        )
    done = subprocess.run(
        [dot, f"-K{engine}", "-Tjson"], input=source, capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != 0:
        raise LayoutError(f"Graphviz's dot failed: {done.stderr.strip()[:300]}")
    return done.stdout


def _points(spline: str) -> tuple[list[tuple[float, float]], tuple[float, float] | None, tuple[float, float] | None]:
    start = end = None
    points = []
    for part in spline.split():
        if part.startswith("e,"):
            x, y = part[2:].split(",")
            end = (float(x), float(y))
        elif part.startswith("s,"):
            x, y = part[2:].split(",")
            start = (float(x), float(y))
        else:
            x, y = part.split(",")
            points.append((float(x), float(y)))
    return points, start, end


def layout(nodes: list[Node], edges: list[Edge], engine: str = "dot", **options) -> Placed:
    """Positions for every node, cluster and edge, in SVG coordinates (origin top left, y down).

    engine is a Graphviz layout program: "dot" (layered, edges routed) or "osage" (clusters packed
    as an array, edges not routed: the caller draws them when it needs them).
    """
    if engine not in ("dot", "osage"):
        raise ValueError(f"unsupported Graphviz engine {engine!r}")
    source, names = dot_source(nodes, edges, **options)
    graph = json.loads(_run_dot(source, engine))
    x0, y0, x1, y1 = (float(v) for v in graph["bb"].split(","))
    height = y1 - y0
    key_of = {name: key for key, name in names.items()}

    def flip(point: tuple[float, float]) -> tuple[float, float]:
        return point[0] - x0, height - (point[1] - y0)

    placed = Placed(width=x1 - x0, height=height)
    objects = graph.get("objects", [])
    for obj in objects:
        key = key_of.get(obj["name"])
        if key is None:
            continue
        if "bb" in obj and key.startswith("cluster:"):
            bx0, by0, bx1, by1 = (float(v) for v in obj["bb"].split(","))
            left, top = flip((bx0, by1))
            placed.clusters[key.removeprefix("cluster:")] = Box(left, top, bx1 - bx0, by1 - by0)
        elif "pos" in obj:
            x, y = (float(v) for v in obj["pos"].split(","))
            cx, cy = flip((x, y))
            w, h = float(obj["width"]) * DPI, float(obj["height"]) * DPI
            placed.nodes[key] = Box(cx - w / 2, cy - h / 2, w, h)
    for edge in graph.get("edges", []):
        if "pos" not in edge:
            continue
        tail, head = key_of[objects[edge["tail"]]["name"]], key_of[objects[edge["head"]]["name"]]
        points, start, end = _points(edge["pos"])
        points = [flip(p) for p in points]
        path = f"M{points[0][0]:.1f},{points[0][1]:.1f}"
        for i in range(1, len(points) - 2, 3):
            (ax, ay), (bx, by), (cx, cy) = points[i : i + 3]
            path += f" C{ax:.1f},{ay:.1f} {bx:.1f},{by:.1f} {cx:.1f},{cy:.1f}"
        if start:
            sx, sy = flip(start)
            path = f"M{sx:.1f},{sy:.1f} L" + path[1:]
        if end:
            ex, ey = flip(end)
            path += f" L{ex:.1f},{ey:.1f}"
        placed.edges.append((tail, head, path))
    return placed
