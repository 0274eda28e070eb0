"""The one reader of a page's machine-readable metadata: JSON-LD, <meta> tags,
microdata/RDFa, <time> elements in the article.

Each function takes a parsed tree and returns candidate strings as written, in their
order of trust; parsing them (dates) or judging them (author names) is the caller's.
Publication dates, most trusted first: JSON-LD datePublished (Article types first),
meta tags (article:published_time, itemprop datePublished, pubdate, DC.date ...), then
<time datetime> inside the article, never in aside/nav/footer/related lists.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ctd_crawler.extract.text import clean_inline
from ctd_crawler.page.html import parse_html, text_content

# schema.org types of the page's own article
ARTICLE_TYPES = ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle")
_ARTICLE_TYPE_SET = frozenset(ARTICLE_TYPES)
# whose dates are trusted first, in this order; any other object's date after them
_DATE_TYPES_FIRST = (*ARTICLE_TYPES, "WebPage")
# JSON-LD blocks: the type compared loosely ("application/LD+JSON; charset=utf-8")
_LD_SCRIPTS = '//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'
_LD_TYPE = "application/ld+json"  # as the author and layout readers have always required it
_MAX_DATE_DEPTH = 8  # property values nested deeper than this are no page's dates

# Meta names, most specific first (trafilatura/htmldate use much the same list).
_META_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "pubdate", "publishdate", "publish_date", "publish-date", "published_time",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "date",
    "sailthru.date", "parsely-pub-date", "citation_publication_date",
)
# A <time> inside one of these is somebody else's date (sidebars, related news, footers).
_NOT_ARTICLE = re.compile(r"(?<![a-z])(?:related|sidebar|aside|footer|widget|other-?news|tin-?khac|"
                          r"tin-?lien-?quan|lien-?quan|cung-?chuyen-?muc|menu|nav|comment)", re.I)


@dataclass(frozen=True, slots=True)
class LdObject:
    """One JSON object of a page's JSON-LD."""

    data: dict
    script_type: str | None  # the <script type> as written
    depth: int  # containers above it in its block: 0 for the block itself
    top: bool  # reached through lists and @graph only: a thing the page describes, not a property value


def jsonld_objects(tree: etree._Element) -> Iterator[LdObject]:
    """Every object of every JSON-LD block, depth first in document order. A block that
    is not JSON is skipped."""
    for script in tree.xpath(_LD_SCRIPTS):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        kind = script.get("type")
        stack: list[tuple[object, int, bool]] = [(data, 0, True)]
        while stack:
            node, depth, top = stack.pop()
            if isinstance(node, dict):
                yield LdObject(node, kind, depth, top)
                children = [(v, depth + 1, top and k == "@graph") for k, v in node.items()]
            elif isinstance(node, list):
                children = [(v, depth + 1, top) for v in node]
            else:
                continue
            # nobody reads a property value below _MAX_DATE_DEPTH; top objects at any depth
            stack.extend(c for c in reversed(children)
                         if isinstance(c[0], (dict, list)) and (c[2] or c[1] <= _MAX_DATE_DEPTH))


def jsonld_articles(tree: etree._Element) -> Iterator[dict]:
    """The article objects of a page's JSON-LD (inside lists and @graph too)."""
    for obj in jsonld_objects(tree):
        if obj.top and obj.script_type == _LD_TYPE:
            kinds = obj.data.get("@type")
            if (set(kinds) if isinstance(kinds, list) else {kinds}) & _ARTICLE_TYPE_SET:
                yield obj.data


def jsonld_article_dates(tree: etree._Element) -> Iterator[str]:
    """datePublished of each article object, as written."""
    for article in jsonld_articles(tree):
        if article.get("datePublished"):
            yield str(article["datePublished"])


def jsonld_authors(tree: etree._Element) -> Iterator[str]:
    """The first author name of each article object (cleaned, under 60 characters)."""
    for article in jsonld_articles(tree):
        if name := _jsonld_name(article.get("author")):
            yield name


