"""`make bench`: build synthetic catalogs and an equivalent plain Material site, and measure them.

Synthetic catalogs clone the real entries under new ids (relations follow their clones, so the
catalog stays valid and connected; decision trees and comparison pages come along as on the real
site). For each size the strict build of our site is timed against a stock Material site with the
same pages (the Markdown our macros produce, written out as plain files, with Material's default
navigation). Then: peak memory, site size, median pattern page size, search index size, time from
the last keystroke to the first search result in Chromium (cold and warm), Lighthouse (the npm
package, driving Debian's Chromium) and axe-core violations on every page type.

Prints one table and writes data/benchmark.json, which the Performance page shows.
Up to 100 entries, the time from saving an edit to one entry until `make serve` shows it is measured too.
Environment: BENCH_SIZES (default "real,100,1000"; "real" is the real catalog's size), BENCH_DIR (work folder).
"""

from __future__ import annotations

import copy
import datetime
import functools
import gzip
import http.server
import io
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

from atlas.catalog import load_valid_catalog

ROOT = Path(__file__).resolve().parents[1]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LIGHTHOUSE = ROOT / "tools" / "bench" / "node_modules" / ".bin" / "lighthouse"
SKELETON = ("mkdocs.yml", "docs", "macros", "schema", "overrides", "data", "decisions")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
QUERIES = [
    "saga",
    "cache",
    "event sourcing",
    "retry",
    "sharding",
    "api gateway",
]  # what readers type, short and two-word
TARGETS = {
    "build_ratio_vs_plain": 1.2,
    "build_ratio_1000_vs_100": 11,
    "pattern_html_drift": 0.10,
    "search_cold_ms": 300,
    "search_warm_ms": 100,
    "lighthouse_min": {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100},
    "axe_violations": 0,
    "edit_to_reload_s": 3.0,
}
RELOAD_SIZES = 100  # edit-to-reload is measured up to this catalog size (a contributor's preview)


# --- synthetic catalogs -------------------------------------------------------------------------


def synthetic_entries(real: dict, size: int) -> dict:
    """size entries: the real ones, then numbered clones whose relations point at their own group."""
    ids = sorted(real)
    groups = math.ceil(size / len(ids))
    out = {}
    for group in range(groups):
        members = ids[: size - len(out)] if group == groups - 1 else ids
        suffix = "" if group == 0 else f"-{group + 1}"
        for index, entry_id in enumerate(members):
            data = copy.deepcopy(real[entry_id])
            data["id"] = entry_id + suffix
            if group:
                label = f" ({group + 1})"
                data["name"] += label
                data["aliases"] = [a + label for a in data["aliases"]]
                if data.get("search_keywords"):
                    data["search_keywords"] = [k + label for k in data["search_keywords"]]
                data.pop("former_ids", None)
                for relation in data["relations"]:
                    if relation["target"] in members:
                        relation["target"] += suffix
                if index == 0 and all(r["target"].endswith(suffix) for r in data["relations"]):
                    # one extra relation from the group's first entry to an original joins the group to the
                    # main graph, without taking any of the group's own relations away
                    bridge = next(r for r in real[entry_id]["relations"] if r["type"] != "alternative-to")
                    data["relations"].append(copy.deepcopy(bridge))
            out[data["id"]] = data
    return out


def make_project(real: dict, size: int, folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in SKELETON:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / name)
    for generated in ("patterns", "tradeoffs", "compare", "decisions", "api"):
        for page in (folder / "docs" / generated).glob("*"):
            if page.name not in ("index.md", "families.md", "tensions.md"):
                shutil.rmtree(page) if page.is_dir() else page.unlink()
    (folder / "patterns").mkdir()
    for entry_id, data in synthetic_entries(real, size).items():
        text = "# yaml-language-server: $schema=../schema/pattern.schema.json\n" + yaml.safe_dump(
            data, sort_keys=False, allow_unicode=True, width=100
        )
        (folder / "patterns" / f"{entry_id}.yaml").write_text(text, encoding="utf-8")
    return folder


