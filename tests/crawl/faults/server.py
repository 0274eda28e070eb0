"""A loopback server that misbehaves on purpose, in the mirror's URL scheme
(`/<host>/<path>`), so the real spider crawls it through CTD_MIRROR.

Site `loi.example.vn` (registry: tests/crawl/faults/sites.toml). `GOOD` articles always work;
each path of `FAULTS` fails in its own way; `RECOVERS` fail at first, then work.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST = "loi.example.vn"
GOOD = [f"/bai/tin-tot-{n}" for n in range(1, 6)]
RECOVERS = {"/bai/tam-ngung-503": 503, "/bai/gioi-han-429": 429}  # once, with Retry-After: 1
CHARSET_LIE = "/bai/sai-charset"  # UTF-8 bytes, declared iso-8859-1 (header) and windows-1258 (meta)
FAULTS = {
    "/bai/loi-500": "500 every time",
    "/bai/dut-ket-noi": "connection reset mid-body",
    "/bai/treo": "headers, then a body that never ends",
    "/bai/nho-giot": "a byte every 0.2 s, for longer than the timeout",
    "/bai/vong-lap": "redirect loop: -> /bai/vong-lap-2 -> /bai/vong-lap",
    "/bai/khong-ton-tai": "200 with an error page",
    "/bai/bom-gzip": "gzip bomb: 64 KB that inflate to 64 MB",
    "/bai/qua-lon": "a 50 MB page",
    "/cam/bai-bi-cam": "disallowed by robots.txt",
}
ARTICLES = GOOD + list(RECOVERS) + [CHARSET_LIE]  # what must be archived, once each
BIG = 50 * 1024 * 1024
_BOMB = gzip.compress(b"<html>" + b" " * (64 * 1024 * 1024), 9)
_SITEMAP_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://loi.example.vn/bai/&f;</loc></url></urlset>"""


def article(path: str, n: int) -> str:
    title = f"Hội Chữ thập đỏ thành phố trao quà cho hộ nghèo, đợt {n}"
    para = (f"Ngày 12/3/2024, Hội Chữ thập đỏ thành phố đã trao {n * 10} suất quà cho các hộ nghèo tại phường "
            f"Trung Hòa, quận Cầu Giấy, mỗi suất trị giá 500.000 đồng. ") * 3
    return (f'<html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<nav><a href="/">Trang chủ</a> <a href="/tin/">Tin tức</a></nav>'
            f'<article><h1>{title}</h1><div class="date">Ngày đăng: 12/03/2024</div>'
            f'<div class="content"><p>{para}</p><p>Bài và ảnh: Ban Tuyên truyền ({path}).</p></div></article>'
            f"<footer>Bản quyền 2024</footer></body></html>")


def listing(links: list[str], more: list[str] = ()) -> str:
    items = "".join(f'<li><a href="{u}">Tin {u}</a> (12/03/2024)</li>' for u in links)
    pages = "".join(f'<a href="{u}">Trang</a> ' for u in more)
    return f'<html><head><meta charset="utf-8"><title>Tin tức</title></head><body><ul>{items}</ul>{pages}</body></html>'


class FaultHandler(BaseHTTPRequestHandler):
    hits: Counter
    stop: threading.Event

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        _host, _, rest = self.path.lstrip("/").partition("/")
        path = "/" + rest
        self.hits[path] += 1
        try:
            self._route(path)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler hung up: that is what it should do on most of these

    def _route(self, path: str) -> None:
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /cam/\n", "text/plain")
        if path == "/sitemap.xml":
            return self._send(200, _SITEMAP_BOMB, "application/xml")
        if path == "/tin/":
            return self._html(listing(GOOD[:3] + list(FAULTS) + list(RECOVERS) + [CHARSET_LIE], ["/tin/?page=2"]))
        if path.startswith("/tin/?page="):
            # A CMS that ignores the page number: every page is the same, and links to itself and on.
            n = int(path.rsplit("=", 1)[1])
            return self._html(listing(GOOD[3:], [path, f"/tin/?page={n + 1}"]))
        if path in GOOD or path == CHARSET_LIE:
            body = article(path, (GOOD.index(path) + 1) if path in GOOD else 9)
            if path == CHARSET_LIE:
                body = body.replace('charset="utf-8"', 'charset="windows-1258"')
                return self._send(200, body.encode(), "text/html; charset=iso-8859-1")
            return self._html(body)
        if path in RECOVERS:
            if self.hits[path] == 1:
                return self._send(RECOVERS[path], b"busy", "text/plain", {"Retry-After": "1"})
            return self._html(article(path, 7 if RECOVERS[path] == 503 else 8))
        if path == "/bai/loi-500":
            return self._send(500, b"<html>Internal Server Error</html>", "text/html")
        if path == "/bai/dut-ket-noi":
            self._head(200, "text/html; charset=utf-8", {"Content-Length": "20000"})
            self.wfile.write(article(path, 1).encode()[:300])
            self.wfile.flush()
            self.connection.shutdown(2)
            return
        if path == "/bai/treo":
            self._head(200, "text/html; charset=utf-8", {"Content-Length": "20000"})
            self.wfile.write(b"<html><body>")
            self.wfile.flush()
            self.stop.wait(30)
            return
        if path == "/bai/nho-giot":
            self._head(200, "text/html; charset=utf-8", {"Content-Length": "20000"})
            for _ in range(150):
                if self.stop.wait(0.2):
                    return
                self.wfile.write(b" ")
                self.wfile.flush()
            return
        if path == "/bai/vong-lap":
            return self._send(302, b"", "text/html", {"Location": "/bai/vong-lap-2"})
        if path == "/bai/vong-lap-2":
            return self._send(302, b"", "text/html", {"Location": "/bai/vong-lap"})
        if path == "/bai/khong-ton-tai":
            return self._html('<html><head><meta charset="utf-8"><title>Trang không tồn tại</title></head><body>'
                              '<h1>Trang không tồn tại</h1><p>Trang bạn yêu cầu không tồn tại hoặc đã bị xóa.</p>'
                              '<a href="/">Về trang chủ</a></body></html>')
        if path == "/bai/bom-gzip":
            return self._send(200, _BOMB, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        if path == "/bai/qua-lon":
            self._head(200, "text/html; charset=utf-8", {"Content-Length": str(BIG)})
            chunk = b"<p>" + b"x" * 65533
            for _ in range(BIG // len(chunk)):
                if self.stop.is_set():
                    return
                self.wfile.write(chunk)
            return
        self._send(404, b"<html>404</html>", "text/html")

    def _head(self, status: int, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self._head(status, ctype, {"Content-Length": str(len(body)), **(headers or {})})
        self.wfile.write(body)

    def _html(self, text: str) -> None:
        self._send(200, text.encode(), "text/html; charset=utf-8")


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        self.hits: Counter = Counter()
        self.stop = threading.Event()
        handler = type("Handler", (FaultHandler,), {"hits": self.hits, "stop": self.stop})
        super().__init__(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> FaultServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        time.sleep(0.05)
        self.shutdown()
        self.server_close()
