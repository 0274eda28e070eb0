"""Layout `vnrc`: redcross.org.vn (Trung ương Hội Chữ thập đỏ Việt Nam), Vietnamese and English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import detect_family, get_layout
from tests.paths import FIXTURES as ROOT

HOST = "redcross.org.vn"
SITE = ROOT / "sites" / HOST
EXPECTED = sorted((ROOT / "expected" / HOST).rglob("*.json"))

# Strings of the menus, sidebar, related lists and footer of this site: never body text.
BOILERPLATE = [
    "Trang chủ", "Tin tức - Sự kiện", "Tin đọc nhiều", "Tin liên quan", "Tin khác", "Các tin khác", "Lượt xem", "Từ khóa",
    "Chia sẻ", "In bài", "Gửi email", "Lê Thị Hồng Vân", "Đà Lạt", "Bình Định", "Phan Văn Tứ", "tuyển dụng viên chức",
    "Đường dây nóng", "82 Nguyễn Du", "Bản quyền thuộc", "Giấy phép số", "Nhân đạo - Vô tư - Trung lập",
    "Yên Bái tiếp nhận 2,3 tỷ đồng", "Nguyễn Thị Thu Ngân", "Most read", "Related news", "Other news", "Kon Tum",
    "Nguyen Thi Lan Huong", "Da Nang", "All rights reserved", "Cua Nam ward",
]


def page_path(url: str) -> Path:
    rel = url.split(HOST, 1)[1]
    path, _, query = rel.partition("?")
    if path.endswith("/"):
        path += "index.html"
    return SITE / (path.lstrip("/") + (f"@{query}" if query else ""))


def load(url: str):
    text, _ = decode_html(page_path(url).read_bytes(), "text/html")
    return parse_html(text)


def parse(url: str):
    return get_layout("vnrc").parse(load(url), url)


HDH = f"https://{HOST}/tin-tuc/hoat-dong-hoi/"
CTXH = f"https://{HOST}/tin-tuc/cong-tac-xa-hoi/"
URL = HDH + "trung-uong-hoi-lam-viec-voi-hoi-chu-thap-do-tinh-dien-bien-20112.html"


@pytest.fixture(scope="module")
def item():
    return parse(URL)


# -- one representative page (current template, Vietnamese) --------------------------
def test_title(item):
    assert item.title == "Trung ương Hội làm việc với Hội Chữ thập đỏ tỉnh Điện Biên"


def test_date_text(item):
    assert item.date_text == "Thứ Hai, 24/06/2024 08:30"


def test_author(item):
    assert item.author == "Phương Thảo"


def test_lang_and_layout(item):
    assert (item.lang, item.layout) == ("vi", "vnrc")


def test_body_starts_with_sapo(item):
    assert item.body_text.startswith("Chiều 21/6/2024, đoàn công tác Trung ương Hội Chữ thập đỏ Việt Nam do đồng chí Vũ Thị Thanh Nga")


def test_body_ends_with_last_paragraph_not_byline(item):
    assert item.body_text.endswith("ứng phó thiên tai trong mùa mưa lũ từ tháng 7 đến tháng 9.")
    assert "Phương Thảo" not in item.body_text


def test_body_contains_caption(item):
    assert "\n\nĐồng chí Vũ Thị Thanh Nga, Phó Chủ tịch Trung ương Hội phát biểu tại buổi làm việc.\n\n" in item.body_text


def test_body_paragraphs(item):
    assert len(item.body_text.split("\n\n")) == 6  # sapo, 4 paragraphs, 1 caption


@pytest.mark.parametrize("junk", BOILERPLATE + ["Thứ Hai, 24/06/2024"])
def test_body_excludes_boilerplate(item, junk):
    assert junk not in item.body_text


# -- template and markup variants -----------------------------------------------------
def test_old_template_date_line_and_right_aligned_byline():
    got = parse(HDH + "trung-uong-hoi-ho-tro-nguoi-dan-khanh-hoa-khac-phuc-hau-qua-bao-so-12-17125.html")
    assert got.date_text == "20/11/2017 | 14:15"
    assert got.author == "Thanh Hương"
    assert got.body_text.startswith("Ngày 18/11/2017, đoàn công tác")


def test_date_from_meta_when_the_date_line_is_missing():
    got = parse(HDH + "ho-tro-khan-cap-nguoi-dan-vung-lu-quang-tri-quang-binh-18950.html")
    assert got.date_text == "2020-10-22T10:05:00+07:00"


def test_date_from_jsonld_when_no_date_line_and_no_meta():
    got = parse(HDH + "chu-nhat-do-lan-thu-xviii-tp-ho-chi-minh-tiep-nhan-hon-3200-don-vi-mau-20790.html")
    assert got.date_text == "2026-01-12T07:15:00+07:00"


def test_nfd_page_comes_out_nfc():
    got = parse(HDH + "le-phat-dong-hanh-trinh-do-nam-2018-ket-noi-dong-mau-viet-17690.html")
    assert got.title == "Lễ phát động Hành trình Đỏ năm 2018: Kết nối dòng máu Việt"
    assert "Đặng Thị Thu Trang" in got.body_text


def test_sapo_inside_content_is_not_doubled():
    got = parse(CTXH + "trao-320-suat-qua-tet-nhan-ai-cho-dong-bao-vung-cao-ha-giang-18488.html")
    assert got.body_text.count("Ngày 26/1/2021, Trung ương Hội") == 1


def test_related_box_inside_content_is_dropped():
    got = parse(CTXH + "ho-tro-khan-cap-nguoi-dan-lao-cai-bi-anh-huong-boi-bao-so-3-20185.html")
    assert "Tin liên quan" not in got.body_text
    assert "Yên Bái tiếp nhận" not in got.body_text
    assert "túc trực 24/24 giờ" in got.body_text


def test_author_div_outside_content():
    got = parse(CTXH + "trao-200-suat-hoc-bong-tiep-suc-den-truong-cho-hoc-sinh-ngheo-tinh-ca-mau-19803.html")
    assert got.author == "Theo Báo Cà Mau"
    assert "Theo Báo Cà Mau" not in got.body_text


def test_english_page_without_byline():
    got = parse(f"https://{HOST}/en/news/cash-assistance-reaches-2000-flood-affected-households-in-quang-nam-3340.html")
    assert got.lang == "en"
    assert got.author is None
    assert got.date_text == "November 10, 2020 14:30"
    assert got.body_text.endswith("for people in the central region.")


# -- invariants over every article page of the site ------------------------------------
EXPECTED_ITEMS = [json.loads(p.read_text(encoding="utf-8")) for p in EXPECTED]
ALL_TITLES = [e["title"] for e in EXPECTED_ITEMS]


# -- URL classification ------------------------------------------------------------------
ARTICLES = [
    HDH + "trung-uong-hoi-lam-viec-voi-hoi-chu-thap-do-tinh-dien-bien-20112.html",
    CTXH + "ban-giao-10-can-nha-nhan-dao-cho-ho-ngheo-dong-bao-khmer-tai-soc-trang-19420.html",
    f"https://{HOST}/en/news/red-journey-2023-launched-on-world-blood-donor-day-3760.html",
    "/tin-tuc/hoat-dong-hoi/tet-nhan-ai-at-ty-2025-20239.html",
    "https://redcross.org.vn/hoat-dong/trao-qua-tet-a12345.html",
    "/tin-tuc/chi-tiet/hien-mau-post4567.htm",
]
NOT_ARTICLES = [
    f"https://{HOST}/", f"https://{HOST}/en/", "/gioi-thieu.html", "/lien-he.html", "/en/about-us.html",
    "/tag/hien-mau-tinh-nguyen.html", "/tag/tet-nhan-ai-2024.html", "/tim-kiem/?keyword=hien-mau-2024",
    "/tin-tuc/hoat-dong-hoi/", "/tin-tuc/hoat-dong-hoi/?page=2", "/en/news/?page=2", "/sitemap.xml",
    "/video/ngay-hoi-hien-mau-da-lat.html", "/upload/news/2024/06/anh-20112.jpg",
]
LISTINGS = [
    "/tin-tuc/", "/tin-tuc/hoat-dong-hoi/", "/tin-tuc/hoat-dong-hoi/?page=2", f"https://{HOST}/tin-tuc/cong-tac-xa-hoi/?page=2",
    "/en/news/", "/en/news/?page=2",
]
NOT_LISTINGS = [
    "/", "/gioi-thieu.html", "/tag/hien-mau-tinh-nguyen.html", "/lien-he.html", "/video/",
    HDH + "trung-uong-hoi-lam-viec-voi-hoi-chu-thap-do-tinh-dien-bien-20112.html", "/tin-tuc/hoat-dong-hoi/?keyword=x",
]


@pytest.mark.parametrize("url", ARTICLES)
def test_is_article_url(url):
    assert get_layout("vnrc").is_article_url(url)


@pytest.mark.parametrize("url", NOT_ARTICLES)
def test_is_not_article_url(url):
    assert not get_layout("vnrc").is_article_url(url)


@pytest.mark.parametrize("url", LISTINGS)
def test_is_listing_url(url):
    assert get_layout("vnrc").is_listing_url(url)


@pytest.mark.parametrize("url", NOT_LISTINGS)
def test_is_not_listing_url(url):
    assert not get_layout("vnrc").is_listing_url(url)


def test_detect_family_on_article_and_listing():
    assert detect_family(load(URL)) == "vnrc"
    assert detect_family(load(f"https://{HOST}/en/news/?page=2")) == "vnrc"


def test_detect_family_rejects_a_foreign_page():
    tree = parse_html("<html><head><meta property='og:site_name' content='Báo Tin tức'></head><body><h1>x</h1></body></html>")
    assert detect_family(tree) != "vnrc"
