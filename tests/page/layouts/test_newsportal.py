"""Fixture tests for the newsportal family (modern Vietnamese e-paper CMSes): the Red Cross
magazine nhandaoonline.vn and the provincial paper baolaocai.vn."""

from __future__ import annotations

import pytest

from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import get_layout, layout_class
from tests.page.layouts.pages import expected_files, page_of, tree_of
from tests.paths import FIXTURES as ROOT

HOST = "nhandaoonline.vn"
SITE_DIR = ROOT / "sites" / HOST
ARTICLES = expected_files(HOST)
PAGE = "tet-nhan-ai-ky-hoi-2019-den-voi-ho-ngheo-huyen-quan-ba-a15167.html"
# Text that lives around the article on every page of the site and must never reach the body.
LEAKS = ("Tạp Chí Nhân Đạo", "Tags:", "Tin khác", "Tin nổi bật", "In bài", "Chia sẻ", "Trang chủ",
         "Hoạt động Hội", "Tết Nhân ái Bính Ngọ", "Tổng Biên tập", "82 Nguyễn Du", "Giấy phép số",
         "Tạp chí điện tử Nhân đạo và Đời sống", "18:11 28/12/2018")


@pytest.fixture(scope="module")
def item():
    return get_layout("newsportal").parse(tree_of(SITE_DIR / PAGE), f"https://{HOST}/{PAGE}")


def test_title(item):
    assert item.title == "Tết Nhân ái Kỷ Hợi 2019 đến với hộ nghèo huyện Quản Bạ"


def test_date_text_is_time_then_day(item):
    assert item.date_text == "18:11 28/12/2018"


def test_byline_is_the_magazine(item):
    assert item.author == "Tạp Chí Nhân Đạo"


def test_layout_and_lang(item):
    assert (item.layout, item.lang) == ("newsportal", "vi")


def test_body_starts_with_the_sapo_and_its_mark(item):
    assert item.body_text.startswith("(NĐ&ĐS) - Ngày 27/12, Trung ương Hội Chữ thập đỏ Việt Nam phối hợp")


def test_body_ends_with_last_paragraph(item):
    assert item.body_text.endswith("Tổng trị giá các hoạt động của chương trình tại Hà Giang là 350 triệu đồng.")


def test_body_keeps_the_caption_once(item):
    caption = "Đại biểu trao quà Tết cho người dân huyện Quản Bạ."
    assert item.body_text.count(caption) == 1 and f"\n\n{caption}\n\n" in item.body_text


# "Xem thêm" boxes as these CMSes put them inside the body (no saved page has one): a
# class-named box, a VCCorp-typed box and a plain link paragraph.
READ_MORE = ('<div class="box-xem-them"><a href="/ha-tinh-ban-giao-20-ngoi-nha-nhan-dao-cho-ho-ngheo-a33747.html">'
             "Hà Tĩnh: Bàn giao 20 ngôi nhà nhân đạo cho hộ nghèo</a></div>"
             '<div type="RelatedNewsBox"><a href="/nghe-an-trao-350-suat-qua-cho-nguoi-dan-vung-lu-xa-tuong-duong-a58102.html">'
             "Nghệ An: Trao 350 suất quà cho người dân vùng lũ</a></div>"
             '<p>Xem thêm: <a href="/trao-50-suat-hoc-bong-cho-hoc-sinh-ngheo-huyen-muong-te-a83.html">'
             "Trao 50 suất học bổng cho học sinh nghèo huyện Mường Tè</a></p>")


def test_body_drops_inline_read_more_boxes(item):
    html = (SITE_DIR / PAGE).read_text("utf-8").replace('<div class="detail-content">',
                                                        '<div class="detail-content">' + READ_MORE, 1)
    got = get_layout("newsportal").parse(parse_html(html), f"https://{HOST}/{PAGE}")
    assert got.body_text == item.body_text


def test_body_excludes_byline_and_page_chrome(item):
    assert [leak for leak in LEAKS if leak in item.body_text] == []


