"""3cms, the portal CMS of Quảng Bình's provincial bodies (hoichuthapdoquangbinh.gov.vn).

No template of it is published; what public copies show (see
fixtures/sites/hoichuthapdoquangbinh.gov.vn/TEMPLATE.md): every page is
`/3cms/<Page>-<n>.htm`, the category page of category n, and an article is that page
with `?art=<13-digit id>` (the id is the article's creation time in milliseconds). The
article panel: title, "Thứ Ba, 15/10/2019, 09:12", a bold summary (the lead: article
text, read first), the content with captions in image tables, then the author's name on
its own line, and "Các tin đã đưa" (older items, with dates) after it.
"""

from __future__ import annotations

import re

from ctd_crawler.page.classify import ARTICLE
from ctd_crawler.page.html import has_class
from ctd_crawler.page.layouts.base import Layout

_DETAIL = f"//div[{has_class('art-detail')}]"
_LABEL = re.compile(r"^\s*(?:Tác giả|Tin, ảnh|Tin và ảnh|Tin|Bài|Nguồn)\s*:\s*", re.I)


class ThreeCmsLayout(Layout):
    family = "threecms"
    title = (
        f"{_DETAIL}//h1",
        "//meta[@property='og:title']/@content",
    )
    date = (
        f"{_DETAIL}//*[contains(@class, 'art-date')]",
    )
    author = (
        f"{_DETAIL}//*[contains(@class, 'art-author')]",
    )
    sapo = (
        f"{_DETAIL}//*[contains(@class, 'art-summary')]",
    )
    body = (
        f"{_DETAIL}//*[contains(@class, 'art-content')]",
    )
    drop = (
        ".//*[contains(@class, 'art-other') or contains(@class, 'art-tools')]",
        ".//script",
    )
    # /3cms/Tin-hoat-dong-12.htm?art=1673407800317 (other query parameters may come first)
    article_url = r"^/3cms/[A-Za-z0-9-]+-\d+\.htm\?(?:[^#]*&)?art=\d{13}(?:&|$)"
    # Category pages share the shape of the portal's static pages: those are told by name.
    listing_url = (r"^/3cms/(?!(?:Gioi-thieu|Lien-he|Tim-kiem|So-do-site|Co-cau-to-chuc|Lich-su)-\d+\.htm)"
                   r"[A-Za-z0-9-]+-\d+\.htm(?:\?page=\d+)?$")
    signature = (
        f"{_DETAIL}[.//*[contains(@class, 'art-title')]][//a[starts-with(@href, '/3cms/')]]",
        "//a[starts-with(@href, '/3cms/')][contains(@href, '?art=')]",
    )
    page_kinds = ((_DETAIL, ARTICLE),)  # static pages share it, undated

    def _parse_author(self, tree) -> str:
        return _LABEL.sub("", super()._parse_author(tree)).strip()


LAYOUT = ThreeCmsLayout
