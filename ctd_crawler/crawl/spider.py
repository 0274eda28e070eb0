"""The one spider: discovery and navigation only. Parsing belongs to the layouts, what a
page is to crawl/article.py, where a URL goes to crawl/routing.py, what to skip to the
incremental policy (crawl/incremental.py), writing to the archive pipeline.

    scrapy crawl ctd                          # every site in the registry
    scrapy crawl ctd -a site=redcross,nhandao # some sites
    scrapy crawl ctd -a since=2024-01-01      # stop paginating listings once pages are older
    scrapy crawl ctd -a full=1                # read every listing page, even past known articles

Discovery from a site's address alone: the `Sitemap:` lines of its robots.txt (read by
Scrapy's robots middleware), the feeds its home page announces, then, where neither gave
a sitemap, its CMS family's standard sitemap and posts API; the home page's links and the
listings they lead to, paginated, unless a sitemap or the API listed the site's articles
(then listings would only fetch them again). The family is recognised from the home page
when the registry names none. A paper marked with a topic is crawled from its topic's
start pages (tag pages) and their own pagination only, or else through the links whose
words name the topic.

Only in-domain links; URLs are canonicalised so no page is requested twice; a link the
routing does not know is fetched and its page decides, which teaches the routing its
shape. Links out of article pages are not followed. An article linked from several places
is decided at its first link, unless a later link brings a sitemap or feed date.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import scrapy
from scrapy import signals
from scrapy.exceptions import CloseSpider
from scrapy.http import Response

from ctd_crawler.crawl import discovery
from ctd_crawler.crawl.article import NotAnArticle, charset_lies, read_article
from ctd_crawler.crawl.discovery import EntityBomb, UnreadableEntry, header, is_html
from ctd_crawler.crawl.failures import failure_key, is_transient
from ctd_crawler.crawl.incremental import NO_VALIDATORS, Incremental, Validators
from ctd_crawler.crawl.routing import Router
from ctd_crawler.crawl.seen import SeenSet
from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.items import ArticleConfirmed, EntryVisit, SiteLearnt
from ctd_crawler.page import UndecodablePage
from ctd_crawler.page.classify import ARTICLE, LISTING, OTHER
from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import GENERIC, detect_family, get_layout
from ctd_crawler.page.parse import now_vn
from ctd_crawler.page.topic import slug_on_topic
from ctd_crawler.sites import REGISTRY, Site, select_sites

logger = logging.getLogger(__name__)
INDEXES = ("sitemap", "sitemapindex", "api")  # entry kinds that list a site's articles


def spider_arguments(site: str | None, since: str | None, full: str | None, registry: str | None,
                     mirror: str | None = None) -> tuple[tuple[Site, ...], date | None, bool]:
    """The spider's arguments read and checked: (sites, since, full); RegistryError or
    ValueError says what is wrong. Crawling a mirror folder, every site means every site
    the mirror holds pages of."""
    sites = select_sites(site, Path(registry) if registry else REGISTRY)
    if mirror and not site and Path(mirror).is_dir():
        sites = tuple(s for s in sites if (Path(mirror) / s.host).is_dir())
    try:
        since_day = date.fromisoformat(since) if since else None
    except ValueError:
        raise ValueError(f"since must be YYYY-MM-DD, got {since!r}") from None
    return sites, since_day, bool(full and full not in ("0", "false", "no"))


@dataclass
class SiteIndex:
    """A site's sitemaps and posts API while they are read: the home page's links wait for
    them, and are followed as listings only if none listed the site's articles."""

    pending: int = 0  # index requests not answered yet
    found: bool = False  # an index listed articles (or was read recently: it did then)
    endpoints: list[tuple[str, str]] = field(default_factory=list)  # the family's, tried in turn
    held: list[str] | None = None  # the home page's links, waiting
    feeds: list[str] = field(default_factory=list)  # read after the indexes: a sitemap's dates come first


