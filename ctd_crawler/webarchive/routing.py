"""Which URLs of a site may be articles: the one place web archives ask the site's routing.

The crawl's routing (crawl/routing.py): the registry's regexes, the family's patterns.
A URL it calls a listing or a page of no kind is not fetched; an article, or a URL it does
not know, is, and its page decides (crawl/article.py classifies every page it reads).
"""

from __future__ import annotations

from functools import cache

from ctd_crawler.crawl.routing import Router
from ctd_crawler.page.classify import ARTICLE
from ctd_crawler.page.layouts import GENERIC, get_layout
from ctd_crawler.sites import Site


def is_article_url(site: Site, url: str) -> bool:
    return site_router(site).kind(url) in (ARTICLE, None)


@cache
def site_router(site: Site) -> Router:
    return Router(site, get_layout(site.family or GENERIC))
