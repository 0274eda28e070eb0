"""Fixture tests for the joomla family (Joomla 4/5, com_content, Cassiopeia): Quảng Nam (SEF on, Joomla 5
without microdata) and Bình Dương (SEF off, Joomla 4 with microdata)."""

from __future__ import annotations

import pytest

from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import detect_family, get_layout, layout_class
from tests.page.layouts.pages import tree_of
from tests.paths import FIXTURES, HELDOUT

QN = "hoichuthapdoquangnam.org.vn"
BD = "chuthapdobinhduong.org.vn"
QN_DIR = FIXTURES / "sites" / QN
BD_DIR = FIXTURES / "sites" / BD
QN_PAGE = "index.php/tin-hoat-dong/648-ho-tro-nguoi-dan-dai-loc-khac-phuc-hau-qua-bao-so-9"
BD_PAGE = ("index.php@option=com_content&view=article&id=1286:tong-ket-thang-nhan-dao-nam-2025"
           "&catid=60:tin-hoat-dong&Itemid=87")
# Cassiopeia's furniture and com_content's extras that must never reach the body.
LEAKS = ("Tin mới nhất", "Liên kết", "Trung ương Hội Chữ thập đỏ Việt Nam", "Viết bởi", "Super User", "Danh mục",
         "Ngày đăng", "Lượt xem", "Thông tin chi tiết", "Trước", "Tiếp", "Bài trước", "Tìm kiếm", "Trang chủ",
         "Địa chỉ", "Về đầu trang")


@pytest.fixture(scope="module")
def item():
    return get_layout("joomla").parse(tree_of(QN_DIR / QN_PAGE), f"https://{QN}/{QN_PAGE}")


@pytest.fixture(scope="module")
def item4():
    return get_layout("joomla").parse(tree_of(BD_DIR / BD_PAGE), f"https://{BD}/{BD_PAGE.replace('@', '?')}")


def test_title(item):
    assert item.title == "Hỗ trợ người dân Đại Lộc khắc phục hậu quả bão số 9"


def test_date_is_the_published_time_element(item):
    assert item.date_text == "2020-11-05T17:00:00+07:00"


def test_super_user_is_not_the_author_the_body_byline_is(item):
    assert item.author == "Hữu Phước"


def test_layout_and_lang(item):
    assert (item.layout, item.lang) == ("joomla", "vi")


def test_body_is_the_article_body_without_its_byline(item):
    assert item.body_text.startswith("Từ ngày 2 đến 4/11/2020, Hội Chữ thập đỏ tỉnh Quảng Nam cấp phát hàng cứu trợ")
    assert item.body_text.endswith("dựng lại nhà cho các hộ bị sập nhà.")


@pytest.mark.parametrize("leak", LEAKS)
def test_body_excludes_cassiopeia_furniture(item, leak):
    assert leak not in item.body_text


def test_joomla4_microdata_markup(item4):
    assert item4.title == "Tổng kết Tháng Nhân đạo năm 2025"
    assert item4.date_text == "2025-06-10T10:45:00+07:00"
    assert item4.author == "Thanh Xuân"  # the created_by_alias of the info block
    assert item4.body_text.startswith("Ngày 9/6/2025, Hội Chữ thập đỏ tỉnh Bình Dương tổng kết")


def test_an_account_without_byline_gives_no_author():
    page = QN_DIR / "index.php/tin-hoat-dong/1107-sinh-ke-cho-ngu-dan-xa-tam-hai"
    got = get_layout("joomla").parse(tree_of(page), "https://x/")
    assert got.author is None
    assert got.body_text.endswith("vươn lên thoát nghèo.")


def test_joomla3_protostar_markup():
    # 3.x: div.item-page, h2[itemprop=name], dd.published time, div[itemprop=articleBody]
    html = """<html><head><meta name="generator" content="Joomla! - Open Source Content Management"></head><body>
    <div class="item-page" itemscope itemtype="https://schema.org/Article"><div class="page-header">
    <h2 itemprop="name">Tiêu đề</h2></div><dl class="article-info muted"><dd class="createdby">Viết bởi
    <span itemprop="name">Lê Hà</span></dd><dd class="published"><time datetime="2015-03-12T09:00:00+07:00"
    itemprop="datePublished">12 Tháng 3 2015</time></dd></dl><div itemprop="articleBody"><p>Thân bài.</p></div>
    <ul class="pager pagenav"><li class="previous"><a href="/a">Trước</a></li></ul></div></body></html>"""
    got = get_layout("joomla").parse(parse_html(html), "https://h/index.php/tin-tuc/5-tieu-de")
    assert (got.title, got.date_text, got.author, got.body_text) == (
        "Tiêu đề", "2015-03-12T09:00:00+07:00", "Lê Hà", "Thân bài.")