def make_plain(project: Path, dumped: Path, folder: Path) -> Path:
    """Stock Material, no macros, default navigation, the same pages as already-expanded Markdown."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(project / "docs", folder / "docs")
    for page in dumped.rglob("*.md"):
        target = folder / "docs" / page.relative_to(dumped)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(page, target)

    class Loader(yaml.SafeLoader):
        """Reads mkdocs.yml while ignoring its !ENV and !!python/name tags."""

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    plain = {
        "site_name": "Plain Material site",
        "theme": {"name": "material"},
        "plugins": ["search"],
        # The dumped pages already end with the glossary's abbreviation lines, so atlas.tooltips stays out.
        "markdown_extensions": [
            e for e in config["markdown_extensions"] if "superfences" not in str(e) and e != "atlas.tooltips"
        ]
        + ["pymdownx.superfences"],
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(plain, sort_keys=False), encoding="utf-8")
    return folder


# --- measurements ---------------------------------------------------------------------------------


def timed_build(project: Path, site: Path, extra_env=None) -> tuple[float, float]:
    """(seconds, peak resident MiB) of one strict build, measured by GNU time."""
    cmd = [
        "/usr/bin/time",
        "-f",
        "%e %M",
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "--site-dir",
        str(site),
    ]
    result = subprocess.run(cmd, cwd=project, capture_output=True, text=True, env={**ENV, **(extra_env or {})})
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    seconds, kib = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kib) / 1024


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def edit_to_reload(project: Path, entry_id: str = "saga", rounds: int = 3) -> dict:
    """Seconds from saving an edit to one entry until `mkdocs serve`, run as `make serve` runs it,
    serves the edited page, after the first full build. Two kinds of edit: one to the body of the
    entry (its context), which rebuilds its own page, and one to its summary, which its comparison
    pages and the decision trees recommending it show too, so they are rebuilt with it. Median and
    slowest of a few edits each."""
    import urllib.request

    port = _free_port()
    url = f"http://127.0.0.1:{port}/patterns/{entry_id}/"
    env = {**ENV, "ATLAS_SERVE_DIRTY": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    log = open(project / "serve.log", "w", encoding="utf-8")  # closed with the server below
    serve_proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def page_text() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def wait_for(marker: str, limit: float) -> float:
        start = time.monotonic()
        while time.monotonic() - start < limit:
            if serve_proc.poll() is not None:
                raise TimeoutError(f"mkdocs serve stopped (exit code {serve_proc.returncode})")
            if marker in page_text():
                return time.monotonic() - start
            time.sleep(0.1)
        raise TimeoutError(f"{url} did not show {marker!r} within {limit:.0f} s")

    path = project / "patterns" / f"{entry_id}.yaml"
    original = path.read_text(encoding="utf-8")
    timings: dict[str, list[float]] = {"context": [], "summary": []}
    try:
        wait_for("</html>", 900)  # the first, full build
        time.sleep(2)
        for field in timings:
            for round_no in range(rounds):
                data = yaml.safe_load(original)
                marker = f"edited-{field}-{round_no}-{time.monotonic_ns()}"
                data[field] = data[field].rstrip().removesuffix(".") + f" ({marker})."  # still whole sentences
                text = "# yaml-language-server: $schema=../schema/pattern.schema.json\n" + yaml.safe_dump(
                    data, sort_keys=False, allow_unicode=True, width=100
                )
                saved = time.monotonic()
                path.write_text(text, encoding="utf-8")
                wait_for(marker, 120)
                timings[field].append(time.monotonic() - saved)
                time.sleep(1.5)
    except TimeoutError as err:
        return {"edit_to_reload_error": str(err)}
    finally:
        path.write_text(original, encoding="utf-8")
        if serve_proc.poll() is None:
            os.killpg(serve_proc.pid, 15)
            serve_proc.wait(timeout=30)
        log.close()
    return {
        "edit_to_reload_s": statistics.median(timings["context"]),
        "edit_to_reload_max_s": max(timings["context"]),
        "edit_to_reload_summary_s": statistics.median(timings["summary"]),
        "edit_to_reload_summary_max_s": max(timings["summary"]),
    }


def site_sizes(site: Path) -> dict:
    """Sizes; the search index is Pagefind's folder on our site, Material's JSON file on the plain one."""
    pattern_pages = sorted((site / "patterns").glob("*/index.html"))
    pagefind, material = site / "pagefind", site / "search" / "search_index.json"
    index_bytes = (
        sum(p.stat().st_size for p in pagefind.rglob("*") if p.is_file())
        if pagefind.exists()
        else material.stat().st_size
    )
    return {
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20,
        "median_pattern_html_kb": statistics.median(p.stat().st_size for p in pattern_pages) / 1024,
        "search_index_kb": index_bytes / 1024,
        "pages": sum(1 for _ in site.rglob("*.html")),
    }


class _LikeStaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves the site the way GitHub Pages and common static hosts do: keep-alive connections and gzip
    for text files. Pagefind's own files are gzip already and go out as they are."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = (
        True  # headers and body are separate writes: without this, keep-alive waits on delayed ACKs
    )
    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (
            path.suffix not in self.COMPRESSED
            or not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()  # also answers a folder without its trailing slash with a redirect
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_LikeStaticHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()  # quick shutdown
    return server, f"http://127.0.0.1:{server.server_port}"


STOPWATCH = """() => {
  window.__marks = [];
  const input = document.querySelector('#atlas-search-input');
  input.addEventListener('keydown', () => { window.__lastKey = performance.now(); }, true);
  const list = document.querySelector('.atlas-search__list');
  new MutationObserver(() => { if (list.children.length) window.__marks.push(performance.now()); })
    .observe(list, {childList: true});
}"""


def _first_result_ms(page, query: str) -> float:
    box = page.locator("#atlas-search-input")
    box.click()
    box.fill("")
    page.evaluate("window.__marks = []")
    box.press_sequentially(query, delay=40)
    page.wait_for_function("window.__marks.some(t => t >= window.__lastKey)", timeout=60_000)
    return page.evaluate("Math.min(...window.__marks.filter(t => t >= window.__lastKey)) - window.__lastKey")


def search_latency(url: str) -> dict:
    """Milliseconds from the last key press to the first result, for each query: first search on a fresh
    page (cold), then the next query on the same page (warm). Reports the median and the slowest."""
    from playwright.sync_api import sync_playwright

    cold, warm = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for n, query in enumerate(QUERIES):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url + "/", wait_until="load")
            page.evaluate(STOPWATCH)
            cold.append(_first_result_ms(page, query))
            warm.append(_first_result_ms(page, QUERIES[(n + 1) % len(QUERIES)]))
            page.close()
        browser.close()
    return {
        "search_cold_ms": statistics.median(cold),
        "search_warm_ms": statistics.median(warm),
        "search_cold_max_ms": max(cold),
        "search_warm_max_ms": max(warm),
    }


def lighthouse(url: str) -> dict:
    if not LIGHTHOUSE.exists():
        return {"error": "lighthouse is not installed (make bench runs npm ci in tools/bench)"}
    out = Path(os.environ.get("BENCH_DIR", "/tmp/atlas-bench")) / "lighthouse.json"
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-path={CHROMIUM}",
            "--chrome-flags=" + " ".join(CHROMIUM_FLAGS),
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        return {"error": result.stderr[-500:]}
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: round(category["score"] * 100) for name, category in report["categories"].items()}


def axe_violations(url: str, paths: dict) -> dict:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        for kind, path in paths.items():
            page.goto(url + path, wait_until="networkidle")
            found[kind] = Axe().run(page).violations_count
        browser.close()
    return found


# --- the run --------------------------------------------------------------------------------------


def main() -> int:
    work = Path(os.environ.get("BENCH_DIR", "/tmp/atlas-bench"))
    work.mkdir(parents=True, exist_ok=True)
    real = {entry_id: entry.data for entry_id, entry in load_valid_catalog(ROOT).entries.items()}
    sizes = [
        len(real) if s.strip() == "real" else int(s) for s in os.environ.get("BENCH_SIZES", "real,100,1000").split(",")
    ]
    rows = {}
    for size in sizes:
        print(f"catalog of {size} entries …", flush=True)
        project = make_project(real, size, work / f"ours-{size}")
        dumped = work / f"dump-{size}"
        shutil.rmtree(dumped, ignore_errors=True)
        ours_time, ours_mem = timed_build(project, work / f"site-ours-{size}", {"ATLAS_DUMP_MARKDOWN": str(dumped)})
        ours_time, ours_mem = timed_build(project, work / f"site-ours-{size}")  # timed without the dump
        plain = make_plain(project, dumped, work / f"plain-{size}")
        plain_time, plain_mem = timed_build(plain, work / f"site-plain-{size}")
        row = {
            "build_s": ours_time,
            "plain_build_s": plain_time,
            "build_ratio_vs_plain": ours_time / plain_time,
            "peak_mb": ours_mem,
            "plain_peak_mb": plain_mem,
        }
        row.update(site_sizes(work / f"site-ours-{size}"))
        plain_sizes = site_sizes(work / f"site-plain-{size}")
        row.update(
            {
                "plain_site_mb": plain_sizes["site_mb"],
                "plain_median_pattern_html_kb": plain_sizes["median_pattern_html_kb"],
                "plain_search_index_kb": plain_sizes["search_index_kb"],
            }
        )
        server, url = serve(work / f"site-ours-{size}")
        try:
            row.update(search_latency(url))
            row["lighthouse"] = {
                page: lighthouse(f"{url}/{path}")
                for page, path in (
                    ("home", ""),
                    ("pattern", "patterns/saga/"),
                    ("comparison", "compare/microservices-vs-monolith/"),
                    ("wizard", "decisions/architecture-style/"),
                )
            }
            if size == max(sizes):
                row["axe"] = axe_violations(
                    url,
                    {
                        "home": "/",
                        "pattern": "/patterns/saga/",
                        "family table": "/tradeoffs/families/",
                        "compare": "/compare/microservices-vs-monolith/",
                        "decision wizard": "/decisions/architecture-style/",
                        "explorer": "/explore/",
                    },
                )
        finally:
            server.shutdown()
        if size <= RELOAD_SIZES:
            row.update(edit_to_reload(project))
        rows[str(size)] = row
    # The two largest catalogs (100 and 1,000 by default) are the ones the targets compare.
    large, previous = str(sorted(sizes)[-1]), str(sorted(sizes)[-2] if len(sizes) > 1 else sizes[0])
    summary = {
        "build_ratio_1000_vs_100": rows[large]["build_s"] / rows[previous]["build_s"],
        "pattern_html_drift": abs(rows[large]["median_pattern_html_kb"] / rows[previous]["median_pattern_html_kb"] - 1),
    }
    result = {
        "measured": datetime.date.today().isoformat(),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "targets": TARGETS,
        "sizes": rows,
        "summary": summary,
    }
    (ROOT / "data" / "benchmark.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print_table(result)
    return 0


def print_table(result: dict) -> None:
    keys = [
        ("build_s", "strict build (s)"),
        ("plain_build_s", "plain Material build (s)"),
        ("build_ratio_vs_plain", "ours / plain"),
        ("peak_mb", "peak memory (MiB)"),
        ("site_mb", "site size (MiB)"),
        ("plain_site_mb", "plain site size (MiB)"),
        ("median_pattern_html_kb", "median pattern page (KiB)"),
        ("search_index_kb", "search index (KiB)"),
        ("search_cold_ms", "first result, cold, median (ms)"),
        ("search_cold_max_ms", "first result, cold, slowest (ms)"),
        ("search_warm_ms", "first result, warm, median (ms)"),
        ("search_warm_max_ms", "first result, warm, slowest (ms)"),
        ("edit_to_reload_s", "edit to reload, body, median (s)"),
        ("edit_to_reload_max_s", "edit to reload, body, slowest (s)"),
        ("edit_to_reload_summary_s", "edit to reload, summary, median (s)"),
        ("edit_to_reload_summary_max_s", "edit to reload, summary, slowest (s)"),
    ]
    sizes = list(result["sizes"])
    print(f"\n{'':32}" + "".join(f"{s + ' entries':>16}" for s in sizes))
    for key, label in keys:
        print(f"{label:32}" + "".join(f"{result['sizes'][s].get(key, float('nan')):>16.2f}" for s in sizes))
    largest = result["sizes"][sizes[-1]]
    for page, scores in largest.get("lighthouse", {}).items():
        print(f"Lighthouse {page:21} {scores}")
    print(f"axe violations: {largest.get('axe')}")
    print(
        f"build at {sizes[-1]} vs {sizes[-2] if len(sizes) > 1 else '-'}: {result['summary']['build_ratio_1000_vs_100']}"
    )
    print(f"median pattern page drift: {result['summary']['pattern_html_drift']:.1%}")
    print("written to data/benchmark.json")


if __name__ == "__main__":
    sys.exit(main())
