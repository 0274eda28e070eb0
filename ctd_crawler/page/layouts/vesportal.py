"""The "VES portal" of the Bắc Giang chapter (chuthapdobg.org.vn): a closed CMS.

No template of it is published; what public copies of its pages show (see
fixtures/sites/chuthapdobg.org.vn/TEMPLATE.md): articles at
`/ves-portal/<id>/<UPPERCASE-TITLE>.html`, static pages at `/node/<n>`, the menu TRANG
CHỦ / GIỚI THIỆU / TIN TỨC / CÔNG TÁC HỘI / ĐỊA CHỈ NHÂN ĐẠO / THƯ VIỆN, an upper-case
title, a "Ngày đăng: dd/mm/yyyy" line, the body with `&nbsp;`-indented paragraphs and
centred captions, then "Các tin bài khác:", banner links and a "TRANG VIDEO" column whose
items carry their own dates ("Ngày: 09-07-2024 03:03"). The portal names no author.
"""

from __future__ import annotations

from ctd_crawler.page.classify import ARTICLE
from ctd_crawler.page.html import has_class
from ctd_crawler.page.layouts.base import Layout

_DETAIL = f"//div[{has_class('ves-news-detail')}]"


class VesPortalLayout(Layout):
    family = "vesportal"
    title = (
        f"{_DETAIL}//h1",
        "//h1[contains(@class, 'ves-news-title')]",
        "//title",
    )
    # The date line says "Ngày đăng: 24/06/2024"; the video column's "Ngày: ..." is another item's.
    date = (
        f"{_DETAIL}//*[contains(@class, 'ves-news-date')]",
        f"{_DETAIL}//*[starts-with(normalize-space(), 'Ngày đăng')]",
    )
    body = (
        f"{_DETAIL}//div[contains(@class, 'ves-news-content')]",
    )
    drop = (
        ".//*[contains(@class, 'ves-other') or contains(@class, 'ves-banner') or contains(@class, 'ves-video')]",
        ".//script",
    )
    article_url = r"^/ves-portal/\d+/[A-Za-z0-9-]+\.html?$"
    listing_url = r"^/ves-portal/chuyen-muc/\d+/[A-Za-z0-9-]+\.html?(?:\?page=\d+)?$"
    signature = (
        "//div[@id='ves-page' or @id='ves-content']",
        "//a[starts-with(@href, '/ves-portal/')][//*[contains(@class, 'ves-')]]",
    )
    page_kinds = ((_DETAIL, ARTICLE),)  # static pages share it, undated


LAYOUT = VesPortalLayout
