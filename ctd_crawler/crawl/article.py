"""A fetched page -> an article item to archive, or the reason it is not one.

The one owner of that decision, for the spider's responses and for pages read from web
archives (ctd_crawler/webarchive/): not HTML, undecodable (never archived as mojibake),
a 200 page that says the page does not exist. Each reason is the stats key (`ctd/<key>`)
its page is counted under.
"""

from __future__ import annotations

from ctd_crawler.crawl.failures import looks_like_error_page
from ctd_crawler.items import ArticleItem
from ctd_crawler.page import UndecodablePage, parse_page
from ctd_crawler.page.decode import header_charset
from ctd_crawler.sites import Site


class NotAnArticle(ValueError):
    """A page that is not archived; `key` is what it is counted under."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


def is_html(content_type: str | None, body: bytes) -> bool:
    """HTML by its Content-Type; no type at all is taken as HTML, XML only if it holds <html>."""
    ctype = (content_type or "").lower()
    return not ctype or "html" in ctype or "xml" in ctype and b"<html" in body[:2048].lower()


def read_article(body: bytes, url: str, *, site: Site | None, content_type: str | None, status: int = 200,
                 fetched_at: str | None = None, etag: str | None = None,
                 last_modified: str | None = None) -> ArticleItem:
    """The article item of a fetched page; raises `NotAnArticle` with the reason."""
    if not is_html(content_type, body):
        raise NotAnArticle("non_html", f"not an HTML page ({content_type})")
    try:
        item = parse_page(body, url, site=site, content_type=content_type, status=status, fetched_at=fetched_at,
                          etag=etag, last_modified=last_modified)
    except UndecodablePage as exc:
        raise NotAnArticle("undecodable", str(exc)) from None
    if looks_like_error_page(item.title, item.body_text):
        raise NotAnArticle("error_page", f"an error page served with status {status}")
    return item


def charset_lies(content_type: str | None, item: ArticleItem) -> bool:
    """The header named a charset the page is not in (archived all the same, decoded right)."""
    return header_charset(content_type) not in (None, item.encoding)
