"""Old table-layout portals (ASP / ASP.NET WebForms era) of provincial chapters.

The page is nested `<table>`s inside one `<form id="aspnetForm">`; the article sits in
table cells or in WebForms labels whose generated ids end in the control name
(`ctl00_..._lblTitle`, `..._lblTieuDe`, `..._lblContent`, `..._lblNoiDung`). Text is
`<br>`-separated with `&nbsp;` indents and `<font>` tags; the date is a label line
("Ngày đăng: 24/06/2024"); the byline, when the portal has no author field, is a short
right-aligned last paragraph of the content. "Các tin bài khác", the video block and
the slideshow live in other cells and never in the content label.
"""

from __future__ import annotations

import re

from ctd_crawler.page.layouts.base import Layout

# Generated WebForms ids keep the control name at the end: match on it, not on the prefix.
_ID = "contains(translate(@id,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz'),'{}')"
_CLS = "contains(translate(@class,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz'),'{}')"


def _any(tpl: str, *names: str) -> str:
    return " or ".join(tpl.format(n) for n in names)


# A short right-aligned block closing the content: the byline ("Thu Hà - Hội CTĐ huyện Y").
_RIGHT = "(@align='right' or contains(translate(@style,' ',''),'text-align:right'))"
BYLINE = (
    f"*[self::p or self::div][{_RIGHT}][normalize-space()]"
    "[string-length(normalize-space(.)) < 80][not(following-sibling::*[normalize-space()])]"
    "[not(following-sibling::text()[normalize-space()])]"
)
_CONTENT_IDS = ("lblcontent", "lblnoidung", "lblbody", "lblchitiet", "lbldetail")
_CONTENT_CLASSES = ("news_content", "content_detail", "noidung", "chitiet", "newscontent", "detail_content")


class TablePortalLayout(Layout):
    family = "tableportal"
    title = (
        f"//*[{_any(_ID, 'lbltitle', 'lbltieude', 'lbltentin', 'lblheadline')}]",
        f"//td[{_any(_CLS, 'title_detail', 'news_title', 'tieude', 'newstitle', 'title_news')}]",
        "//meta[@property='og:title']/@content",
    )
    date = (
        f"//*[{_any(_ID, 'lbldate', 'lblngay', 'lblpostdate', 'lblcreated')}]",
        f"//td[{_any(_CLS, 'news_date', 'ngaydang', 'date_detail', 'newsdate')}]",
        # the label line itself, innermost element that starts with it
        "//*[starts-with(normalize-space(text()),'Ngày đăng') or starts-with(normalize-space(text()),'Ngày cập nhật')]",
    )
    author = (
        f"//*[{_any(_ID, 'lblauthor', 'lbltacgia', 'lblnguoiviet')}]",
        f"//td[{_any(_CLS, 'news_author', 'tacgia', 'author')}]",
        f"//*[{_any(_ID, *_CONTENT_IDS)}]//{BYLINE}",
        f"//*[self::td or self::div][{_any(_CLS, *_CONTENT_CLASSES)}]//{BYLINE}",
    )
    body = (
        f"//*[{_any(_ID, *_CONTENT_IDS)}]",
        f"//*[self::td or self::div][{_any(_CLS, *_CONTENT_CLASSES)}]",
    )
    drop = (
        ".//" + BYLINE,
        f".//*[{_any(_CLS, 'tinkhac', 'other', 'lienquan')}]",
    )
    # chi-tiet.aspx?id=12, NewsDetail.aspx?ID=12, xem-tin.asp?newsid=12, /News/Detail/12
    article_url = (
        r"(?i)(?:/(?:chi-?tiet|detail|newsdetail|news_detail|xem-?tin|viewnews|tin-?chi-?tiet)\.aspx?"
        r"\?(?:[^#]*&)?(?:id|newsid|nid|itemid)=\d+)|(?:/news/(?:detail|view)/\d+(?:/|$))"
    )
    # tin-tuc.aspx?cat=2&page=3, news.aspx?catid=4, /News/Category/4
    listing_url = (
        r"(?i)(?:/(?:tin-?tuc|news|tintuc|danh-?muc|chuyen-?muc|category|default)\.aspx?"
        r"(?:\?(?:[^#]*&)?(?:cat|catid|cid|page|p)=\d+[^#]*)?$)|(?:/news/(?:category|list)/\d+)"
    )
    signature = (
        "//input[@name='__VIEWSTATE'][//span[contains(@id,'_lbl')]][//table//td[@class]]",
    )

    def _parse_author(self, tree) -> str:
        # the author label sometimes carries its caption: "Tác giả: Thu Hà"
        return _LABEL.sub("", super()._parse_author(tree))


_LABEL = re.compile(r"^(?:Tác giả|Người viết|Tin bài|Tin, ảnh|Tin và ảnh)\s*:\s*", re.I)

LAYOUT = TablePortalLayout
