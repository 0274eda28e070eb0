"""Fixture tests for the tableportal family (old ASP/ASP.NET table-layout chapter portals).

The representative page is the seed article on the Bắc Giang chapter portal; the
invariants run over every saved article of that portal (utf-8, windows-1258, NFD and
undeclared-charset pages included).
"""

from __future__ import annotations

import pytest

from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import get_layout
from tests.page.layouts.pages import expected_files, tree_of
from tests.paths import FIXTURES as ROOT

HOST = "chuthapdobacgiang.org.vn"
SITE_DIR = ROOT / "sites" / HOST
ARTICLES = expected_files(HOST)
SEED_URL = f"https://{HOST}/tin-tuc/chi-tiet.aspx?id=1856"
# Side columns, "Các tin bài khác", video block, slideshow, menu and footer of the portal.
LEAKS = ("Các tin bài khác", "TRANG VIDEO", "HÀNH TRÌNH ĐỎ 2024", "09-07-2024", "Bệnh viện Sản-Nhi",
         "Nguyễn Thị Xuân Thu", "THƯ VIỆN ẢNH", "Lượt truy cập", "Số 2 đường Hoàng Văn Thụ", "Giấy phép số",
         "DANH MỤC", "In trang", "Quay lại", "Trang chủ", "LIÊN KẾT WEBSITE")


@pytest.fixture(scope="module")
def item():
    return get_layout("tableportal").parse(tree_of(SITE_DIR / "tin-tuc" / "chi-tiet.aspx@id=1856"), SEED_URL)


def test_title_kept_as_written(item):
    assert item.title == "HỘI NGHỊ SƠ KẾT SÁU THÁNG ĐẦU NĂM 2024 - CỤM THI ĐUA SỐ 4."


def test_date_text_is_the_label_line(item):
    assert item.date_text == "Ngày đăng: 24/06/2024"


def test_no_author_on_the_seed(item):
    assert item.author is None


def test_layout_and_lang(item):
    assert (item.layout, item.lang) == ("tableportal", "vi")


def test_body_starts_without_nbsp_indent(item):
    assert item.body_text.startswith("Trong 2 ngày 20 và 21/6/2024, tại tỉnh Bắc Kạn, cụm thi đua số 4 - các tỉnh")


def test_body_ends_with_the_article(item):
    assert item.body_text.endswith("các hoàn cảnh khó khăn trị giá 200 triệu đồng.")


def test_body_keeps_the_photo_caption_as_a_paragraph(item):
    caption = "đồng chí Bùi Thị Hòa - Bí thư Đảng Đoàn, Chủ tịch Trung ương Hội Chư thập đỏ Việt Nam dự phát biểu"
    assert f"\n\n{caption}\n\n" in item.body_text


def test_body_has_five_paragraphs_and_no_empty_nbsp_lines(item):
    assert len(item.body_text.split("\n\n")) == 5


@pytest.mark.parametrize("leak", LEAKS)
def test_seed_body_excludes_sidebar(item, leak):
    assert leak not in item.body_text


def test_byline_paragraph_becomes_author_and_leaves_body():
    page = SITE_DIR / "tin-tuc" / "chi-tiet.aspx@id=1705"
    got = get_layout("tableportal").parse(tree_of(page), f"https://{HOST}/tin-tuc/chi-tiet.aspx?id=1705")
    assert got.author == "Hoàng Dung - Hội CTĐ huyện Sơn Động"
    assert "Hoàng Dung" not in got.body_text


@pytest.mark.parametrize("name,encoding", [("chi-tiet.aspx@id=1651", "cp1258"), ("chi-tiet.aspx@id=1746", "utf-8"),
                                           ("chi-tiet.aspx@id=1634", "utf-8")])
def test_legacy_encodings_decode(name, encoding):
    raw = (SITE_DIR / "tin-tuc" / name).read_bytes()
    text, used = decode_html(raw, "text/html")
    assert used == encoding
    assert "Chữ thập đỏ" in text


def test_label_markup_without_ids():
    # classic ASP variant: cells by class, date as a bare label, byline in a right-aligned div
    html = """<html><body><table><tr><td class="TieuDe_Tin">TIÊU ĐỀ BÀI</td></tr>
    <tr><td class="ngaydang">Ngày đăng: 02/03/2016</td></tr>
    <tr><td class="NoiDung">Đoạn một.<br>Đoạn hai.<div align="right"><b>Văn Nam</b></div></td></tr>
    <tr><td class="TinKhac">Các tin bài khác: <a href="/x">X</a></td></tr></table></body></html>"""
    got = get_layout("tableportal").parse(parse_html(html), "https://h/tin-tuc/chi-tiet.aspx?id=9")
    assert (got.title, got.date_text, got.author) == ("TIÊU ĐỀ BÀI", "Ngày đăng: 02/03/2016", "Văn Nam")
    assert got.body_text == "Đoạn một.\n\nĐoạn hai."


@pytest.mark.parametrize("url,article,listing", [
    (f"https://{HOST}/tin-tuc/chi-tiet.aspx?id=1856", True, False),
    (f"https://{HOST}/News/Detail/1688", True, False),
    ("https://chuthapdo.example.vn/NewsDetail.aspx?ID=55&cat=2", True, False),
    ("https://chuthapdo.example.vn/xem-tin.asp?newsid=12", True, False),
    (f"https://{HOST}/tin-tuc.aspx?cat=2", False, True),
    (f"https://{HOST}/tin-tuc.aspx?cat=2&page=2", False, True),
    ("https://chuthapdo.example.vn/News/Category/4", False, True),
    (f"https://{HOST}/gioi-thieu.aspx", False, False),
    (f"https://{HOST}/lien-he.aspx", False, False),
    (f"https://{HOST}/thu-vien-video.aspx", False, False),
    (f"https://{HOST}/tin-tuc/chi-tiet.aspx", False, False),
    (f"https://{HOST}/Uploads/images/2024/06/hoinghi-cum4.jpg", False, False),
])
def test_url_classification(url, article, listing):
    layout = get_layout("tableportal")
    assert (layout.is_article_url(url), layout.is_listing_url(url)) == (article, listing)


@pytest.mark.parametrize("page", ["tin-tuc.aspx@cat=2", "gioi-thieu.aspx", "lien-he.aspx"])
def test_non_article_pages_have_no_article_body(page):
    got = get_layout("tableportal").parse(tree_of(SITE_DIR / page), f"https://{HOST}/{page}")
    assert got.body_text == ""
