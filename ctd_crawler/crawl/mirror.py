"""The offline mirror: saved pages of the registry's sites, served over loopback HTTP.

`https://<host><path>?<query>` is served from `fixtures/sites/<host><path>` (a path
ending in `/` maps to `index.html`; a query is appended to the file name after `@`)
at `http://127.0.0.1:<port>/<host><path>?<query>`. An optional
`fixtures/sites/<host>/_mirror.toml` adds what files cannot say: `[redirects]`
(path -> location, 301), `[status]` (path -> code) and `[headers."<path>"]`.
Like a real server it sends `ETag` and `Last-Modified` (the file's hash and mtime) and
answers `If-None-Match` / `If-Modified-Since` with 304, so incremental crawls can be
tested; `delay` (seconds per response, tests only) slows it down.

The crawler reaches it through `MirrorDownloadHandler` (ctd_crawler/crawl/downloader.py),
so the spider, layouts and pipelines run unchanged and record the real URLs.
"""

from __future__ import annotations

import argparse
import hashlib
import mimetypes
import threading
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate, parsedate_to_datetime
from functools import cache
from glob import escape as glob_escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

# The demo mirror of a checkout, relative to the project folder: fixtures are test data,
# not installed with the package.
DEMO_MIRROR = Path("fixtures") / "sites"
_TYPES = {".xml": "application/xml", ".rss": "application/rss+xml", ".txt": "text/plain; charset=utf-8",
          ".json": "application/json"}
_HTML_SUFFIXES = {"", ".html", ".htm", ".aspx", ".asp", ".php"}


def file_for(root: Path, host: str, path: str, query: str = "") -> Path:
    """The fixture file of a URL's host, path and query (see the module docstring)."""
    rel = unquote(path or "/").lstrip("/")
    if not rel or rel.endswith("/"):
        rel += "index.html"
    if query:
        rel += "@" + query
    return root / host / rel


def url_of(path: Path, root: Path) -> str | None:
    """The real URL of a file saved under `root`/<host>/ (the inverse of `file_for`)."""
    try:
        rel = Path(path).resolve().relative_to(Path(root).resolve())
    except ValueError:
        return None
    host, *rest = rel.parts
    name, _, query = "/".join(rest).partition("@")
    name = name.removesuffix("index.html")
    return f"https://{host}/{name}" + (f"?{query}" if query else "")


def _existing(root: Path, host: str, path: str, query: str) -> Path | None:
    """The fixture file, with the query as written or in the crawler's sorted order; never a
    file outside `root` (".." and its percent-encoded forms, symlinks out of the folder)."""
    target = file_for(root, host, path, query).resolve()
    if target.is_relative_to(root) and target.is_file():
        return target
    if not query:
        return None
    # A server reads its parameters in any order and encoding: so does the mirror.
    wanted = sorted(parse_qsl(query, keep_blank_values=True))
    page = file_for(root, host, path).resolve()
    if not page.parent.is_relative_to(root) or not page.parent.is_dir():
        return None
    for saved in page.parent.glob(glob_escape(page.name) + "@*"):
        if sorted(parse_qsl(saved.name.partition("@")[2], keep_blank_values=True)) == wanted and saved.is_file():
            return saved.resolve() if saved.resolve().is_relative_to(root) else None
    return None


def content_type(path: Path) -> str:
    suffix = path.name.split("@", 1)[0]
    suffix = Path(suffix).suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "text/html"  # no charset: the page's own declaration decides, as on many real sites
    return _TYPES.get(suffix) or mimetypes.guess_type("x" + suffix)[0] or "application/octet-stream"


@cache
def _site_rules(host_dir: Path) -> dict:
    rules = host_dir / "_mirror.toml"
    return tomllib.loads(rules.read_text("utf-8")) if rules.exists() else {}


class _Handler(BaseHTTPRequestHandler):
    root: Path
    delay: float = 0.0
    server_version = "ctd-mirror/1"

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        self._respond(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(with_body=False)

    def _respond(self, *, with_body: bool) -> None:
        if self.delay:
            time.sleep(self.delay)
        parts = urlsplit(self.path)
        host, _, path = parts.path.lstrip("/").partition("/")
        host = host.lower().removeprefix("www.")
        path = "/" + path
        if not host or host.startswith(".") or "/" in host or "\\" in host:
            return self._send(404, b"<html><body><h1>404</h1></body></html>", {"Content-Type": "text/html"},
                              with_body)
        rules = _site_rules(self.root / host)
        key = path + ("?" + parts.query if parts.query else "")
        if location := rules.get("redirects", {}).get(key):
            return self._send(301, b"", {"Location": location}, with_body)
        status = int(rules.get("status", {}).get(key, 200))
        target = _existing(self.root, host, path, parts.query)
        if status == 200 and target is None:
            status = 404
        if status != 200:
            body = f"<html><body><h1>{status}</h1></body></html>".encode()
            return self._send(status, body, {"Content-Type": "text/html; charset=utf-8"}, with_body)
        body = target.read_bytes()
        mtime = int(target.stat().st_mtime)
        validators = {"ETag": '"%s"' % hashlib.sha1(body).hexdigest()[:16],
                      "Last-Modified": formatdate(mtime, usegmt=True)}
        if self._not_modified(validators["ETag"], mtime):
            return self._send(304, b"", validators, with_body=False)
        headers = {"Content-Type": content_type(target), **validators, **rules.get("headers", {}).get(key, {})}
        self._send(200, body, headers, with_body)

    def _not_modified(self, etag: str, mtime: int) -> bool:
        """RFC 9110: If-None-Match wins over If-Modified-Since."""
        if tags := self.headers.get("If-None-Match"):
            return etag in [t.strip() for t in tags.split(",")] or tags.strip() == "*"
        if since := self.headers.get("If-Modified-Since"):
            try:
                return mtime <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def _send(self, status: int, body: bytes, headers: dict[str, str], with_body: bool) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet: the crawl log says enough
        pass


class MirrorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path, port: int = 0, delay: float = 0.0):
        handler = type("MirrorHandler", (_Handler,), {"root": Path(root).resolve(), "delay": delay})
        super().__init__(("127.0.0.1", port), handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> MirrorServer:
        """Serve in a background thread until `stop` (which a short poll makes immediate:
        the default half second was paid at the end of every crawl)."""
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.02}, name="ctd-mirror",
                         daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


@contextmanager
def serve_mirror(root: Path, port: int = 0, delay: float = 0.0) -> Iterator[MirrorServer]:
    """Serve the mirror in a background thread for the duration of the block."""
    server = MirrorServer(root, port, delay).start()
    try:
        yield server
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve fixtures/sites on loopback. "
                                     "Example: python -m ctd_crawler.crawl.mirror --port 8800")
    parser.add_argument("--root", type=Path, default=DEMO_MIRROR, help="default: %(default)s")
    parser.add_argument("--port", type=int, default=8800)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before each response (tests)")
    args = parser.parse_args()
    server = MirrorServer(args.root, args.port, args.delay)
    print(f"serving {args.root} at {server.url}/<host>/<path>", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
