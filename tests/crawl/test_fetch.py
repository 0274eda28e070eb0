"""One page fetched outside a crawl has the crawl's limits: a size cap, a deadline for the
whole response, compressed bodies inflated within the cap. Each fault is one clear error."""

from __future__ import annotations

import gzip
import re
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from ctd_crawler.cli import main
from ctd_crawler.crawl.fetch import BadAddress, FetchError, fetch

PAGE = ("<html><head><title>Trao quà Tết cho hộ nghèo</title></head><body><h1>Trao quà Tết cho hộ nghèo</h1>"
        "<p>Hội Chữ thập đỏ trao quà.</p></body></html>")


class Hostile(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        try:
            self._respond(self.path.strip("/"))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def _respond(self, route):
        if route == "endless":  # no length, never ends
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            while True:
                self.wfile.write(b"<p>" + b"x" * 65536)
        elif route == "slow":  # a byte a second
            self.send_response(200)
            self.end_headers()
            for b in PAGE.encode():
                self.wfile.write(bytes([b]))
                self.wfile.flush()
                time.sleep(0.3)
        elif route == "declared":
            self.send_response(200)
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif route in ("bomb", "page.gz", "deflated", "broken-gzip"):
            body = {"bomb": gzip.compress(b"\0" * (64 * 1024 * 1024)), "page.gz": gzip.compress(PAGE.encode()),
                    "deflated": zlib.compress(PAGE.encode()), "broken-gzip": b"\x1f\x8b\x08\x00garbage"}[route]
            self.send_response(200)
            self.send_header("Content-Encoding", "deflate" if route == "deflated" else "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif route == "page":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE.encode())
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize("route, message", [
    ("endless", "over the 1,000,000-byte limit"), ("declared", "over the 1,000,000-byte limit"),
    pytest.param("slow", "did not arrive whole within 2 s", marks=pytest.mark.slow),  # waits out the deadline
    ("bomb", "inflates to over"), ("broken-gzip", "broken gzip"),
    ("missing", "HTTP 404"),
])
def test_each_fault_is_one_error(server, route, message):
    with pytest.raises(FetchError, match=message):
        fetch(f"{server}/{route}", max_bytes=1_000_000, timeout=2)


@pytest.mark.parametrize("route", ["page", "page.gz", "deflated"])
def test_a_good_page_arrives_whole(server, route):
    assert fetch(f"{server}/{route}", max_bytes=1_000_000, timeout=5).body == PAGE.encode()


@pytest.mark.parametrize("url, error, message", [
    ("http://[::1", BadAddress, "is not an http(s) address"), ("ftp://example.vn/", BadAddress, "is not an http"),
    ("http:///path", BadAddress, "is not an http"), ("http://127.0.0.1:9/", FetchError, "cannot fetch"),
])
def test_an_unreachable_or_malformed_url_is_one_error(url, error, message):
    with pytest.raises(error, match=re.escape(message)):
        fetch(url, timeout=2)


def test_extract_of_an_endless_page_stops_at_the_limit(server, monkeypatch):
    from ctd_crawler import settings

    monkeypatch.setattr(settings, "DOWNLOAD_MAXSIZE", 2_000_000)
    result = CliRunner().invoke(main, ["extract", f"{server}/endless"])
    assert result.exit_code == 1 and "over the 2,000,000-byte limit" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_extract_of_a_page_reads_it(server):
    result = CliRunner().invoke(main, ["extract", f"{server}/page"])
    assert result.exit_code == 0 and '"title": "Trao quà Tết cho hộ nghèo"' in result.output
