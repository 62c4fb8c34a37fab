"""The weekly source check: dead, moved and healthy addresses told apart against a local server,
one request per host per interval, and entries due for review listed."""

import datetime
import http.server
import threading

import pytest

from atlas import linkcheck
from conftest import real_catalog


class _Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self, body: bool):
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/gone":
            self.send_response(404)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path == "/no-head":
            self.send_response(200)
        else:
            self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()  # quick shutdown
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_tells_dead_moved_and_healthy_addresses_apart(server):
    check = lambda url: linkcheck.check_url(url, timeout=5, retries=0)  # noqa: E731
    assert check(server + "/ok").status == 200 and not check(server + "/ok").dead
    assert check(server + "/gone").dead
    moved = check(server + "/moved")
    assert moved.moved and moved.moved_to.endswith("/ok") and not moved.dead
    assert check(server + "/no-head").status == 200  # HEAD refused, GET answered
    assert check(server + "/broken").dead  # a server error that persists
    assert check("http://127.0.0.1:9/nothing-listens-here").dead


def test_waits_between_requests_to_the_same_host_only():
    now = [0.0]
    waits = []
    linkcheck.check_all(
        ["https://a.example/1", "https://a.example/2", "https://b.example/1"],
        delay=2.0,
        check=lambda url: linkcheck.Result(url, 200),
        sleep=lambda s: (waits.append(s), now.__setitem__(0, now[0] + s)),
        clock=lambda: now[0],
    )
    assert waits == [2.0]  # the second a.example request waits; b.example does not


def test_report_names_where_each_dead_address_is_cited_and_offers_an_archive():
    results = [
        linkcheck.Result("https://gone.example/x", 404),
        linkcheck.Result("https://ok.example/", 200),
        linkcheck.Result("https://old.example/", 301, moved_to="https://new.example/"),
    ]
    cited = {"https://gone.example/x": ["patterns/saga.yaml#src"], "https://old.example/": ["decisions/t.yaml#s"]}
    text = linkcheck.report(results, cited, [("patterns/saga.yaml", "2024-01-01")])
    assert "Checked 3 cited addresses: 1 dead or unreachable, 1 moved permanently." in text
    assert (
        "| https://gone.example/x | 404 | patterns/saga.yaml#src | [Wayback Machine](https://web.archive.org/web/2/https://gone.example/x) |"
        in text
    )
    assert "| https://old.example/ | https://new.example/ | decisions/t.yaml#s |" in text
    assert "- patterns/saga.yaml (last reviewed 2024-01-01)" in text


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
