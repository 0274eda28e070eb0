"""Vietnamese text at the boundary: NFC, whitespace, entities, control characters and
look-alike letters; folding for keys.

Error policy: these functions never raise on str input; they keep what they cannot
improve. Stored text is only ever cleaned here (NFC, whitespace tidied, control characters
dropped, look-alike letters replaced by the Vietnamese ones); `fold` is for matching and
search keys, never for what is stored or shown.
"""

from __future__ import annotations

import html
import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
# C0 and C1 control characters but tab, newline and carriage return (whitespace here): from
# a page they are garbage, and in a terminal they are commands (ESC sequences, BEL).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Letters of other alphabets that legacy converters and keyboards put for Vietnamese ones:
# the Icelandic eth for đ above all ("ÐỒNG CHÍ").
_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"})
_HAS_LOOKALIKE = re.compile("[" + "".join(map(chr, _LOOKALIKES)) + "]")
# Every combining mark of the Basic Multilingual Plane, removed in one C-level regex pass
# (a per-character unicodedata.combining() loop made folding the slowest step of search).
_COMBINING = re.compile(
    "[" + "".join(re.escape(chr(i)) for i in range(0x300, 0x10000) if unicodedata.combining(chr(i))) + "]")


def nfc(text: str) -> str:
    """Unicode NFC: pages arrive in NFD (combining marks) too."""
    return unicodedata.normalize("NFC", text)


def clean_inline(text: str) -> str:
    """One line: entities decoded, NFC, control characters dropped, look-alike letters
    replaced, runs of spaces collapsed, trimmed."""
    text = _CONTROL.sub(" ", nfc(html.unescape(text)).replace("\r", " ").replace("\n", " "))
    if _HAS_LOOKALIKE.search(text):  # rare; translate with a table costs ~0.1 µs a character
        text = text.translate(_LOOKALIKES)
    return _SPACES.sub(" ", text).strip()


def printable(text: str) -> str:
    """Text safe to print on a terminal: no control character but newline and tab."""
    return _CONTROL.sub("", text)


def clean_paragraphs(text: str) -> str:
    """Paragraphs separated by exactly one blank line; each paragraph on one line."""
    paragraphs = (clean_inline(p) for p in _BLANK_LINES.split(nfc(text)))
    return "\n\n".join(p for p in paragraphs if p)


def fold(text: str) -> str:
    """Search/matching key: lowercase, no diacritics, đ -> d. Never stored as text."""
    # đ/Đ do not decompose; ð/Ð (eth) stand in for them in some legacy conversions.
    # (str.replace, not str.translate: translate with a table is slow on non-ASCII text.)
    text = text.replace("đ", "d").replace("Đ", "d").replace("ð", "d").replace("Ð", "d")
    return _COMBINING.sub("", unicodedata.normalize("NFD", text)).lower()


# The combining tone marks of Vietnamese (grave, acute, tilde, hook above, dot below).
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def tone_key(word: str) -> str:
    """Matching key of one word: lowercase, its tone mark moved to the end, so that the old
    and new tone placements meet ("hoá" = "hóa", "thuỷ" = "thủy") while "hóa" and "hoa",
    or "Đảng" and "Đặng", stay apart. For matching only, never stored."""
    d = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES)) + "".join(
        c for c in d if c in _TONES)


class _OneCharFold(dict):
    """str.translate table folding each character to exactly one (filled as met)."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = fold(chr(code))[:1] or " "
        return folded


_ONE_CHAR_FOLD = _OneCharFold()


def fold_aligned(text: str) -> str:
    """`fold(text)` with one character for each character of `text`, so that offsets in
    the folded text are offsets in the text (a character folding to several keeps the
    first; one folding to nothing becomes a space)."""
    folded = fold(text)
    return folded if len(folded) == len(text) else text.translate(_ONE_CHAR_FOLD)


# A line that opens a related-news list: nothing after it is article text.
_RELATED_HEADING = re.compile(
    r"^[ \t]*(?:các tin bài khác|tin bài khác|các tin khác|tin khác|tin liên quan|"
    r"bài viết liên quan|tin cùng chuyên mục|các bài viết khác|xem thêm|"
    r"related news|related articles|other news)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def without_related_list(text: str) -> str:
    """The text before a "Các tin khác:" / "Tin liên quan" heading line, when a page (or a
    layout that missed it) left the related-news list in."""
    m = _RELATED_HEADING.search(text)
    return text[: m.start()] if m else text


# A news agency's dateline opening a line: "Hanoi (VNA) –", "Vinh Long, May 4 (VNA) -": where
# the story was filed, not a place it reports on. The agency is an acronym in brackets.
_DATELINE = re.compile(r"^(?:[A-ZĐ][\w'’.-]*[ \t]+){0,3}[A-ZĐ][\w'’.-]*(?:,[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2})?"
                       r"[ \t]+\([A-Z]{2,6}\)[ \t]*[-–—]", re.MULTILINE)


def without_datelines(text: str) -> str:
    """`text` with the place and date of each line-opening dateline blanked (same length, so
    offsets still index the text)."""
    return _DATELINE.sub(lambda m: " " * len(m.group()), text)
