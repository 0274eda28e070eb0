"""Whose news it is: the article's province and a person's scope (one rule for the
pipelines, the archive and its views)."""

import pytest

from ctd_crawler.extract.attribution import (
    NATIONAL,
    article_province,
    canonical_copy,
    known_province,
    person_scope,
    story_province,
)

PLACE = {"name": "Ba Bể", "level": "district", "province": "Bắc Kạn", "resolved": True}


@pytest.mark.parametrize("site, places, province", [
    ("Lào Cai", [PLACE], "Lào Cai"),  # a chapter's site reports on its own province
    (None, [PLACE], "Bắc Kạn"),  # a national site: the first resolved place's province
    (None, [{**PLACE, "resolved": False}, {"name": "Hà Nội", "province": "Hà Nội", "resolved": True}], "Hà Nội"),
    # not attributed
    (None, [], None),
    (None, [{**PLACE, "resolved": False}], None),  # an ambiguous name tells nothing
    (None, [{"name": "Lào", "level": "country", "province": None, "resolved": True}], None),
])
def test_article_province(site, places, province):
    assert article_province(site, places) == province


@pytest.mark.parametrize("title, province, scope", [
    ("Chủ tịch Trung ương Hội Chữ thập đỏ Việt Nam", "Bắc Kạn", "national"),
    ("Vice President of VNRC", None, "national"),
    ("Thứ trưởng Bộ Y tế", "Hà Nội", "national"),
    ("Phó Chủ tịch T.Ư Hội", "Lào Cai", "national"),  # the dotted abbreviation of Trung ương
    # not national
    ("Chủ tịch Hội Chữ thập đỏ tỉnh Tuyên Quang", "Tuyên Quang", "Tuyên Quang"),  # "tu" inside a word
    ("Phó Chủ tịch UBND tỉnh", "Bắc Kạn", "Bắc Kạn"),
    ("Chủ tịch Hội Chữ thập đỏ huyện Ba Bể", "Bắc Kạn", "Bắc Kạn"),
    (None, None, None),
])
def test_person_scope(title, province, scope):
    assert person_scope({"name": "X", "title": title}, province) == scope


def place(name, province, text=None):
    return {"name": name, "level": "province", "province": province, "text": text or name, "resolved": True}


HANOI, LAOCAI, YENBAI, SONLA = (place("Hà Nội", "Hà Nội"), place("Lào Cai", "Lào Cai"), place("Yên Bái", "Yên Bái"),
                                place("Sơn La", "Sơn La"))


@pytest.mark.parametrize("title, body, places, province", [
    # national: a national word in the title or the lead
    ("Toàn quốc tiếp nhận 770.000 đơn vị máu", "Sáng 21/6, tại Hà Nội, hội nghị.", [HANOI], NATIONAL),
    ("Sơ kết 6 tháng", "Ngày 21/6, các cấp Hội trên cả nước đã vận động 1.600 tỷ đồng.\n\nTại Hà Nội.", [HANOI],
     NATIONAL),
    ("Launch of the appeal", "VNRC at all levels mobilised VND 398 billion, mostly in Ha Noi.", [HANOI], NATIONAL),
    # national: three provinces in the title and lead
    ("Hỗ trợ Lào Cai, Yên Bái, Sơn La", "Trung ương Hội trao quà.", [LAOCAI, YENBAI, SONLA], NATIONAL),
    # national: two national words in a report whose title names no place
    ("Trung ương Hội sơ kết công tác Hội", "Ngày 21/6, tại Hà Nội, hội nghị trực tuyến.\n\nKết nối 63 điểm cầu. "
     "Toàn quốc tiếp nhận 770.000 đơn vị máu.", [HANOI], NATIONAL),
    # not national
    ("Trao quà Tết tại Hà Nội", "Sáng 19/1, tại Hà Nội, trao 1.000 suất quà.\n\nCả nước đặt mục tiêu 1,7 triệu suất; "
     "toàn quốc vận động 850 tỷ đồng.", [HANOI], "Hà Nội"),  # a local event that ends on the country's total
    ("Trao quà", "Sáng 19/1, tại Hà Nội.\n\nCả nước đặt mục tiêu 1,7 triệu suất quà.", [HANOI], "Hà Nội"),  # one word
    ("Hỗ trợ Lào Cai, Yên Bái", "Trung ương Hội trao quà.", [LAOCAI, YENBAI], "Lào Cai"),  # two provinces only
    ("Hỗ trợ người dân", "Trao quà.\n\nTại Lào Cai, Yên Bái và Sơn La.", [LAOCAI, YENBAI, SONLA], "Lào Cai"),  # not in the lead
    ("Cá nước ngọt", "Nuôi cá nước ngọt tại Hà Nội.", [HANOI], "Hà Nội"),  # "cá nước" (fish) is not "cả nước"
])
def test_national_articles(title, body, places, province):
    assert article_province(None, places, title, body) == province


def test_a_chapter_site_keeps_its_province_even_for_national_words():
    assert article_province("Nghệ An", [HANOI], "Toàn quốc tiếp nhận máu", "Cả nước.") == "Nghệ An"


@pytest.mark.parametrize("province, known", [(NATIONAL, None), ("Hà Nội", "Hà Nội"), (None, None)])
def test_known_province_is_never_national(province, known):
    assert known_province(province) == known


def test_a_person_without_a_national_title_in_a_national_article_has_no_scope():
    assert person_scope({"name": "X", "title": "Phó Chủ tịch UBND tỉnh"}, NATIONAL) is None
    assert person_scope({"name": "X", "title": "Chủ tịch Trung ương Hội"}, NATIONAL) == NATIONAL


COPIES = [
    {"id": 1, "published_at": "2024-06-20", "site_province": None, "province": NATIONAL},
    {"id": 2, "published_at": "2024-06-22T08:00:00+07:00", "site_province": "Lào Cai", "province": "Lào Cai"},
    {"id": 3, "published_at": "2024-06-19", "site_province": None, "province": "Lào Cai"},
]


@pytest.mark.parametrize("copies, canonical", [
    (COPIES, 2),  # the chapter's copy, though published later
    (COPIES[:1] + COPIES[2:], 3),  # no chapter: the earliest
    ([COPIES[0], {**COPIES[2], "published_at": None}], 1),  # an undated copy is never the earliest
    ([{**COPIES[0], "published_at": "2024-06-19"}, COPIES[2]], 1),  # a tie: the lowest id
    ([], None),
])
def test_canonical_copy(copies, canonical):
    got = canonical_copy(copies)
    assert (got["id"] if got else None) == canonical


def test_story_province_is_the_canonical_copys():
    assert story_province(COPIES) == "Lào Cai"
    assert story_province(COPIES[:1]) == NATIONAL
    assert story_province([]) is None
