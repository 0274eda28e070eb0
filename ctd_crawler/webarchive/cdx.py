"""The capture indexes: which captures of a site a web archive holds.

Wayback (`/cdx/search/cdx`, documented in internetarchive/wayback's wayback-cdx-server):
`url=<host>/*` (prefix), `output=json`, `filter=statuscode:200`, paged with `limit`,
`showResumeKey=true` and `resumeKey` (the key comes after an empty row). We collapse on
`digest`, not on `urlkey`: `collapse=urlkey` keeps only the first (oldest) capture of each
URL, so neither the latest readable capture nor the older versions of an article could be
had; `collapse=digest` drops only repeated captures of unchanged bytes.

Common Crawl (`/<CC-MAIN-YYYY-WW>-index`, pywb's CDX server): `url=<host>/*&output=json`,
one JSON object a line with filename, offset, length, status, mime, digest;
`showNumPages=true` says how many pages to ask for (`page=0..n-1`); the list of crawls is
`/collinfo.json`. No status filter is sent: a redirect or a 404 line is counted here.

Field names of both (Wayback's `original`, `statuscode`, `mimetype`) are brought to pywb's
(`url`, `status`, `mime`) by cdx_toolkit's `munge_fields`. Its `CDXFetcher` is not used: it
pages with `page=` only (no resume key, which Wayback's prefix queries need), finds Common
Crawl's crawls only on a list of 60 or more (an imitation, or a mirror, has fewer), keeps
that list in a cache under the home folder, and fetches through its own client (services.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

from cdx_toolkit.compat import munge_fields

from ctd_crawler.extract.dates.clock import as_vn
from ctd_crawler.webarchive.services import Service, ServiceUnavailable

COLLECTION = re.compile(r"^CC-MAIN-(\d{4})(-\d{2,4})?$")


class IndexUnusable(ServiceUnavailable):
    """An index answered, but not with captures (a bad query, an unknown crawl)."""


@dataclass(frozen=True)
class IndexedCapture:
    """One line of a capture index."""

    source: str  # wayback | commoncrawl
    url: str  # the URL as captured
    timestamp: str  # 14 digits, UTC
    status: str  # '200', '301', '-' (revisit)...
    mime: str | None = None
    digest: str | None = None
    length: int | None = None
    filename: str | None = None  # Common Crawl: the WARC file holding the record...
    offset: int | None = None  # ...its first byte in that file

    @property
    def key(self) -> str:
        if self.source == "commoncrawl":
            return f"commoncrawl:{self.filename}:{self.offset}"
        return f"wayback:{self.timestamp}:{self.url}"

    @property
    def captured_at(self) -> str:
        return timestamp_vn(self.timestamp)

    @property
    def is_revisit(self) -> bool:
        return self.status == "-" or (self.mime or "") == "warc/revisit"


def timestamp_vn(stamp: str) -> str:
    """A 14-digit archive timestamp (UTC) as an ISO time at +07:00, like every time in the archive."""
    stamp = stamp[:14] + "19700101000000"[len(stamp[:14]):]  # a short one means its first moment
    moment = datetime.strptime(stamp, "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
    return as_vn(moment).isoformat(timespec="seconds")


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _capture(source: str, row: dict) -> IndexedCapture:
    return IndexedCapture(source, row.get("url", ""), str(row.get("timestamp", "")), str(row.get("status", "")),
                          row.get("mime"), row.get("digest"), _int(row.get("length")), row.get("filename"),
                          _int(row.get("offset")))


def _years(year_from: int | None, year_to: int | None) -> dict[str, str]:
    return {k: str(v) for k, v in (("from", year_from), ("to", year_to)) if v}


class WaybackCdx:
    PATH = "/cdx/search/cdx"

    def __init__(self, service: Service, page_size: int = 5000):
        self.service = service
        self.page_size = page_size

    def captures(self, host: str, year_from: int | None = None,
                 year_to: int | None = None) -> Iterator[IndexedCapture]:
        params = {"url": f"{host}/*", "matchType": "prefix", "output": "json", "filter": "statuscode:200",
                  "collapse": "digest", "limit": str(self.page_size), "showResumeKey": "true",
                  **_years(year_from, year_to)}
        while True:
            response = self.service.get(self.PATH, params=params)
            if response.status_code != 200:
                raise IndexUnusable(f"{self.service.name} at {self.service.base_url} answered HTTP "
                                  f"{response.status_code} to a capture query for {host}")
            rows = _json(response.text or "[]", self.service)
            resume = None
            if len(rows) >= 2 and rows[-2] == []:  # [..., [], [resume key]]
                resume, rows = rows[-1][0], rows[:-2]
            if rows:
                header, lines = rows[0], [r for r in rows[1:] if len(r) == len(rows[0])]
                for row in munge_fields(list(header), lines):
                    yield _capture("wayback", row)
            if not resume:
                return
            params["resumeKey"] = resume


class CommonCrawlIndex:
    def __init__(self, service: Service):
        self.service = service

    def collections(self, year_from: int | None = None, year_to: int | None = None) -> list[str]:
        """The crawls of /collinfo.json whose year is within the bounds, oldest first."""
        response = self.service.get("/collinfo.json")
        if response.status_code != 200:
            raise IndexUnusable(f"{self.service.name} at {self.service.base_url}: no list of crawls "
                              f"(HTTP {response.status_code} for /collinfo.json)")
        found = []
        for entry in _json(response.text, self.service):
            m = COLLECTION.match(str(entry.get("id", "")))
            if m and (not year_from or int(m[1]) >= year_from) and (not year_to or int(m[1]) <= year_to):
                found.append(m[0])
        return sorted(found)

    def captures(self, host: str, collection: str, year_from: int | None = None,
                 year_to: int | None = None) -> Iterator[IndexedCapture]:
        path = f"/{collection}-index"
        params = {"url": f"{host}/*", "output": "json", **_years(year_from, year_to)}
        first = self.service.get(path, params={**params, "showNumPages": "true"})
        if _no_captures(first):
            return
        if first.status_code != 200:
            raise IndexUnusable(f"{self.service.name} at {self.service.base_url} has no index {collection} "
                              f"(HTTP {first.status_code})")
        shown = _json(first.text, self.service)
        pages = int(shown.get("pages", 0)) if isinstance(shown, dict) else int(shown)
        for page in range(pages):
            response = self.service.get(path, params={**params, "page": str(page)})
            if _no_captures(response):
                continue
            if response.status_code != 200:
                raise IndexUnusable(f"{self.service.name}: HTTP {response.status_code} for page {page} of "
                                  f"{collection}")
            for line in response.text.splitlines():
                if line.strip():
                    yield _capture("commoncrawl", _json(line, self.service))


def _no_captures(response) -> bool:
    """pywb's answer to a query that matches nothing: 404 with {"message": "No Captures found ..."}."""
    return response.status_code == 404 and "no captures" in response.text[:200].lower()


def _json(text: str, service: Service):
    try:
        return json.loads(text)
    except ValueError:
        raise IndexUnusable(f"{service.name} at {service.base_url} did not answer in JSON "
                          f"(first bytes: {text[:60]!r})") from None
