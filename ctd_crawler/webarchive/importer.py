"""WARC files -> the archive, through the same page model, pipelines and writer as a crawl.

Any WARC (or ARC) file, gzip-compressed or not: each response record of an http(s) URL is
an archived page. The registry decides its site (`site_for_url`); a host outside it is
counted (`unknown_host`) and skipped, unless `any_host` (then every HTML page of such a
host is taken as an article: no routing knows its URL shapes). On a registry site, only
URLs its routing calls articles are read, as in a crawl. Revisit, request, metadata and
warcinfo records, truncated and corrupt records, non-HTML pages are counted, never
archived. A record already imported (its WARC-Record-ID is in `captures`) is not read
again. A file that breaks part-way (a cut download, a corrupt gzip member) keeps what was
imported before the break; the break is counted and reported in one line.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.extract.dates import now_vn
from ctd_crawler.items import CaptureOrigin
from ctd_crawler.pipelines import chain_for
from ctd_crawler.sites import Site, load_sites, site_for_url
from ctd_crawler.store.reextract import redate_stamped
from ctd_crawler.store.writer import ArchiveWriter
from ctd_crawler.webarchive.counts import Counts
from ctd_crawler.webarchive.ingest import ingest, skip
from ctd_crawler.webarchive.records import READ_ERRORS, Unusable, read_response, warc_date_vn
from ctd_crawler.webarchive.routing import is_article_url


@dataclass
class FileResult:
    path: Path
    records: int = 0
    problem: str | None = None  # why the file, or its rest, could not be read


@dataclass
class ImportResult:
    files: list[FileResult] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [f"{f.path}: {f.problem}" for f in self.files if f.problem]


def import_files(writer: ArchiveWriter, paths: Iterable[Path], counts: Counts, *, any_host: bool = False,
                 sites: tuple[Site, ...] | None = None,
                 progress: Callable[[Iterable], Iterator] = iter) -> ImportResult:
    sites = sites or load_sites()
    done = writer.capture_outcomes("warc")
    result = ImportResult()
    with chain_for(writer):
        for path in progress(list(paths)):
            result.files.append(_import_file(writer, Path(path), counts, any_host, sites, done))
    redate_stamped(writer)
    return result


def _import_file(writer, path: Path, counts: Counts, any_host: bool, sites, done: dict) -> FileResult:
    result = FileResult(path)
    try:
        stream = open(path, "rb")
    except OSError as exc:
        counts("unreadable_file")
        result.problem = f"cannot open: {exc.strerror or exc}"
        return result
    with stream:
        if not _looks_like_warc(stream):
            counts("unreadable_file")
            result.problem = "not a WARC file (it starts neither with WARC/ nor with an ARC filedesc, gzipped or not)"
            return result
        iterator = ArchiveIterator(stream, check_digests=True, arc2warc=True)
        try:
            for record in iterator:
                result.records += 1
                counts("records")
                cut = _import_record(writer, record, iterator, path, counts, any_host, sites, done)
                if cut:
                    result.problem = cut
        except READ_ERRORS as exc:
            key = "unreadable_file" if result.records == 0 else "unreadable_rest"
            counts(key)
            where = "not a WARC file" if result.records == 0 else f"stopped after {result.records} records"
            result.problem = f"{where}: {type(exc).__name__}: {str(exc).strip().splitlines()[0][:160]}"
    return result


def _looks_like_warc(stream) -> bool:
    """WARC/ (or an ARC file's filedesc://) at the start, plain or in a first gzip member; an
    empty file is an empty WARC. warcio itself would read any line of text as an ARC header."""
    head = stream.read(4096)
    stream.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return not head or head.startswith((b"WARC/", b"filedesc:"))


def _import_record(writer, record, iterator, path: Path, counts: Counts, any_host: bool, sites,
                   done) -> str | None:
    """Import one record; returns what is wrong with the file, when the record shows it."""
    headers = record.rec_headers
    target = headers.get_header("WARC-Target-URI") or ""
    if record.rec_type not in ("response", "revisit") or not target.startswith(("http://", "https://")):
        counts(f"record/{record.rec_type}")
        return None
    url = canonical_url(target)
    site = site_for_url(url, sites)
    if site is None and not any_host:
        counts("unknown_host")
        return None
    if site is not None and not is_article_url(site, url):
        counts("not_article")
        return None
    key = f"warc:{headers.get_header('WARC-Record-ID')}"
    if key in done:
        counts("already_fetched")
        return None
    digest = headers.get_header("WARC-Payload-Digest")
    captured_at = warc_date_vn(headers.get_header("WARC-Date")) or now_vn()
    try:
        page, problem = read_response(record), None
    except Unusable as exc:
        page, problem = None, exc.key
    # (the iterator reads a record to its end to tell its offset: asked only once it was read)
    origin = CaptureOrigin("warc", key, target, captured_at, digest.split(":", 1)[-1] if digest else None,
                           f"{path.name} offset {iterator.get_record_offset()}", len(page.body) if page else None)
    if page is None:
        skip(writer, origin, url, problem, counts)
        done[key] = problem
        if problem == "truncated" and not headers.get_header("WARC-Truncated"):
            return f"the record at offset {iterator.get_record_offset()} is cut short: the file is damaged"
        return None
    done[key] = ingest(writer, page, origin, site, counts)
    return None
