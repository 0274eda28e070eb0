"""What a page is, read off the page itself: an article (one headline over a dated main
text), a listing (many headline links of one shape, the way a category, tag or home page
lists its articles), or neither (contact, about, search and gallery pages).

The CMS's own mark comes first where its templates print one (the body classes of
WordPress and Joomla, the detail panel of NukeViet and the portals: `Layout.page_kinds`),
then what any news page declares (JSON-LD NewsArticle, og:type article), then the
structure. A page marked as an article is one only with a title, a main text and a date:
the same detail template serves a CMS's static pages ("Giới thiệu", "Liên hệ"), undated.

Used by the spider on every page it fetches for an article and on every URL nobody knows
yet (crawl/routing.py); what it decides teaches the URL's shape.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from lxml import etree

from ctd_crawler.extract.text import clean_inline, fold
from ctd_crawler.items import RawArticle
from ctd_crawler.page.html import text_of

ARTICLE, LISTING, OTHER = "article", "listing", "other"
KINDS = (ARTICLE, LISTING, OTHER)
MIN_BODY = 150  # characters of main text an unmarked article has at the least
MIN_LISTED = 2  # headline links of one URL shape that make a listing (a last page may hold two)
MIN_HEADLINE = 20  # characters of a link's text that make it a headline
# Page furniture, whose links never make a listing (every page of a site has its menus).
_FURNITURE = " or ".join(f"ancestor::{t}" for t in ("nav", "header", "footer", "aside"))
_HEADINGS = ("//body//*[self::h1 or self::h2 or self::h3 or self::h4 or contains(@class, 'title')"
             " or contains(@class, 'tieu-de') or contains(@class, 'heading')]")
_NEWS_TYPES = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle"}


def headline_links(tree: etree._Element, shape: Callable[[str], str]) -> dict[str, list[str]]:
    """Texts of the links outside the page's furniture that read like headlines, by the
    shape of their URL (links already absolute)."""
    out: dict[str, list[str]] = {}
    seen: set[str] = set()
    for a in tree.xpath(f"//a[@href][not({_FURNITURE})]"):
        href, text = a.get("href"), text_of(a)
        if href in seen or len(text) < MIN_HEADLINE:
            continue
        seen.add(href)
        out.setdefault(shape(href), []).append(text)
    return out


def declares_news(tree: etree._Element) -> bool:
    """The page calls itself a news article (og:type, JSON-LD @type)."""
    if tree.xpath("//meta[@property='og:type'][normalize-space(@content)='article']"):
        return True
    for script in tree.xpath("//script[starts-with(normalize-space(@type), 'application/ld+json')]"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for node in data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else ():
            types = node.get("@type") if isinstance(node, dict) else None
            if _NEWS_TYPES & set(types if isinstance(types, list) else [types]):
                return True
    return False


def classify(raw: RawArticle, tree: etree._Element, *, dated: bool, marked: str | None,
             shape: Callable[[str], str]) -> str:
    """ARTICLE, LISTING or OTHER. `dated`: a publication date was found (layout, metadata
    or URL); `marked`: what the CMS's markup says (Layout.marked_kind), None if nothing."""
    has_text = bool(raw.title and raw.body_text)
    if marked == ARTICLE or (marked is None and declares_news(tree)):
        return ARTICLE if has_text and dated else OTHER
    if marked is not None:
        return marked
    links = headline_links(tree, shape)
    if (has_text and dated and len(raw.body_text) >= MIN_BODY and headline_over_text(tree, raw.title, raw.body_text)
            and teasers_in(raw.body_text, links) < MIN_LISTED):
        return ARTICLE
    listed = max((len(texts) for texts in links.values()), default=0)
    return LISTING if listed >= MIN_LISTED else OTHER


def teasers_in(body: str, links: dict[str, list[str]]) -> int:
    """Paragraphs of a main text that are a headline link of the page and nothing else: a
    list of teasers read as one text (an article's text links no headline on its own line)."""
    headlines = {fold(t) for texts in links.values() for t in texts}
    return sum(1 for p in body.split("\n\n") if fold(p.strip()) in headlines)


def headline_over_text(tree: etree._Element, title: str, body: str) -> bool:
    """The title stands on the page as a headline (a heading, or an element its class calls
    a title, that is no link) and the main text follows it with no headline link between:
    a listing's "title" is its category over a first teaser, whose headline is a link."""
    key, start = fold(title), clean_inline(body.split("\n\n", 1)[0])[:30]
    for heading in tree.xpath(_HEADINGS):
        if fold(text_of(heading)) != key or heading.xpath("ancestor-or-self::a | .//a"):
            continue
        after = False
        for el in tree.iter():
            after = after or el is heading
            if not after or el is heading or not isinstance(el.tag, str):
                continue
            if el.tag == "a" and len(text_of(el)) >= MIN_HEADLINE:
                break
            if start in clean_inline(el.text or "") or start in clean_inline(el.tail or ""):
                return True
    return False
