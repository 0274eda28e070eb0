"""Fixture tests for the threecms family (the "3cms" portal of Quảng Bình's bodies,
hoichuthapdoquangbinh.gov.vn). The representative page is a 2020 flood-relief article:
a bold summary that is the lead, captions in image tables, the author on its own line,
and "Các tin đã đưa" after it."""

from __future__ import annotations

import pytest

from ctd_crawler.page.layouts import detect_family, get_layout, layout_class
from tests.page.layouts.pages import expected_files, tree_of
from tests.paths import FIXTURES as ROOT

HOST = "hoichuthapdoquangbinh.gov.vn"
SITE_DIR = ROOT / "sites" / HOST
PAGE = "3cms/Cuu-tro-khan-cap-15.htm@art=1603760700317"
URL = f"https://{HOST}/3cms/Cuu-tro-khan-cap-15.htm?art=1603760700317"
LEAKS = ("Các tin đã đưa", "Tin mới cập nhật", "In bài viết", "Quay lại", "27 Hữu Nghị", "3CMS",
         "Hỗ trợ khẩn cấp người dân vùng lũ huyện Tuyên Hóa", "Liên kết", "Trang chủ", "Thanh Hải")


@pytest.fixture(scope="module")
def item():
    return get_layout("threecms").parse(tree_of(SITE_DIR / PAGE), URL)


def test_title(item):
    assert item.title == "Trao 500 suất quà cho người dân vùng lũ huyện Lệ Thủy"


def test_date_text_with_weekday_and_time(item):
    assert item.date_text == "Thứ Ba, 27/10/2020, 08:05"


def test_author_is_the_line_after_the_content(item):
    assert item.author == "Thanh Hải"


def test_layout_and_lang(item):
    assert (item.layout, item.lang) == ("threecms", "vi")


def test_body_starts_with_the_bold_summary(item):
    assert item.body_text.startswith("Ngày 26/10/2020, Trung ương Hội Chữ thập đỏ Việt Nam phối hợp")


def test_body_keeps_the_caption_of_the_image_table(item):
    assert "\n\nĐại diện Trung ương Hội trao quà cho người dân xã Tân Thủy.\n\n" in item.body_text


def test_body_ends_with_the_article(item):
    assert item.body_text.endswith("nhiều nơi ngập sâu 2-3 m.")
    assert item.body_text.count("\n\n") == 3  # summary + 2 paragraphs + caption


def test_body_has_none_of_the_portal_around_it(item):
    assert [leak for leak in LEAKS if leak in item.body_text] == []


def test_an_article_without_author_line_has_no_author():
    page = SITE_DIR / "3cms/Cuu-tro-khan-cap-15.htm@art=1762309500317"
    assert get_layout("threecms").parse(tree_of(page), URL).author is None


@pytest.mark.parametrize("line, author", [
    ("Hồng Nhung", "Hồng Nhung"),
    ("Tác giả: Hồng Nhung", "Hồng Nhung"),
    ("Tin, ảnh: Thanh Hải", "Thanh Hải"),
    ("Tác giả Hồng Nhung", "Tác giả Hồng Nhung"),  # no colon: not a label, kept as written
])
def test_author_label_is_dropped(line, author):
    from ctd_crawler.page.html import parse_html
    page = (f'<html><body><div class="art-detail"><h1 class="art-title">Tiêu đề</h1><div class="art-content"><p>x</p></div>'
            f'<div class="art-author">{line}</div></div></body></html>')
    assert get_layout("threecms").parse(parse_html(page), URL).author == author


# -- URL classification --------------------------------------------------------------------

ARTICLE_URLS = [
    URL,
    f"https://{HOST}/3cms/Tin-hoat-dong-12.htm?art=1673407800317",
    f"https://{HOST}/3cms/Tin-hoat-dong-12.htm?cmd=130&art=1673407800317",
]
NOT_ARTICLE_URLS = [
    f"https://{HOST}/",
    f"https://{HOST}/3cms/Cuu-tro-khan-cap-15.htm",
    f"https://{HOST}/3cms/Cuu-tro-khan-cap-15.htm?page=2",
    f"https://{HOST}/3cms/Tin-hoat-dong-12.htm?art=16734078",  # not 13 digits
    f"https://{HOST}/3cms/Tin-hoat-dong-12.htm?part=1673407800317",
    f"https://{HOST}/3cms/upload/hoichuthapdo/images/1603760700317.jpg",
]
LISTING_URLS = [
    f"https://{HOST}/3cms/Cuu-tro-khan-cap-15.htm",
    f"https://{HOST}/3cms/Cuu-tro-khan-cap-15.htm?page=2",
    f"https://{HOST}/3cms/Hien-mau-tinh-nguyen-16.htm",
]
NOT_LISTING_URLS = [
    URL,
    f"https://{HOST}/3cms/Lien-he-3.htm",
    f"https://{HOST}/3cms/Gioi-thieu-1.htm",
    f"https://{HOST}/3cms/css/style.css",
]


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_is_article_url(url):
    assert get_layout("threecms").is_article_url(url)


@pytest.mark.parametrize("url", NOT_ARTICLE_URLS)
def test_is_not_article_url(url):
    assert not get_layout("threecms").is_article_url(url)


@pytest.mark.parametrize("url", LISTING_URLS)
def test_is_listing_url(url):
    assert get_layout("threecms").is_listing_url(url)


@pytest.mark.parametrize("url", NOT_LISTING_URLS)
def test_is_not_listing_url(url):
    assert not get_layout("threecms").is_listing_url(url)


# -- family detection --------------------------------------------------------------------

@pytest.mark.parametrize("path", ["index.html", "3cms/Cuu-tro-khan-cap-15.htm", PAGE])
def test_pages_of_the_portal_are_recognised(path):
    assert detect_family(tree_of(SITE_DIR / path)) == "threecms"


@pytest.mark.parametrize("page", [
    ROOT / "sites" / "chuthapdobg.org.vn" / "index.html",
    ROOT / "sites" / "hoichuthapdodaklak.org.vn" / "index.html",
    ROOT / "sites" / "ctd.binhdinh.gov.vn" / "index.html",
    ROOT / "sites" / "chuthapdobinhduong.org.vn" / "index.html",
])
def test_signature_rejects_other_portals(page):
    assert not layout_class("threecms").matches(tree_of(page))


def test_every_article_of_the_portal_has_a_hand_checked_file():
    pages = {p.relative_to(SITE_DIR).as_posix() for p in SITE_DIR.rglob("3cms/*@art=*")}
    checked = {p.relative_to(ROOT / "expected" / HOST).as_posix().removesuffix(".json") for p in expected_files(HOST)}
    assert pages == checked and len(pages) >= 6
