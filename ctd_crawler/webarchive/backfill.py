"""Backfill: the captures of one site from a web archive, into the archive.

1. List the site's captures (cdx.py), host by host of its domains, within the years asked.
2. Keep those whose URL the site's routing calls an article (routing.py); count the rest:
   non-200 index lines, revisits, other pages of the site, other hosts.
3. Per article URL, newest capture first, one capture per distinct digest: fetch (fetch.py)
   and ingest (ingest.py) until `per_url` captures were archived. The newest readable one
   is the article; older ones that differ become its older versions. An article the archive
   already has from a live crawl is the same row (canonical URL); a capture older than its
   stored page never replaces it.
4. Resumable: a capture recorded in `captures` is not fetched again, nor a capture whose
   URL and digest were already read from any source. A service that stops answering stops
   the run with its one-line message; what was archived stays.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.items import CaptureOrigin
from ctd_crawler.pipelines import chain_for
from ctd_crawler.sites import Site
from ctd_crawler.store.reextract import redate_stamped
from ctd_crawler.store.writer import ArchiveWriter
from ctd_crawler.webarchive.cdx import IndexedCapture
from ctd_crawler.webarchive.counts import Counts
from ctd_crawler.webarchive.ingest import ARCHIVED, ingest, skip
from ctd_crawler.webarchive.records import Unusable
from ctd_crawler.webarchive.routing import is_article_url

Fetch = Callable[[IndexedCapture], tuple]  # -> (ArchivedResponse, bytes read, locator)
# Failures of the transfer, not of the capture: counted, not recorded, so the next run tries again.
RETRY_LATER = frozenset({"range_ignored", "short_read"})


@dataclass
class Plan:
    """The article URLs of a listing, each with its captures to try, newest first."""

    captures: dict[str, list[IndexedCapture]]

    @property
    def urls(self) -> int:
        return len(self.captures)


def plan(listed: Iterable[IndexedCapture], site: Site, counts: Counts) -> Plan:
    by_url: dict[str, dict[str, IndexedCapture]] = defaultdict(dict)
    for capture in listed:
        counts("listed")
        if capture.is_revisit:
            counts("revisit")
            continue
        if capture.status != "200":
            counts(f"index_status/{capture.status}")
            continue
        url = canonical_url(capture.url)
        if not site.owns(url):
            counts("off_site")
            continue
        if not is_article_url(site, url):
            counts("not_article")
            continue
        # one capture per distinct payload: the newest of each
        same = capture.digest or capture.key
        kept = by_url[url].get(same)
        if kept is None or capture.timestamp > kept.timestamp:
            by_url[url][same] = capture
    return Plan({url: sorted(caps.values(), key=lambda c: c.timestamp, reverse=True)
                 for url, caps in sorted(by_url.items())})


def run(writer: ArchiveWriter, site: Site, source: str, work: Plan, fetch: Fetch, counts: Counts, *,
        per_url: int = 3, progress: Callable[[Iterable], Iterator] = iter) -> None:
    """Fetch and ingest the plan's captures (see the module docstring)."""
    done = writer.capture_outcomes(source)
    digests = writer.captured_digests()
    with chain_for(writer):
        _fetch_all(writer, site, source, work, fetch, counts, per_url, progress, done, digests)
    redate_stamped(writer)


def _fetch_all(writer, site, source, work, fetch, counts, per_url, progress, done, digests) -> None:
    for url in progress(list(work.captures)):
        archived = 0
        for capture in work.captures[url]:
            if per_url and archived >= per_url:
                counts("left_older")  # older captures beyond --per-url
                continue
            outcome = done.get(capture.key)
            if outcome is None and capture.digest and (url, capture.digest) in digests:
                outcome = digests[(url, capture.digest)]
                counts("same_digest")
            elif outcome is not None:
                counts("already_fetched")
            if outcome is None:
                outcome = fetch_one(writer, site, source, url, capture, fetch, counts)
                if capture.digest and outcome not in RETRY_LATER:
                    digests[(url, capture.digest)] = outcome
            archived += outcome in ARCHIVED


def fetch_one(writer: ArchiveWriter, site: Site, source: str, url: str, capture: IndexedCapture, fetch: Fetch,
              counts: Counts) -> str:
    origin = CaptureOrigin(source, capture.key, capture.url, capture.captured_at, capture.digest)
    try:
        page, size, locator = fetch(capture)
    except Unusable as exc:
        if exc.key in RETRY_LATER:
            counts(exc.key)
            return exc.key
        skip(writer, origin, url, exc.key, counts)
        return exc.key
    counts("fetched")
    origin = CaptureOrigin(source, capture.key, capture.url, page.captured_at or capture.captured_at,
                           capture.digest, locator, size)
    return ingest(writer, page, origin, site, counts)
