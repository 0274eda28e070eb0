"""A fetched page -> an article item to archive, or the reason it is not one.

The one owner of that decision, for the spider's responses and for pages read from web
archives (ctd_crawler/webarchive/): not HTML, undecodable (never archived as mojibake),
a 200 page that says the page does not exist, a page that is no article (a listing, or
neither: page/classify.py) unless the registry's own regex calls its URL one, the copy of
an article whose canonical URL is another page of the site (print views, `?page=4` on an
article), a paper's story off the site's topic (page/topic.py). Each reason is the stats
key (`ctd/<key>`) its page is counted under.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ctd_crawler.crawl.failures import looks_like_error_page
from ctd_crawler.crawl.routing import Router, shape
from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.extract.dates import find_published
from ctd_crawler.items import ArticleItem
from ctd_crawler.page import UndecodablePage, parse_page
from ctd_crawler.page.classify import ARTICLE, classify
from ctd_crawler.page.decode import header_charset
from ctd_crawler.page.layouts import get_layout
from ctd_crawler.page.metadata import date_candidates
from ctd_crawler.page.topic import on_topic
from ctd_crawler.sites import Site, bare_host


class NotAnArticle(ValueError):
    """A page that is not archived; `key` is what it is counted under; `item` the page read
    (a listing's links are followed), `canonical` the page it is a copy of."""

    def __init__(self, key: str, message: str, item: ArticleItem | None = None, canonical: str | None = None):
        super().__init__(message)
        self.key = key
        self.item = item
        self.canonical = canonical


def is_html(content_type: str | None, body: bytes) -> bool:
    """HTML by its Content-Type; no type at all is taken as HTML, XML only if it holds <html>."""
    ctype = (content_type or "").lower()
    return not ctype or "html" in ctype or "xml" in ctype and b"<html" in body[:2048].lower()


def read_article(body: bytes, url: str, *, site: Site | None, content_type: str | None, status: int = 200,
                 fetched_at: str | None = None, etag: str | None = None,
                 last_modified: str | None = None, router: Router | None = None) -> ArticleItem:
    """The article item of a fetched page; raises `NotAnArticle` with the reason. `router`:
    the site's routing (its registry regexes are trusted; without it the page decides)."""
    if not is_html(content_type, body):
        raise NotAnArticle("non_html", f"not an HTML page ({content_type})")
    try:
        item = parse_page(body, url, site=site, content_type=content_type, status=status, fetched_at=fetched_at,
                          etag=etag, last_modified=last_modified)
    except UndecodablePage as exc:
        raise NotAnArticle("undecodable", str(exc)) from None
    if looks_like_error_page(item.title, item.body_text):
        raise NotAnArticle("error_page", f"an error page served with status {status}")
    if router is None or router.registry_kind(url) != ARTICLE:
        kind = page_kind(item)
        if kind != ARTICLE:
            raise NotAnArticle(kind, f"a page of kind {kind}, not an article", item)
    if (canonical := canonical_elsewhere(item.tree, url, site)) is not None:
        raise NotAnArticle("canonical_elsewhere", f"a copy of {canonical}", item, canonical)
    if site is not None and site.topic and not on_topic(site.topic, item.title, item.body_text):
        raise NotAnArticle("off_topic", f"not about the site's topic ({site.topic})", item)
    return item


def page_kind(item: ArticleItem) -> str:
    """ARTICLE, LISTING or OTHER, as the page itself says (page/classify.py)."""
    dated = find_published(date_text=item.date_text, metadata=date_candidates(item.tree), url=item.url) is not None
    marked = get_layout(item.layout).marked_kind(item.tree)
    return classify(item, item.tree, dated=dated, marked=marked, shape=shape)


def canonical_elsewhere(tree, url: str, site: Site | None) -> str | None:
    """The page's <link rel=canonical> when it names another page of the same site (not
    its home: a CMS that gives every page the home's canonical says nothing)."""
    href = tree.xpath("string(//head/link[@rel='canonical']/@href)").strip()
    if not href.startswith(("http://", "https://")):
        return None
    if not (site.owns(href) if site is not None else bare_host(href) == bare_host(url)):
        return None
    canonical = canonical_url(href)
    if canonical == canonical_url(url) or urlsplit(canonical).path in ("", "/"):
        return None
    return canonical


def charset_lies(content_type: str | None, item: ArticleItem) -> bool:
    """The header named a charset the page is not in (archived all the same, decoded right)."""
    return header_charset(content_type) not in (None, item.encoding)
