"""Which URLs of a site are articles: the one place web archives ask the site's routing.

Today that is the CMS family's URL patterns (with the registry's overrides), as the
spider uses them. How sites are routed is changing (URL shapes learnt per site): swap
this function, and backfill and import follow.
"""

from __future__ import annotations

from functools import cache

from ctd_crawler.page.layouts import Layout, get_layout
from ctd_crawler.sites import Site


def is_article_url(site: Site, url: str) -> bool:
    return _layout(site.family, site.article_url, site.listing_url).is_article_url(url)


@cache
def _layout(family: str, article_url: str | None, listing_url: str | None) -> Layout:
    return get_layout(family, article_url=article_url, listing_url=listing_url)
