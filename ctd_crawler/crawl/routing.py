"""Which of a site's URLs are articles, listings or neither, decided without fetching them
where possible: the registry's regexes first (an override), then the URL shapes this site's
own pages taught (learnt from the pages already classified, kept in the archive between
runs), then its CMS family's URL patterns. What none of them knows is fetched and the page
itself decides (page/classify.py), which teaches its shape.

A shape is a URL with its variable parts named: digits are {n}, a slug (a path segment of
three words or more) is {slug}, query values likewise; so /news/hoat-dong-hoi/trao-qua-tet-
cho-ho-ngheo-927.html and its siblings share /news/hoat-dong-hoi/{slug}-{n}.html. A shape
that taught more than one kind (WordPress posts and pages share /{slug}/) decides nothing:
each of its URLs is fetched; a page of no kind is also remembered by its exact URL, so it
is not fetched again whatever its shape says.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

from ctd_crawler.page.classify import ARTICLE, KINDS, LISTING, OTHER
from ctd_crawler.page.layouts import GENERIC, Layout
from ctd_crawler.page.layouts.base import path_query
from ctd_crawler.sites import Site

_DIGITS = re.compile(r"\d+")
# A segment's trailing id ("-927", "-a15167", "-post393387") and extension, kept in the shape.
_SEGMENT = re.compile(r"^(?P<slug>.*?)(?P<id>-[a-z]{0,4}\d+)?(?P<ext>\.[a-z]{2,5}/?)?$", re.I)
_SLUG_WORDS = 3  # words in a segment that make it a slug, not a name ("tin-tuc" is a name)


def shape(url: str) -> str:
    """The URL's shape: path and query with their variable parts named (see module)."""
    parts = urlsplit(url)
    segments = parts.path.split("/")
    out = [_segment(s) for s in segments]
    query = "&".join(f"{k}={_value(v)}" for k, v in sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return "/".join(out) + (f"?{query}" if query else "")


def _segment(segment: str) -> str:
    if not segment or segment.isdigit():
        return "{n}" if segment else segment
    m = _SEGMENT.match(segment)
    slug, ident, ext = m["slug"], m["id"] or "", m["ext"] or ""
    if len(re.split(r"[-_]+", slug)) >= _SLUG_WORDS:
        return "{slug}" + _DIGITS.sub("{n}", ident) + ext
    return _DIGITS.sub("{n}", segment)


def _value(value: str) -> str:
    head, sep, tail = value.partition(":")  # Joomla's "1286:alias"
    if sep:
        return _value(head) + ":" + _value(tail)
    if len(re.split(r"[-_]+", value)) >= _SLUG_WORDS:
        return "{slug}"
    return _DIGITS.sub("{n}", value)


class Router:
    """One site's routing: what it knows, and what its pages teach it."""

    def __init__(self, site: Site, layout: Layout, learnt: dict[str, Counter] | None = None):
        self.site = site
        self.layout = layout
        # shape (or, for a page of no kind, its exact URL: a shape without variables) -> kinds seen
        self.learnt: dict[str, Counter] = learnt if learnt is not None else {}
        self._article = re.compile(site.article_url) if site.article_url else None
        self._listing = re.compile(site.listing_url) if site.listing_url else None

    def registry_kind(self, url: str) -> str | None:
        """What the registry's own regexes say (an override: the page is not asked)."""
        where = path_query(url)
        if self._article and self._article.search(where):
            return ARTICLE
        if self._listing and self._listing.search(where):
            return LISTING
        return None

    def kind(self, url: str) -> str | None:
        """ARTICLE, LISTING, OTHER, or None: unknown until its page is seen."""
        if known := self.registry_kind(url):
            return known
        if self.learnt.get(url):
            return OTHER
        taught = self.learnt.get(shape(url))
        if taught:
            kinds = [k for k in KINDS if taught[k]]
            # a shape whose pages were of more than one kind decides nothing: each page decides
            return kinds[0] if len(kinds) == 1 else None
        if self.layout.family != GENERIC:
            if self.layout.is_article_url(url):
                return ARTICLE
            if self.layout.is_listing_url(url):
                return LISTING
        return None

    def learn(self, url: str, kind: str, *, exact: bool = False) -> list[tuple[str, str]]:
        """Record what a page turned out to be; returns the (pattern, kind) rows to keep.
        `exact`: only this URL (an off-topic story teaches nothing of its shape)."""
        rows = [] if exact else [(shape(url), kind)]
        if kind == OTHER:
            rows.append((url, kind))  # also known by itself, even where its shape is ambiguous
        for pattern, k in rows:
            self.learnt.setdefault(pattern, Counter())[k] += 1
        return rows