@pytest.mark.parametrize("url,article,listing", [
    (f"https://{QN}/index.php/tin-hoat-dong/648-ho-tro-nguoi-dan-dai-loc-khac-phuc-hau-qua-bao-so-9", True, False),
    (f"https://{QN}/index.php/hien-mau/1322-hien-mau-tinh-nguyen-tai-phuong-tam-ky", True, False),
    ("https://joomla.example.vn/tin-tuc/hoat-dong/45-trao-qua-tet.html", True, False),
    (f"https://{BD}/index.php?option=com_content&view=article&id=1286:tong-ket&catid=60:tin-hoat-dong&Itemid=87",
     True, False),
    (f"https://{BD}/index.php?Itemid=87&catid=60&id=1286&option=com_content&view=article", True, False),
    (f"https://{QN}/index.php/tin-hoat-dong", False, True),
    (f"https://{QN}/index.php/tin-hoat-dong?start=3", False, True),
    (f"https://{BD}/index.php?option=com_content&view=category&layout=blog&id=60&Itemid=87", False, True),
    (f"https://{BD}/index.php?option=com_content&view=category&layout=blog&id=60&Itemid=87&limitstart=3", False, True),
    (f"https://{QN}/index.php/tin-hoat-dong?format=feed&type=rss", False, False),
    (f"https://{BD}/index.php?option=com_content&view=category&id=60&Itemid=87&format=feed&type=rss", False, False),
    (f"https://{BD}/index.php?option=com_content&view=article&id=1286:tong-ket&catid=60&tmpl=component&print=1",
     False, False),
    (f"https://{BD}/index.php?option=com_contact&view=contact&id=1&Itemid=120", False, False),
    (f"https://{QN}/index.php/component/finder/search?q=hien+mau", False, False),
    (f"https://{QN}/index.php", False, False),
    (f"https://{QN}/robots.txt", False, False),
])
def test_url_classification(url, article, listing):
    layout = get_layout("joomla")
    assert (layout.is_article_url(url), layout.is_listing_url(url)) == (article, listing)


@pytest.mark.parametrize("page", ["index.php/tin-hoat-dong/index.html", "index.php/tin-hoat-dong@start=3",
                                  "index.php/lien-he", "index.html"])
def test_non_article_pages_have_no_article_body(page):
    got = get_layout("joomla").parse(tree_of(QN_DIR / page), f"https://{QN}/x")
    assert got.body_text == ""


def test_signature_matches_both_sites_and_the_heldout_joomla_pages():
    heldout = sorted((HELDOUT / "sites" / "chuthapdo-quangninh.example.vn").rglob("*.html"))
    for page in [QN_DIR / QN_PAGE, BD_DIR / BD_PAGE, *heldout]:
        assert detect_family(tree_of(page)) == "joomla"


@pytest.mark.parametrize("host,page", [
    ("ctd.binhdinh.gov.vn", "news/hoat-dong-hoi/hien-mau-tinh-nguyen-tai-thi-xa-an-nhon-927.html"),
    ("chuthapdo.vinhphuc.gov.vn", "ngay-hoi-hien-mau-tai-huyen-lap-thach/index.html"),
    ("chuthapdobg.org.vn", "ves-portal/3174/HOI-NGHI-SO-KET-SAU-THANG-DAU-NAM-2024---CUM-THI-DUA-SO-4.html"),
    ("hoichuthapdoquangbinh.gov.vn", "3cms/Tin-hoat-dong-12.htm@art=1673407800317"),
    ("nhandaoonline.vn", "tet-nhan-ai-ky-hoi-2019-den-voi-ho-ngheo-huyen-quan-ba-a15167.html"),
])
def test_signature_rejects_other_families(host, page):
    assert not layout_class("joomla").matches(tree_of(FIXTURES / "sites" / host / page))