class CtdSpider(scrapy.Spider):
    name = "ctd"

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        kwargs.setdefault("registry", crawler.settings.get("CTD_SITES") or None)
        kwargs.setdefault("mirror", crawler.settings.get("CTD_MIRROR") or None)
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.incremental = Incremental.from_crawler(crawler, full=spider.full)
        spider.routers = spider._routers()  # again, with what earlier runs learnt
        crawler.signals.connect(spider.robots_parsed, signal=signals.robots_parsed)
        return spider

    def __init__(self, site: str | None = None, since: str | None = None, full: str | None = None,
                 registry: str | None = None, mirror: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.sites, self.since, self.full = spider_arguments(site, since, full, registry, mirror)
        self.allowed_domains = sorted({d for s in self.sites for d in (s.allowed_domains or (s.host,))})
        self._by_id = {s.id: s for s in self.sites}
        self._index = {s.id: SiteIndex() for s in self.sites}
        self._listing_pages: Counter[str] = Counter()
        self._article_urls = SeenSet()  # on disk: flat memory however many articles a run meets
        # requested in this run: a later link, dated or not, is moot (and the archive may already
        # hold what this run fetched, which is no reason to count it as "unchanged")
        self._requested = SeenSet()
        self.incremental = Incremental(None, None, full=self.full)  # from_crawler gives it the archive
        self.routers = self._routers()

    def _routers(self) -> dict[str, Router]:
        return {s.id: Router(s, get_layout(s.family or self.incremental.family(s.id) or GENERIC),
                             self.incremental.learnt(s.id)) for s in self.sites}

    # -- entry points ---------------------------------------------------------
    async def start(self):
        for site in self.sites:
            for url in site.sitemaps:
                if request := self._index_request(url, site, "sitemap"):
                    yield request
            for url in site.feeds:
                if request := self._entry_request(url, self.parse_feed, site, "feed"):
                    yield request
            for url in site.start_urls:
                if request := self._entry_request(url, self.parse_page, site, "start"):
                    yield request
            if not (site.topic and site.start_urls) and canonical_url(site.base_url) not in map(
                    canonical_url, site.start_urls):
                if request := self._entry_request(site.base_url, self.parse_page, site, "home"):
                    yield request
            # the sections an earlier run reached from the home page: a new article shows there
            # first, even when the home page itself answers 304
            for url in self.incremental.sections(site.id):
                if request := self._entry_request(url, self.parse_page, site, "section"):
                    yield request

    def robots_parsed(self, robotparser, request) -> None:
        """Scrapy read a host's robots.txt before its first request: its Sitemap lines are
        the site's own index of its pages."""
        site = self._by_id.get(request.cb_kwargs.get("site_id"))
        if site is None or (site.topic and site.start_urls):
            return
        rp = getattr(robotparser, "rp", None)  # Protego, Scrapy's default parser
        for url in list(getattr(rp, "sitemaps", None) or ()):
            if site.owns(url) and (req := self._index_request(url, site, "sitemap")):
                self.crawler.engine.crawl(req)

    def _request(self, url: str, callback, site: Site, *, kind: str, validators: Validators = NO_VALIDATORS,
                 priority: int = 0, parent: str | None = None, listed_at: str | None = None) -> scrapy.Request:
        etag, last_modified = validators
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        meta = {"ctd_kind": kind, **({"handle_httpstatus_list": [304]} if headers else {}),
                **({"ctd_parent": parent} if parent else {}), **({"ctd_listed_at": listed_at} if listed_at else {})}
        return scrapy.Request(canonical_url(url), callback=callback, errback=self.on_error, headers=headers,
                              meta=meta, cb_kwargs={"site_id": site.id}, priority=priority)

    def _entry_request(self, url: str, callback, site: Site, kind: str, parent: str | None = None,
                       priority: int = 0) -> scrapy.Request | None:
        """A listing page, sitemap or feed, unless the incremental policy skips it."""
        validators = self.incremental.entry(canonical_url(url), site.id)
        if validators is None:
            return None
        return self._request(url, callback, site, kind=kind, validators=validators, parent=parent, priority=priority)

    def _index_request(self, url: str, site: Site, kind: str) -> scrapy.Request | None:
        """A sitemap or posts API page; one read recently (skipped) listed the articles then."""
        index = self._index[site.id]
        callback = self.parse_api if kind == "api" else self.parse_sitemap
        request = self._entry_request(url, callback, site, kind, priority=20)
        if request is None:
            index.found = True
        else:
            index.pending += 1
        return request

    def _visit(self, response: Response, site_id: str) -> EntryVisit:
        """What the archive records of an entry page read (or confirmed by a 304)."""
        url, kind = canonical_url(response.url), response.meta.get("ctd_kind")
        if response.status == 304:
            self._count("not_modified")
            self._count(f"site/{site_id}/not_modified")
            return EntryVisit(url, site_id, kind, now_vn(), not_modified=True)
        self._count(f"site/{site_id}/entries_read")
        return EntryVisit(url, site_id, kind, now_vn(), header(response, "ETag"), header(response, "Last-Modified"))

    # -- pages: the home page, listings, articles, and links nobody knew --------
    def parse_page(self, response: Response, site_id: str):
        kind = response.meta.get("ctd_kind")
        site, router = self._by_id[site_id], self.routers[site_id]
        url = canonical_url(response.url)
        if kind in ("home", "start", "section", "listing"):
            yield self._visit(response, site_id)
        if response.status == 304:
            if kind in ("article", "probe"):
                self._count("not_modified")
                self._count("articles_not_modified")
                self._count(f"site/{site_id}/not_modified")
                yield ArticleConfirmed(url, now_vn())
            return
        # what the site or the registry offers as its way in, and what the registry's own patterns
        # call a listing (trusted as its article patterns are): read as listings, nothing extracted
        if kind in ("home", "start") or router.registry_kind(url) == LISTING:
            tree = self._tree(response)
            if tree is not None:
                yield from self._recognise(site, tree)
                if kind == "home":
                    yield from self._home(response, tree, site)
                    return
                if kind != "start":
                    yield self._learn(site, url, LISTING)
                yield from self._listing(response, tree, site)
            return
        content_type = header(response, "Content-Type")
        try:
            item = read_article(response.body, url, site=site, content_type=content_type, status=response.status,
                                etag=header(response, "ETag"), last_modified=header(response, "Last-Modified"),
                                router=router)
        except NotAnArticle as exc:
            if exc.item is not None:
                yield from self._recognise(site, exc.item.tree)
            if kind in ("section", "listing") and exc.key in (LISTING, OTHER):
                # routed as a listing: read as one, however few its links (a last page of two)
                yield self._learn(site, url, LISTING)
                yield from self._listing(response, exc.item.tree, site)
            else:
                yield from self._not_an_article(exc, response, site, url)
            return
        yield from self._recognise(site, item.tree)
        yield self._learn(site, url, ARTICLE)
        item.listed_at = response.meta.get("ctd_listed_at")
        if charset_lies(content_type, item):
            self._count("charset_mismatch")
        self._count("articles_parsed")
        yield item
        sample = self.settings.getint("CTD_SAMPLE", 0)
        if sample and self.crawler.stats.get_value("ctd/articles_parsed", 0) >= sample:
            raise CloseSpider("sample")

    def _not_an_article(self, exc: NotAnArticle, response: Response, site: Site, url: str):
        self._count(exc.key)
        if exc.key == LISTING:
            yield self._learn(site, url, LISTING)
            yield from self._listing(response, exc.item.tree, site)
        elif exc.key == OTHER:
            yield self._learn(site, url, OTHER)
        elif exc.key == "off_topic":
            yield self._learn(site, url, OTHER, exact=True)  # its siblings may well be on topic
        elif exc.key == "canonical_elsewhere":
            yield from self._route(exc.canonical, site, follow_listings=False)
        elif exc.key == "error_page":
            logger.warning("%s, not archived: %s", exc, response.url)
        else:
            logger.warning("skipped %s: %s", response.url, exc)

    def _learn(self, site: Site, url: str, kind: str, *, exact: bool = False) -> SiteLearnt:
        return SiteLearnt(site.id, patterns=tuple(self.routers[site.id].learn(url, kind, exact=exact)))

    def _home(self, response: Response, tree, site: Site):
        """The home page: the feeds it announces, the family's index endpoints when robots.txt
        named no sitemap; its links wait for the indexes."""
        router, index = self.routers[site.id], self._index[site.id]
        feeds = discovery.feed_links(tree, response.url, site)
        root = site.base_url.rstrip("/")
        index.feeds = feeds or [root + path for path in router.layout.feed_paths]
        if not index.found and not index.pending:
            index.endpoints = [(root + path, "sitemap") for path in router.layout.sitemap_paths]
            if router.layout.posts_api:
                index.endpoints.append((root + router.layout.posts_api, "api"))
        index.held = discovery.page_links(tree, response.url, site)
        yield from self._index_settled(site)

    def _recognise(self, site: Site, tree):
        """The family of a site the registry names none for, from the first of its pages
        that shows one (some families sign only their article pages)."""
        router = self.routers[site.id]
        if site.family is None and router.layout.family == GENERIC:
            family = detect_family(tree)
            if family != GENERIC:
                router.layout = get_layout(family)
                yield SiteLearnt(site.id, family=family)

    def _index_settled(self, site: Site):
        """Once no index request is pending: the next family endpoint if none listed
        articles yet, else the feeds the home page announced and its links (as listings only
        without an index). Feeds come after the sitemaps so that an article is requested
        with its sitemap's date, whichever answers first (pipelines/dates.py reads it)."""
        index = self._index[site.id]
        if index.pending:
            return
        while not index.found and index.endpoints:
            url, kind = index.endpoints.pop(0)
            if request := self._index_request(url, site, kind):
                yield request
                return
        feeds, index.feeds = index.feeds, []
        for url in feeds:
            if request := self._entry_request(url, self.parse_feed, site, "feed"):
                yield request
        if index.held is not None:
            links, index.held = index.held, None
            for url in links:
                yield from self._route(url, site, follow_listings=not index.found, probe=not index.found,
                                       listing_kind="section")

    def _listing(self, response: Response, tree, site: Site):
        site_id = site.id
        topic_page = bool(site.topic) and self._topic_pagination(site, response.url)
        if site.topic and site.start_urls and not topic_page:
            return  # a paper's other sections: its topic's pages are the way in
        self._listing_pages[site_id] += 1
        router = self.routers[site_id]
        links = discovery.page_links(tree, response.url, site)
        articles = [u for u in links if router.kind(u) == ARTICLE]
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
            yield from self._route(url, site, follow_listings=follow, parent=digest, known=known,
                                   topic_page=topic_page)

    # -- indexes: sitemaps, feeds, the posts API ----------------------------------
    def parse_sitemap(self, response: Response, site_id: str):
        site, index = self._by_id[site_id], self._index[site_id]
        index.pending -= 1
        if response.status == 304:
            index.found = True
            yield self._visit(response, site_id)
            yield from self._index_settled(site)
            return
        try:
            sitemap = discovery.sitemap(response.body)
        except UnreadableEntry as exc:
            yield self._visit(response, site_id)
            self._count("xml_entities_refused" if isinstance(exc, EntityBomb) else "bad_sitemap")
            logger.warning("sitemap not read (%s): %s", exc, response.url)
            yield from self._index_settled(site)
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
                if discovery.NON_ARTICLE_SITEMAP.search(loc):
                    self._count("sitemap_skipped")
                elif not self.incremental.child_unchanged(canonical_url(loc), site_id, lastmod):
                    if request := self._index_request(loc, site, "sitemap"):
                        yield request
                else:
                    index.found = True
            elif not self._before_since(lastmod):
                index.found = True
                yield from self._route(canonical_url(loc), site, follow_listings=False, changed_at=lastmod)
        yield from self._index_settled(site)

    def parse_api(self, response: Response, site_id: str):
        """A page of the WordPress REST posts collection: each post's link and modified time."""
        site, index = self._by_id[site_id], self._index[site_id]
        index.pending -= 1
        yield self._visit(response, site_id)
        if response.status != 304:
            try:
                entries = discovery.posts_api_entries(response.body)
            except UnreadableEntry as exc:
                self._count("bad_api")
                logger.warning("posts API not read (%s): %s", exc, response.url)
                entries = []
            for link, modified in entries:
                index.found = True
                yield from self._route(canonical_url(link), site, follow_listings=False, changed_at=modified)
            page = int(response.meta.get("ctd_api_page", 1))
            total = header(response, "X-WP-TotalPages") or "1"
            if entries and total.isdigit() and page < int(total):
                base = response.url.split("?", 1)[0]
                if request := self._index_request(f"{base}?page={page + 1}", site, "api"):
                    request.meta["ctd_api_page"] = page + 1
                    yield request
        yield from self._index_settled(site)

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

    # -- where a link goes --------------------------------------------------------
    def _route(self, url: str, site: Site, *, follow_listings: bool, changed_at: str | None = None,
               parent: str | None = None, known: dict | None = None, probe: bool = True,
               topic_page: bool = False, listing_kind: str = "listing"):
        """An article (or a link nobody knows: its page decides) is requested once; a
        listing is followed when `follow_listings`; a page of no kind is left alone. A
        paper's links are kept to its topic: from a topic page, its own pagination; from
        anywhere else, the links whose words name the topic. `listing_kind`: "section" for
        the listings the home page links (read again by every run)."""
        kind = self.routers[site.id].kind(url)
        if kind == LISTING:
            if follow_listings and (not site.topic or self._topic_pagination(site, url)):
                if self._listing_pages[site.id] < self.settings.getint("CTD_MAX_LISTING_PAGES", 50):
                    if request := self._entry_request(url, self.parse_page, site, listing_kind, parent):
                        yield request
                else:
                    self._count("listing_limit")
            return
        if kind == OTHER or (kind is None and not probe):
            return
        if site.topic and not topic_page and not slug_on_topic(site.topic, url):
            self._count("off_topic_link")
            return
        if self._article_urls.add(url):
            self._count(f"site/{site.id}/links")
        elif changed_at is None or url in self._requested:
            return  # decided at an earlier link: requested already, or skipped unless a date says otherwise
        validators = self.incremental.article(url, changed_at, known or {})
        if validators is not None:
            self._requested.add(url)
            self._count("probes" if kind is None else "article_requests")
            yield self._request(url, self.parse_page, site, kind="probe" if kind is None else "article",
                                validators=validators, priority=10 if kind else 5, listed_at=changed_at)

    def _topic_pagination(self, site: Site, url: str) -> bool:
        """A listing under one of a topic site's start pages (its ?page=N, /trang-N)."""
        bare = canonical_url(url).split("?", 1)[0].removesuffix("/")
        return any(bare.startswith(canonical_url(s).split("?", 1)[0].removesuffix("/").removesuffix(".html"))
                   for s in site.start_urls)

    # -- errors -----------------------------------------------------------------
    def on_error(self, failure):
        request = failure.request
        key = failure_key(failure)
        self._count(key)
        site_id = request.cb_kwargs.get("site_id")
        if site_id and is_transient(failure, key):
            # a failure that may have hidden articles: the site's crawl is not complete
            self._count(f"site/{site_id}/transient")
        # a page that is not there (a dead link, an endpoint the CMS lacks) is counted and
        # summed up at the end; what may hide articles is a warning
        gone = key in ("http_error/404", "http_error/410")
        (logger.info if gone else logger.warning)("%s: %s (%s)", key, request.url, failure.getErrorMessage()[:200])
        if site_id in self._index and request.meta.get("ctd_kind") in INDEXES:
            self._index[site_id].pending -= 1
            yield from self._index_settled(self._by_id[site_id])

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
        if not self.since or self.full:
            return False
        try:
            return bool(lastmod) and date.fromisoformat(lastmod.strip()[:10]) < self.since
        except ValueError:
            return False
