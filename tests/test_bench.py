"""The benchmark's synthetic catalogs are realistic: cloned entries that pass every rule, connected."""

import importlib.util

import pytest
import yaml

from atlas.catalog import load_catalog
from conftest import ROOT, real_catalog


def _script(path):
    """A script of tools/ loaded as a module by its path (tools/ is not a package, nor on sys.path)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _script(ROOT / "tools" / "bench.py")


@pytest.mark.build  # validates catalogs larger than the real one: seconds each, so `make quick` leaves it out
@pytest.mark.parametrize("extra", [13, None], ids=["real-plus-13", "twice-the-real"])
def test_synthetic_catalog_passes_every_rule(tmp_path, extra):
    real = {entry_id: entry.data for entry_id, entry in real_catalog().entries.items()}
    size = len(real) + (extra if extra is not None else len(real))
    entries = bench.synthetic_entries(real, size)
    assert len(entries) == size
    for entry_id, data in entries.items():
        (tmp_path / f"{entry_id}.yaml").write_text(
            yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    catalog, problems = load_catalog(ROOT, tmp_path)
    assert [str(p) for p in problems] == []
    assert len(catalog.entries) == size


def test_performance_page_renders_the_recorded_figures():
    import json

    from atlas.render import performance_page as perf

    recorded = json.loads((ROOT / "data" / "benchmark.json").read_text(encoding="utf-8"))
    figures = perf.render_performance_figures(recorded).splitlines()
    assert figures[0] == "| Measure | " + " | ".join(f"{size} entries" for size in recorded["sizes"]) + " |"
    assert len(figures) == 2 + len(perf.ROWS)
    targets = perf.render_performance_targets(recorded)
    assert targets.startswith("| Target | Measured | Met |") and targets.count("\n") > 5
    assert "<desc" in perf.render_performance_chart(recorded)
    assert recorded["measured"] in perf.render_performance_measured(recorded)
    # Before any measurement the page says how to make one, and the other parts stay empty.
    assert perf.render_performance_measured(None).startswith("No measurement")
    assert perf.render_performance_figures(None) == perf.render_performance_chart(None) == ""


def test_edit_to_reload_target_is_checked_at_the_largest_size_measured():
    from atlas.render import performance_page as perf

    bench_data = {
        "targets": {**bench.TARGETS},
        "summary": {"build_ratio_1000_vs_100": 9, "pattern_html_drift": 0.01},
        "sizes": {"100": {"build_ratio_vs_plain": 1.1, "edit_to_reload_s": 2.4}, "1000": {"build_ratio_vs_plain": 1.1}},
    }
    targets = perf.render_performance_targets(bench_data)
    assert (
        "| An edit to an entry's body shows under make serve within 3 s at 100 entries (median) | 2.40 | yes |"
        in targets
    )
    bench_data["sizes"]["100"]["edit_to_reload_s"] = 3.5
    assert "| 3.50 | **no** |" in perf.render_performance_targets(bench_data)


def test_bench_serves_like_a_static_host(tmp_path):
    """gzip for text files, binary files as they are, a folder without its slash redirected."""
    import gzip
    import http.client

    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hello</p>" * 50, encoding="utf-8")
    (tmp_path / "chunk.pf_fragment").write_bytes(gzip.compress(b"already packed"))
    server, url = bench.serve(tmp_path)
    try:
        connection = http.client.HTTPConnection(url.removeprefix("http://"))
        connection.request("GET", "/page/", headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        assert response.getheader("Content-Encoding") == "gzip"
        assert gzip.decompress(response.read()) == ("<p>hello</p>" * 50).encode()
        connection.request(
            "GET", "/chunk.pf_fragment", headers={"Accept-Encoding": "gzip"}
        )  # same connection: keep-alive
        response = connection.getresponse()
        assert response.getheader("Content-Encoding") is None and gzip.decompress(response.read()) == b"already packed"
        connection.request("GET", "/page")
        response = connection.getresponse()
        response.read()
        assert response.status == 301 and response.getheader("Location") == "/page/"
    finally:
        server.shutdown()
