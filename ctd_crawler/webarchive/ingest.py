"""An archived response -> the same page model, pipelines and writer as a crawl.

The page is read by `crawl.article.read_article` (the crawl's decision of what is an
article: HTML, decodable, not a "page not found" page), run through the pipeline chain,
and saved by the one writer with its capture: the capture time is its fetch time (a
year-less date in the page is read against it). What is not archived is recorded with
its reason, so that it is not fetched again either.
"""

from __future__ import annotations

from ctd_crawler.crawl.article import NotAnArticle, charset_lies, read_article
from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.items import CaptureOrigin
from ctd_crawler.pipelines import run_chain
from ctd_crawler.sites import Site
from ctd_crawler.store.writer import ArchiveWriter
from ctd_crawler.webarchive.counts import Counts
from ctd_crawler.webarchive.records import ArchivedResponse
from ctd_crawler.webarchive.routing import site_router

# Outcomes of a capture whose article the archive now holds (current or older version).
ARCHIVED = frozenset({"new", "updated", "unchanged", "version"})


def ingest(writer: ArchiveWriter, page: ArchivedResponse, origin: CaptureOrigin, site: Site | None,
           counts: Counts) -> str:
    """Archive one response; returns the outcome (writer's, or why it was not archived)."""
    url = canonical_url(page.url)
    if 300 <= page.status < 400:
        outcome = "redirect"
    elif page.status != 200:
        outcome = f"http_status/{page.status}"
    else:
        try:
            item = read_article(page.body, url, site=site, content_type=page.content_type,
                                fetched_at=origin.captured_at, etag=page.etag, last_modified=page.last_modified,
                                router=site_router(site) if site else None)
        except NotAnArticle as exc:
            outcome = exc.key
        else:
            item.listed_at = page.listed_at
            if charset_lies(page.content_type, item):
                counts("charset_mismatch")
            outcome = writer.save(run_chain(item, counts.chain), origin)
            counts(f"articles_{outcome}")
            return outcome
    skip(writer, origin, url, outcome, counts)
    return outcome


def skip(writer: ArchiveWriter, origin: CaptureOrigin, url: str, outcome: str, counts: Counts) -> None:
    """A capture read and not archived: counted, and recorded so it is not fetched again."""
    writer.record_capture(origin, url, outcome)
    counts(outcome)
