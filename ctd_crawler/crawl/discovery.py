"""Reading the pages that lead to articles: links of a listing page, the feeds a page
announces, entries of a sitemap, a feed or a CMS's posts API, the dates a listing shows.
Pure functions over responses and trees."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import urljoin

from lxml import etree
from scrapy.http import Response
from scrapy.utils.sitemap import Sitemap

from ctd_crawler.crawl.article import is_html as html_type
from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.page.html import text_content
from ctd_crawler.sites import Site

_LISTING_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")
# Child sitemaps of pages, taxonomies and authors (WordPress core and Yoast, NukeViet's
# about module): no articles in them.
NON_ARTICLE_SITEMAP = re.compile(r"posts-page-|taxonomies-|users-|(?:^|/)(?:page|category|post_tag|tag|author)-sitemap"
                                 r"|\.about\.xml", re.I)
# Links to files, not pages: images, documents, archives, media.
FILE_LINK = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|pdf|docx?|xlsx?|pptx?|zip|rar|7z|mp[34]|avi|mov|wmv|flv)"
                       r"(?:[?#]|$)", re.I)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


class UnreadableEntry(ValueError):
    """A sitemap or feed that cannot be read; the message says why."""


class EntityBomb(UnreadableEntry):
    """A sitemap or feed that declares XML entities: refused unread."""


def header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def is_html(response: Response) -> bool:
    return html_type(header(response, "Content-Type"), response.body)


def declares_entities(body: bytes) -> bool:
    """Sitemaps and feeds never need a DTD with entities; a billion-laughs bomb does."""
    head = body[:8192]
    return b"<!ENTITY" in head or b"<!entity" in head


def page_links(tree, base_url: str, site: Site) -> list[str]:
    """The site's own links to pages (not to files), canonical, once each, in page order."""
    bases = tree.xpath("//base/@href")
    base = bases[-1] if bases else ""  # the last <base href> counts, as in lxml's resolve_base_href
    seen: dict[str, None] = {}
    for href in tree.xpath("//a/@href"):
        href = absolute_link(href, base, base_url)
        if href and href.startswith(("http://", "https://")) and site.owns(href) and not FILE_LINK.search(href):
            seen.setdefault(canonical_url(href))
    return list(seen)


def absolute_link(href: str, base: str, page_url: str) -> str | None:
    """A link made absolute against the page's <base href> (when it has one), then its own
    address; None when it cannot be joined (a malformed address). The tree is not changed."""
    try:
        if base:
            href = urljoin(base, href.strip())
        return urljoin(page_url, href.strip())
    except ValueError:
        return None


def feed_links(tree, base_url: str, site: Site) -> list[str]:
    """The feeds a page announces (<link rel="alternate" type="application/rss+xml">) on its site."""
    found: dict[str, None] = {}
    for link in tree.xpath("//head/link[@href][contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]"):
        if (link.get("type") or "").strip().lower() in _FEED_TYPES:
            href = urljoin(base_url, link.get("href").strip())
            if site.owns(href):
                found.setdefault(canonical_url(href))
    return list(found)


def posts_api_entries(body: bytes) -> list[tuple[str, str | None]]:
    """(link, modified) of each post of a WordPress REST posts page; raises UnreadableEntry."""
    try:
        posts = json.loads(body)
    except ValueError as exc:
        raise UnreadableEntry(f"not JSON ({exc})") from None
    if not isinstance(posts, list):
        raise UnreadableEntry("not a list of posts")
    out = []
    for post in posts:
        link = post.get("link") if isinstance(post, dict) else None
        if isinstance(link, str) and link.startswith(("http://", "https://")):
            modified = post.get("modified_gmt")
            out.append((link, f"{modified}Z" if isinstance(modified, str) and modified else None))
    return out


def listing_days(tree) -> list[date]:
    """The dd/mm/yyyy dates a listing page shows (its articles' dates)."""
    days = []
    for d, m, y in _LISTING_DATE.findall(text_content(tree)):
        try:
            days.append(date(int(y), int(m), int(d)))
        except ValueError:
            continue
    return days


def sitemap(body: bytes) -> Sitemap:
    """A parsed sitemap or sitemap index; raises UnreadableEntry."""
    if declares_entities(body):
        raise EntityBomb("declares XML entities (possible entity bomb)")
    try:
        return Sitemap(body)
    except Exception as exc:  # noqa: BLE001 - lxml and Scrapy raise several kinds
        raise UnreadableEntry(str(exc)) from None


def feed_entries(body: bytes) -> Iterator[tuple[str, str | None]]:
    """(link, date) of every RSS item or Atom entry; raises UnreadableEntry."""
    if declares_entities(body):
        raise EntityBomb("declares XML entities (possible entity bomb)")
    try:
        root = etree.fromstring(body, parser=_XML)
    except etree.XMLSyntaxError as exc:
        raise UnreadableEntry(str(exc)) from None
    if root is None:
        raise UnreadableEntry("no XML document")
    for entry in root.xpath("//item | //*[local-name()='entry']"):
        link = entry.xpath("string(link)") or entry.xpath("string(*[local-name()='link']/@href)")
        if link.strip():
            changed = entry.xpath("string(pubDate)") or entry.xpath("string(*[local-name()='updated'])")
            yield link.strip(), changed or None
