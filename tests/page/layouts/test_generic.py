"""The generic fallback, run on every fixture page as if its family were unknown: no site
rules, only page structure. It is what keeps the archive useful when a site changes its
markup, so it must come close to the family layouts on all of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ctd_crawler.extract.dates import find_published
from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import GENERIC, detect_family, get_layout
from ctd_crawler.page.metadata import date_candidates_of
from ctd_crawler.page.parse import parse_page
from ctd_crawler.quality import token_f1
from ctd_crawler.sites import site_for_url
from tests.page.layouts.pages import expected_family, expected_files, page_of
from tests.page.layouts.test_every_article import STAMP, STAMPED
from tests.paths import SITES

CASES = expected_files()


def _load(path: Path):
    truth = json.loads(path.read_text("utf-8"))
    text, _ = decode_html(page_of(path).read_bytes())
    return truth, text, get_layout(GENERIC).parse(parse_html(text), truth["url"])


@pytest.fixture(scope="module", params=CASES, ids=lambda p: p.stem[:50])
def case(request):
    return _load(request.param)


def test_title(case):
    truth, _, raw = case
    assert raw.title == truth["title"]


def test_body_is_close_to_the_hand_written_one(case):
    truth, _, raw = case
    assert token_f1(raw.body_text, truth["body_text"]) >= 0.9


# redcross.org.vn's classic theme dates a post only in the <article>'s own
# `footer.entry-footer` (twentytwentyone): read as the article's, not as page furniture.
# Its migration-stamped stories claim the stamp, as their pages do (see test_every_article.STAMPED).
@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem[:50]) for p in CASES])
def test_date_found_near_the_title_or_in_page_metadata(path):
    truth, text, raw = _load(path)
    found = find_published(date_text=raw.date_text, metadata=date_candidates_of(text), url=truth["url"])
    if page_of(path).relative_to(SITES).as_posix() in STAMPED:
        assert found is not None and found.value[:16] == STAMP
    elif truth["published_at"] is None:  # the page shows no date of its own
        assert found is None
    else:
        assert found is not None and found.value[:10] == truth["published_at"][:10]


def test_detected_family_is_the_one_that_reads_the_page(case):
    # a home-made portal (hoichuthapdodaklak.org.vn) is generic: no family may claim it
    truth, text, _ = case
    assert detect_family(parse_html(text)) == expected_family(truth)


UNKNOWN_PAGE = """<html><head><title>Trao quà cho hộ nghèo | Báo Tỉnh</title>
<meta name="author" content="Lan Anh"></head><body>
<div class="top-menu"><a href="/">Trang chủ</a> <a href="/xa-hoi">Xã hội</a></div>
<div class="wrapper"><div class="col-left">
<h1>Trao quà cho hộ nghèo</h1><div class="meta">Cập nhật: 09-07-2024 03:03</div>
<div class="body"><p>Sáng 8/7, Hội Chữ thập đỏ huyện trao 120 suất quà cho các hộ nghèo, mỗi suất trị giá 500.000 đồng, gồm gạo, dầu ăn và tiền mặt.</p>
<p>Dịp này, các nhà hảo tâm cũng trao 20 suất học bổng cho học sinh vượt khó học giỏi trên địa bàn, với tổng kinh phí 60 triệu đồng.</p>
<div class="box-xemthem"><a href="/a">Xem thêm: Khánh thành nhà nhân đạo</a></div></div></div>
<div class="col-right sidebar"><h3>Tin đọc nhiều</h3><p>Một bài khác rất dài về chuyện khác, không thuộc bài viết này, có nhiều chữ.</p></div>
</div><div id="copyright">Bản quyền © 2024 Báo Tỉnh. Ngày 01/01/2024</div></body></html>"""


@pytest.fixture(scope="module")
def unknown():
    return get_layout(GENERIC).parse(parse_html(UNKNOWN_PAGE), "https://baotinh.example.vn/a.html")


def test_unknown_layout_title_date_author(unknown):
    assert (unknown.title, unknown.date_text, unknown.author) == (
        "Trao quà cho hộ nghèo", "Cập nhật: 09-07-2024 03:03", "Lan Anh")


def test_unknown_layout_body_is_the_text_only(unknown):
    assert unknown.body_text.startswith("Sáng 8/7, Hội Chữ thập đỏ huyện trao 120 suất quà")
    assert unknown.body_text.endswith("tổng kinh phí 60 triệu đồng.")
    for furniture in ("Trang chủ", "Xem thêm", "Tin đọc nhiều", "Bản quyền"):
        assert furniture not in unknown.body_text


QB_PAGE = SITES / "hoichuthapdoquangbinh.gov.vn" / "3cms" / "Cuu-tro-khan-cap-15.htm@art=1603760700317"


def test_redesigned_site_falls_back_to_generic_and_says_so():
    # a Quảng Bình 3cms article after a redesign renamed its panel: the threecms layout no
    # longer finds its title, date or text, the generic one does
    damaged = QB_PAGE.read_bytes().replace(b'class="art-detail"', b'class="news-panel"')
    assert b"art-detail" not in damaged
    url = "http://hoichuthapdoquangbinh.gov.vn/3cms/Cuu-tro-khan-cap-15.htm?art=1603760700317"
    item = parse_page(damaged, url, site=site_for_url(url))
    assert item.layout == "threecms"
    assert set(item.fallbacks) >= {"title", "body_text"}
    assert item.title == "Trao 500 suất quà cho người dân vùng lũ huyện Lệ Thủy"
    assert "500 suất quà" in item.body_text and "Các tin đã đưa" not in item.body_text


def test_the_undamaged_page_needs_no_fallback():
    url = "http://hoichuthapdoquangbinh.gov.vn/3cms/Cuu-tro-khan-cap-15.htm?art=1603760700317"
    item = parse_page(QB_PAGE.read_bytes(), url, site=site_for_url(url))
    assert (item.layout, item.fallbacks) == ("threecms", [])


PROSE = ("<p>Sáng 12/9, Hội Chữ thập đỏ huyện đã trao 200 suất quà cho các hộ gia đình bị thiệt hại do bão, "
         "mỗi suất gồm gạo, mì tôm và tiền mặt.</p>")


def _title(head: str, body: str) -> str:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return get_layout(GENERIC).parse(parse_html(page), "https://ctd.example.vn/tin/a-12345.html").title


@pytest.mark.parametrize("head, body, title", [
    # an ASCII <title> (old sites): the heading that spells it, with its diacritics
    ("<title>Hoi CTD tinh - Trao qua cho ho bi thiet hai do bao</title>",
     f"<table><tr><td><font><b>Trao quà cho hộ bị thiệt hại do bão</b></font></td></tr><tr><td>{PROSE}</td></tr></table>",
     "Trao quà cho hộ bị thiệt hại do bão"),
    # a portal whose h2 is the portlet's name; the article title is a styled span
    ("<title>Trao quà cho hộ bị thiệt hại do bão - Tin tức - Sự kiện - Hội CTĐ tỉnh</title>",
     f'<h2 class="portlet-title">Tin tức - Sự kiện</h2><span class="asset-title">Trao quà cho hộ bị thiệt hại do bão</span>'
     f'<div class="journal-content">{PROSE}</div>', "Trao quà cho hộ bị thiệt hại do bão"),
    # a <title> that names only the site: the last heading before the text
    ("<title>Chi tiết tin - Hội Chữ thập đỏ tỉnh</title>",
     f'<h1 class="site-title">Hội Chữ thập đỏ tỉnh Cà Mau</h1><div class="sidebar"><h3>Tin mới nhất trong tuần qua</h3></div>'
     f'<h3 class="title-news">Trao quà cho hộ bị thiệt hại do bão</h3><div class="noidung">{PROSE}</div>',
     "Trao quà cho hộ bị thiệt hại do bão"),
    # not a breadcrumb item or a link that repeats the title (in capitals here)
    ("<title>Hội CTĐ tỉnh - Trao quà cho hộ bị thiệt hại do bão</title>",
     f'<div class="breadcrumb"><span>TRAO QUÀ CHO HỘ BỊ THIỆT HẠI DO BÃO</span></div>'
     f'<a href="/tin/a-12345.html">TRAO QUÀ CHO HỘ BỊ THIỆT HẠI DO BÃO</a>'
     f'<p class="tieu-de">Trao quà cho hộ bị thiệt hại do bão</p><div>{PROSE}</div>',
     "Trao quà cho hộ bị thiệt hại do bão"),
])
def test_title_found_where_no_heading_matches_the_page_title(head, body, title):
    assert _title(head, body) == title


def _author(head: str, body: str) -> str | None:
    page = f"<html><head>{head}</head><body><h1>Trao quà cho hộ bị thiệt hại do bão</h1>{body}{PROSE}</body></html>"
    return get_layout(GENERIC).parse(parse_html(page), "https://ctd.example.vn/tin/a-12345.html").author


@pytest.mark.parametrize("head, body, author", [
    ('<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Thanh Hà"}}'
     "</script>", "", "Thanh Hà"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "Article", "author": [{"name": "Bảo Ngọc"}]}]}</script>',
     "", "Bảo Ngọc"),
    ("", '<div class="field"><div class="field__label">Tác giả</div><div class="field__item">Hải Yến</div></div>',
     "Hải Yến"),
    ("", '<div class="tac-gia"><span>Tác giả: Hồng Nhung</span></div>', "Hồng Nhung"),
    # a CMS account is nobody: the next source speaks
    ('<meta name="author" content="Super User"><script type="application/ld+json">'
     '{"@type": "NewsArticle", "author": {"name": "Minh Thu"}}</script>', "", "Minh Thu"),
    ('<meta name="author" content="admin">', "", None),
    # JSON-LD of something else than the article; a label with nothing after it
    ('<script type="application/ld+json">{"@type": "Organization", "name": "Hội CTĐ tỉnh"}</script>', "", None),
    ("", "<p>Tác giả</p>", None),
])
def test_author_sources(head, body, author):
    assert _author(head, body) == author


def _date_text(after: str, before: str = "") -> str | None:
    page = (f"<html><head><title>Trao quà cho hộ bị thiệt hại do bão</title></head><body>"
            f"<h1>Trao quà cho hộ bị thiệt hại do bão</h1>{before}<div class='noidung'>{PROSE}{PROSE}</div>{after}"
            "</body></html>")
    return get_layout(GENERIC).parse(parse_html(page), "https://ctd.example.vn/tin/a-12345.html").date_text


@pytest.mark.parametrize("after, before, date_text", [
    # old sites date the article under it, after the byline
    ('<p align="right"><b>Hoàng Nam</b><br><i>Thứ Hai, ngày 5 tháng 2 năm 2024</i></p>', "",
     "Thứ Hai, ngày 5 tháng 2 năm 2024"),
    ('<p align="right"><font>(05-08-2024)</font></p><b>Các tin khác:</b><a href="/b">Tin khác</a> (01-09-2024)', "",
     "(05-08-2024)"),
    # a date under the title wins
    ("<p>(05-08-2024)</p>", "<div class='ngay'>Ngày đăng: 03/08/2024</div>", "Ngày đăng: 03/08/2024"),
    # not the dates of a related list or of comments
    ('<b>Các tin khác:</b><ul><li><a href="/b">Tin khác về hiến máu</a> (01-09-2024)</li></ul>', "", None),
    ('<div class="comments"><p>Minh (12/09/2024): Rất ý nghĩa</p></div>', "", None),
    # nor a date far below the text
    ("<p>Hoàng Nam</p><p>Ảnh: Tư liệu</p><p>Chia sẻ</p><p>In bài</p><p>Cỡ chữ</p><p>01/09/2024</p>", "", None),
])
def test_date_line_under_the_text(after, before, date_text):
    assert _date_text(after, before) == date_text


# -- a home-made chapter portal with no family (hoichuthapdodaklak.org.vn) ---------------------

DAKLAK = SITES / "hoichuthapdodaklak.org.vn" / "thong-bao" / "thong-bao-tiep-nhan-ung-ho-dong-bao-mien-trung-bi-thiet-hai-do-bao-lu-2644.html"


@pytest.mark.parametrize("suffix", ["", "@page=4"])
def test_home_made_portal_reads_the_same_whatever_page_of_its_other_news_box(suffix):
    """The portal pages the "Các tin khác" box under an article with ?page=N (the shape
    public copies show): the article read from any of them is the same, and none of the
    box's titles gets into it."""
    page = DAKLAK.with_name(DAKLAK.name + suffix)
    raw = get_layout(GENERIC).parse(parse_html(decode_html(page.read_bytes())[0]), "https://hoichuthapdodaklak.org.vn/a")
    assert raw.title == "Thông báo tiếp nhận ủng hộ đồng bào miền Trung bị thiệt hại do bão lũ"
    assert raw.date_text == "Cập nhật lúc: 08:56 16/11/2020"
    assert raw.body_text.startswith("Thực hiện Lời kêu gọi") and raw.body_text.endswith("vùng bị thiệt hại.")
    for other in ("Các tin khác", "Trao 400 suất quà", "Lễ hội Xuân hồng", "Thống kê truy cập", "In bài"):
        assert other not in raw.body_text
