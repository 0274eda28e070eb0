"""WordPress chapter sites (classic and block themes, Jetpack, Newspaper/tagDiv themes).

A classic theme (twentytwentyone: single.php, template-parts/content/content-single.php) marks a
post as `article.post` with `h1.entry-title`, `div.entry-content` and, in `footer.entry-footer`,
`time.entry-date[datetime]` (ISO with the site's offset). A block theme (twentytwentyfour:
templates/single.html, parts/post-meta.html) has no `<article>`: `h1.wp-block-post-title`,
`div.wp-block-post-date > time[datetime]`, and the content `div.entry-content.wp-block-post-content`.
Captions are `wp-caption-text` or block `figcaption`s. Jetpack and share plugins put their boxes inside `entry-content`
(sharedaddy, jp-relatedposts, AddToAny, YARPP); widgets sit in `#secondary`. The entry-meta
author is the login that posted ("admin"); the real byline is the last paragraph of the
content, right-aligned by the editor. Default permalinks are date-based or `?p=N`; a site
on `/%postname%/` sets `article_url` in its registry entry.
"""

from __future__ import annotations

from lxml import etree

from ctd_crawler.page.bylines import is_cms_account
from ctd_crawler.page.classify import ARTICLE, LISTING, OTHER
from ctd_crawler.page.html import first, has_class, text_of
from ctd_crawler.page.layouts.base import Layout

_CONTENT = (
    "contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' td-post-content ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' post-content ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' single-content ')"
)
# The editor's byline: the content's last paragraph, right-aligned (classic or block editor).
_BYLINE = (
    f"//*[{_CONTENT}]/p[normalize-space()][last()]"
    "[contains(translate(@style, ' ', ''), 'text-align:right') or contains(@class, 'has-text-align-right')]"
)


class WordPressLayout(Layout):
    family = "wordpress"
    title = (
        "//article//h1[contains(@class, 'entry-title')]",
        "//h1[contains(@class, 'entry-title') or contains(@class, 'post-title') or contains(@class, 'tdb-title-text')]",
        "//meta[@property='og:title']/@content",
        "//article//h1",
    )
    date = (
        "//article//time[contains(@class, 'entry-date')]/@datetime",
        "//meta[@property='article:published_time']/@content",
        "//time[contains(@class, 'entry-date') or contains(@class, 'published')]/@datetime",
        # block themes: the core/post-date block
        "//*[contains(@class, 'wp-block-post-date')]/time/@datetime",
        "//*[contains(@class, 'posted-on') or contains(@class, 'entry-date') or contains(@class, 'td-post-date')]",
    )
    author = (
        _BYLINE,
        "//article//*[contains(@class, 'byline')]//*[contains(@class, 'fn')]",
        "//article//*[contains(@class, 'author') and contains(@class, 'vcard')]",
        "//meta[@name='author']/@content",
    )
    body = (
        f"//article//*[{_CONTENT}]",
        f"//*[{_CONTENT}]",
        "//article",
    )
    drop = (
        # Jetpack sharing/likes/related, AddToAny, YARPP and other related-post plugins.
        ".//*[contains(@class, 'sharedaddy') or contains(@class, 'jp-relatedposts') or @id='jp-relatedposts'"
        " or contains(@class, 'jetpack-likes') or contains(@class, 'addtoany') or contains(@class, 'a2a_kit')"
        " or contains(@class, 'yarpp') or contains(@class, 'crp_related') or contains(@class, 'heateor')"
        " or contains(@class, 'post-views') or contains(@class, 'kk-star') or contains(@class, 'code-block')"
        " or contains(@class, 'ez-toc') or @id='toc_container' or contains(@class, 'wp-block-latest-posts')]",
        ".//*[contains(@class, 'entry-footer') or contains(@class, 'entry-meta') or contains(@class, 'post-navigation')"
        " or contains(@class, 'tags-links') or contains(@class, 'cat-links')]",
        # The byline paragraph is the author, not body text.
        "./p[normalize-space()][last()][contains(translate(@style, ' ', ''), 'text-align:right')"
        " or contains(@class, 'has-text-align-right')]",
        ".//script",
    )
    # /2024/06/24/slug/, /2024/06/slug/, ?p=123 (the slug must hold a letter: /2024/06/24/ is a day archive).
    article_url = r"^/(?:\d{4}/\d{2}/(?:\d{2}/)?[^/?#]*[a-z][^/?#]*/?|\?p=\d+)$"
    # /category/tin-tuc/ (or a translated base), its /page/N/, ?cat=N, home pagination /page/N/.
    listing_url = r"^/(?:(?:category|chuyen-muc|danh-muc)/[^?#]+?(?:/page/\d+)?/?|page/\d+/?|\?cat=\d+(?:&paged=\d+)?)$"
    signature = (
        "//meta[@name='generator'][starts-with(@content, 'WordPress')]",
        "//link[contains(@href, '/wp-content/') or contains(@href, '/wp-includes/')]",
        "//script[contains(@src, '/wp-content/') or contains(@src, '/wp-includes/')]",
    )
    # core sitemaps since 5.5 (wp-includes/sitemaps/), Yoast's index, the RSS2 feed, the REST API since 4.7
    sitemap_paths = ("/wp-sitemap.xml", "/sitemap_index.xml")
    feed_paths = ("/feed/",)
    posts_api = "/wp-json/wp/v2/posts"
    # body_class() of wp-includes/post-template.php: what the template hierarchy rendered.
    page_kinds = (
        *((f"//body[{has_class(c)}]", ARTICLE) for c in ("single-post",)),
        *((f"//body[{has_class(c)}]", LISTING) for c in ("archive", "blog", "home", "search")),
        *((f"//body[{has_class(c)}]", OTHER) for c in ("page", "attachment", "error404", "single")),
    )

    def _parse_author(self, tree: etree._Element) -> str:
        for xp in self.author:
            name = text_of(first(tree, (xp,)))
            # a login WordPress prints as the author ("admin", "admin2") is not a byline
            if name and not is_cms_account(name, numbered=True):
                return name
        return ""


LAYOUT = WordPressLayout
