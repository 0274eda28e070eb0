"""A WARC record -> the HTTP response it archived, or the reason it cannot be used.

Every input comes through here: records of a WARC file (`ctd-archive import`), a Common
Crawl record fetched by byte range, a Wayback replay made into a record. warcio reads
them (gzip members, chunked and content-encoded bodies, digests). Not usable, each with
the key it is counted under: a revisit (no body of its own), a record other than a
response, a truncated record (WARC-Truncated, or fewer bytes than its Content-Length), a
record whose own digest does not match its bytes (`corrupt_record`).
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from datetime import datetime

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from ctd_crawler.extract.dates.clock import as_vn
from ctd_crawler.webarchive.warc_write import LISTED_AT

# What a broken gzip member or record raises inside warcio.
READ_ERRORS = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError)


class Unusable(Exception):
    """A capture or record that is not archived; `key` is what it is counted under."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


@dataclass
class ArchivedResponse:
    url: str  # WARC-Target-URI: the URL as captured
    status: int
    content_type: str | None
    etag: str | None
    last_modified: str | None
    body: bytes  # the entity, transfer and content encodings undone
    captured_at: str | None  # WARC-Date at +07:00
    payload_digest: str | None  # base32 sha1, without its "sha1:" label
    listed_at: str | None = None  # what a sitemap or feed dated the page's link (our extension field)


def read_response(record: ArcWarcRecord) -> ArchivedResponse:
    """The response a record holds, read whole; raises `Unusable`."""
    kind = record.rec_type
    if kind == "revisit":
        raise Unusable("revisit", "a revisit record: it has no body of its own")
    if kind != "response":
        raise Unusable(f"record/{kind}", f"a {kind} record, not a response")
    if record.http_headers is None or not record.http_headers.get_statuscode():
        raise Unusable("record/non_http", "a response record without HTTP headers")
    headers = record.rec_headers
    if truncated := headers.get_header("WARC-Truncated"):
        raise Unusable("truncated", f"the archive truncated this record ({truncated})")
    try:
        body = record.content_stream().read()
    except READ_ERRORS as exc:
        raise Unusable("corrupt_record", f"unreadable body: {type(exc).__name__}: {exc}") from None
    if getattr(record.raw_stream, "limit", 0) > 0:  # the block ended before its Content-Length
        raise Unusable("truncated", f"{record.raw_stream.limit} bytes short of the record's Content-Length")
    if getattr(record, "digest_checker", None) is not None and record.digest_checker.passed is False:
        raise Unusable("corrupt_record", "; ".join(record.digest_checker.problems))
    http = record.http_headers
    try:
        status = int(http.get_statuscode())
    except ValueError:
        raise Unusable("record/non_http", f"no HTTP status in {http.statusline!r}") from None
    digest = headers.get_header("WARC-Payload-Digest")
    return ArchivedResponse(
        url=headers.get_header("WARC-Target-URI") or "", status=status,
        content_type=http.get_header("Content-Type"), etag=http.get_header("ETag"),
        last_modified=http.get_header("Last-Modified"), body=body,
        captured_at=warc_date_vn(headers.get_header("WARC-Date")),
        payload_digest=digest.split(":", 1)[-1] if digest else None,
        listed_at=headers.get_header(LISTED_AT))


def one_record(data: bytes) -> ArchivedResponse:
    """The one record of a byte range (one gzip member, or a plain record); raises `Unusable`.

    The member is inflated here, strictly (to its end and its CRC): warcio, on bytes that do
    not inflate, reads them as if they were not compressed at all, which can make a corrupt
    member look like some other odd record."""
    if data.startswith(b"\x1f\x8b"):
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            data = inflate.decompress(data)
        except zlib.error as exc:
            raise Unusable("corrupt_record", f"the gzip member does not inflate: {exc}") from None
        if not inflate.eof:
            raise Unusable("corrupt_record", "the gzip member ends before its end")
    try:
        record = next(iter(ArchiveIterator(io.BytesIO(data), check_digests=True)), None)
        if record is None:
            raise Unusable("corrupt_record", "no WARC record in these bytes")
        return read_response(record)
    except READ_ERRORS as exc:
        raise Unusable("corrupt_record", f"not a readable WARC record: {type(exc).__name__}: {exc}") from None


def warc_date_vn(value: str | None) -> str | None:
    """A WARC-Date (UTC, `Z`, maybe with fractions) as an ISO time at +07:00, to the second."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return as_vn(moment).replace(microsecond=0).isoformat(timespec="seconds")
