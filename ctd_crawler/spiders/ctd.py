"""The one spider: discovery and navigation only. Parsing belongs to the layouts.

    scrapy crawl ctd                       # every site in the registry
    scrapy crawl ctd -a site=vnrc,nhandao  # some sites
    scrapy crawl ctd -a since=2024-01-01   # stop paginating listings once pages are older

Discovery: listing pages (and their pagination), sitemaps, RSS feeds of each site.
Only in-domain links; URLs are canonicalised so no page is requested twice; a URL the
site's family calls an article goes to the layout, a listing URL is followed, anything
else (contact, tag, search pages) is ignored. Links out of article pages are not followed.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from datetime import date

import scrapy
from lxml import etree
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap
from twisted.internet.error import DNSLookupError, TCPTimedOutError, TimeoutError

from ctd_crawler.extract.encoding import UndecodablePage, decode_html
from ctd_crawler.layouts import get_layout
from ctd_crawler.layouts.html import parse_html
from ctd_crawler.page import parse_page
from ctd_crawler.sites import RegistryError, Site, select_sites
from ctd_crawler.urls import canonical_url

logger = logging.getLogger(__name__)
_LISTING_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


class CtdSpider(scrapy.Spider):
    name = "ctd"

    def __init__(self, site: str | None = None, since: str | None = None, full: str | None = None, **kwargs):
        super().__init__(**kwargs)
        try:
            self.sites = select_sites(site)
        except RegistryError as exc:
            raise ValueError(str(exc)) from None
        try:
            self.since = date.fromisoformat(since) if since else None
        except ValueError:
            raise ValueError(f"since must be YYYY-MM-DD, got {since!r}") from None
        self.full = bool(full and full not in ("0", "false", "no"))
        self.allowed_domains = sorted({d for s in self.sites for d in (s.allowed_domains or (s.host,))})
        self.layouts = {s.id: get_layout(s.family, article_url=s.article_url, listing_url=s.listing_url)
                        for s in self.sites}
        self._by_id = {s.id: s for s in self.sites}
        self._listing_pages: Counter[str] = Counter()

    # -- entry points ---------------------------------------------------------
    async def start(self):
        for site in self.sites:
            for url in site.sitemaps:
                yield self._request(url, self.parse_sitemap, site)
            for url in site.feeds:
                yield self._request(url, self.parse_feed, site)
            for url in site.start_urls:
                yield self._request(url, self.parse_listing, site)

    def _request(self, url: str, callback, site: Site, priority: int = 0) -> scrapy.Request:
        return scrapy.Request(canonical_url(url), callback=callback, errback=self.on_error,
                              cb_kwargs={"site_id": site.id}, priority=priority)

    # -- discovery ------------------------------------------------------------
    def parse_listing(self, response: Response, site_id: str):
        site = self._by_id[site_id]
        self._listing_pages[site_id] += 1
        tree = self._tree(response)
        if tree is None:
            return
        follow_listings = not self._older_than_since(tree)
        if not follow_listings:
            self._count("since_stop")
        for url in self._links(tree, response.url, site):
            yield from self._route(url, site, follow_listings=follow_listings)

    def parse_sitemap(self, response: Response, site_id: str):
        site = self._by_id[site_id]
        try:
            sitemap = Sitemap(response.body)
        except Exception as exc:  # noqa: BLE001 - a broken sitemap is counted, the crawl goes on
            self._count("bad_sitemap")
            logger.warning("unreadable sitemap %s: %s", response.url, exc)
            return
        for entry in sitemap:
            loc = (entry.get("loc") or "").strip()
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield self._request(loc, self.parse_sitemap, site)
            elif not self._before_since(entry.get("lastmod")):
                yield from self._route(canonical_url(loc), site, follow_listings=True)

    def parse_feed(self, response: Response, site_id: str):
        site = self._by_id[site_id]
        try:
            root = etree.fromstring(response.body, parser=_XML)
        except etree.XMLSyntaxError as exc:
            root = None
            logger.warning("unreadable feed %s: %s", response.url, exc)
        if root is None:
            self._count("bad_feed")
            return
        links = root.xpath("//item/link/text() | //*[local-name()='entry']/*[local-name()='link']/@href")
        for link in links:
            yield from self._route(canonical_url(link.strip()), site, follow_listings=False)

    def _route(self, url: str, site: Site, *, follow_listings: bool):
        layout = self.layouts[site.id]
        if layout.is_article_url(url):
            yield self._request(url, self.parse_article, site, priority=10)
        elif layout.is_listing_url(url) and follow_listings:
            if self._listing_pages[site.id] < self.settings.getint("CTD_MAX_LISTING_PAGES", 50):
                yield self._request(url, self.parse_listing, site)
            else:
                self._count("listing_limit")

    # -- articles ---------------------------------------------------------------
    def parse_article(self, response: Response, site_id: str):
        if not _is_html(response):
            self._count("non_html")
            logger.warning("not an HTML page (%s): %s", response.headers.get("Content-Type"), response.url)
            return
        try:
            item = parse_page(
                response.body, canonical_url(response.url), site=self._by_id[site_id],
                content_type=_header(response, "Content-Type"), status=response.status,
                etag=_header(response, "ETag"), last_modified=_header(response, "Last-Modified"),
            )
        except UndecodablePage as exc:
            self._count("undecodable")
            logger.warning("skipped %s: %s", response.url, exc)
            return
        self._count("articles_parsed")
        yield item

    # -- errors -----------------------------------------------------------------
    def on_error(self, failure):
        request = failure.request
        if failure.check(HttpError):
            status = failure.value.response.status
            self._count(f"http_error/{status}")
            logger.warning("HTTP %s for %s", status, request.url)
        elif failure.check(TimeoutError, TCPTimedOutError):
            self._count("timeout")
            logger.warning("timed out: %s", request.url)
        elif failure.check(DNSLookupError):
            self._count("dns_error")
            logger.warning("DNS lookup failed: %s", request.url)
        else:
            self._count("download_error")
            logger.warning("failed %s: %s", request.url, failure.getErrorMessage())

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


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _is_html(response: Response) -> bool:
    ctype = (_header(response, "Content-Type") or "").lower()
    return not ctype or "html" in ctype or "xml" in ctype and b"<html" in response.body[:2048].lower()
