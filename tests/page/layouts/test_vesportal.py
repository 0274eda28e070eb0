"""Fixture tests for the vesportal family (the Bắc Giang chapter's "VES portal",
chuthapdobg.org.vn). The representative page is the project's seed article as that portal
shows it: upper-case title, "Ngày đăng:" line, `&nbsp;`-indented paragraphs, then
"Các tin bài khác:", banners and the "TRANG VIDEO" column with a date of its own."""

from __future__ import annotations

import pytest

from ctd_crawler.page.layouts import detect_family, get_layout, layout_class
from tests.page.layouts.pages import expected_files, tree_of
from tests.paths import FIXTURES as ROOT

HOST = "chuthapdobg.org.vn"
SITE_DIR = ROOT / "sites" / HOST
SEED = "ves-portal/3174/HOI-NGHI-SO-KET-SAU-THANG-DAU-NAM-2024---CUM-THI-DUA-SO-4.html"
# The portal's columns around the article: other news, banners, video column, menus, footer.
LEAKS = ("Các tin bài khác", "TRANG VIDEO", "HÀNH TRÌNH ĐỎ 2024", "09-07-2024", "Bệnh viện Sản-Nhi",
         "Học tập và làm theo lời Bác", "Triệu bước chân nhân ái", "An toàn cho dân nghèo", "CHUYÊN MỤC",
         "LIÊN KẾT WEBSITE", "Số 2 đường Hoàng Văn Thụ", "Thiết kế bởi VES", "In trang", "TRANG CHỦ",
         "BÀN GIAO NHÀ NHÂN ĐẠO")


@pytest.fixture(scope="module")
def item():
    return get_layout("vesportal").parse(tree_of(SITE_DIR / SEED), f"https://{HOST}/{SEED}")


def test_title_kept_as_written(item):
    assert item.title == "HỘI NGHỊ SƠ KẾT SÁU THÁNG ĐẦU NĂM 2024 - CỤM THI ĐUA SỐ 4."


def test_date_text_is_the_label_line_not_the_video_date(item):
    assert item.date_text == "Ngày đăng: 24/06/2024"


def test_the_portal_names_no_author(item):
    assert item.author is None


def test_layout_and_lang(item):
    assert (item.layout, item.lang) == ("vesportal", "vi")


def test_body_starts_without_nbsp_indent(item):
    assert item.body_text.startswith("Trong 2 ngày 20 và 21/6/2024, tại tỉnh Bắc Kạn, cụm thi đua số 4 - các tỉnh")


def test_body_ends_with_the_article(item):
    assert item.body_text.endswith("các hoàn cảnh khó khăn trị giá 200 triệu đồng.")


def test_body_keeps_the_caption_and_skips_empty_paragraphs(item):
    caption = "đồng chí Bùi Thị Hòa - Bí thư Đảng Đoàn, Chủ tịch Trung ương Hội Chư thập đỏ Việt Nam dự phát biểu"
    assert f"\n\n{caption}\n\n" in item.body_text
    assert "\n\n\n" not in item.body_text and "\xa0" not in item.body_text
    assert item.body_text.count("\n\n") == 4  # 4 paragraphs + 1 caption


def test_body_has_none_of_the_portal_around_it(item):
    assert [leak for leak in LEAKS if leak in item.body_text] == []


def test_seed_page_is_the_seed_text(seed_text):
    """The page shows what a person saw on the real portal (../shared/seeds/), in order."""
    from ctd_crawler.page.html import paragraphs_of
    page_text = paragraphs_of(tree_of(SITE_DIR / SEED).find(".//body"))
    seen = [" ".join(line.split()) for line in seed_text.splitlines() if line.strip()]
    position = 0
    for line in seen[:12]:  # title, date, body, "Các tin bài khác:", video heading and date
        found = page_text.find(line.removesuffix("...").strip(), position)
        assert found >= 0, line
        position = found


# -- URL classification --------------------------------------------------------------------

ARTICLE_URLS = [
    f"https://{HOST}/{SEED}",
    f"https://{HOST}/ves-portal/1127/PHAT-DONG-THANG-NHAN-DAO-NAM-2017-TAI-HUYEN-LUC-NGAN.html",
    "https://www.chuthapdobg.org.vn/ves-portal/88/Tin-Cu.html",
]
NOT_ARTICLE_URLS = [
    f"https://{HOST}/",
    f"https://{HOST}/node/1",
    f"https://{HOST}/ves-portal/chuyen-muc/2/TIN-TUC.html",
    f"https://{HOST}/ves-portal/chuyen-muc/2/TIN-TUC.html?page=2",
    f"https://{HOST}/ves-portal/video/40/VIDEO.html",
    f"https://{HOST}/ves-portal/upload/images/3174_1.jpg",
]
LISTING_URLS = [
    f"https://{HOST}/ves-portal/chuyen-muc/2/TIN-TUC.html",
    f"https://{HOST}/ves-portal/chuyen-muc/2/TIN-TUC.html?page=2",
    f"https://{HOST}/ves-portal/chuyen-muc/4/DIA-CHI-NHAN-DAO.html",
]
NOT_LISTING_URLS = [
    f"https://{HOST}/{SEED}",
    f"https://{HOST}/node/1",
    f"https://{HOST}/ves-portal/video/40/VIDEO.html",
    f"https://{HOST}/ves-portal/chuyen-muc/2/TIN-TUC.html?page=2&sort=old",
]


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_is_article_url(url):
    assert get_layout("vesportal").is_article_url(url)


@pytest.mark.parametrize("url", NOT_ARTICLE_URLS)
def test_is_not_article_url(url):
    assert not get_layout("vesportal").is_article_url(url)


@pytest.mark.parametrize("url", LISTING_URLS)
def test_is_listing_url(url):
    assert get_layout("vesportal").is_listing_url(url)


@pytest.mark.parametrize("url", NOT_LISTING_URLS)
def test_is_not_listing_url(url):
    assert not get_layout("vesportal").is_listing_url(url)


# -- family detection --------------------------------------------------------------------

@pytest.mark.parametrize("path", ["index.html", "node/1", "ves-portal/chuyen-muc/2/TIN-TUC.html", SEED])
def test_every_page_of_the_portal_is_recognised(path):
    assert detect_family(tree_of(SITE_DIR / path)) == "vesportal"


@pytest.mark.parametrize("page", [
    ROOT / "sites" / "chuthapdoquangtri.org.vn" / "index.php/vi/news/Tin-hoat-dong/Trao-qua-Tet-cho-nguoi-dan-huyen-Huong-Hoa-318/index.html",
    ROOT / "sites" / "chuthapdobinhduong.org.vn" / "index.html",
    ROOT / "sites" / "hoichuthapdoquangbinh.gov.vn" / "3cms" / "Tin-hoat-dong-12.htm@art=1673407800317",
    ROOT / "sites" / "hoichuthapdodaklak.org.vn" / "thong-bao" / "index.html",
])
def test_signature_rejects_other_portals(page):
    assert not layout_class("vesportal").matches(tree_of(page))


def test_every_article_of_the_portal_has_a_hand_checked_file():
    pages = {p.relative_to(SITE_DIR).as_posix() for p in SITE_DIR.rglob("ves-portal/[0-9]*/*.html")}
    checked = {p.relative_to(ROOT / "expected" / HOST).as_posix().removesuffix(".json") for p in expected_files(HOST)}
    assert pages == checked and len(pages) >= 6
