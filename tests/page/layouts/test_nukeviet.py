"""Fixture tests for the nukeviet family (NukeViet 4.x, module news) on the Nghệ An chapter site."""

from __future__ import annotations

import pytest

from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import get_layout
from tests.page.layouts.pages import expected_files, tree_of
from tests.paths import FIXTURES as ROOT

HOST = "chuthapdonghean.org.vn"
SITE_DIR = ROOT / "sites" / HOST
ARTICLES = expected_files(HOST)
PAGE = "news/tin-tuc/cap-phat-hang-cuu-tro-cho-nguoi-dan-vung-lu-sau-bao-so-10-603.html"
# Blocks, related lists, tags, share buttons, print/email links and footer of the theme.
LEAKS = ("Tin mới", "Tiêu điểm", "Hợp Minh", "Đặng Quang Tuấn", "Thống kê truy cập", "Liên kết website",
         "Những tin mới hơn", "Những tin cũ hơn", "Từ khóa", "Tweet", "Tác giả bài viết", "Nguồn tin",
         "Số 37 đường Lê Hồng Phong", "0238.3844.120", "NukeViet", "Trang nhất", "Bạn đã không sử dụng Site")


@pytest.fixture(scope="module")
def item():
    return get_layout("nukeviet").parse(tree_of(SITE_DIR / PAGE), f"https://{HOST}/{PAGE}")


def test_title(item):
    assert item.title == "Cấp phát hàng cứu trợ cho người dân vùng lũ sau bão số 10"


def test_date_text_is_the_shown_publication_time(item):
    assert item.date_text == "Thứ tư - 08/10/2025 17:20"


def test_author_without_its_label(item):
    assert item.author == "Hồng Nhung"


def test_layout_and_lang(item):
    assert (item.layout, item.lang) == ("nukeviet", "vi")


def test_body_starts_with_lead_image_caption_then_hometext(item):
    assert item.body_text.startswith("Hàng cứu trợ được chuyển đến người dân phường Thành Vinh\n\nTừ ngày 2-5/10/2025,")


def test_body_ends_with_the_article(item):
    assert item.body_text.endswith("Tổng giá trị tiền, hàng hỗ trợ trong đợt này gần 2 tỷ đồng.")


def test_body_keeps_figcaption_in_bodyhtml(item):
    assert "\n\nCấp phát hàng cứu trợ tại xã Con Cuông\n\n" in item.body_text


@pytest.mark.parametrize("leak", LEAKS)
def test_body_excludes_blocks(item, leak):
    assert leak not in item.body_text


def test_byline_typed_in_body_becomes_author():
    page = SITE_DIR / "news/cong-tac-xa-hoi/ban-giao-nha-nhan-dao-cho-ho-ngheo-xa-muong-xen-577.html"
    got = get_layout("nukeviet").parse(tree_of(page), f"https://{HOST}/news/cong-tac-xa-hoi/x-577.html")
    assert got.author == "Thái Sơn - Hội CTĐ xã Mường Xén"
    assert "Thái Sơn" not in got.body_text


def test_source_is_the_author_when_no_author_field():
    page = SITE_DIR / "news/tin-tuc/ho-tro-dong-bao-vung-lu-huyen-ky-son-tuong-duong-158.html"
    got = get_layout("nukeviet").parse(tree_of(page), f"https://{HOST}/news/tin-tuc/x-158.html")
    assert got.author == "Báo Nghệ An"


def test_nukeviet3_markup():
    # 3.x default theme: div#news_detail, span.time, div#hometext, div.bodytext
    html = """<html><body><div class="news_column"><div id="news_detail"><h1>Tiêu đề</h1>
    <span class="time">Thứ sáu, 12/03/2010 09:00</span><div id="hometext">Mở đầu.</div>
    <div class="bodytext"><p>Thân bài.</p></div><p style="text-align: right;"><strong>Tác giả: </strong>Lê Hà</p>
    </div><ul class="related"><li><a href="/a">Tin khác</a></li></ul></div></body></html>"""
    got = get_layout("nukeviet").parse(parse_html(html), "https://h/news/tin-tuc/tieu-de-5.html")
    assert (got.title, got.date_text, got.author) == ("Tiêu đề", "Thứ sáu, 12/03/2010 09:00", "Lê Hà")
    assert got.body_text == "Mở đầu.\n\nThân bài."


@pytest.mark.parametrize("url,article,listing", [
    (f"https://{HOST}/news/tin-tuc/cap-phat-hang-cuu-tro-cho-nguoi-dan-vung-lu-sau-bao-so-10-603.html", True, False),
    (f"https://{HOST}/news/hien-mau/soi-noi-chu-nhat-do-tai-tp-vinh-112.html", True, False),
    ("https://chuthapdo.example.vn/tin-tuc/hoat-dong/trao-qua-tet-45.html", True, False),
    ("https://chuthapdo.example.vn/vi/news/tin-tuc/trao-qua-tet-45.html", True, False),
    ("https://chuthapdo.example.vn/index.php?language=vi&nv=news&op=tin-tuc/trao-qua-tet-45", True, False),
    (f"https://{HOST}/news/tin-tuc/", False, True),
    (f"https://{HOST}/news/tin-tuc/page-2", False, True),
    (f"https://{HOST}/news/", False, True),
    (f"https://{HOST}/news/page-2", False, True),
    (f"https://{HOST}/news/tag/hien-mau", False, False),
    (f"https://{HOST}/news/rss/", False, False),
    (f"https://{HOST}/about/gioi-thieu.html", False, False),
    (f"https://{HOST}/contact/", False, False),
    (f"https://{HOST}/sitemap-vi.news.xml", False, False),
])
def test_url_classification(url, article, listing):
    layout = get_layout("nukeviet")
    assert (layout.is_article_url(url), layout.is_listing_url(url)) == (article, listing)


