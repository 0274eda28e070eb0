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


@pytest.mark.slow  # a property test over hundreds of random texts
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aAđĐếỆ 0123456789٣-–'’.,/_²\n:(") + ["Sung", "ho", "1.300"]),
                max_size=30).map("".join) | st.text(max_size=30))
def test_the_grains_agree_with_the_patterns_on_random_text(text):
    for grain, pattern in REFERENCE.values():
        assert cuts(grain, text) == reference(pattern, text)


# The joining rule in words, as the tokenizer first ran it (a Python loop over atoms): the
# compiled grain must cut every text exactly where this does, for any grain.
_ATOM = re.compile(r"(?P<L>[^\W\d_]+)|(?P<D>\d+)|(?P<P>\S)")


def joined_atoms(text: str, grain: Grain) -> list[tuple[str, int, int, str]]:
    parts = [(m.group(), m.start(), m.end(), m.lastgroup) for m in _ATOM.finditer(text)]
    if grain.ascii_digits:  # other digits (Arabic-Indic, fullwidth) are single characters
        parts = [p for a in parts for p in (
            [(m.group(), a[1] + m.start(), a[1] + m.end(), "D" if m.group()[0] in "0123456789" else "P")
             for m in re.finditer(r"[0-9]+|.", a[0])] if a[3] == "D" and not a[0].isascii() else [a])]
    if grain.alphanumeric:  # letters and digits glued are one word
        merged: list = []
        for p in parts:
            if merged and p[3] in "LD" and merged[-1][3] == "L" and merged[-1][2] == p[1]:
                merged[-1] = (merged[-1][0] + p[0], merged[-1][1], p[2], "L")
            else:
                merged.append(p if p[3] == "P" else (*p[:3], "L"))
        parts = merged
    out, i = [], 0
    while i < len(parts):
        s, start, end, kind = parts[i]
        joiners = grain.word_joiners if kind == "L" else grain.number_joiners if kind == "D" else ""
        while (joiners and i + 2 < len(parts) and parts[i + 1][0] in joiners and parts[i + 2][3] == kind
               and parts[i + 1][1] == end and parts[i + 2][1] == parts[i + 1][2]):
            end, i = parts[i + 2][2], i + 2
        if kind != "P" or s not in grain.dropped:
            out.append((text[start:end], start, end, kind))
        i += 1
    return out


_JOINERS = st.text(alphabet="'’-–./,:_ ", max_size=3)
_GRAINS = st.builds(Grain, word_joiners=_JOINERS, number_joiners=_JOINERS, alphanumeric=st.booleans(),
                    ascii_digits=st.booleans(), dropped=st.text(alphabet="_-.,", max_size=2))


@pytest.mark.parametrize("grain", [PEOPLE, PLACES, FIGURES, Grain(), Grain(alphanumeric=True, ascii_digits=True,
                                                                          word_joiners="-", number_joiners=".")])
@pytest.mark.parametrize("text", ["Kim Sung-ho 20/6/2024", "Quận1 và A1'2 ٣٤ 12٣", "x_y a--b 1..2 ١.5", ""])
def test_the_compiled_grain_joins_atoms_as_the_rule_says(grain, text):
    assert [tuple(u) for u in units(text, grain)] == joined_atoms(text, grain)


@pytest.mark.slow  # a property test over hundreds of random texts
@settings(max_examples=300, deadline=None)
@given(_GRAINS, st.lists(st.sampled_from(list("aAđĐế 0123456789٣١-–'’.,/_²½:") + ["Sung", "1.300"]),
                         max_size=25).map("".join) | st.text(max_size=25))
def test_any_grain_joins_atoms_as_the_rule_says_on_random_text(grain, text):
    assert [tuple(u) for u in units(text, grain)] == joined_atoms(text, grain)


@pytest.mark.parametrize("line, caps", [
    ("HỘI NGHỊ SƠ KẾT SÁU THÁNG ĐẦU NĂM 2024", True), ("TRAO 200 SUẤT QUÀ TẾT", True),
    ("UBND tỉnh Bắc Kạn trao quà", False), ("Hội Chữ Thập Đỏ Tỉnh", False), ("ABC", False),
    ("TP. HỒ CHÍ MINH: TRAO QUÀ", True), ("", False),
])
def test_one_rule_for_lines_in_capitals(line, caps):
    assert is_caps_line(line) is caps


# The places and figures token lists as they were built before their fast paths (a per-word
# cache of the places keys, Token tuples built without NamedTuple.__new__): the same tokens.
def _places_tokens_as_before(line: str, offset: int):
    from ctd_crawler.extract.places.gazetteer import name_key
    from ctd_crawler.extract.places.lines import Tok
    from ctd_crawler.extract.tokens import LETTERS, cut

    caps = is_caps_line(line)
    out = []
    for m in cut(line, PLACES):
        s = m.group()
        if m.lastgroup == LETTERS:
            out.append(Tok(offset + m.start(), offset + m.end(), s, s.lower(), name_key(s), True,
                           caps or s[0].isupper() or s[0].isdigit()))
        else:
            out.append(Tok(offset + m.start(), offset + m.end(), s, s.lower(), "", False, False))
    return out


def _figures_tokens_as_before(text: str):
    from ctd_crawler.extract.figures.numbers import Token
    from ctd_crawler.extract.tokens import DIGITS, cut

    out = []
    for m in cut(text, FIGURES):
        s = m.group()
        kind = "num" if m.lastgroup == DIGITS else "word" if s[0].isalpha() else "punct"
        out.append(Token(s, s.lower(), m.start(), m.end(), kind))
    return out


_WORDY = st.lists(st.sampled_from(["Hà", "Nội", "HÀ", "huyện", "Quận1", "Đắk", "R'La", "1.300", " ", "  ", ",", "-",
                                   "Thanh", "hóa", "HOÁ", "x_y", "٣", "TP.", "2", "\n"]), max_size=25).map("".join)


@pytest.mark.slow  # a property test over hundreds of random texts
@settings(max_examples=300, deadline=None)
@given(_WORDY | st.text(max_size=40), st.integers(0, 1000))
def test_places_and_figures_tokens_are_those_of_the_plain_loops(text, offset):
    from ctd_crawler.extract.figures.numbers import tokenize
    from ctd_crawler.extract.places.lines import tokens

    assert tokens(text, offset) == _places_tokens_as_before(text, offset)
    assert tokens(text, offset) == _places_tokens_as_before(text, offset)  # again: from the cache
    got = tokenize(text)
    assert got == _figures_tokens_as_before(text) and all(type(t).__name__ == "Token" for t in got)
    assert [t.low for t in got] == [t.low for t in _figures_tokens_as_before(text)]
