"""The crawl's WARC recorder: with `-s CTD_WARC_DIR=<folder>`, every response the crawl
receives is written as a WARC 1.1 request record and response record (WARC-Concurrent-To
links them), in files rotated past `CTD_WARC_MAX_BYTES`. Off (NotConfigured) otherwise.

A downloader middleware next to the download handler (settings: 950), so it sees the
request as sent, with every header the other middlewares set, and the response as
received: original headers, the body still content-encoded, before redirects, retries and
decompression. Robots.txt, 304s, 404s and redirects are recorded too: the WARC is what the
crawl saw. Twisted has already undone a chunked transfer, so `Transfer-Encoding` is left
out of the recorded headers (the body it would describe is gone).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured

from ctd_crawler.webarchive.warc_write import LISTED_AT, RotatingWarcFiles, request_record, response_record

logger = logging.getLogger(__name__)
_HOP_BY_HOP = {"transfer-encoding"}


def _headers(headers) -> list[tuple[str, str]]:
    return [(name.decode("latin-1"), value.decode("latin-1"))
            for name, values in headers.items() if name.decode("latin-1").lower() not in _HOP_BY_HOP
            for value in values]


class WarcRecorder:
    def __init__(self, folder: str, max_bytes: int, stats):
        self.files = RotatingWarcFiles(folder, max_bytes=max_bytes, info={"description": "ctd_crawler crawl"})
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        folder = (crawler.settings.get("CTD_WARC_DIR") or "").strip()
        if not folder:
            raise NotConfigured  # off unless asked for: nothing to say (Scrapy warns of a reason given)
        recorder = cls(folder, crawler.settings.getint("CTD_WARC_MAX_BYTES", 1_000_000_000), crawler.stats)
        crawler.signals.connect(recorder.spider_closed, signal=signals.spider_closed)
        logger.info("writing every response as WARC into %s", folder)
        return recorder

    def process_response(self, request, response, spider=None):
        writer = self.files.writer
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = _headers(request.headers)
        if not any(k.lower() == "host" for k, _ in headers):
            headers.insert(0, ("Host", parts.netloc))
        listed = request.meta.get("ctd_listed_at")
        answer = response_record(writer, response.url, response.status, _headers(response.headers), response.body,
                                 extra={**(_ip(response) or {}), **({LISTED_AT: listed} if listed else {})})
        asked = request_record(writer, request.url, request.method, target, headers, body=request.body or b"",
                               concurrent_to=answer.rec_headers.get_header("WARC-Record-ID"))
        self.files.write(answer, asked)
        self.stats.inc_value("ctd/webarchive/warc_responses")
        return response

    def spider_closed(self, spider=None, reason=None) -> None:
        self.files.close()
        self.stats.set_value("ctd/webarchive/warc_files", len(self.files.files))


def _ip(response) -> dict[str, str] | None:
    address = getattr(response, "ip_address", None)
    return {"WARC-IP-Address": str(address)} if address else None
