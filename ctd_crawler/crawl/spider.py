"""The one spider: discovery and navigation only. Parsing belongs to the layouts, what to
skip to the incremental policy (crawl/incremental.py), writing to the archive pipeline.

    scrapy crawl ctd                       # every site in the registry
    scrapy crawl ctd -a site=vnrc,nhandao  # some sites
    scrapy crawl ctd -a since=2024-01-01   # stop paginating listings once pages are older
    scrapy crawl ctd -a full=1             # read every listing page, even past known articles

Discovery: listing pages (and their pagination), sitemaps, RSS feeds of each site.
Only in-domain links; URLs are canonicalised so no page is requested twice; a URL the
site's family calls an article goes to the layout, a listing URL is followed, anything
else (contact, tag, search pages) is ignored. Links out of article pages are not followed.
An article linked from several places is decided at its first link, unless a later link
brings a sitemap or feed date.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from datetime import date
from pathlib import Path

import scrapy
from scrapy.http import Response

from ctd_crawler.crawl import discovery
from ctd_crawler.crawl.article import NotAnArticle, charset_lies, read_article
from ctd_crawler.crawl.discovery import EntityBomb, UnreadableEntry, header, is_html
from ctd_crawler.crawl.failures import failure_key, is_transient
from ctd_crawler.crawl.incremental import NO_VALIDATORS, Incremental, Validators
from ctd_crawler.crawl.seen import SeenSet
from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.items import ArticleConfirmed, EntryVisit
from ctd_crawler.page import UndecodablePage
from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import get_layout
from ctd_crawler.page.parse import now_vn
from ctd_crawler.sites import REGISTRY, Site, select_sites

logger = logging.getLogger(__name__)


def spider_arguments(site: str | None, since: str | None, full: str | None,
                     registry: str | None) -> tuple[tuple[Site, ...], date | None, bool]:
    """The spider's arguments read and checked: (sites, since, full); RegistryError or
    ValueError says what is wrong."""
    sites = select_sites(site, Path(registry) if registry else REGISTRY)
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
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.incremental = Incremental.from_crawler(crawler, full=spider.full)
        return spider

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
        # requested in this run: a later link, dated or not, is moot (and the archive may already
        # hold what this run fetched, which is no reason to count it as "unchanged")
        self._requested = SeenSet()
        self.incremental = Incremental(None, None, full=self.full)  # from_crawler gives it the archive

    # -- entry points ---------------------------------------------------------
    async def start(self):
        for site in self.sites:
            for urls, callback, kind in ((site.sitemaps, self.parse_sitemap, "sitemap"),
                                         (site.feeds, self.parse_feed, "feed"),
                                         (site.start_urls, self.parse_listing, "listing")):
                for url in urls:
                    if request := self._entry_request(url, callback, site, kind):
                        yield request

    def _request(self, url: str, callback, site: Site, *, kind: str, validators: Validators = NO_VALIDATORS,
                 priority: int = 0, parent: str | None = None) -> scrapy.Request:
        etag, last_modified = validators
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        meta = {"ctd_kind": kind, **({"handle_httpstatus_list": [304]} if headers else {}),
                **({"ctd_parent": parent} if parent else {})}
        return scrapy.Request(canonical_url(url), callback=callback, errback=self.on_error, headers=headers,
                              meta=meta, cb_kwargs={"site_id": site.id}, priority=priority)

    def _entry_request(self, url: str, callback, site: Site, kind: str,
                       parent: str | None = None) -> scrapy.Request | None:
        """A listing page, sitemap or feed, unless the incremental policy skips it."""
        validators = self.incremental.entry(canonical_url(url), site.id)
        if validators is None:
            return None
        return self._request(url, callback, site, kind=kind, validators=validators, parent=parent)

    def _visit(self, response: Response, site_id: str) -> EntryVisit:
        """What the archive records of an entry page read (or confirmed by a 304)."""
        url, kind = canonical_url(response.url), response.meta.get("ctd_kind")
        if response.status == 304:
            self._count("not_modified")
            self._count(f"site/{site_id}/not_modified")
            return EntryVisit(url, site_id, kind, now_vn(), not_modified=True)
        self._count(f"site/{site_id}/entries_read")
        return EntryVisit(url, site_id, kind, now_vn(), header(response, "ETag"), header(response, "Last-Modified"))

    # -- discovery ------------------------------------------------------------
    def parse_listing(self, response: Response, site_id: str):
        yield self._visit(response, site_id)
        if response.status == 304:
            return
        site = self._by_id[site_id]
        self._listing_pages[site_id] += 1
        tree = self._tree(response)
        if tree is None:
            return
        links = discovery.page_links(tree, response.url, site)
        articles = [u for u in links if self.layouts[site_id].is_article_url(u)]
        digest = hashlib.sha1("\n".join(sorted(articles)).encode()).hexdigest() if articles else None
        known = self.incremental.article_states(articles, site_id)  # one look-up per link, shared
        follow = True
        if self._older_than_since(tree):
            follow = False
            self._count("since_stop")
        elif digest and digest == response.meta.get("ctd_parent"):
            # The same articles as the listing page that linked here: a CMS that ignores ?page=N,
            # or a "next" link back to the page itself. Following on would loop.
            follow = False
            self._count("listing_repeat")
            logger.warning("listing repeats an earlier page of %s, pagination not followed: %s",
                           site_id, response.url)
        elif self.incremental.all_known(known):
            follow = False
        for url in links:
            yield from self._route(url, site, follow_listings=follow, parent=digest, known=known)

    def parse_sitemap(self, response: Response, site_id: str):
        if response.status == 304:
            yield self._visit(response, site_id)
            return
        site = self._by_id[site_id]
        try:
            sitemap = discovery.sitemap(response.body)
        except UnreadableEntry as exc:
            yield self._visit(response, site_id)
            self._count("xml_entities_refused" if isinstance(exc, EntityBomb) else "bad_sitemap")
            logger.warning("sitemap not read (%s): %s", exc, response.url)
            return
        if sitemap.type == "sitemapindex":
            response.meta["ctd_kind"] = "sitemapindex"  # always read whole next time
        yield self._visit(response, site_id)
        for entry in sitemap:
            loc = (entry.get("loc") or "").strip()
            if not loc:
                continue
            lastmod = entry.get("lastmod")
            if sitemap.type == "sitemapindex":
                if not self.incremental.child_unchanged(canonical_url(loc), site_id, lastmod):
                    if request := self._entry_request(loc, self.parse_sitemap, site, "sitemap"):
                        yield request
            elif not self._before_since(lastmod):
                yield from self._route(canonical_url(loc), site, follow_listings=True, changed_at=lastmod)

    def parse_feed(self, response: Response, site_id: str):
        yield self._visit(response, site_id)
        if response.status == 304:
            return
        site = self._by_id[site_id]
        try:
            entries = list(discovery.feed_entries(response.body))
        except UnreadableEntry as exc:
            self._count("xml_entities_refused" if isinstance(exc, EntityBomb) else "bad_feed")
            logger.warning("feed not read (%s): %s", exc, response.url)
            return
        for link, changed in entries:
            yield from self._route(canonical_url(link), site, follow_listings=False, changed_at=changed)

    def _route(self, url: str, site: Site, *, follow_listings: bool, changed_at: str | None = None,
               parent: str | None = None, known: dict | None = None):
        layout = self.layouts[site.id]
        if layout.is_article_url(url):
            if self._article_urls.add(url):
                self._count(f"site/{site.id}/links")
            elif changed_at is None or url in self._requested:
                return  # decided at an earlier link: requested already, or skipped unless a date says otherwise
            validators = self.incremental.article(url, changed_at, known or {})
            if validators is not None:
                self._requested.add(url)
                yield self._request(url, self.parse_article, site, kind="article", validators=validators,
                                    priority=10)
        elif layout.is_listing_url(url) and follow_listings:
            if self._listing_pages[site.id] < self.settings.getint("CTD_MAX_LISTING_PAGES", 50):
                if request := self._entry_request(url, self.parse_listing, site, "listing", parent):
                    yield request
            else:
                self._count("listing_limit")

    # -- articles ---------------------------------------------------------------
    def parse_article(self, response: Response, site_id: str):
        url = canonical_url(response.url)
        if response.status == 304:
            self._count("not_modified")
            self._count("articles_not_modified")
            self._count(f"site/{site_id}/not_modified")
            yield ArticleConfirmed(url, now_vn())
            return
        content_type = header(response, "Content-Type")
        try:
            item = read_article(response.body, url, site=self._by_id[site_id], content_type=content_type,
                                status=response.status, etag=header(response, "ETag"),
                                last_modified=header(response, "Last-Modified"))
        except NotAnArticle as exc:
            self._count(exc.key)
            if exc.key == "error_page":
                logger.warning("%s, not archived: %s", exc, response.url)
            else:
                logger.warning("skipped %s: %s", response.url, exc)
            return
        if charset_lies(content_type, item):
            self._count("charset_mismatch")
        self._count("articles_parsed")
        yield item

    # -- errors -----------------------------------------------------------------
    def on_error(self, failure):
        request = failure.request
        key = failure_key(failure)
        self._count(key)
        site_id = request.cb_kwargs.get("site_id")
        if site_id and is_transient(failure, key):
            # a failure that may have hidden articles: the site's crawl is not complete
            self._count(f"site/{site_id}/transient")
        logger.warning("%s: %s (%s)", key, request.url, failure.getErrorMessage()[:200])

    def closed(self, reason: str) -> None:
        self._article_urls.close()
        self._requested.close()
        self.incremental.close()

    # -- helpers ----------------------------------------------------------------
    def _count(self, key: str) -> None:
        self.crawler.stats.inc_value(f"ctd/{key}")

    def _tree(self, response: Response):
        if not is_html(response):
            self._count("non_html")
            return None
        try:
            text, _ = decode_html(response.body, header(response, "Content-Type"))
        except UndecodablePage as exc:
            self._count("undecodable")
            logger.warning("skipped %s: %s", response.url, exc)
            return None
        return parse_html(text)

    def _older_than_since(self, tree) -> bool:
        """A listing page whose dates are all before `since`: its pagination is not followed."""
        if not self.since or self.full:
            return False
        days = discovery.listing_days(tree)
        return bool(days) and max(days) < self.since

    def _before_since(self, lastmod: str | None) -> bool:
        if not self.since or self.full or not lastmod:
            return False
        try:
            return date.fromisoformat(lastmod.strip()[:10]) < self.since
        except ValueError:
            return False
