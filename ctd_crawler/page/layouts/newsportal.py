"""Modern Vietnamese online-newspaper CMSes (the e-paper family: Nhân đạo online and kin).

Markup these CMSes share: `h1.detail-title` (or `article__title`, `cms-title`), a sapo
paragraph outside the body (`detail-sapo`, `article__sapo`, `cms-desc`), the body in
`detail-content` / `article-body` / `cms-body` with `figure.image > figcaption` captions,
"Xem thêm"/"Đọc thêm" boxes of links inside the body, a tags box, the byline after the
body, `article:published_time` meta and a JSON-LD NewsArticle. Article URLs end in a
numeric id (`-post123456.html`, `-d123456.html`, `-123456.htm`); the magazine's CMS
numbers its articles from the start, so its `-a<id>.html` ids have 2 to 5 digits (a83,
a15167) and its `/print-<id>.html` copies are not articles of their own. Categories and
tag pages of the form `/<slug>-tag<id>.html` paginate with `?page=N` or `/trang-N`.
"""

from __future__ import annotations

from ctd_crawler.page.classify import ARTICLE
from ctd_crawler.page.html import has_class as _cls
from ctd_crawler.page.layouts.base import Layout

# Paths that carry a numeric id but are not news articles.
_NOT_ARTICLE = r"^(?!/(?:video|videos|podcast|tag|tags|chu-de|tim-kiem|search|rss|media)(?:/|\.|$))(?!/print-\d+\.html?$)"
# The id at the end of an article URL: `a` + 2 digits or more, else 4 digits or more.
_ID = r"-(?:a\d{2,}|(?:post|d|n|p|ar)?\d{4,})\.html?$"
# Service pages at the top level of these sites that are not category listings.
_NOT_LISTING = (r"^(?!.*" + _ID + r")(?!/print-\d+\.html?$)(?!/(?:tag|tags|video|videos|podcast|tim-kiem|search|rss|"
                r"lien-he|gioi-thieu|toa-soan|quang-cao|dang-nhap|dang-ky|login|admin)(?:/|\.|$|\?))")


class NewsPortalLayout(Layout):
    family = "newsportal"
    title = (
        f"//h1[{_cls('detail-title')} or {_cls('article__title')} or {_cls('cms-title')} or {_cls('title-detail')} or {_cls('article-title')}]",
        "//article//h1",
        "//meta[@property='og:title']/@content",
        "//h1",
    )
    # The ISO meta first: it carries the time zone; the visible "Thứ Hai, 24/06/2024 - 08:30" next.
    date = (
        "//meta[@property='article:published_time']/@content",
        "//meta[@itemprop='datePublished']/@content",
        f"//*[{_cls('detail-time')} or {_cls('article__meta')} or {_cls('date-time')} or {_cls('publish-date')}]//time/@datetime",
        f"//*[{_cls('detail-time')} or {_cls('publish-date')} or {_cls('date-time')} or {_cls('article__time')} or {_cls('cms-date')}]",
        "//time[@datetime]/@datetime",
    )
    author = (
        f"//*[{_cls('detail-author')} or {_cls('article__author')} or {_cls('cms-author')} or {_cls('author-name')}]",
        "//*[@itemprop='author']//*[@itemprop='name']",
        f"//*[{_cls('author')}]",
    )
    sapo = (
        f"//*[{_cls('detail-sapo')} or {_cls('article__sapo')} or {_cls('cms-desc')} or {_cls('sapo')} or {_cls('detail-summary')}]",
    )
    body = (
        f"//*[{_cls('detail-content')} or {_cls('article-body')} or {_cls('article__body')} or {_cls('cms-body')}]",
        "//*[@itemprop='articleBody']",
        f"//*[{_cls('detail-cmain')} or {_cls('singular-content')} or {_cls('fck_detail')} or {_cls('content-detail')}]",
    )
    drop = (
        # "Xem thêm"/"Đọc thêm" boxes: VCCorp-style typed boxes, class-named boxes, link paragraphs.
        ".//*[@type='RelatedNewsBox' or @type='RelatedOneNews' or @type='RelatedNews']",
        ".//*[contains(@class, 'relate') or contains(@class, 'readmore') or contains(@class, 'read-more')"
        " or contains(@class, 'xem-them') or contains(@class, 'doc-them') or contains(@class, 'box-link')]",
        ".//p[.//a][starts-with(normalize-space(.), 'Xem thêm') or starts-with(normalize-space(.), 'Đọc thêm')"
        " or starts-with(normalize-space(.), 'XEM THÊM') or starts-with(normalize-space(.), 'ĐỌC THÊM')]",
        # Tags, byline and sapo when a CMS nests them in the body container (each read on its own).
        ".//*[contains(@class, 'tags') or contains(@class, 'tag-') or contains(@class, '-tag')]",
        f".//*[{_cls('detail-author')} or {_cls('article__author')} or {_cls('cms-author')} or {_cls('author')}]",
        f".//*[{_cls('detail-sapo')} or {_cls('article__sapo')} or {_cls('cms-desc')} or {_cls('sapo')}]",
        f".//*[contains(@class, 'banner') or contains(@class, 'advert') or {_cls('ads')} or {_cls('ad')}]",
        ".//script",
    )
    article_url = _NOT_ARTICLE + r"/(?:[a-z0-9-]+/)*[a-z0-9-]+" + _ID
    listing_url = (
        _NOT_LISTING
        + r"/[a-z0-9-]+(?:/[a-z0-9-]+)?(?:/trang-\d+(?:\.html?)?|\.html?)?/?(?:\?page=\d+)?$"
    )
    signature = (
        f"//h1[{_cls('detail-title')}]",
        f"//*[{_cls('detail-sapo')}]",
        f"//*[{_cls('article__sapo')} or {_cls('cms-desc')}]",
    )
    page_kinds = ((f"//*[{_cls('detail-content')} or {_cls('article-body')} or {_cls('article__body')}"
                   f" or {_cls('cms-body')}]", ARTICLE),)


LAYOUT = NewsPortalLayout