def test_body_paragraphs(item):
    assert item.body_text.count("\n\n") == 3  # sapo + 2 paragraphs + 1 caption = 4 blocks


def test_print_copy_reads_as_the_same_article_but_is_no_article_url(item):
    url = f"https://{HOST}/print-15167.html"
    printed = get_layout("generic").parse(tree_of(SITE_DIR / "print-15167.html"), url)
    assert printed.title == item.title and not get_layout("newsportal").is_article_url(url)


# -- URL classification --------------------------------------------------------------------

ARTICLE_URLS = [
    # the magazine's own ids have 2 to 5 digits (public copies show a83, a15167, a33747)
    "https://nhandaoonline.vn/trao-50-suat-hoc-bong-cho-hoc-sinh-ngheo-huyen-muong-te-a83.html",
    "https://nhandaoonline.vn/tet-nhan-ai-ky-hoi-2019-den-voi-ho-ngheo-huyen-quan-ba-a15167.html",
    "https://nhandaoonline.vn/ha-tinh-ban-giao-20-ngoi-nha-nhan-dao-cho-ho-ngheo-a33747.html",
    "https://baolaocai.vn/ban-giao-nha-nhan-dao-cho-ho-ngheo-xa-y-ty-post371264.html",
    "https://baogialai.com.vn/trao-1400-suat-qua-tet-nhan-ai-cho-nguoi-dan-xa-de-gi-post579455.html",
    "https://baocamau.vn/ket-noi-dong-mau-viet-a33104.html",
    "https://e-paper.example.vn/tin-tuc/ban-giao-nha-nhan-dao-tai-dien-bien-23871.html",
    "https://baomoi.example.vn/thoi-su/hien-mau-cuu-nguoi-d123456.html",
    "https://e-paper.example.vn/chu-thap-do-tang-qua-a98765.htm",
]
NOT_ARTICLE_URLS = [
    "https://nhandaoonline.vn/",
    "https://nhandaoonline.vn/hoat-dong-hoi",
    "https://nhandaoonline.vn/hoat-dong-hoi?page=2",
    "https://nhandaoonline.vn/video/hanh-trinh-do-2024-noi-dai-yeu-thuong-post20415.html",
    "https://nhandaoonline.vn/tag/tet-nhan-ai.html",
    "https://nhandaoonline.vn/lien-he.html",
    "https://nhandaoonline.vn/rss/tin-tuc.rss",
    "https://nhandaoonline.vn/static/images/logo-2024.png",
    "https://nhandaoonline.vn/print-15167.html",  # the print copy of a15167
    "https://nhandaoonline.vn/tag/tet-nhan-ai.html/",
    "https://nhandaoonline.vn/hoi-nghi-a8.html",  # one digit: not an id of the magazine
    "https://nhandaoonline.vn/top-10.html",  # two digits without the `a`: a number in a slug
    "https://baolaocai.vn/chu-thap-do-tag2646.html",
    "https://baolaocai.vn/chu-thap-do-tag2646.html?page=2",
]
LISTING_URLS = [
    "https://nhandaoonline.vn/hoat-dong-hoi",
    "https://nhandaoonline.vn/hoat-dong-hoi?page=3",
    "https://nhandaoonline.vn/hien-mau/trang-2",
    "https://nhandaoonline.vn/thoi-su/trong-nuoc/",
    "https://e-paper.example.vn/suc-khoe.htm",
    "https://baolaocai.vn/chu-thap-do-tag2646.html",  # the paper's Red Cross tag: a topic listing
    "https://baolaocai.vn/chu-thap-do-tag2646.html?page=2",
    "https://baolaocai.vn/tin-moi/?page=2",
]
NOT_LISTING_URLS = [
    "https://baolaocai.vn/ban-giao-nha-nhan-dao-cho-ho-ngheo-xa-y-ty-post371264.html",
    "https://nhandaoonline.vn/tag/tet-nhan-ai.html",
    "https://nhandaoonline.vn/video",
    "https://nhandaoonline.vn/lien-he.html",
    "https://nhandaoonline.vn/tim-kiem?q=hien+mau",
    "https://nhandaoonline.vn/rss/tin-tuc.rss",
    "https://nhandaoonline.vn/print-15167.html",
    "https://nhandaoonline.vn/tag/cuu-tro.html/",
    "https://nhandaoonline.vn/tet-nhan-ai-ky-hoi-2019-den-voi-ho-ngheo-huyen-quan-ba-a15167.html",
]


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_is_article_url(url):
    assert get_layout("newsportal").is_article_url(url)


