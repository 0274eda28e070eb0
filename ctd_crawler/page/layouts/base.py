"""The layout contract: one class per CMS family turns a page into raw fields.

A family is mostly data (XPaths and URL patterns) on a subclass of `Layout`; a family
overrides a `_parse_<field>` helper only where its markup needs code. `parse` stays thin.
When a family finds no title or no body (the site changed its markup), the generic
extractor fills that field and the field is listed in `fallbacks`.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import ClassVar
from urllib.parse import urlsplit

from lxml import etree

from ctd_crawler.items import RawArticle
from ctd_crawler.page.html import drop, droppable, first, paragraphs_of, text_of, xpath

# Never article text, whatever the family: navigation, sharing, related lists, comments.
COMMON_DROP = (
    ".//nav", ".//aside", ".//footer", ".//form",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' share ')]",
    ".//*[contains(@class, 'social') or contains(@class, 'sharing') or contains(@class, 'breadcrumb')]",
    ".//*[contains(@class, 'related') or contains(@class, 'tin-lien-quan') or contains(@class, 'other-news')]",
    ".//*[contains(@class, 'comment')]",
)


class Layout:
    """Base of every CMS family. Subclasses set the class attributes below."""

    family: ClassVar[str] = "base"
    # XPaths tried in order; the first that matches wins.
    title: ClassVar[tuple[str, ...]] = ()
    date: ClassVar[tuple[str, ...]] = ()
    author: ClassVar[tuple[str, ...]] = ()
    body: ClassVar[tuple[str, ...]] = ()
    # Removed from the body before its text is taken (family boilerplate).
    drop: ClassVar[tuple[str, ...]] = ()
    # The lead (sapo) where a family prints it outside the body: article text, read first.
    sapo: ClassVar[tuple[str, ...]] = ()
    # Regexes over the URL path (+ query): article pages and listing pages of the family
    # (a registry entry's own regexes override them: crawl/routing.py).
    article_url: ClassVar[str] = r"$^"
    listing_url: ClassVar[str] = r"$^"
    # XPaths that identify the family on a page of an unknown host (generator meta, markup).
    signature: ClassVar[tuple[str, ...]] = ()
    # What the CMS's own templates mark a page as: (XPath, ARTICLE | LISTING | OTHER), the
    # first match wins; a page with no mark is judged by its structure (page/classify.py).
    page_kinds: ClassVar[tuple[tuple[str, str], ...]] = ()
    # Where the CMS serves its sitemaps, feeds and posts as data, tried in this order when
    # neither robots.txt nor the home page names any (paths from the site's root).
    sitemap_paths: ClassVar[tuple[str, ...]] = ("/sitemap.xml",)
    feed_paths: ClassVar[tuple[str, ...]] = ()
    posts_api: ClassVar[str | None] = None  # a JSON list of posts with their "link" and "modified_gmt"

    # -- URL classification (the family's patterns; crawl/routing.py owns the decision) --
    def is_article_url(self, url: str) -> bool:
        return bool(_regex(self.article_url).search(path_query(url)))

    def is_listing_url(self, url: str) -> bool:
        return bool(_regex(self.listing_url).search(path_query(url)))

    @classmethod
    def matches(cls, tree: etree._Element) -> bool:
        return any(xpath(tree, xp) for xp in cls.signature)

    def marked_kind(self, tree: etree._Element) -> str | None:
        return next((kind for xp, kind in self.page_kinds if xpath(tree, xp)), None)

    # -- page -> raw fields ----------------------------------------------------
    def parse(self, tree: etree._Element, url: str, *, lang: str = "vi") -> RawArticle:
        return RawArticle(
            url=url,
            title=self._parse_title(tree) or None,
            date_text=self._parse_date_text(tree) or None,
            author=self._parse_author(tree) or None,
            body_text=self._parse_body(tree),
            lang=self._parse_lang(tree) or lang,
            layout=self.family,
        )

    def _parse_title(self, tree: etree._Element) -> str:
        return text_of(first(tree, self.title))

    def _parse_date_text(self, tree: etree._Element) -> str:
        return text_of(first(tree, self.date))

    def _parse_author(self, tree: etree._Element) -> str:
        return text_of(first(tree, self.author))

    def _parse_body(self, tree: etree._Element) -> str:
        node = first(tree, self.body)
        if node is None or isinstance(node, str):
            return ""
        body = self._clean_text(node)
        lead = first(tree, self.sapo) if self.sapo else None
        if lead is not None and not isinstance(lead, str) and not any(a is node for a in lead.iterancestors()):
            sapo = self._clean_text(lead)
            if sapo and not body.startswith(sapo[:40]):
                body = f"{sapo}\n\n{body}" if body else sapo
        return body

    def _clean_text(self, node: etree._Element) -> str:
        """Paragraphs of a node without the family's and everybody's boilerplate."""
        xpaths = COMMON_DROP + self.drop
        if not _inside(xpaths):
            node = copy.deepcopy(node)  # never mutate the page other fields read from
            drop(node, xpaths)
            return paragraphs_of(node)
        # Queries that never leave the node find in the page what they would find in a copy of
        # it: the node is copied (the page must not change) only from the first query that
        # finds something to remove, mostly never.
        for k, xp in enumerate(xpaths):
            if any(map(droppable, xpath(node, xp))):
                node = copy.deepcopy(node)
                drop(node, xpaths[k:])
                break
        return paragraphs_of(node)

    def _parse_lang(self, tree: etree._Element) -> str:
        lang = (tree.get("lang") or "").strip().lower()[:2]
        return lang if lang in ("vi", "en") else ""


# What a query may hold to stay inside its context node: child and descendant steps from it,
# predicates over them (their following siblings are the node's descendants too).
_LEAVES = re.compile(r"^\s*\.?/?\s*(?:following-sibling|self|descendant-or-self)::|^\s*/|[\[(,|=<>!]\s*/"
                     r"|ancestor|parent::|\.\.|preceding|following::|(?<!\.)//|\$|\bid\(|document\(")


@cache
def _inside(xpaths: tuple[str, ...]) -> bool:
    """Whether every one of `xpaths`, asked of an element, only ever selects and tests nodes
    under it (so that it finds in the page what it finds in a copy of the element alone)."""
    return not any(_LEAVES.search(xp) for xp in xpaths)


@cache
def _regex(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def path_query(url: str) -> str:
    """A URL's path and query: what URL patterns are matched against."""
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")
