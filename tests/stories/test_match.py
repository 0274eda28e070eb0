"""The verdict on two articles (ctd_crawler/stories/match.py) and the keys that find them
(features.py), on articles built by hand."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ctd_crawler.stories import Copy, compare, story_keys
from ctd_crawler.stories.features import FIGURE, TEXT, band_hashes, day_number, shingles
from ctd_crawler.stories.match import MAX_DAYS, conflicts, similarity

BODY = " ".join(f"Câu thứ {i} kể về đợt hỗ trợ của Hội Chữ thập đỏ cho người dân vùng lũ xã số {i}." for i in range(12))
OTHER = " ".join(f"Đoạn {i} nói về buổi tập huấn sơ cấp cứu cho tình nguyện viên tại trường học {i}." for i in range(12))


def copy(id=1, text=BODY, lang="vi", day=20000, money=(("VND", 350_000_000),), counts=((200, "suat qua"),),
         provinces=("Nghệ An",), **kw) -> Copy:
    return Copy(id=id, lang=lang, day=day, text=text, money=frozenset(money), counts=frozenset(counts),
                provinces=frozenset(provinces), **kw)


HALF = BODY[: len(BODY) // 2]


@pytest.mark.parametrize("a, b, kind", [
    # copies
    (copy(), copy(id=2), "same"),  # verbatim
    (copy(), copy(id=2, text=BODY + " Nguồn: Hội Chữ thập đỏ tỉnh Nghệ An."), "same"),  # a source line added
    (copy(), copy(id=2, text="(NĐ&ĐS) - Lời dẫn mới của tạp chí. " + HALF, counts=()), "same"),  # half, new lead
    (copy(), copy(id=2, day=20000 + MAX_DAYS), "same"),  # republished two weeks later
    (copy(), copy(id=2, provinces=()), "same"),  # the copy's places did not resolve
    (copy(), copy(id=2, provinces=("Nghệ An", "Hà Nội")), "same"),  # the national copy names Hà Nội too
    # translations
    (copy(), copy(id=2, lang="en", text="An English version.", counts=((200, "gift packages"),), day=20003), "same"),
    # not copies
    (copy(), copy(id=2, text=OTHER), None),  # other text
    (copy(), copy(id=2, provinces=("Hà Tĩnh",)), None),  # same text, another province: another event
    (copy(), copy(id=2, counts=((350, "suat qua"),)), "related"),  # a follow-up's new total
    (copy(), copy(id=2, money=(("VND", 900_000_000),)), "related"),  # a new amount
    (copy(), copy(id=2, day=20000 + MAX_DAYS + 1), "related"),  # the same text much later
    (copy(), copy(id=2, day=None), "same"),  # an undated copy: text and figures decide
    (copy(), copy(id=2, lang="en", text="x", counts=((200, "gift packages"),), day=20010), None),  # not that week
    (copy(), copy(id=2, lang="en", text="x", counts=(), day=20001), None),  # one figure in common only
    (copy(), copy(id=2, lang="en", text="x", counts=((200, "gift packages"),), provinces=(), day=20001), None),
    (copy(money=(("VND", 350_000_000), ("VND", 1e9))),
     copy(id=2, lang="en", text="x", money=(("VND", 350_000_000), ("VND", 9e9)), counts=((200, "x"),), day=20001),
     None),  # each has an amount the other lacks: another report
    (copy(), copy(id=2, lang="en", text="x", money=(("VND", 350_000_000), ("VND", 9e9)), counts=((200, "x"),),
                  day=20001), "same"),  # the English one adds an amount: still a translation
    (copy(money=(("VND", 1e9), ("VND", 2e9), ("VND", 3e9), ("VND", 4e9))),
     copy(id=2, lang="en", text="x", money=(("VND", 1e9),), counts=((7, "x"), (8, "y"), (9, "z")), day=20001),
     None),  # one amount of four in common
])
def test_compare(a, b, kind):
    assert compare(a, b).kind == kind
    assert compare(b, a).kind == kind  # symmetric


@pytest.mark.parametrize("a, b, expected", [
    ({"a", "b", "c"}, {"a", "b", "c"}, 1.0),
    ({"a", "b"}, {"c", "d"}, 0.0),
    (set(), {"a"}, 0.0),
    ({"a", "b", "c", "d"}, {"a", "b"}, 0.5),  # small sets: Jaccard, not containment
    ({str(i) for i in range(100)}, {str(i) for i in range(50)}, 1.0),  # contained, large enough
])
def test_similarity(a, b, expected):
    assert similarity(frozenset(a), frozenset(b)) == expected


@pytest.mark.parametrize("a, b, conflict", [
    (copy(), copy(id=2), False),
    (copy(counts=((200, "suat qua"), (5, "ngoi nha"))), copy(id=2, counts=((200, "suat qua"),)), False),  # fewer
    (copy(counts=((200, "suat qua"),)), copy(id=2, counts=((300, "suat qua"),)), True),
    (copy(counts=((200, "suat qua"),)), copy(id=2, counts=((300, "ho"),)), False),  # other units: not comparable
    (copy(money=(("VND", 1), ("VND", 2))), copy(id=2, money=(("VND", 1), ("VND", 3))), True),
    (copy(money=(("VND", 1),)), copy(id=2, money=(("USD", 5),)), False),
])
def test_conflicts(a, b, conflict):
    assert conflicts(a, b) is conflict


def test_shingles_are_folded_words():
    assert shingles("Hội Chữ thập đỏ trao quà", size=4) == {"hoi chu thap do", "chu thap do trao", "thap do trao qua"}
    assert shingles("HỘI CHỮ THẬP ĐỎ TRAO QUÀ", size=4) == shingles("hoi chu thap do trao qua", size=4)
    assert shingles("Hai từ", size=4) == {"hai tu"}
    assert shingles("", size=4) == frozenset() and band_hashes(frozenset()) == []
    assert shingles("Nội dung.\n\nTin liên quan\n\nMột tin khác hẳn", size=2) == {"noi dung"}  # no related list


def test_band_hashes_are_stable_and_shared_by_copies():
    a, b, c = shingles(BODY), shingles(BODY + " Nguồn: Hội."), shingles(OTHER)
    # stored in archives: the same in another interpreter, under another hash seed
    other = subprocess.run(
        [sys.executable, "-c", "import sys; from ctd_crawler.stories.features import band_hashes, shingles; "
                               "print(band_hashes(shingles(sys.argv[1])))", BODY],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "7"}).stdout
    assert other.strip() == str(band_hashes(a))
    assert set(band_hashes(a)) & set(band_hashes(b))
    assert not set(band_hashes(a)) & set(band_hashes(c))


def test_figure_keys_are_values_alone_so_translations_meet():
    vi = copy(counts=((1300, "don vi mau"),), money=(("VND", 2_500_000_000),))
    en = copy(id=2, counts=((1300, "units of blood"),), money=(("VND", 2_500_000_000),), text="English")
    keys = lambda c: {k for k, kind in story_keys(c) if kind == FIGURE}  # noqa: E731
    assert keys(vi) == keys(en) and len(keys(vi)) == 2
    small = copy(counts=((3, "ngoi nha"),), money=(("VND", 500_000),))  # too common to find copies by
    assert keys(small) == set()
    assert {kind for _, kind in story_keys(vi)} == {TEXT, FIGURE}


@pytest.mark.parametrize("iso, day", [("1970-01-08", 7), ("2024-06-24T08:00:00+07:00", 19898), (None, None),
                                      ("", None), ("24/06/2024", None)])
def test_day_number(iso, day):
    assert day_number(iso) == day