@pytest.mark.parametrize("page", ["news/tin-tuc/index.html", "about/gioi-thieu.html", "news/tag/hien-mau"])
def test_non_article_pages_have_no_article_body(page):
    got = get_layout("nukeviet").parse(tree_of(SITE_DIR / page), f"https://{HOST}/{page}")
    assert got.body_text == ""


# -- NukeViet 4.5's default theme on the Bình Định chapter (rewrite on) and Quảng Trị (no rewrite file) -----

BD = "ctd.binhdinh.gov.vn"
QT = "chuthapdoquangtri.org.vn"
BD_PAGE = "news/hoat-dong-hoi/hien-mau-tinh-nguyen-tai-thi-xa-an-nhon-927.html"
QT_PAGE = "index.php/vi/news/Hien-mau-tinh-nguyen/Le-hoi-Xuan-hong-tai-thanh-pho-Dong-Ha-1074/index.html"


@pytest.fixture(scope="module")
def item45():
    return get_layout("nukeviet").parse(tree_of(ROOT / "sites" / BD / BD_PAGE), f"https://{BD}/{BD_PAGE}")


def test_45_date_is_the_detail_publtime(item45):
    assert item45.date_text == "Thứ sáu - 07/07/2023 17:47"


def test_45_title_author_and_body_order(item45):
    assert item45.title == "Hiến máu tình nguyện tại thị xã An Nhơn"
    assert item45.author == "Minh Phúc"
    assert item45.body_text.startswith("Người dân phường Bình Định tham gia hiến máu\n\nNgày 6/7/2023, Ban Chỉ đạo")


@pytest.mark.parametrize("leak", ("Tổng số điểm", "Click để đánh giá", "Từ khóa", "chữ thập đỏ, nhân đạo",
                                  "Những tin", "Tweet", "Thống kê truy cập", "Số 36 Lê Lợi", "Bản quyền thuộc về",
                                  "Hỗ trợ người dân phường Quy Nhơn", "admin"))
def test_45_body_excludes_panels_and_blocks(item45, leak):
    assert leak not in item45.body_text


def test_45_without_rewrite_file_same_template():
    got = get_layout("nukeviet").parse(tree_of(ROOT / "sites" / QT / QT_PAGE), f"https://{QT}/x")
    assert (got.title, got.date_text, got.author) == (
        "Lễ hội Xuân hồng tại thành phố Đông Hà", "Thứ hai - 26/02/2024 09:00", "Hồ Thị Nga")


@pytest.mark.parametrize("url,article,listing", [
    (f"https://{BD}/{BD_PAGE}", True, False),
    (f"https://{BD}/news/chinh-tri-xa-hoi/hoi-chu-thap-do-tinh-gia-lai-trien-khai-nhiem-vu-nam-2026-1705.html",
     True, False),
    (f"https://{QT}/index.php/vi/news/Hien-mau-tinh-nguyen/Le-hoi-Xuan-hong-tai-thanh-pho-Dong-Ha-1074/", True, False),
    (f"https://{QT}/index.php/vi/news/Tin-hoat-dong/Cuu-tro-khan-cap-nguoi-dan-vung-lu-Hai-Lang-705/", True, False),
    (f"https://{BD}/news/hoat-dong-hoi/", False, True),
    (f"https://{BD}/news/hoat-dong-hoi/page-2/", False, True),
    (f"https://{QT}/index.php/vi/news/Tin-hoat-dong/", False, True),
    (f"https://{QT}/index.php/vi/news/Tin-hoat-dong/page-2/", False, True),
    (f"https://{BD}/about/co-cau-to-chuc.html", False, False),
    (f"https://{BD}/news/rss/hoat-dong-hoi/", False, False),
    (f"https://{BD}/sitemap-vi.news.xml", False, False),
    (f"https://{QT}/index.php/vi/news/sitemap/", False, False),
    (f"https://{QT}/index.php/vi/news/rss/Tin-hoat-dong/", False, False),
    (f"https://{QT}/index.php/vi/news/tag/hien-mau-2024/", False, False),
    (f"https://{QT}/index.php/vi/news/print/Tin-hoat-dong/Cuu-tro-khan-cap-705/", False, False),
    (f"https://{QT}/index.php/vi/about/Gioi-thieu-chung/", False, False),
])
def test_45_url_classification(url, article, listing):
    layout = get_layout("nukeviet")
    assert (layout.is_article_url(url), layout.is_listing_url(url)) == (article, listing)


@pytest.mark.parametrize("host,page", [
    (BD, "news/hoat-dong-hoi/index.html"), (BD, "news/hoat-dong-hoi/page-2/index.html"),
    (BD, "about/co-cau-to-chuc.html"), (QT, "index.php/vi/news/Tin-hoat-dong/page-2/index.html"),
])
def test_45_listings_and_pages_have_no_article_body(host, page):
    got = get_layout("nukeviet").parse(tree_of(ROOT / "sites" / host / page), f"https://{host}/{page}")
    assert got.body_text == ""
