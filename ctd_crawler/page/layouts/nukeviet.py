"""NukeViet 3.x/4.x, module `news` (the open-source CMS many provincial bodies run).

Detail template (themes/*/modules/news/detail.tpl): `div.news_column` panel holding
`h1` (itemprop headline), the publication time (`span.h-date`, `span.h5` in the first
`.row`, `em.time` or `span.time` in older/mobile themes), the lead image
`figure.article` with its `figcaption`, the lead `div.hometext` (`#hometext` in 3.x),
the body `div#news-bodyhtml.bodytext`, then `p.h5.text-right` lines "Tác giả: ..." and
"Nguồn tin: ...". Tags, rating, share, comments and "Những tin mới hơn"/"Những tin cũ
hơn" lists (`.other-news`, `ul.related`) are separate panels. URLs:
/news/<cat>/<slug>-<id>.html (or without the module when news is the home module),
listings /news/<cat>/, /news/<cat>/page-2/, /news/page-3; a site without the rewrite file
puts /index.php/<lang> before them and ends articles with "/" (4.5: includes/functions.php
nv_url_rewrite_callback).
"""

from __future__ import annotations

import re

from lxml import etree

from ctd_crawler.page.classify import ARTICLE
from ctd_crawler.page.html import xpath
from ctd_crawler.page.layouts.base import Layout

_COL = "//div[contains(concat(' ', normalize-space(@class), ' '), ' news_column ') or @id='news_detail']"
_RIGHT = "(@align='right' or contains(translate(@style,' ',''),'text-align:right'))"
# A byline typed into the body as its short right-aligned last paragraph.
BYLINE = (
    f"*[self::p or self::div][{_RIGHT}][normalize-space()]"
    "[string-length(normalize-space(.)) < 80][not(following-sibling::*[normalize-space()])]"
)
_LABEL = re.compile(r"^\s*(?:Tác giả(?: bài viết)?|Người viết|Nguồn tin|Nguồn|Author|Source)\s*:\s*", re.I)


class NukeVietLayout(Layout):
    family = "nukeviet"
    title = (
        f"{_COL}//h1",
        "//h1[@itemprop='headline']",
        "//meta[@property='og:title']/@content",
    )
    date = (
        f"{_COL}//*[contains(@class,'h-date')]",
        f"{_COL}//div[contains(@class,'row')]//span[contains(@class,'h5')]",
        f"{_COL}//*[self::em or self::span][contains(concat(' ', normalize-space(@class), ' '), ' time ')]",
        "//*[@itemprop='datePublished']",
        "//meta[@property='article:published_time']/@content",
    )
    # "Tác giả bài viết: X" first, then "Nguồn tin: Y", then a byline typed into the body.
    author = (
        f"{_COL}//p[contains(@class,'text-right')][contains(normalize-space(strong),'Tác giả')]",
        f"{_COL}//p[contains(@class,'text-right')][strong]",
        f"{_COL}//p[{_RIGHT}][strong[contains(.,'Tác giả') or contains(.,'Nguồn')]]",
        f"//div[@id='news-bodyhtml']/{BYLINE}",
    )
    # Lead image caption, lead (hometext) and body, in page order.
    # (4.x: div#news-bodyhtml.bodytext; 3.x: div.bodytext inside div#news_detail)
    parts = (
        f"{_COL}//figure[contains(@class,'article')]//figcaption"
        f" | {_COL}//div[contains(@class,'hometext') or @id='hometext']"
        " | //div[@id='news-bodyhtml']"
        f" | {_COL}//div[contains(concat(' ', normalize-space(@class), ' '), ' bodytext ')]",
        "//*[@itemprop='articleBody']",
    )
    drop = (
        BYLINE,
        ".//*[contains(@class,'news-download-file') or contains(@class,'hidden')]",
        ".//figure[contains(@class,'noncaption')]",
    )
    # Rewriting on: /news/<cat>/<slug>-<id>.html; without the rewrite file NukeViet routes through
    # index.php and ends every URL with "/": /index.php/vi/news/<Cat>/<Slug>-<id>/; rewriting off: ?op=.
    article_url = (
        r"(?i)^(?:/index\.php)?(?:/[a-z]{2})?(?:/[\w-]+)?/(?!(?:tag|search|rss|topic|groups|sitemap|print|savefile)/)"
        r"[\w-]+/(?!page-\d+/?$)[\w-]+-\d+(?:\.html?|/)$"
        r"|[?&]op=[\w-]+/[\w-]+-\d+(?:&|$)"
    )
    listing_url = (
        r"(?i)^(?:/index\.php)?(?:/[a-z]{2})?/(?:news|tin-tuc)"
        r"(?:/(?!(?:tag|search|rss|topic|groups|sitemap)/)[\w-]+)?/(?:page-\d+/?)?$"
    )
    signature = (
        "//meta[@name='generator'][starts-with(@content,'NukeViet')]",
        "//div[@id='news-bodyhtml']",
    )
    # .htaccess: sitemap.xml is rewritten to it; robots.txt names it when SEO tools wrote robots.txt
    sitemap_paths = ("/index.php?nv=SitemapIndex",)
    # The news module's detail template (detail.tpl); listings and other modules lack it.
    page_kinds = (("//div[@id='news-bodyhtml']", ARTICLE),)

    def _parse_author(self, tree: etree._Element) -> str:
        return _LABEL.sub("", super()._parse_author(tree)).strip()

    def _parse_body(self, tree: etree._Element) -> str:
        for xp in self.parts:
            nodes = [n for n in xpath(tree, xp) if isinstance(n, etree._Element)]
            # a figcaption inside the hometext/body would be read twice
            nodes = [n for n in nodes if not any(a in nodes for a in n.iterancestors())]
            body = "\n\n".join(t for t in map(self._clean_text, nodes) if t)
            if body:
                return body
        return ""


LAYOUT = NukeVietLayout
