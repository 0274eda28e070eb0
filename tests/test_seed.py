"""The seed article (../shared/seeds/): the first page the project must get completely right,
through the whole chain (decoding, its site's layout, every pipeline), as the crawl runs it."""

from __future__ import annotations

import pytest

from ctd_crawler.page.parse import parse_page
from ctd_crawler.pipelines import run_chain
from ctd_crawler.sites import site_for_url
from tests.paths import SEED_PAGE as PAGE
from tests.paths import SEED_URL as URL

SIDEBAR = ["Các tin bài khác", "TRANG VIDEO", "HÀNH TRÌNH ĐỎ 2024", "Bắc Giang", "Nguyễn Thị Xuân Thu",
           "Triệu bước chân", "1 triệu đồng", "Học tập và làm theo lời Bác", "09-07-2024"]


@pytest.fixture(scope="module")
def seed():
    item = parse_page(PAGE.read_bytes(), URL, site=site_for_url(URL),
                      fetched_at="2024-07-10T09:00:00+07:00")
    return run_chain(item).extraction()


def test_title(seed):
    assert seed["title"] == "HỘI NGHỊ SƠ KẾT SÁU THÁNG ĐẦU NĂM 2024 - CỤM THI ĐUA SỐ 4."


def test_published(seed):
    assert seed["published_at"] == "2024-06-24"
    assert seed["published_text"] == "Ngày đăng: 24/06/2024"


def test_body_starts_and_ends_with_the_article(seed):
    assert seed["body_text"].startswith("Trong 2 ngày 20 và 21/6/2024, tại tỉnh Bắc Kạn")
    assert seed["body_text"].endswith("trị giá 200 triệu đồng.")


def test_body_keeps_the_photo_caption(seed):
    assert "Chủ tịch Trung ương Hội Chư thập đỏ Việt Nam dự phát biểu" in seed["body_text"]


@pytest.mark.parametrize("text", SIDEBAR)
def test_nothing_from_the_sidebar(seed, text):
    assert text not in seed["body_text"]


def test_people_exactly(seed):
    got = [(p["name"], p["honorific"], p["title"]) for p in seed["people"]]
    assert got == [
        ("Bùi Thị Hòa", "đồng chí", "Bí thư Đảng Đoàn, Chủ tịch Trung ương Hội Chư thập đỏ Việt Nam"),
        ("Phạm Thị Hà Chiên", "đồng chí", "Ủy viên Ban Thường vụ - Trưởng ban Tổ chức, Kiểm tra Trung ương Hội"),
        ("Đồng Văn Lưu", "đồng chí", "Phó Chủ tịch HĐND tỉnh"),
        ("Nông Văn Nhất", "đồng chí", "Phó Chủ tịch UBND tỉnh"),
        ("Nông Thị Niệm", "bà", None),
    ]


def test_places_with_levels_and_2025_province(seed):
    got = {(p["name"], p["level"], p["province"]) for p in seed["places"]}
    assert got == {
        ("Bắc Kạn", "province", "Bắc Kạn"), ("Ba Bể", "district", "Bắc Kạn"),
        ("Khang Ninh", "commune", "Bắc Kạn"), ("Nà Kiêng", "village", "Bắc Kạn"),
        ("Trung du và miền núi phía Bắc", "region", None),
    }
    assert {p["province_2025"] for p in seed["places"] if p["level"] != "region"} == {"Thái Nguyên"}
    village = next(p for p in seed["places"] if p["level"] == "village")
    assert village["commune"] == "Khang Ninh"


def test_money_exactly(seed):
    assert [m["amount_vnd"] for m in seed["money"]] == [208_500_000_000, 200_000_000]


def test_counts(seed):
    # "7 lĩnh vực hoạt động" is a count since issue 14: any lowercase noun after a number is
    assert [(c["value"], c["unit"]) for c in seed["counts"]] == [(7, "lĩnh vực hoạt động"), (401_489, "đối tượng")]


def test_event_dates(seed):
    got = {(d["start"], d["end"], d["precision"]) for d in seed["event_dates"]}
    assert got == {("2024-06-20", "2024-06-21", "day"), ("2024-01-01", "2024-06-30", "half-year")}


def test_provincial_titles_name_the_province_mentioned_not_the_site_province(seed):
    # the article is on the Bắc Giang chapter's site, about officials of Bắc Kạn
    organisations = {p["name"]: p["organisation"] for p in seed["people"]}
    assert organisations["Đồng Văn Lưu"] == "HĐND tỉnh Bắc Kạn"
    assert organisations["Nông Văn Nhất"] == "UBND tỉnh Bắc Kạn"
