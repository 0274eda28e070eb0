"""Fixture tests for the nukeviet family (NukeViet 4.5, module news, the default theme) on the
Bình Định chapter (ctd.binhdinh.gov.vn, URL rewriting on) and the Quảng Trị chapter
(chuthapdoquangtri.org.vn, without the rewrite file)."""

from __future__ import annotations

import pytest

from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import get_layout, layout_class
from tests.page.layouts.pages import tree_of
from tests.paths import FIXTURES as ROOT

HOST = "ctd.binhdinh.gov.vn"
SITE_DIR = ROOT / "sites" / HOST
QT_DIR = ROOT / "sites" / "chuthapdoquangtri.org.vn"
PAGE = "news/hoat-dong-hoi/ho-tro-nguoi-dan-phuong-quy-nhon-bi-thiet-hai-do-bao-so-13-1662.html"
# Blocks, related lists, tags, share buttons, hidden schema spans and footer of the theme.
LEAKS = ("Tin mới", "Liên kết website", "Thống kê truy cập", "Đang truy cập", "Những tin mới hơn",
         "Những tin cũ hơn", "Từ khóa", "chữ thập đỏ, nhân đạo", "Tweet", "Tác giả bài viết", "Nguồn tin",
         "Số 36 Lê Lợi", "Bản quyền thuộc về", "Trang nhất", "Bạn đã không sử dụng Site", "2025-11-10T08:30",
         "uploads/logo.png", "Hiến máu tình nguyện tại thị xã An Nhơn", "Vì mục tiêu nhân đạo")


@pytest.fixture(scope="module")
def item():
    return get_layout("nukeviet").parse(tree_of(SITE_DIR / PAGE), f"https://{HOST}/{PAGE}")


def test_title(item):
    assert item.title == "Hỗ trợ người dân phường Quy Nhơn bị thiệt hại do bão số 13"


def test_date_text_is_the_shown_publication_time(item):
    assert item.date_text == "Thứ hai - 10/11/2025 08:30"


def test_author_without_its_label(item):
    assert item.author == "Minh Phúc"


def test_layout_and_lang(item):
    assert (item.layout, item.lang) == ("nukeviet", "vi")


def test_body_starts_with_lead_image_caption_then_hometext(item):
    assert item.body_text.startswith("Trao tiền hỗ trợ cho hộ dân phường Quy Nhơn\n\nTừ ngày 7-9/11/2025,")


def test_body_ends_with_the_article(item):
    assert item.body_text.endswith("tiếp tục rà soát, hỗ trợ các hộ có nhà bị tốc mái.")


def test_the_lead_caption_is_read_once(item):
    # the theme repeats it in the hidden #imgpreview box
    assert item.body_text.count("Trao tiền hỗ trợ cho hộ dân phường Quy Nhơn") == 1


def test_body_keeps_figcaption_in_bodyhtml():
    # an image the editor put in the text (none of the saved pages has one): its caption is text
    figure = ('<figure class="image"><img src="/uploads/news/2025_11/anh-2.jpg" alt="">'
              "<figcaption>Hàng cứu trợ tại xã Tuy Phước</figcaption></figure>")
    html = (SITE_DIR / PAGE).read_text("utf-8").replace(
        '<div id="news-bodyhtml" class="bodytext margin-bottom-lg">',
        '<div id="news-bodyhtml" class="bodytext margin-bottom-lg">' + figure, 1)
    got = get_layout("nukeviet").parse(parse_html(html), f"https://{HOST}/{PAGE}")
    assert "\n\nHàng cứu trợ tại xã Tuy Phước\n\nĐợt này có 350 hộ" in got.body_text


@pytest.mark.parametrize("leak", LEAKS)
def test_body_excludes_blocks(item, leak):
    assert leak not in item.body_text


def test_byline_typed_in_body_becomes_author():
    page = SITE_DIR / "news/hoat-dong-hoi/ban-giao-nha-chu-thap-do-tai-huyen-vinh-thanh-689.html"
    got = get_layout("nukeviet").parse(tree_of(page), f"https://{HOST}/news/hoat-dong-hoi/x-689.html")
    assert got.author == "Hoài Thu - Hội CTĐ huyện Vĩnh Thạnh"
    assert "Hoài Thu" not in got.body_text


def test_source_is_the_author_when_no_author_field():
    page = SITE_DIR / "news/chinh-tri-xa-hoi/dai-hoi-dai-bieu-hoi-chu-thap-do-huyen-tay-son-lan-thu-x-1140.html"
    got = get_layout("nukeviet").parse(tree_of(page), f"https://{HOST}/news/chinh-tri-xa-hoi/x-1140.html")
    assert got.author == "Báo Bình Định"


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
    # other installs' shapes: a news module under another name, the language kept, rewriting off
    ("https://chuthapdo.example.vn/tin-tuc/hoat-dong/trao-qua-tet-45.html", True, False),
    ("https://chuthapdo.example.vn/vi/news/tin-tuc/trao-qua-tet-45.html", True, False),
    ("https://chuthapdo.example.vn/index.php?language=vi&nv=news&op=tin-tuc/trao-qua-tet-45", True, False),
    (f"https://{HOST}/news/", False, True),
    (f"https://{HOST}/news/page-2/", False, True),
    (f"https://{HOST}/news/chinh-tri-xa-hoi/", False, True),
    (f"https://{HOST}/news/tag/chu-thap-do", False, False),
    (f"https://{HOST}/news/rss/", False, False),
    (f"https://{HOST}/news/print/hoat-dong-hoi/ho-tro-nguoi-dan-phuong-quy-nhon-bi-thiet-hai-do-bao-so-13-1662.html",
     False, False),
    (f"https://{HOST}/news/savefile/hoat-dong-hoi/ho-tro-nguoi-dan-phuong-quy-nhon-bi-thiet-hai-do-bao-so-13-1662.html",
     False, False),
    (f"https://{HOST}/contact/", False, False),
    (f"https://{HOST}/sitemap.xml", False, False),
])
def test_url_classification(url, article, listing):
    layout = get_layout("nukeviet")
    assert (layout.is_article_url(url), layout.is_listing_url(url)) == (article, listing)


@pytest.mark.parametrize("page", [SITE_DIR / "news/index.html", SITE_DIR / "contact/index.html", SITE_DIR / "index.html",
                                  QT_DIR / "index.php/vi/news/Tin-hoat-dong/index.html",
                                  QT_DIR / "index.php/vi/about/Gioi-thieu-chung/index.html",
                                  QT_DIR / "index.php/vi/contact/index.html"])
def test_non_article_pages_have_no_article_body(page):
    got = get_layout("nukeviet").parse(tree_of(page), f"https://{HOST}/x")
    assert got.body_text == ""


@pytest.mark.parametrize("page", [
    ROOT / "sites" / "hoichuthapdoquangnam.org.vn" / "index.php/tin-hoat-dong/648-ho-tro-nguoi-dan-dai-loc-khac-phuc-hau-qua-bao-so-9",
    ROOT / "sites" / "redcross.org.vn" / "trao-200-suat-qua-cho-nguoi-dan-vung-cao-meo-vac.html",
    ROOT / "sites" / "chuthapdobg.org.vn" / "ves-portal/3174/HOI-NGHI-SO-KET-SAU-THANG-DAU-NAM-2024---CUM-THI-DUA-SO-4.html",
])
def test_signature_rejects_other_families(page):
    assert not layout_class("nukeviet").matches(tree_of(page))


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
