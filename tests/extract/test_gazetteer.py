"""The gazetteer: loaded once, keys tolerant of spelling, and every commune findable."""

from __future__ import annotations

import random
from datetime import date

import pytest

from ctd_crawler.extract.places import extract_places
from ctd_crawler.extract.places.gazetteer import LEGACY, NEW, exact_key, load_gazetteer, name_key

# Unit words as written in running text for each kind of unit.
_DISTRICT_WORD = {"Huyện": "huyện", "Quận": "quận", "Thị xã": "thị xã", "Thành phố": "thành phố"}
_COMMUNE_WORD = {"Xã": "xã", "Phường": "phường", "Thị trấn": "thị trấn"}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_loaded_once(gaz):
    assert load_gazetteer() is gaz


def test_counts(gaz):
    assert len(gaz.units(LEGACY, "province")) == 63
    assert len(gaz.units(NEW, "province")) == 34
    assert 690 <= len(gaz.units(LEGACY, "district")) <= 720
    assert len(gaz.units(LEGACY, "commune")) > 10000
    assert len(gaz.units(NEW, "commune")) > 3300


@pytest.mark.parametrize("a,b", [
    ("Bắc Kạn", "Băc Kạn"), ("Bắc Kạn", "BAC KAN"), ("Hà Nội", "Hanoi"), ("Khánh Hòa", "Khánh Hoà"),
    ("Thủy Nguyên", "Thuỷ Nguyên"), ("Quý Châu", "Quí Châu"), ("Kỳ Sơn", "Kì Sơn"),
    ("Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu"),
])
def test_keys_survive_spelling(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a,b", [("Cẩm Giang", "Cẩm Giàng"), ("Văn Lang", "Văn Lăng"), ("Bắc Kạn", "Bắc Cạn")])
def test_exact_keys_keep_distinct_spellings(a, b):
    assert exact_key(a) != exact_key(b)


def test_seed_units(gaz):
    [p] = gaz.lookup(LEGACY, "province", name_key("Bắc Kạn"))
    [d] = gaz.lookup(LEGACY, "district", name_key("Ba Bể"))
    [c] = gaz.lookup(LEGACY, "commune", name_key("Khang Ninh"))
    assert (p.code, d.code, c.code) == ("06", "061", "01906")
    assert {p.province_2025, d.province_2025, c.province_2025} == {"Thái Nguyên"}
    assert c.district == "Ba Bể" and c.commune_2025 == "Ba Bể"


def test_unknown_key_is_empty(gaz):
    assert gaz.lookup(LEGACY, "commune", "khongtontai") == ()
    assert gaz.lookup("1999", "commune", "khangninh") == ()


def _sentence(unit) -> str:
    gaz = load_gazetteer()
    district = gaz.by_code[(LEGACY, "district", unit.district_code)]
    province = gaz.by_code[(LEGACY, "province", unit.province_code)]
    p_word = "thành phố" if province.kind == "Thành phố" else "tỉnh"
    return (f"tại {_COMMUNE_WORD[unit.kind]} {unit.name}, {_DISTRICT_WORD[district.kind]} {district.name}, "
            f"{p_word} {province.name}")


def _sample(n: int = 500) -> list:
    communes = load_gazetteer().units(LEGACY, "commune")
    return random.Random(20240624).sample(communes, n)


@pytest.mark.parametrize("unit", _sample(), ids=lambda u: u.code)
def test_every_sampled_commune_resolves(unit):
    places = extract_places(_sentence(unit), on=date(2024, 6, 24))
    assert places and places[0].level == "commune"
    assert places[0].code == unit.code


def test_sample_is_varied():
    units = _sample()
    assert len({u.province for u in units}) > 50
    assert {u.kind for u in units} == {"Xã", "Phường", "Thị trấn"}


@pytest.mark.parametrize("era,level,name,former", [
    (LEGACY, "district", "Hoành Bồ", True),  # merged into Hạ Long
    (LEGACY, "district", "Đất Đỏ", True),  # merged into Long Đất
    (LEGACY, "commune", "Hoàn Trạch", True),
    (LEGACY, "district", "Hạ Long", False),  # a unit's own name
    (LEGACY, "district", "Không Tồn Tại", False),
    (LEGACY, "province", "Vũng Tàu", False),  # province aliases are not former units
    (NEW, "commune", "Hoàn Trạch", False),
])
def test_former_names(gaz, era, level, name, former):
    assert gaz.is_former(era, level, name_key(name)) is former


def test_inside_and_same_province_across_eras(gaz):
    from ctd_crawler.extract.places.gazetteer import inside, same_province

    [commune] = gaz.lookup(LEGACY, "commune", name_key("Khang Ninh"))
    [district] = gaz.lookup(LEGACY, "district", name_key("Ba Bể"))
    [old_province] = gaz.lookup(LEGACY, "province", name_key("Bắc Kạn"))
    [new_province] = gaz.lookup(NEW, "province", name_key("Thái Nguyên"))
    [other] = gaz.lookup(LEGACY, "province", name_key("Lào Cai"))
    assert inside(commune, district) and inside(district, old_province) and inside(commune, new_province)
    assert not inside(commune, other) and not inside(district, other)
    [new_commune] = gaz.lookup(NEW, "commune", name_key("Ba Bể"))
    assert not inside(new_commune, district)  # 2025 communes lie in no district
    assert same_province(new_commune, commune) and same_province(district, commune)
    assert not same_province(commune, other)
