"""Joomla 3/4/5, component com_content (Cassiopeia, Protostar and templates built on them).

Article view (components/com_content/tmpl/article/default.php): `div.com-content-article.item-page`
holding `div.page-header > h1` (h2 in Joomla 3, `itemprop=headline|name` where microdata is on),
the info block `dl.article-info` (layouts/joomla/content/info_block/*.php: `dd.createdby` "Viết bởi:
<span>name</span>", `dd.published > time[datetime]`, category, hits), then the text in
`div.com-content-article__body` (`itemprop=articleBody` in 3.x/4.x), then `nav.pagenavigation`
(previous/next article) and tags. The author is the article's `created_by_alias` or the login that
wrote it ("Super User": an account, not a person); chapter editors often type the byline as the
body's last right-aligned paragraph. Category blog pages (tmpl/category/blog.php) list
`div.blog-item`s and paginate with `?start=N` (SEF) or `&limitstart=N`.

URLs: SEF without rewriting `/index.php/<menu>/<id>-<alias>`, with rewriting `/<menu>/<id>-<alias>`
(optionally `.html`); SEF off `index.php?option=com_content&view=article&id=<id>:<alias>&catid=..&Itemid=..`.
"""

from __future__ import annotations

from lxml import etree

from ctd_crawler.page.bylines import is_cms_account
from ctd_crawler.page.classify import ARTICLE, LISTING, OTHER
from ctd_crawler.page.html import first, has_class, text_of
from ctd_crawler.page.layouts.base import Layout

_PAGE = "//div[contains(concat(' ', normalize-space(@class), ' '), ' item-page ')]"
_INFO = f"{_PAGE}//dl[contains(@class, 'article-info')]"
_BODY = (
    "//div[contains(@class, 'com-content-article__body')]",
    f"{_PAGE}//div[@itemprop='articleBody']",
)
_RIGHT = "(@align='right' or contains(translate(@style, ' ', ''), 'text-align:right'))"
# The editor's byline: the body's short last paragraph, right-aligned.
BYLINE = (
    f"p[{_RIGHT}][normalize-space()][string-length(normalize-space(.)) < 80]"
    "[not(following-sibling::*[normalize-space()])]"
)


class JoomlaLayout(Layout):
    family = "joomla"
    title = (
        f"{_PAGE}//div[contains(@class, 'page-header')]/*[self::h1 or self::h2]",
        f"{_PAGE}//*[@itemprop='headline' or @itemprop='name'][self::h1 or self::h2]",
        "//meta[@property='og:title']/@content",
    )
    date = (
        f"{_INFO}//dd[contains(@class, 'published')]//time/@datetime",
        f"{_INFO}//dd[contains(@class, 'create')]//time/@datetime",
        f"{_INFO}//dd[contains(@class, 'published') or contains(@class, 'create')]",
        "//meta[@itemprop='datePublished']/@content",
    )
    # The alias or login of the info block, then a byline typed into the body.
    author = (
        f"{_INFO}//dd[contains(@class, 'createdby')]//span[not(@aria-hidden)]",
        *(f"{body}/{BYLINE}" for body in _BODY),
        "//meta[@name='author']/@content",
    )
    body = _BODY
    drop = (
        BYLINE,
        ".//*[contains(@class, 'article-info') or contains(@class, 'pagenavigation') or contains(@class, 'tags')]",
        ".//script",
    )
    article_url = (
        r"(?i)^(?:/index\.php)?(?:/[\w-]+)+/\d+-[\w-]+(?:\.html?)?$"
        r"|^/index\.php\?(?!.*\b(?:format|tmpl|print)=)(?=.*\bview=article\b)(?=.*\bid=\d+)"
    )
    # A menu item (one level) and its pages; SEF off: the category and featured views.
    listing_url = (
        r"(?i)^(?:/index\.php)?/(?!component/|index\.php)[\w-]+/?(?:\?(?:start|limitstart)=\d+)?$"
        r"|^/index\.php\?(?!.*\b(?:format|tmpl|print)=)(?=.*\bview=(?:category|featured)\b)"
    )
    signature = (
        "//meta[@name='generator'][starts-with(@content, 'Joomla')]",
        "//div[contains(@class, 'com-content-article')]",
        f"{_INFO}",
    )
    sitemap_paths = ()  # core has none; the featured (home) view's feed lists the latest articles
    feed_paths = ("/index.php?format=feed&type=rss",)
    # The template prints the view in the body class (Cassiopeia index.php: "view-<view>").
    page_kinds = (
        (f"//body[{has_class('view-article')}]", ARTICLE),
        *((f"//body[{has_class(c)}]", LISTING) for c in ("view-category", "view-featured", "view-archive", "view-tag")),
        ("//body[contains(concat(' ', normalize-space(@class)), ' view-')]", OTHER),
    )

    def _parse_author(self, tree: etree._Element) -> str:
        for xp in self.author:
            name = text_of(first(tree, (xp,)))
            # "Super User", "admin": the login that posted, not a byline
            if name and not is_cms_account(name):
                return name
        return ""


LAYOUT = JoomlaLayout
