"""A loopback web archive: the Wayback Machine's CDX API and `id_` replay, and Common Crawl's
per-crawl index, crawl list and WARC files with byte ranges, in their documented formats
(internetarchive/wayback's wayback-cdx-server README; pywb's CDX server as Common Crawl runs it).

The test gives it captures (`Capture`: a URL, a timestamp, the bytes) and says how each one
misbehaves; the Common Crawl WARC files are built here with warcio, one gzip member per
record, and the index lines point into them. `requests` logs every request with the bytes
sent, for the assertions (a Range request fetches only its record) and the benchmarks.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIELDS = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


def surt(url: str) -> str:
    """The SURT-style key both services sort and match by: host reversed, no www or scheme."""
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    key = ",".join(reversed(host.split("."))) + ")" + (parts.path or "/").lower()
    return key + ("?" + parts.query.lower() if parts.query else "")


def sha1_b32(body: bytes) -> str:
    return base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


@dataclass
class Capture:
    url: str  # as captured: scheme, www and port as the crawler of the archive saw them
    timestamp: str  # 14 digits, UTC
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    replay: str = "ok"  # ok | gone (404) | elsewhere:<url> | drift:<timestamp> (Wayback replay)
    record: str = "ok"  # ok | truncated | corrupt | wrong | revisit (Common Crawl record)
    indexed: bool = True  # in the CDX listing (a drift target is replayed but not listed)
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def digest(self) -> str:
        return sha1_b32(self.body)

    @property
    def mime(self) -> str:
        return "warc/revisit" if self.record == "revisit" else self.content_type.split(";")[0]


@dataclass
class Collection:
    """One Common Crawl crawl: its WARC file and index lines."""

    id: str
    filename: str
    data: bytes
    lines: list[dict]


def build_collection(crawl: str, captures: list[Capture]) -> Collection:
    """A WARC file of the captures (faults built in) and the index lines pointing into it."""
    filename = f"crawl-data/{crawl}/segments/1700000000000.1/warc/{crawl}-20240101000000-00000.warc.gz"
    out, spans = io.BytesIO(), []
    for capture in captures:
        member = _member(capture)
        spans.append((out.tell(), len(member)))
        out.write(member)
    lines = []
    for n, (capture, (offset, length)) in enumerate(zip(captures, spans)):
        if capture.record == "wrong":  # the offset of the next record: another page
            offset, length = spans[(n + 1) % len(spans)]
        lines.append({"urlkey": surt(capture.url), "timestamp": capture.timestamp, "url": capture.url,
                      "mime": capture.mime, "mime-detected": capture.mime,
                      "status": "-" if capture.record == "revisit" else str(capture.status),
                      "digest": capture.digest, "length": str(length), "offset": str(offset), "filename": filename,
                      "languages": "vie", "encoding": "UTF-8"})
    lines.sort(key=lambda line: (line["urlkey"], line["timestamp"]))
    return Collection(crawl, filename, out.getvalue(), lines)


def warc_record(writer: WARCWriter, capture: Capture):
    date = f"{capture.timestamp[:4]}-{capture.timestamp[4:6]}-{capture.timestamp[6:8]}T" \
           f"{capture.timestamp[8:10]}:{capture.timestamp[10:12]}:{capture.timestamp[12:14]}Z"
    if capture.record == "revisit":
        return writer.create_revisit_record(capture.url, f"sha1:{capture.digest}", capture.url, date)
    headers = [("Content-Type", capture.content_type), ("Content-Length", str(len(capture.body))),
               *capture.headers.items()]
    http = StatusAndHeaders(f"{capture.status} OK", headers, protocol="HTTP/1.1")
    return writer.create_warc_record(capture.url, "response", payload=io.BytesIO(capture.body),
                                     length=len(capture.body), http_headers=http,
                                     warc_headers_dict={"WARC-Date": date})


def _member(capture: Capture) -> bytes:
    plain = io.BytesIO()
    writer = WARCWriter(plain, gzip=False, warc_version="1.1")
    writer.write_record(warc_record(writer, capture))
    raw = plain.getvalue()
    if capture.record == "truncated":  # the body cut short; Content-Length still says the whole
        raw = raw[: len(raw) - 4 - min(300, len(capture.body) // 2)]
    member = gzip.compress(raw, 6)
    if capture.record == "corrupt":  # the deflate stream overwritten after the gzip header (a reserved block type)
        member = member[:10] + b"\xff" * 16 + member[26:]
    return member


class ArchiveHandler(BaseHTTPRequestHandler):
    server: WebArchiveServer

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        srv = self.server
        with srv.lock:
            srv.hits[parts.path.split("/")[1] if parts.path.count("/") > 1 else parts.path] += 1
            where = self.path if self.path in srv.faults else parts.path
            fault = srv.faults.get(where)
            if fault and fault[1] > 0:
                srv.faults[where] = (fault[0], fault[1] - 1, *fault[2:])
        if fault and fault[1] > 0:
            wait = fault[2] if len(fault) > 2 else "0"
            return self._send(fault[0], b"busy", {"Retry-After": wait} if wait is not None else {})
        if parts.path == "/cdx/search/cdx":
            return self._wayback_cdx(query)
        if m := re.match(r"^/web/(\d{14})id_/(.+)$", self.path):
            return self._replay(m[1], unquote(m[2]))
        if parts.path == "/collinfo.json":
            return self._json([{"id": c, "name": c, "cdx-api": f"{srv.url}/{c}-index"} for c in srv.collections])
        if m := re.match(r"^/(CC-MAIN-[\d-]+)-index$", parts.path):
            return self._cc_index(m[1], query)
        for collection in srv.collections.values():
            if parts.path == "/" + collection.filename:
                return self._warc_file(collection.data)
        self._send(404, b"<html><body>Not Found</body></html>", {"Content-Type": "text/html"})

    # -- Wayback ------------------------------------------------------------------
    def _wayback_cdx(self, q: dict) -> None:
        url = q["url"][0]
        prefix = url.endswith("*") or q.get("matchType", [""])[0] == "prefix"
        key = surt(url.rstrip("*"))
        rows = [[surt(c.url), c.timestamp, c.url, c.mime, str(c.status), c.digest, str(len(c.body))]
                for c in self.server.wayback if c.indexed]
        rows = sorted(r for r in rows if (r[0].startswith(key) if prefix else r[0] == key))
        rows = [r for r in rows if _in_years(r[1], q)]
        for spec in q.get("filter", []):
            negate, (name, pattern) = spec.startswith("!"), spec.lstrip("!").split(":", 1)
            rows = [r for r in rows if bool(re.fullmatch(pattern, r[FIELDS.index(name)])) != negate]
        for spec in q.get("collapse", []):
            name, _, width = spec.partition(":")
            col, n = FIELDS.index(name), int(width) if width else None
            kept = []
            for r in rows:
                if not kept or kept[-1][col][:n] != r[col][:n]:
                    kept.append(r)
            rows = kept
        start = int(q["resumeKey"][0].removeprefix("k")) if "resumeKey" in q else 0
        limit = int(q.get("limit", ["150000"])[0])
        page = rows[start:start + limit]
        body = [FIELDS, *page] if page else []
        if start + limit < len(rows) and q.get("showResumeKey", [""])[0] == "true":
            body += [[], [f"k{start + limit}"]]
        self._json(body)

    def _replay(self, timestamp: str, url: str) -> None:
        same = [c for c in self.server.wayback if surt(c.url) == surt(url)]
        exact = next((c for c in same if c.timestamp == timestamp), None)
        if exact is None:
            if not same:
                return self._send(404, b"<html>Wayback Machine has not archived that URL.</html>", {})
            near = min(same, key=lambda c: abs(int(c.timestamp) - int(timestamp)))
            return self._send(302, b"", {"Location": f"{self.server.url}/web/{near.timestamp}id_/{near.url}"})
        if exact.replay == "gone":
            return self._send(404, b"<html>Not in archive</html>", {"Content-Type": "text/html"})
        if exact.replay.startswith(("elsewhere:", "drift:")):
            kind, _, value = exact.replay.partition(":")
            stamp, target = (timestamp, value) if kind == "elsewhere" else (value, exact.url)
            return self._send(302, b"", {"Location": f"{self.server.url}/web/{stamp}id_/{target}"})
        headers = {"Content-Type": exact.content_type, "Memento-Datetime": formatdate(usegmt=True),
                   "X-Archive-Orig-Date": "Mon, 01 Jan 2024 00:00:00 GMT",
                   **{f"X-Archive-Orig-{k}": v for k, v in exact.headers.items()}}
        self._send(exact.status, exact.body, headers)

    # -- Common Crawl -----------------------------------------------------------------
    def _cc_index(self, crawl: str, q: dict) -> None:
        collection = self.server.collections.get(crawl)
        if collection is None:
            return self._send(404, b"<html>Not Found</html>", {"Content-Type": "text/html"})
        key = surt(q["url"][0].rstrip("*"))
        lines = [x for x in collection.lines if x["urlkey"].startswith(key) and _in_years(x["timestamp"], q)]
        if not lines:
            return self._send(404, json.dumps({"message": f"No Captures found for: {q['url'][0]}"}).encode(),
                              {"Content-Type": "text/x-ndjson"})
        size = self.server.cc_page_size
        pages = (len(lines) + size - 1) // size
        if q.get("showNumPages", [""])[0] == "true":
            return self._json({"pages": pages, "pageSize": size, "blocks": pages})
        page = int(q.get("page", ["0"])[0])
        if page >= pages:
            return self._send(400, b"page out of range", {})
        chunk = lines[page * size:(page + 1) * size]
        self._send(200, "".join(json.dumps(x) + "\n" for x in chunk).encode(), {"Content-Type": "text/x-ndjson"})

    def _warc_file(self, data: bytes) -> None:
        span = re.match(r"bytes=(\d+)-(\d+)$", self.headers.get("Range") or "")
        if not span or self.server.ignore_range:
            return self._send(200, data, {"Content-Type": "application/octet-stream"})
        first, last = int(span[1]), min(int(span[2]), len(data) - 1)
        self._send(206, data[first:last + 1], {"Content-Type": "application/octet-stream",
                                               "Content-Range": f"bytes {first}-{last}/{len(data)}"})

    # -- plumbing ---------------------------------------------------------------------
    def _json(self, value) -> None:
        self._send(200, json.dumps(value).encode(), {"Content-Type": "application/json"})

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            # headers and body in one write: two small writes meet the client's delayed ACK
            self._headers_buffer.append(b"\r\n" + body)
            self.flush_headers()
        except (BrokenPipeError, ConnectionResetError):
            return  # a client that stops reading (a Range ignored): what it should do
        with self.server.lock:
            self.server.requests.append((self.path, self.headers.get("Range"), status, len(body)))


def _in_years(timestamp: str, q: dict) -> bool:
    low = q.get("from", [""])[0].ljust(14, "0")
    high = q.get("to", [""])[0].ljust(14, "9") if q.get("to") else "9" * 14
    return low <= timestamp <= high


class WebArchiveServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, wayback: list[Capture] = (), commoncrawl: dict[str, list[Capture]] | None = None, *,
                 cc_page_size: int = 3):
        super().__init__(("127.0.0.1", 0), ArchiveHandler)
        self.wayback = list(wayback)
        self.collections = {crawl: build_collection(crawl, caps) for crawl, caps in (commoncrawl or {}).items()}
        self.cc_page_size = cc_page_size
        self.ignore_range = False
        # path (with or without its query) -> (status, how many times[, Retry-After or None; default "0"])
        self.faults: dict[str, tuple] = {}
        self.hits: Counter = Counter()
        self.requests: list[tuple[str, str | None, int, int]] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> WebArchiveServer:
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()
