"""The one spider: discovery and navigation only. Parsing belongs to the layouts.

    scrapy crawl ctd                       # every site in the registry
    scrapy crawl ctd -a site=vnrc,nhandao  # some sites
    scrapy crawl ctd -a since=2024-01-01   # stop paginating listings once pages are older
    scrapy crawl ctd -a full=1             # read every listing page, even past known articles

Discovery: listing pages (and their pagination), sitemaps, RSS feeds of each site.
Only in-domain links; URLs are canonicalised so no page is requested twice; a URL the
site's family calls an article goes to the layout, a listing URL is followed, anything
else (contact, tag, search pages) is ignored. Links out of article pages are not followed.

Incremental (what the archive already knows decides what is requested; see README,
"Scheduled crawls"):
- a known article confirmed less than CTD_REFETCH_DAYS ago is not requested; an older one
  is requested with its ETag / Last-Modified, and a 304 only moves its `last_seen`;
- a sitemap `lastmod` or feed `pubDate` not newer than the stored fetch skips the URL, a
  newer one fetches it even if it is recent;
- for a site whose last crawl was complete: listing pages, sitemaps and feeds read less
  than CTD_RECHECK_HOURS ago are not requested, older ones are requested conditionally,
  and pagination stops at the first listing page whose articles are all known and recent
  (not with `-a full=1`). A crawl that is killed or hits transient errors leaves its sites
  incomplete, so the next run re-reads every listing and picks up what is missing.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import scrapy
from lxml import etree
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap
from twisted.internet.error import (
    ConnectionDone,
    ConnectionLost,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.web._newclient import ResponseFailed

from ctd_crawler.crawl.seen import SeenSet
from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.extract.dates import VN_TZ
from ctd_crawler.extract.text import fold
from ctd_crawler.page.decode import UndecodablePage, decode_html, header_charset
from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import get_layout
from ctd_crawler.page.parse import now_vn, parse_page
from ctd_crawler.sites import REGISTRY, RegistryError, Site, select_sites

logger = logging.getLogger(__name__)
_LISTING_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
# A 200 page that says the page does not exist (soft 404), folded. Matched in the title,
# or in a body too short to be an article.
_ERROR_PAGE = re.compile(r"trang (ban (yeu cau|tim) )?khong ton tai|khong tim thay (trang|bai viet|noi dung)|"
                         r"(bai viet|noi dung|tin) (nay )?khong ton tai|page not found|\b404\b.{0,20}not found|"
                         r"(loi|error) 404|da bi xoa hoac khong ton tai")
_ERROR_PAGE_MAX_BODY = 400
# Failures that say nothing about the site being incompletely crawled.
_PERMANENT_STATUS = {404, 410}


def spider_arguments(site: str | None, since: str | None, full: str | None,
                     registry: str | None) -> tuple[tuple[Site, ...], date | None, bool]:
    """The spider's arguments read and checked: (sites, since, full); ValueError says what is wrong."""
    try:
        sites = select_sites(site, Path(registry) if registry else REGISTRY)
    except (RegistryError, OSError) as exc:
        raise ValueError(str(exc)) from None
    try:
        since_day = date.fromisoformat(since) if since else None
    except ValueError:
        raise ValueError(f"since must be YYYY-MM-DD, got {since!r}") from None
    return sites, since_day, bool(full and full not in ("0", "false", "no"))


