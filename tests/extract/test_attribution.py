"""Whose news it is: the article's province and a person's scope (one rule for the
pipelines, the archive and its views)."""

import pytest

from ctd_crawler.extract.attribution import article_province, person_scope

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