@pytest.mark.parametrize("url", NOT_ARTICLE_URLS)
def test_is_not_article_url(url):
    assert not get_layout("newsportal").is_article_url(url)


@pytest.mark.parametrize("url", LISTING_URLS)
def test_is_listing_url(url):
    assert get_layout("newsportal").is_listing_url(url)


@pytest.mark.parametrize("url", NOT_LISTING_URLS)
def test_is_not_listing_url(url):
    assert not get_layout("newsportal").is_listing_url(url)


# -- family detection --------------------------------------------------------------------

def test_signature_matches_article_page():
    assert layout_class("newsportal").matches(tree_of(page_of(ARTICLES[0])))


@pytest.mark.parametrize("page", [
    ROOT / "sites" / "redcross.org.vn" / "trao-200-suat-qua-cho-nguoi-dan-vung-cao-meo-vac.html",
    ROOT / "sites" / "chuthapdo.vinhphuc.gov.vn" / "trao-nha-nhan-dao-cho-ho-ngheo-xa-lang-cong/index.html",
    ROOT / "sites" / "ctd.binhdinh.gov.vn" / "news/hoat-dong-hoi/hien-mau-tinh-nguyen-tai-thi-xa-an-nhon-927.html",
])
def test_signature_rejects_other_families(page):
    assert not layout_class("newsportal").matches(tree_of(page))


# -- a provincial paper on the e-paper markup (baolaocai.vn) -----------------------------------

PAPER = ROOT / "sites" / "baolaocai.vn"


@pytest.fixture(scope="module")
def paper():
    page = "tet-nhan-ai-binh-ngo-2026-trao-400-suat-qua-cho-nguoi-dan-xa-bac-ha-post461830.html"
    return get_layout("newsportal").parse(tree_of(PAPER / page), f"https://baolaocai.vn/{page}")


def test_paper_date_is_the_iso_meta(paper):
    assert paper.date_text == "2026-01-28T11:20:00+07:00"


def test_paper_author_and_title(paper):
    assert (paper.author, paper.title) == ("Hoàng Thu", "Tết Nhân ái Bính Ngọ 2026: Trao 400 suất quà cho người dân xã Bắc Hà")


def test_paper_body_is_sapo_paragraphs_and_caption(paper):
    assert paper.body_text.startswith("Ngày 27/1, Hội Chữ thập đỏ tỉnh Lào Cai")
    assert "\n\nTrao bò giống cho hộ nghèo thôn Na Hối Tày.\n\n" in paper.body_text
    assert paper.body_text.count("\n\n") == 3
    for leak in ("Từ khóa", "Chữ thập đỏ Lào Cai", "Tin liên quan", "Đọc nhiều", "Hoàng Thu", "Facebook"):
        assert leak not in paper.body_text


def test_the_red_cross_tag_page_lists_a_stray_item_and_not_every_article():
    """The tag page carries 5 Red Cross stories and one traffic report; the general listing
    carries all 8, the 3 off-topic ones included (what a topic filter must sort out)."""
    def linked(*pages):  # the stories of the listing itself, not of its sidebar
        return {href for p in pages for href in tree_of(PAPER / p).xpath("//*[contains(@class, 'box-category')]//h2/a/@href")}
    tagged = linked("chu-thap-do-tag2646.html", "chu-thap-do-tag2646.html@page=2")
    general = linked("tin-moi/index.html", "tin-moi/index.html@page=2")
    assert len(tagged) == 6 and len(general) == 8
    assert any("tai-nan-giao-thong" in u for u in tagged)
    assert not any("man-tam-hoa" in u or "le-hoi" in u for u in tagged)
