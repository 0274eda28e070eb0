"""WARC 1.1 out (ISO 28500:2017): request and response records built with warcio, and
files of them rotated by size.

Every record is its own gzip member (what byte-range readers such as Common Crawl's
index need), with WARC-Block-Digest and WARC-Payload-Digest. A file is written under
`<name>.open` and renamed when it is complete, so a reader never sees half a file as a
finished one (Heritrix's convention).
"""

from __future__ import annotations

import io
import os
import socket
from datetime import datetime, timezone
from http.client import responses
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

VERSION = "1.1"
SOFTWARE = "ctd_crawler (warcio)"


def warc_date(iso: str | None) -> str:
    """An ISO time (any offset) as a WARC-Date: UTC, `Z`, to the second; now when missing."""
    moment = datetime.fromisoformat(iso) if iso else datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_writer(out) -> WARCWriter:
    return WARCWriter(out, gzip=True, warc_version=VERSION)


def warcinfo(writer: WARCWriter, filename: str, **fields: str):
    info = {"software": SOFTWARE, "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "hostname": socket.gethostname(), **fields}
    return writer.create_warcinfo_record(filename, info)


# An extension field of ours (WARC 1.1 allows them): the date the sitemap or feed gave with
# the link the page was fetched from (pages.listed_at), which the page itself does not carry.
LISTED_AT = "CTD-Listed-At"


def response_record(writer: WARCWriter, url: str, status: int, headers: list[tuple[str, str]], body: bytes, *,
                    date: str | None = None, reason: str | None = None, extra: dict[str, str] | None = None):
    """A response record: the status line and headers as given, the body as received."""
    statusline = f"{status} {reason or responses.get(status, 'Unknown')}"
    http = StatusAndHeaders(statusline, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                     http_headers=http, warc_headers_dict={"WARC-Date": warc_date(date),
                                                                           **(extra or {})})


def request_record(writer: WARCWriter, url: str, method: str, target: str, headers: list[tuple[str, str]], *,
                   date: str | None = None, concurrent_to: str | None = None, body: bytes = b""):
    http = StatusAndHeaders(f"{method} {target} HTTP/1.1", headers, is_http_request=True)
    extra = {"WARC-Date": warc_date(date), **({"WARC-Concurrent-To": concurrent_to} if concurrent_to else {})}
    return writer.create_warc_record(url, "request", payload=io.BytesIO(body), length=len(body),
                                     http_headers=http, warc_headers_dict=extra)


class RotatingWarcFiles:
    """WARC files in a folder, `<prefix>-<start time>-<serial>-<pid>.warc.gz`, a new one once
    the current one passes `max_bytes` (records written together stay in one file)."""

    def __init__(self, folder: str | Path, *, prefix: str = "ctd", max_bytes: int = 1_000_000_000,
                 info: dict[str, str] | None = None):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.info = info or {}
        self.started = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
        self.serial = 0
        self.files: list[Path] = []  # finished files
        self._out = None
        self._writer: WARCWriter | None = None
        self._path: Path | None = None

    @property
    def writer(self) -> WARCWriter:
        if self._writer is None:
            name = f"{self.prefix}-{self.started}-{self.serial:05d}-{os.getpid()}.warc.gz"
            self._path = self.folder / name
            self._out = open(self.folder / (name + ".open"), "wb")
            self._writer = new_writer(self._out)
            self._writer.write_record(warcinfo(self._writer, name, **self.info))
        return self._writer

    def write(self, *records) -> None:
        for record in records:
            self.writer.write_record(record)
        if self._out.tell() >= self.max_bytes:
            self.rotate()

    def rotate(self) -> None:
        if self._writer is None:
            return
        self._out.close()
        os.replace(self.folder / (self._path.name + ".open"), self._path)
        self.files.append(self._path)
        self._writer = self._out = None
        self.serial += 1

    def close(self) -> None:
        self.rotate()
