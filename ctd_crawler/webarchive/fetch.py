"""One capture's bytes, as an archived response (records.py), checked against its index line.

Wayback: `/web/<timestamp>id_/<url>` returns the page as captured, without the replay
banner or rewritten links; the original headers come back as `X-Archive-Orig-*`, and
cdx_toolkit's `fake_wb_warc` makes that into a WARC record like any other. A redirect to
the same page at a nearby timestamp (the replay's way of saying "this capture is there")
is followed; a redirect to another page is counted, not archived under this URL.

Common Crawl: an HTTP Range request for exactly the record's bytes
(`bytes=<offset>-<offset+length-1>`), one gzip member, read by warcio. A server that
ignores the range (200 with the whole file) is not read further. The record must be the
one the index line names: same URL, same payload digest, else `digest_mismatch`.
(cdx_toolkit's `fetch_warc_record` does the same Range read, but through its own client,
and only logs a record of another URL; it checks no digest and no truncation.)
"""

from __future__ import annotations

import re

from cdx_toolkit.warc import fake_wb_warc

from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.webarchive.cdx import IndexedCapture, timestamp_vn
from ctd_crawler.webarchive.records import ArchivedResponse, Unusable, one_record, read_response
from ctd_crawler.webarchive.services import Service

REPLAY = re.compile(r"/web/(\d{1,14})id_/(.+)$")
MAX_HOPS = 3
# Headers of the replay's own transfer (requests has undone them): not the original page's.
_TRANSPORT = ("Transfer-Encoding", "Content-Encoding", "Content-Length")


class WaybackReplay:
    def __init__(self, service: Service):
        self.service = service

    def path(self, timestamp: str, url: str) -> str:
        return f"/web/{timestamp}id_/{url}"

    def fetch(self, capture: IndexedCapture) -> tuple[ArchivedResponse, int, str]:
        """(response, bytes read, replay URL); raises `Unusable`."""
        timestamp = capture.timestamp
        path = self.path(timestamp, capture.url)
        for _ in range(MAX_HOPS):
            response = self.service.get(path)
            if 300 <= response.status_code < 400:
                target = REPLAY.search(response.headers.get("Location") or "")
                if target and canonical_url(target[2]) == canonical_url(capture.url):
                    timestamp, path = target[1], self.path(target[1], target[2])
                    continue
                raise Unusable("redirect", f"the capture redirects to {response.headers.get('Location')}")
            if response.status_code != 200:
                raise Unusable(f"http_status/{response.status_code}",
                               f"the replay answered HTTP {response.status_code}")
            record = fake_wb_warc(capture.url, self.service.url(path), response,
                                  {"url": capture.url, "timestamp": capture.timestamp, "status": "200"})
            if "Content-Encoding" in response.headers or "Transfer-Encoding" in response.headers:
                for name in _TRANSPORT:
                    record.http_headers.remove_header(name)
            page = read_response(record)
            page.captured_at = timestamp_vn(timestamp)  # the record's WARC-Date is now, not the capture
            return page, len(response.content), self.service.url(path)
        raise Unusable("redirect", f"more than {MAX_HOPS} redirects between captures of {capture.url}")


class CommonCrawlRecords:
    def __init__(self, service: Service):
        self.service = service

    def fetch(self, capture: IndexedCapture) -> tuple[ArchivedResponse, int, str]:
        """(response, bytes read, file and range); raises `Unusable`."""
        if capture.offset is None or not capture.length or not capture.filename:
            raise Unusable("bad_index_line", "the index line has no filename, offset or length")
        span = f"bytes={capture.offset}-{capture.offset + capture.length - 1}"
        locator = f"{self.service.url(capture.filename)} {span}"
        response = self.service.get("/" + capture.filename.lstrip("/"), headers={"Range": span}, stream=True)
        try:
            if response.status_code == 200:
                raise Unusable("range_ignored", "the server ignored the Range header: the file was not read")
            if response.status_code != 206:
                raise Unusable(f"http_status/{response.status_code}", f"HTTP {response.status_code} for {locator}")
            data = response.raw.read(capture.length + 1, decode_content=False)
        finally:
            response.close()
        self.service.count(f"bytes/{self.service.name}", len(data))
        if len(data) != capture.length:
            raise Unusable("short_read", f"{len(data)} bytes instead of {capture.length} for {locator}")
        page = one_record(data)
        if canonical_url(page.url) != canonical_url(capture.url) or (
                capture.digest and page.payload_digest and capture.digest != page.payload_digest):
            raise Unusable("digest_mismatch", f"the record at {span} is not the capture of {capture.url} "
                                              f"(found {page.url}, digest {page.payload_digest})")
        return page, len(data), locator