def _jsonld_name(author: object) -> str:
    """The first name of a JSON-LD author: a string, a Person/Organization, or a list."""
    if isinstance(author, list):
        return next((n for a in author if (n := _jsonld_name(a))), "")
    name = author.get("name") if isinstance(author, dict) else author
    return clean_inline(name) if isinstance(name, str) and 0 < len(name.strip()) < 60 else ""


def jsonld_dates(tree: etree._Element) -> list[str]:
    """datePublished (else dateCreated) of any object, Article types first."""
    found: list[tuple[int, str]] = []
    for obj in jsonld_objects(tree):
        if obj.depth > _MAX_DATE_DEPTH:
            continue
        value = obj.data.get("datePublished") or obj.data.get("dateCreated")
        if isinstance(value, str):
            kind = obj.data.get("@type")
            kind = kind[0] if isinstance(kind, list) and kind else kind
            rank = _DATE_TYPES_FIRST.index(kind) if kind in _DATE_TYPES_FIRST else 99
            found.append((rank, value))
    return [v for _, v in sorted(found, key=lambda x: x[0])]


def meta_dates(tree: etree._Element) -> list[str]:
    """Publication dates of meta tags (in _META_KEYS order), then microdata and RDFa."""
    by_key: dict[str, str] = {}
    for el in tree.xpath("//meta[@content]"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in _META_KEYS and key not in by_key:
            by_key[key] = el.get("content")
    values = [by_key[k] for k in _META_KEYS if k in by_key]
    # itemprop="datePublished" on a non-meta element (microdata), RDFa's schema:datePublished
    # or schema:dateCreated (Drupal) with the machine value in @content
    for el in tree.xpath('//*[@itemprop="datePublished" and not(self::meta)]'):
        values.append(el.get("datetime") or el.get("content") or text_content(el))
    for el in tree.xpath('//*[(@property="schema:datePublished" or @property="schema:dateCreated") and @content'
                         ' and not(self::meta)]'):
        if in_article(el):
            values.append(el.get("content"))
    return values


def in_article(el: etree._Element) -> bool:
    """Not inside aside/nav, a page footer, or a block whose class/id says related/sidebar ..."""
    for anc in el.iterancestors():
        if anc.tag in ("aside", "nav"):
            return False
        # a page's footer; an <article>'s own footer holds its author and date (HTML5, Drupal,
        # WordPress's footer.entry-footer), whatever its class says
        own_footer = anc.tag == "footer" and any(a.tag == "article" for a in anc.iterancestors())
        if anc.tag == "footer" and not own_footer:
            return False
        # <body>'s classes describe the whole page (Joomla's Cassiopeia: "has-sidebar-right")
        if anc.tag not in ("body", "html") and not own_footer and _NOT_ARTICLE.search(
                (anc.get("class") or "") + " " + (anc.get("id") or "")):
            return False
    return True


def time_dates(tree: etree._Element) -> list[str]:
    """<time datetime> of the article (else <main>, else the page), outside other blocks."""
    scope = tree.xpath("//article") or tree.xpath("//main") or [tree]
    out = []
    for el in scope[0].iter("time"):
        if el.get("datetime") and in_article(el):
            out.append(el.get("datetime"))
    return out


_DATE_READERS = (("json-ld", jsonld_dates), ("meta", meta_dates), ("time", time_dates))


def date_candidates(tree: etree._Element) -> Iterator[tuple[str, str]]:
    """(source, raw string) of the page's publication dates, most trusted first; source is
    "json-ld", "meta" or "time". A reader that fails on odd markup gives nothing."""
    for source, read in _DATE_READERS:
        try:
            raws = read(tree)
        except Exception:  # odd markup or JSON in one source must not hide the others
            continue
        for raw in raws:
            yield source, raw


def date_candidates_of(html: str | None) -> Iterator[tuple[str, str]]:
    """date_candidates of a page's text. Lazy: the page is parsed on the first request."""
    if not html:
        return
    try:
        tree = parse_html(html)
    except Exception:  # not HTML at all: no metadata
        return
    yield from date_candidates(tree)
