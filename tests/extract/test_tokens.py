"""The one tokenizer: each extractor's grain cuts text exactly where its own pattern used to
(the three patterns below are the ones the extractors had), on tables and on random text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ctd_crawler.extract.figures.patterns import GRAIN as FIGURES
from ctd_crawler.extract.people.patterns import GRAIN as PEOPLE
from ctd_crawler.extract.places.patterns import GRAIN as PLACES
from ctd_crawler.extract.tokens import Grain, is_caps_line, units

# The extractors' own patterns before the one tokenizer; a unit is (text, start, end).
REFERENCE = {
    "people": (PEOPLE, re.compile(r"(?P<w>[^\W\d_]+(?:['’-][^\W\d_]+)*)|(?P<n>\d+(?:[.,/]\d+)*)|(?P<p>\S)")),
    "places": (PLACES, re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")),
    "figures": (FIGURES, re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+|\S")),
}


def cuts(grain: Grain, text: str) -> list[tuple[str, int, int]]:
    return [(u.text, u.start, u.end) for u in units(text, grain)]


def reference(pattern: re.Pattern, text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", REFERENCE)
@pytest.mark.parametrize("text", [
    "Kim Sung-ho", "Đắk R'La", "Cư M’gar", "ngày 20/6/2024", "1.300.000 đồng", "1,5 tỷ", "Quận1 và A1",
    "10km", "m² ½", "x_y", "٣٤ và 12٣", "１２ (fullwidth)", "a--b", "a- b", "-a", "1.", ".5", "R'", "'La",
    "TP.HCM", "0912.345.678", "e-mail", "hơn 1,3 triệu đơn vị máu.", "", "   ", "\u00a0\u200b", "Ð U+00D0",
])
def test_each_grain_cuts_as_its_extractor_did(name, text):
    grain, pattern = REFERENCE[name]
    assert cuts(grain, text) == reference(pattern, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aAđĐếỆ 0123456789٣-–'’.,/_²\n:(") + ["Sung", "ho", "1.300"]),
                max_size=30).map("".join) | st.text(max_size=30))
def test_the_grains_agree_with_the_patterns_on_random_text(text):
    for grain, pattern in REFERENCE.values():
        assert cuts(grain, text) == reference(pattern, text)


@pytest.mark.parametrize("line, caps", [
    ("HỘI NGHỊ SƠ KẾT SÁU THÁNG ĐẦU NĂM 2024", True), ("TRAO 200 SUẤT QUÀ TẾT", True),
    ("UBND tỉnh Bắc Kạn trao quà", False), ("Hội Chữ Thập Đỏ Tỉnh", False), ("ABC", False),
    ("TP. HỒ CHÍ MINH: TRAO QUÀ", True), ("", False),
])
def test_one_rule_for_lines_in_capitals(line, caps):
    assert is_caps_line(line) is caps
