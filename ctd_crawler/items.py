"""What flows from the spider through the pipelines into the archive: the raw fields a
layout reads off a page, the article item built on them, and the crawl's own records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ctd_crawler.extract.text import without_related_list


@dataclass
class RawArticle:
    """The fields a layout reads off a page (ctd_crawler/page/layouts/)."""

    url: str
    title: str | None
    date_text: str | None
    author: str | None
    body_text: str
    lang: str
    layout: str
    fallbacks: list[str] = field(default_factory=list)  # fields the generic layout filled in


@dataclass(kw_only=True)
class ArticleItem(RawArticle):
    # set with the fetch
    site: str | None
    fetched_at: str  # ISO 8601, +07:00
    status: int
    content_type: str | None
    encoding: str
    raw: bytes = field(repr=False)
    html: str = field(repr=False)  # the decoded page, for page-level date sources; not archived
    tree: Any = field(default=None, repr=False, compare=False)  # the parsed page (lxml), for the spider; not archived
    site_province: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    listed_at: str | None = None  # the date the sitemap or feed gave with the link it was fetched from
    # filled by the pipelines
    province: str | None = None  # the one the article is counted under (extract/attribution.py)
    published_at: str | None = None
    published_text: str | None = None
    page_date: str | None = None  # the date the page itself claims (published_at unless it is a migration stamp)
    event_dates: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    money: list[dict[str, Any]] = field(default_factory=list)
    counts: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what the pipelines could not fill, and why

    def text_for_facts(self) -> str:
        """What facts are taken from: the title and the body, nothing else of the page."""
        return without_related_list(f"{self.title or ''}\n\n{self.body_text}").strip()

    def extraction(self) -> dict[str, Any]:
        """The extraction JSON of DESIGN.md (plus provenance fields)."""
        return {
            "url": self.url, "site": self.site, "title": self.title,
            "published_at": self.published_at, "published_text": self.published_text,
            "author": self.author, "lang": self.lang, "layout": self.layout, "province": self.province,
            "fallbacks": self.fallbacks, "body_text": self.body_text,
            "event_dates": self.event_dates, "people": self.people, "places": self.places,
            "money": self.money, "counts": self.counts, "problems": self.problems,
        }


@dataclass(frozen=True)
class EntryVisit:
    """A listing page, sitemap or feed was read (or answered 304 Not Modified): when, and
    the validators for the next conditional request. For the archive's entry_pages."""

    url: str
    site: str
    kind: str  # home | start | section | listing | sitemap | sitemapindex | feed | api
    checked_at: str
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


@dataclass(frozen=True)
class SiteLearnt:
    """What a crawl learnt of a site's routing (crawl/routing.py): the family its pages
    show, and (pattern, kind) rows of URL shapes (or exact URLs) and what their pages were."""

    site: str
    family: str | None = None
    patterns: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ArticleConfirmed:
    """A known article answered 304 Not Modified: only its last_seen moves."""

    url: str
    seen_at: str


@dataclass(frozen=True)
class CaptureOrigin:
    """Where a page from a web archive came from (the archive's `captures` table): which
    capture of which service or file, so that it is never fetched twice and every stored
    page and older version can say where it was read."""

    source: str  # wayback | commoncrawl | warc
    key: str  # the capture's identity in its source
    original_url: str  # the URL as the archive recorded it
    captured_at: str  # ISO 8601, +07:00
    digest: str | None = None  # payload digest the index gave (base32 sha1)
    locator: str | None = None  # replay URL, or WARC file and byte range
    size: int | None = None  # bytes read for it
