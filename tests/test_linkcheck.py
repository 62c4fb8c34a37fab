"""The weekly source check: LinkChecker tells dead, moved and healthy addresses apart against a local
server, politely and with retries; the report names where each failing address is cited, keeps what
servers answer inert, and lists entries due for review."""

import datetime
import http.server
import threading
import time

import pytest

from atlas import linkcheck
from conftest import real_catalog


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: dict = {}

    def do_GET(self):
        self.hits.setdefault(self.path, []).append(time.monotonic())
        if self.path in ("/ok", "/ok2", "/ok3"):
            self.send_response(200)
        elif self.path == "/gone":
            self.send_response(404)
        elif self.path in ("/moved", "/moved-308"):
            self.send_response(301 if self.path == "/moved" else 308)
            self.send_header("Location", "/ok")
        elif self.path == "/elsewhere-for-now":
            self.send_response(302)
            self.send_header("Location", "/ok")
        elif self.path == "/flaky":  # fails once, then answers
            self.send_response(503 if len(self.hits[self.path]) == 1 else 200)
        elif self.path == "/robots.txt":
            self.send_response(404)
        else:
            self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Handler.hits = {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.tool
def test_linkchecker_tells_dead_moved_and_healthy_addresses_apart(server):
    paths = ["/ok", "/gone", "/moved", "/moved-308", "/elsewhere-for-now", "/broken"]
    urls = [server + path for path in paths] + ["http://127.0.0.1:9/nothing-listens-here"]
    results = {r.url: r for r in linkcheck.check_all(urls, delay=0.02, retries=0)}
    assert not results[server + "/ok"].dead and not results[server + "/ok"].moved
    assert results[server + "/gone"].dead and results[server + "/gone"].answer == "404 Not Found"
    assert results[server + "/moved"].moved_to == server + "/ok" and not results[server + "/moved"].dead
    assert results[server + "/moved-308"].moved_to == server + "/ok"
    assert not results[server + "/elsewhere-for-now"].moved  # a temporary redirect is fine
    assert results[server + "/broken"].dead and results[server + "/broken"].answer.startswith("500")
    assert results["http://127.0.0.1:9/nothing-listens-here"].dead


@pytest.mark.tool
def test_linkchecker_asks_again_only_for_what_failed(server):
    pauses = []
    results = linkcheck.check_all(
        [server + "/flaky", server + "/gone", server + "/ok"], delay=0.02, retries=2, sleep=pauses.append
    )
    assert [(r.url.removeprefix(server), r.dead) for r in results] == [
        ("/flaky", False),
        ("/gone", True),
        ("/ok", False),
    ]
    assert len(_Handler.hits["/flaky"]) == 2 and len(_Handler.hits["/gone"]) == 3 and len(_Handler.hits["/ok"]) == 1
    assert pauses == [30.0, 60.0]  # a pause before each new round, longer each time


@pytest.mark.tool
def test_linkchecker_keeps_to_the_rate_for_one_host(server):
    linkcheck.check_all([server + "/ok", server + "/ok2", server + "/ok3"], delay=0.4, retries=0)
    times = sorted(t for path in ("/ok", "/ok2", "/ok3") for t in _Handler.hits[path])
    assert len(times) == 3 and all(later - earlier >= 0.35 for earlier, later in zip(times, times[1:], strict=False))


def test_the_rate_and_the_addresses_reach_linkchecker():
    calls = []

    def run(urls, *, per_second):
        calls.append((list(urls), per_second))
        return ""

    linkcheck.check_all(["https://b.example/", "https://a.example/", "https://a.example/"], delay=2.0, run=run)
    assert calls == [(["https://a.example/", "https://b.example/"], 0.5)]  # each once, sorted; one per 2 s


# LinkChecker's CSV for three addresses (recorded from LinkChecker 10.6.0 against a local server).
ROWS = """\
# created by LinkChecker at 2026-12-01 13:13:55+000
urlname;parentname;base;result;warningstring;infostring;valid;url;line;column;name;dltime;size;checktime;cached;level;modified
http://127.0.0.1:8799/gone;;;404 Not Found;;;False;http://127.0.0.1:8799/gone;;-1;-1;0.01;0;0;
http://127.0.0.1:8799/moved;;;200 OK;Redirected to `http://127.0.0.1:8799/ok' status: 301 Moved Permanently.;;True;http://127.0.0.1:8799/ok;;-1;-1;0.42;0;0;
http://127.0.0.1:8799/temp;;;200 OK;Redirected to `http://127.0.0.1:8799/ok' status: 302 Found.;;True;http://127.0.0.1:8799/ok;;-1;-1;0.80;0;0;
# Stopped checking at 2026-12-01 13:13:57+000 (2 seconds)
"""


def test_linkchecker_rows_are_read_as_results():
    found = linkcheck.parse_rows(ROWS)
    assert found["http://127.0.0.1:8799/gone"] == linkcheck.Result(
        "http://127.0.0.1:8799/gone", dead=True, answer="404 Not Found"
    )
    assert found["http://127.0.0.1:8799/moved"].moved_to == "http://127.0.0.1:8799/ok"
    assert "http://127.0.0.1:8799/temp" not in found  # a temporary redirect is not worth a line


def test_a_missing_linkchecker_is_one_clear_line(monkeypatch, tmp_path):
    monkeypatch.setattr(linkcheck, "LINKCHECKER", tmp_path / "linkchecker")
    with pytest.raises(linkcheck.LinkCheckError, match=r"linkchecker is missing; run `make check`"):
        linkcheck.check_all(["https://a.example/"])


def test_report_names_where_each_dead_address_is_cited_and_offers_an_archive():
    results = [
        linkcheck.Result("https://gone.example/x", dead=True, answer="404 Not Found"),
        linkcheck.Result("https://ok.example/"),
        linkcheck.Result("https://old.example/", moved_to="https://new.example/"),
    ]
    cited = {"https://gone.example/x": ["patterns/saga.yaml#src"], "https://old.example/": ["decisions/t.yaml#s"]}
    text = linkcheck.report(results, cited, [("patterns/saga.yaml", "2024-01-01")])
    assert "Checked 3 cited addresses with LinkChecker: 1 dead or unreachable, 1 moved permanently." in text
    assert (
        "| https://gone.example/x | `404 Not Found` | patterns/saga.yaml#src | [Wayback Machine](https://web.archive.org/web/2/https://gone.example/x) |"
        in text
    )
    assert "| https://old.example/ | `https://new.example/` | decisions/t.yaml#s |" in text
    assert "- patterns/saga.yaml (last reviewed 2024-01-01)" in text


def test_what_a_server_answers_stays_inert_in_the_report():
    """Error texts and Location headers come from servers: code spans, pipes escaped, so no markup and no extra cell."""
    hostile = "<img src=x onerror=alert(1)> | [x](javascript:alert(1)) `tick`"
    results = [
        linkcheck.Result("https://a.example/", dead=True, answer=hostile),
        linkcheck.Result("https://b.example/", moved_to="javascript:alert(1)|x"),
    ]
    lines = linkcheck.report(results, {}, []).splitlines()
    dead = next(line for line in lines if line.startswith("| https://a.example/"))
    moved = next(line for line in lines if line.startswith("| https://b.example/"))
    assert "`` <img src=x onerror=alert(1)> \\| [x](javascript:alert(1)) `tick` ``" in dead
    assert moved == "| https://b.example/ | `javascript:alert(1)\\|x` |  |"


def test_every_cited_address_of_the_real_catalog_is_collected_and_review_age_is_measured():
    catalog = real_catalog()
    cited = linkcheck.cited_addresses(catalog)
    assert all(url.startswith(("http://", "https://")) for url in cited)
    some = catalog.sorted_entries()[0]
    url = next(s["url"] for s in some.data["sources"] if "url" in s)
    assert any(where.startswith(some.path) for where in cited[url])
    reviewed = max(datetime.date.fromisoformat(str(e.data["last_reviewed"])) for e in catalog.entries.values())
    assert linkcheck.stale_entries(catalog, reviewed) == []
    assert len(linkcheck.stale_entries(catalog, reviewed + datetime.timedelta(days=10_000))) == len(catalog.entries)


def test_links_command_stops_with_one_line_when_linkchecker_is_missing(monkeypatch, tmp_path, capsys):
    from atlas.__main__ import main

    monkeypatch.setattr(linkcheck, "LINKCHECKER", tmp_path / "linkchecker")
    assert main(["links"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("atlas links: ") and "make check" in err[0]
