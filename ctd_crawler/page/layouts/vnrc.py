"""Trung ương Hội Chữ thập đỏ Việt Nam (redcross.org.vn) and portals built like it.

A server-rendered organisation portal: header with logo and mega menu, breadcrumb, an
article block (`news-detail` / older `detail`) holding a classed h1/h2 title, a date line
("Thứ Hai, 24/06/2024 08:30" or "24/06/2024 | 08:30"), a bold sapo, the content div
(`itemprop=articleBody`, `*-content`), then tags, "Tin liên quan" and "Tin khác" lists; a
right sidebar with most-read news; English pages under /en/ share the markup.

Markup needing code: the sapo sits outside the content div (it is article text), the
byline is the last right-aligned bold paragraph of the content (it is the author, not
body text), and some pages only carry their date in meta tags or JSON-LD.
"""

from __future__ import annotations

from lxml import etree

from ctd_crawler.page.html import text_of
from ctd_crawler.page.layouts.base import Layout
from ctd_crawler.page.metadata import jsonld_article_dates

# The article block of both template generations; lists and sidebars are never inside it.
_DETAIL = "//*[contains(@class, 'news-detail') or contains(@class, 'detail-news') or contains(@class, 'article-detail') or @class='detail' or @itemtype='https://schema.org/NewsArticle' or @itemtype='http://schema.org/NewsArticle']"
_NOT_IN_LISTS = "[not(ancestor::li)][not(ancestor::*[contains(@class, 'related') or contains(@class, 'other') or contains(@class, 'sidebar')])]"
# The content div: microdata first, then the class names of the two templates.
_CONTENT = (
    "//*[@itemprop='articleBody']",
    "//*[@id='news-content' or @id='content-detail' or @id='detail-content']",
    "//div[contains(@class, 'news-detail-content') or contains(@class, 'detail-content') or contains(@class, 'content-detail') or contains(@class, 'news-content')]",
)
# A right-aligned paragraph with no text after it: the byline ("Minh Anh", "Thu Hà - Hội CTĐ ...").
_BYLINE = (
    "p[contains(translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ', 'abcdefghijklmnopqrstuvwxyz'), 'text-align:right')"
    " or @align='right' or contains(@class, 'right')]"
    "[not(following-sibling::*[normalize-space()])]"
)


class VnrcLayout(Layout):
    family = "vnrc"
    title = (
        _DETAIL + "//h1[contains(@class, 'title')]",
        _DETAIL + "//h2[contains(@class, 'title')]" + _NOT_IN_LISTS,
        "//h1[contains(@class, 'title')]",
        "//meta[@property='og:title']/@content",
        "//h1",
    )
    date = (
        _DETAIL + "//*[self::span or self::div or self::p or self::time][contains(@class, 'date') or contains(@class, 'time')]" + _NOT_IN_LISTS,
        "//meta[@property='article:published_time']/@content",
        "//meta[@itemprop='datePublished']/@content",
    )
    author = (
        _DETAIL + "//*[contains(@class, 'author')]" + _NOT_IN_LISTS,
        *(c + "//" + _BYLINE for c in _CONTENT),
        "//meta[@name='author']/@content",
    )
    sapo = (
        _DETAIL + "//*[contains(@class, 'sapo') or contains(@class, 'summary') or contains(concat(' ', normalize-space(@class), ' '), ' lead ')]" + _NOT_IN_LISTS,
    )
    body = _CONTENT
    drop = (
        ".//*[contains(@class, 'author') or contains(@class, 'tags') or contains(@class, 'print') or contains(@class, 'banner') or contains(@class, 'ads')]",
        ".//" + _BYLINE,
    )
    # /tin-tuc/hoat-dong-hoi/<slug>-19010.html, /en/news/<slug>-20315.html; tags, search never.
    article_url = r"^/(?!(?:en/)?(?:tag|tags|tim-kiem|search)/)(?:[a-z0-9-]+/)*[a-z0-9-]+-(?:a|n|post)?\d{3,}\.html?$"
    # Category indexes and their pages: /tin-tuc/, /tin-tuc/hoat-dong-hoi/?page=2, /en/news/.
    listing_url = r"^/(?:en/)?(?:tin-tuc|news|su-kien|hoat-dong)(?:/[a-z0-9-]+)*/?(?:\?page=\d+)?$"
    signature = (
        "//meta[@property='og:site_name'][contains(@content, 'Chữ thập đỏ Việt Nam') or contains(@content, 'Vietnam Red Cross')]",
        "//article[contains(@class, 'news-detail')]//*[contains(@class, 'news-detail-content')]",
    )

    def _parse_date_text(self, tree: etree._Element) -> str:
        # Visible date line, then meta tags, then JSON-LD datePublished.
        return super()._parse_date_text(tree) or _jsonld_date(tree)


def _jsonld_date(tree: etree._Element) -> str:
    return next((text_of(value) for value in jsonld_article_dates(tree)), "")


LAYOUT = VnrcLayout

__all__ = ["LAYOUT", "VnrcLayout"]
