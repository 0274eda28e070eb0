import codecs
import unicodedata

import pytest

from ctd_crawler.page.decode import UndecodablePage, candidate_encodings, decode_html

TEXT = "Hội Chữ thập đỏ tỉnh Bắc Kạn trao tặng 200 triệu đồng"


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 has the shaped letters (â ê ô ă ơ ư đ) precomposed and tones as combining marks."""
    out = []
    for ch in text:
        base, *marks = unicodedata.normalize("NFD", ch)
        shape = "".join(m for m in marks if m in "\u0302\u0306\u031b")
        tones = "".join(m for m in marks if m not in shape)
        out.append(unicodedata.normalize("NFC", base + shape) + tones)
    return "".join(out).encode("cp1258")


def page(charset_meta: str | None, body: str = TEXT) -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return f"<html><head>{meta}</head><body><p>{body}</p></body></html>"


def test_utf8_declared():
    text, enc = decode_html(page("utf-8").encode())
    assert TEXT in text and enc == "utf-8"


def test_windows_1258_declared_is_decoded_and_composed_to_nfc():
    text, enc = decode_html(page("windows-1258").encode("ascii", "ignore").replace(b"</p>", cp1258_bytes(TEXT) + b"</p>"))
    assert enc == "cp1258"
    assert TEXT in text


def test_windows_1258_without_declaration():
    raw = b"<html><body><p>" + cp1258_bytes(TEXT) + b"</p></body></html>"
    text, enc = decode_html(raw)
    assert enc == "cp1258" and TEXT in text


def test_header_charset_lies_but_bytes_are_utf8():
    text, enc = decode_html(page(None).encode("utf-8"), "text/html; charset=iso-8859-1")
    assert enc == "utf-8" and TEXT in text


def test_nfd_page_becomes_nfc():
    text, _ = decode_html(unicodedata.normalize("NFD", page("utf-8")).encode())
    assert TEXT in text


def test_bom_wins():
    text, enc = decode_html(codecs.BOM_UTF8 + page(None).encode())
    assert enc == "utf-8-sig" and text.startswith("<html>")


def test_undecodable_page_raises_a_clear_error():
    garbage = bytes(range(0x80, 0xA0)) * 10  # C1 controls: no Vietnamese page looks like this
    with pytest.raises(UndecodablePage, match="no encoding decodes"):
        decode_html(garbage)


def test_candidates_skip_unknown_and_implausible_declarations():
    assert candidate_encodings(b'<meta charset="x-unknown">', "text/html; charset=us-ascii") == ["utf-8", "cp1258"]
