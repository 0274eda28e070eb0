import html
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ctd_crawler.extract.text import (
    clean_inline,
    clean_paragraphs,
    fold,
    fold_aligned,
    nfc,
    printable,
    tone_key,
    without_datelines,
    without_related_list,
)


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Chữ thập đỏ", "chu thap do"),
        ("CHỮ THẬP ĐỎ", "chu thap do"),
        ("chu thap do", "chu thap do"),
        ("Băc Kạn", "bac kan"),
        ("Hoà Bình", "hoa binh"),
        ("Hòa Bình", "hoa binh"),
        ("Thừa Thiên Huế", "thua thien hue"),
        ("Đắk Lắk", "dak lak"),
        (unicodedata.normalize("NFD", "Nguyễn Thị Ánh"), "nguyen thi anh"),
        ("", ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_nfc_composes_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Hội Chữ thập đỏ")
    assert decomposed != "Hội Chữ thập đỏ"
    assert nfc(decomposed) == "Hội Chữ thập đỏ"


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("  Ngày đăng:&nbsp;24/06/2024 ", "Ngày đăng: 24/06/2024"),
        ("a\u00a0\u00a0b\tc", "a b c"),
        ("line\none", "line one"),
        ("Tôm &amp; cá", "Tôm & cá"),
    ],
)
def test_clean_inline(raw, clean):
    assert clean_inline(raw) == clean


def test_clean_paragraphs_keeps_one_blank_line_between_paragraphs():
    assert clean_paragraphs("  Một  \n\n\n\n Hai \n \n Ba") == "Một\n\nHai\n\nBa"


def test_stored_text_keeps_diacritics_and_case():
    assert clean_inline("Hội CTĐ tỉnh Băc Kạn") == "Hội CTĐ tỉnh Băc Kạn"


@pytest.mark.parametrize("text, kept", [
    ("Hội trao 50 suất quà.\n\nCác tin khác:\n\nTrao 500 triệu đồng cho Nghệ An", "Hội trao 50 suất quà.\n\n"),
    ("Hội trao quà.\nTin liên quan\nBài khác", "Hội trao quà.\n"),
    # only a heading on its own line: the words inside a sentence are text
    ("Xem thêm thông tin tại trang của Hội.", "Xem thêm thông tin tại trang của Hội."),
    ("Không có danh sách nào.", "Không có danh sách nào."),
])
def test_without_related_list(text, kept):
    assert without_related_list(text) == kept


def test_facts_are_never_taken_from_a_related_list_left_in_the_body():
    from tests.conftest import make_item

    item = make_item(body="Hội trao 50 suất quà tại xã Nam Mẫu.\n\nTin liên quan\n\nTrao 500 triệu đồng cho Nghệ An")
    assert "Nghệ An" not in item.text_for_facts() and "Nam Mẫu" in item.text_for_facts()


@pytest.mark.parametrize("text, folded", [
    ("Hội Chữ thập đỏ", "hoi chu thap do"),
    ("Ha\u0300 No\u0323i", "ha  no i"),  # stray combining marks (not NFC) keep their place as spaces
    ("İstanbul", "istanbul"),  # "İ" lowercases to two characters: the first is kept
])
def test_fold_aligned_keeps_one_character_per_character(text, folded):
    assert fold_aligned(text) == folded and len(fold_aligned(text)) == len(text)


@pytest.mark.parametrize("a, b, same", [
    ("hoá", "hóa", True), ("Thuỷ", "thủy", True), ("HOÀ", "hòa", True), ("quý", "quí", False),
    ("hóa", "hoa", False), ("Đảng", "Đặng", False), ("hỏa", "hóa", False), ("Kỳ", "kỳ", True),
])
def test_tone_key_meets_old_and_new_tone_placement_only(a, b, same):
    assert (tone_key(a) == tone_key(b)) is same


@pytest.mark.parametrize("raw, clean", [
    ("Trao quà\x1b]0;pwned\x07 Tết", "Trao quà ]0;pwned Tết"),  # a terminal title sequence loses ESC and BEL
    ("Hội\x00 Chữ thập đỏ", "Hội Chữ thập đỏ"), ("a\x85b\x9bc", "a b c"), ("\x7f", ""),
    ("ÐỒNG CHÍ Ðinh Văn Ân", "ĐỒNG CHÍ Đinh Văn Ân"), ("ðồng chí", "đồng chí"),
    # kept
    ("tab\tand space", "tab and space"), ("Ðức (Germany)".replace("Ð", "Đ"), "Đức (Germany)"),
    ("Ø Ñ ß", "Ø Ñ ß"),
])
def test_control_characters_and_look_alike_letters_at_the_boundary(raw, clean):
    assert clean_inline(raw) == clean


def test_printable_drops_control_characters_but_newlines_and_tabs():
    assert printable("a\x1b[31mred\x07\n\tb") == "a[31mred\n\tb"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ÐðƉɖĐđ aA\x07\n\t\u00a0&;#xế") + ["&amp;", "&#208;"]), max_size=30).map("".join)
       | st.text(max_size=40))
def test_look_alike_letters_replaced_wherever_they_are(raw):
    """clean_inline translates only the texts that hold a look-alike letter: the same text as
    translating them all."""
    from ctd_crawler.extract import text as module

    every = module._CONTROL.sub(" ", nfc(html.unescape(raw)).replace("\r", " ").replace("\n", " "))
    assert clean_inline(raw) == module._SPACES.sub(" ", every.translate(module._LOOKALIKES)).strip()


@pytest.mark.parametrize("text, kept", [
    ("Hanoi (VNA) – The Society gave gifts.", "The Society gave gifts."),
    ("Vinh Long, May 4 (VNA) - Gifts were handed over.", "Gifts were handed over."),
    ("HÀ NỘI (TTXVN) - Hội trao quà.", "Hội trao quà."),
    ("Ho Chi Minh City (SGGP) – Volunteers gathered.", "Volunteers gathered."),
    # not datelines: no agency acronym, not at a line's start, a bracketed word
    ("Tại Hà Nội (ảnh) - hội viên", "Tại Hà Nội (ảnh) - hội viên"),
    ("The ceremony in Hanoi (VNA) – began.", "The ceremony in Hanoi (VNA) – began."),
    ("Hanoi (Vietnam) – a city", "Hanoi (Vietnam) – a city"),
    ("Hội Chữ thập đỏ (CTĐ) tỉnh", "Hội Chữ thập đỏ (CTĐ) tỉnh"),
])
def test_datelines_are_blanked(text, kept):
    out = without_datelines(text)
    assert len(out) == len(text) and out.strip() == kept
