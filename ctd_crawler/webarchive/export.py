"""The archive's stored raw pages (`pages`) -> one WARC 1.1 file of response records.

Each page is a response record at its fetch time (WARC-Date: `pages.fetched_at`, the
capture time for a page from a web archive), for its canonical URL, with the headers the
archive kept (status, Content-Type, ETag, Last-Modified) and the bytes as served. A page
that came from a web archive says where (`WARC-Source-URI`, the capture's locator). A
stored page whose bytes no longer match their sha256 is counted and left out. The file is
written under `<name>.part` and renamed when complete.

Older versions (`article_versions`) keep text only, no raw page, so they are not exported.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ctd_crawler.analysis.filters import Filters, article_conditions, check_filters, where_clause
from ctd_crawler.analysis.output import temporary_beside
from ctd_crawler.webarchive.counts import Counts
from ctd_crawler.webarchive.warc_write import LISTED_AT, new_writer, response_record, warcinfo


def page_rows(db, filters: Filters = Filters()) -> Iterator[tuple]:
    """The stored pages of the articles the filters keep, with their capture's locator, in
    article order, a batch at a time (constant memory); raises QueryError on bad filters."""
    where, params = article_conditions(check_filters(db, filters))
    condition = (f"WHERE p.article_id IN (SELECT a.id FROM articles a LEFT JOIN sites s ON s.id = a.site "
                 f"{where_clause(where)})") if where else ""
    cursor = db.conn.execute(
        "SELECT p.url, p.fetched_at, p.status, p.content_type, p.etag, p.last_modified, p.raw_sha256, p.raw,"
        f" c.locator, p.listed_at FROM pages p LEFT JOIN captures c ON c.id = p.capture_id {condition}"
        " ORDER BY p.article_id", params)
    while chunk := cursor.fetchmany(200):
        yield from chunk


def export_warc(rows: Iterable[tuple], output: str | Path, counts: Counts) -> int:
    """Write the rows (page_rows) to `output`; returns how many pages were written."""
    output = Path(output)
    written = 0
    with temporary_beside(output) as partial, open(partial, "wb") as out:
        writer = new_writer(out)
        writer.write_record(warcinfo(writer, output.name, description="ctd_crawler archive: stored raw pages"))
        for url, fetched_at, status, content_type, etag, last_modified, sha256, raw, locator, listed_at in rows:
            body = zlib.decompress(raw) if raw is not None else None
            if body is None or (sha256 and hashlib.sha256(body).hexdigest() != sha256):
                counts("export/corrupt_page")
                continue
            headers = [(k, v) for k, v in (("Content-Type", content_type), ("ETag", etag),
                                           ("Last-Modified", last_modified)) if v]
            headers.append(("Content-Length", str(len(body))))
            extra = {**({"WARC-Source-URI": locator.split(" ", 1)[0]} if locator else {}),
                     **({LISTED_AT: listed_at} if listed_at else {})}
            writer.write_record(response_record(writer, url, status or 200, headers, body, date=fetched_at,
                                                extra=extra))
            written += 1
    counts("export/pages", written)
    return written