class CtdSpider(scrapy.Spider):
    name = "ctd"

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        kwargs.setdefault("registry", crawler.settings.get("CTD_SITES") or None)
        return super().from_crawler(crawler, *args, **kwargs)

    def __init__(self, site: str | None = None, since: str | None = None, full: str | None = None,
                 registry: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.sites, self.since, self.full = spider_arguments(site, since, full, registry)
        self.allowed_domains = sorted({d for s in self.sites for d in (s.allowed_domains or (s.host,))})
        self.layouts = {s.id: get_layout(s.family, article_url=s.article_url, listing_url=s.listing_url)
                        for s in self.sites}
        self._by_id = {s.id: s for s in self.sites}
        self._listing_pages: Counter[str] = Counter()
        self._article_urls = SeenSet()  # on disk: flat memory however many articles a run meets
        self._transient: Counter[str] = Counter()  # per site: failures that may have hidden articles
        self.archive = None
        self._complete: set[str] = set()

    # -- entry points ---------------------------------------------------------
    async def start(self):
        self._open_archive()
        for site in self.sites:
            for url in site.sitemaps:
                if request := self._entry_request(url, self.parse_sitemap, site, "sitemap"):
                    yield request
            for url in site.feeds:
                if request := self._entry_request(url, self.parse_feed, site, "feed"):
                    yield request
            for url in site.start_urls:
                if request := self._entry_request(url, self.parse_listing, site, "listing"):
                    yield request

    def _open_archive(self) -> None:
        """The archive's state drives the incremental decisions; none (no CTD_ARCHIVE): crawl everything."""
        from ctd_crawler.store import open_archive

        path = self.settings.get("CTD_ARCHIVE")
        if not path:
            return
        self.archive = open_archive(path)
        ids = [s.id for s in self.sites]
        self.archive.sync_sites(self.sites)
        self._complete = set() if self.full else self.archive.complete_sites(ids)
        # Until this run ends cleanly, the next one must not trust what this one half-did.
        self.archive.mark_sites(ids, None)

    def _request(self, url: str, callback, site: Site, priority: int = 0, kind: str = "article",
                 validators: tuple[str | None, str | None] = (None, None), parent: str | None = None,
                 ) -> scrapy.Request:
        etag, last_modified = validators
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        meta = {"ctd_kind": kind, **({"handle_httpstatus_list": [304]} if headers else {}),
                **({"ctd_parent": parent} if parent else {})}
        return scrapy.Request(canonical_url(url), callback=callback, errback=self.on_error, headers=headers,
                              meta=meta, cb_kwargs={"site_id": site.id}, priority=priority)

    def _entry_request(self, url: str, callback, site: Site, kind: str,
                       parent: str | None = None) -> scrapy.Request | None:
        """A listing page, sitemap or feed: skipped while fresh, else conditional when known."""
        url = canonical_url(url)
        validators = (None, None)
        if site.id in self._complete and (state := self.archive.entry_state(url)):
            etag, last_modified, checked_at, known_kind = state
            if _age(checked_at) < timedelta(hours=self.settings.getfloat("CTD_RECHECK_HOURS", 6)):
                self._count("entry_fresh")
                self._count(f"site/{site.id}/entries_fresh")
                return None
            # A sitemap index is always read: a 304 on it would hide its changed children.
            if known_kind != "sitemapindex":
                validators = (etag, last_modified)
        return self._request(url, callback, site, kind=kind, validators=validators, parent=parent)

    def _entry_read(self, response: Response, site_id: str) -> bool:
        """Record a listing/sitemap/feed fetch; False when it is a 304 (nothing to read)."""
        url = canonical_url(response.url)
        if response.status == 304:
            self._count("not_modified")
            self._count(f"site/{site_id}/not_modified")
            if self.archive:
                self.archive.save_entry(url, site_id, response.meta.get("ctd_kind"), now_vn(),
                                        keep_validators=True)
            return False
        self._count(f"site/{site_id}/entries_read")
        if self.archive:
            self.archive.save_entry(url, site_id, response.meta.get("ctd_kind"), now_vn(),
                                    _header(response, "ETag"), _header(response, "Last-Modified"))
        return True

    # -- discovery ------------------------------------------------------------
    def parse_listing(self, response: Response, site_id: str):
        if not self._entry_read(response, site_id):
            return
        site = self._by_id[site_id]
        self._listing_pages[site_id] += 1
        tree = self._tree(response)
        if tree is None:
            return
        links = self._links(tree, response.url, site)
        articles = [u for u in links if self.layouts[site_id].is_article_url(u)]
        digest = hashlib.sha1("\n".join(sorted(articles)).encode()).hexdigest() if articles else None
        follow_listings = True
        # one archive look-up per article link, shared by the stop rule and the requests
        known = {u: self.archive.article_state(u) for u in articles} if site.id in self._complete else {}
        if self._older_than_since(tree):
            follow_listings = False
            self._count("since_stop")
        elif digest and digest == response.meta.get("ctd_parent"):
            # The same articles as the listing page that linked here: a CMS that ignores ?page=N,
            # or a "next" link back to the page itself. Following on would loop.
            follow_listings = False
            self._count("listing_repeat")
            logger.warning("listing repeats an earlier page of %s, pagination not followed: %s",
                           site_id, response.url)
        elif self._all_known(known):
            follow_listings = False
            self._count("known_stop")
        for url in links:
            yield from self._route(url, site, follow_listings=follow_listings, parent=digest, known=known)

    def parse_sitemap(self, response: Response, site_id: str):
        if not self._entry_read(response, site_id):
            return
        site = self._by_id[site_id]
        if _declares_entities(response.body):
            self._count("xml_entities_refused")
            logger.warning("sitemap declares XML entities (possible entity bomb), not read: %s", response.url)
            return
        try:
            sitemap = Sitemap(response.body)
        except Exception as exc:
            self._count("bad_sitemap")
            logger.warning("unreadable sitemap %s: %s", response.url, exc)
            return
        if sitemap.type == "sitemapindex" and self.archive:
            self.archive.save_entry(canonical_url(response.url), site_id, "sitemapindex", now_vn(),
                                    _header(response, "ETag"), _header(response, "Last-Modified"))
        for entry in sitemap:
            loc = (entry.get("loc") or "").strip()
            if not loc:
                continue
            lastmod = entry.get("lastmod")
            if sitemap.type == "sitemapindex":
                if self._entry_unchanged(loc, site, lastmod):
                    self._count("lastmod_unchanged")
                elif request := self._entry_request(loc, self.parse_sitemap, site, "sitemap"):
                    yield request
            elif not self._before_since(lastmod):
                yield from self._route(canonical_url(loc), site, follow_listings=True, changed_at=lastmod)

    def parse_feed(self, response: Response, site_id: str):
        if not self._entry_read(response, site_id):
            return
        site = self._by_id[site_id]
        if _declares_entities(response.body):
            self._count("xml_entities_refused")
            logger.warning("feed declares XML entities (possible entity bomb), not read: %s", response.url)
            return
        try:
            root = etree.fromstring(response.body, parser=_XML)
        except etree.XMLSyntaxError as exc:
            root = None
            logger.warning("unreadable feed %s: %s", response.url, exc)
        if root is None:
            self._count("bad_feed")
            return
        for entry in root.xpath("//item | //*[local-name()='entry']"):
            link = entry.xpath("string(link)") or entry.xpath("string(*[local-name()='link']/@href)")
            if not link.strip():
                continue
            changed = entry.xpath("string(pubDate)") or entry.xpath("string(*[local-name()='updated'])")
            yield from self._route(canonical_url(link.strip()), site, follow_listings=False,
                                   changed_at=changed or None)

    def _route(self, url: str, site: Site, *, follow_listings: bool, changed_at: str | None = None,
               parent: str | None = None, known: dict | None = None):
        layout = self.layouts[site.id]
        if layout.is_article_url(url):
            if self._article_urls.add(url):
                self._count(f"site/{site.id}/links")
            elif changed_at is None:  # decided at an earlier link; only a date can change that
                return
            if request := self._article_request(url, site, changed_at, known or {}):
                yield request
        elif layout.is_listing_url(url) and follow_listings:
            if self._listing_pages[site.id] < self.settings.getint("CTD_MAX_LISTING_PAGES", 50):
                if request := self._entry_request(url, self.parse_listing, site, "listing", parent):
                    yield request
            else:
                self._count("listing_limit")

    def _article_request(self, url: str, site: Site, changed_at: str | None,
                         known: dict) -> scrapy.Request | None:
        """None for an article the archive has and that is not due (see the module docstring).
        `known`: archive states already looked up for this page's links."""
        if url in known:
            state = known[url]
        else:
            state = self.archive.article_state(url) if self.archive else None
        validators = (None, None)
        if state:
            changed = _parse_when(changed_at)
            if changed is not None:
                fetched = _parse_when(state.fetched_at or state.last_seen)
                if fetched and changed <= fetched:
                    self._count("lastmod_unchanged")
                    return None
            elif _age(state.last_seen) < timedelta(days=self.settings.getfloat("CTD_REFETCH_DAYS", 7)):
                self._count("known_skipped")
                return None
            validators = (state.etag, state.last_modified)
        return self._request(url, self.parse_article, site, priority=10, validators=validators)

    def _entry_unchanged(self, url: str, site: Site, lastmod: str | None) -> bool:
        """A child sitemap whose lastmod is not newer than our last complete read of it."""
        changed = _parse_when(lastmod)
        if changed is None or site.id not in self._complete:
            return False
        state = self.archive.entry_state(canonical_url(url))
        checked = _parse_when(state[2]) if state else None
        return bool(checked and changed <= checked)

    def _all_known(self, known: dict) -> bool:
        """Every article of a listing page is archived and recent: older pages hold nothing new.
        `known` is empty unless the site's last crawl was complete."""
        max_age = timedelta(days=self.settings.getfloat("CTD_REFETCH_DAYS", 7))
        return bool(known) and all(state is not None and _age(state.last_seen) < max_age
                                   for state in known.values())

    # -- articles ---------------------------------------------------------------
    def parse_article(self, response: Response, site_id: str):
        url = canonical_url(response.url)
        if response.status == 304:
            self._count("not_modified")
            self._count("articles_not_modified")
            self._count(f"site/{site_id}/not_modified")
            if self.archive:
                self.archive.touch(url, now_vn())
            return
        if not _is_html(response):
            self._count("non_html")
            logger.warning("not an HTML page (%s): %s", response.headers.get("Content-Type"), response.url)
            return
        content_type = _header(response, "Content-Type")
        try:
            item = parse_page(
                response.body, url, site=self._by_id[site_id], content_type=content_type,
                status=response.status, etag=_header(response, "ETag"),
                last_modified=_header(response, "Last-Modified"),
            )
        except UndecodablePage as exc:
            self._count("undecodable")
            logger.warning("skipped %s: %s", response.url, exc)
            return
        if looks_like_error_page(item.title, item.body_text):
            self._count("error_page")
            logger.warning("an error page served with status %s, not archived: %s", response.status, response.url)
            return
        if header_charset(content_type) not in (None, item.encoding):
            self._count("charset_mismatch")
        self._count("articles_parsed")
        yield item

    # -- errors -----------------------------------------------------------------
    def on_error(self, failure):
        request = failure.request
        key = self._failure_key(failure)
        self._count(key)
        site_id = request.cb_kwargs.get("site_id")
        permanent = failure.check(HttpError) and failure.value.response.status in _PERMANENT_STATUS
        if site_id and not (permanent or key == "robots_forbidden"):
            self._transient[site_id] += 1
        logger.warning("%s: %s (%s)", key, request.url, failure.getErrorMessage()[:200])

    @staticmethod
    def _failure_key(failure) -> str:
        if failure.check(HttpError):
            return f"http_error/{failure.value.response.status}"
        if failure.check(DownloadTimeoutError, TimeoutError, TCPTimedOutError):
            return "timeout"
        if failure.check(DNSLookupError, CannotResolveHostError):
            return "dns_error"
        if failure.check(DownloadCancelledError):
            return "too_large" if "size" in failure.getErrorMessage() else "download_error"
        if failure.check(IgnoreRequest):
            message = failure.getErrorMessage()
            if "robots.txt" in message:
                return "robots_forbidden"
            if "DOWNLOAD_MAXSIZE" in message or "max size" in message:
                return "too_large"
            if "redirect" in message.lower():
                return "redirect_limit"
            return "ignored"
        if failure.check(ResponseDataLossError, ResponseFailed, ConnectionLost, ConnectionDone, DownloadFailedError):
            return "connection_lost"
        return "download_error"

    def closed(self, reason: str) -> None:
        self._article_urls.close()
        if self.archive is None:
            return
        if reason == "finished":
            done = [s.id for s in self.sites if not self._transient[s.id]]
            self.archive.mark_sites(done, now_vn())
            for site_id in sorted(set(self._by_id) - set(done)):
                logger.info("site %s had %d transient failures: the next run re-reads all its listings",
                            site_id, self._transient[site_id])
        self.archive.close()
        self.archive = None

    # -- helpers ----------------------------------------------------------------
    def _count(self, key: str) -> None:
        self.crawler.stats.inc_value(f"ctd/{key}")

    def _tree(self, response: Response):
        if not _is_html(response):
            self._count("non_html")
            return None
        try:
            text, _ = decode_html(response.body, _header(response, "Content-Type"))
        except UndecodablePage as exc:
            self._count("undecodable")
            logger.warning("skipped %s: %s", response.url, exc)
            return None
        return parse_html(text)

    def _links(self, tree, base_url: str, site: Site) -> list[str]:
        tree.make_links_absolute(base_url, resolve_base_href=True, handle_failures="discard")
        seen: dict[str, None] = {}
        for href in tree.xpath("//a/@href"):
            if href.startswith(("http://", "https://")) and site.owns(href):
                seen.setdefault(canonical_url(href))
        return list(seen)

    def _older_than_since(self, tree) -> bool:
        """A listing page whose dates are all before `since`: its pagination is not followed."""
        if not self.since or self.full:
            return False
        days = []
        for d, m, y in _LISTING_DATE.findall(tree.text_content()):
            try:
                days.append(date(int(y), int(m), int(d)))
            except ValueError:
                continue
        return bool(days) and max(days) < self.since

    def _before_since(self, lastmod: str | None) -> bool:
        if not self.since or self.full or not lastmod:
            return False
        try:
            return date.fromisoformat(lastmod.strip()[:10]) < self.since
        except ValueError:
            return False


def looks_like_error_page(title: str | None, body: str | None) -> bool:
    """A page served with 200 that says the page does not exist (a "soft 404")."""
    if title and _ERROR_PAGE.search(fold(title)):
        return True
    body = (body or "").strip()
    return len(body) < _ERROR_PAGE_MAX_BODY and bool(_ERROR_PAGE.search(fold(body)))


def _parse_when(value: str | None) -> datetime | None:
    """An ISO 8601 date/time (sitemaps, the archive) or an RFC 822 date (feeds, HTTP), aware.
    A bare date counts as the end of that day (Vietnam time): when unsure, fetch."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            return datetime.fromisoformat(value).replace(hour=23, minute=59, second=59,
                                                         tzinfo=VN_TZ)
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return when if when.tzinfo else when.replace(tzinfo=VN_TZ)


def _age(when: str | None) -> timedelta:
    parsed = _parse_when(when)
    return datetime.now(UTC) - parsed if parsed else timedelta.max


def _declares_entities(body: bytes) -> bool:
    """Sitemaps and feeds never need a DTD with entities; a billion-laughs bomb does."""
    head = body[:8192]
    return b"<!ENTITY" in head or b"<!entity" in head



def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _is_html(response: Response) -> bool:
    ctype = (_header(response, "Content-Type") or "").lower()
    return not ctype or "html" in ctype or "xml" in ctype and b"<html" in response.body[:2048].lower()
