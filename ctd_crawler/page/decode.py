"""Bytes -> text for HTML pages, with Vietnamese legacy encodings done right.

Order tried, first that decodes cleanly wins: the byte-order mark; UTF-8 (bytes that
are valid UTF-8 and not plain ASCII are UTF-8 whatever the page says: a legacy page is
practically never valid UTF-8, and CMSes often declare the wrong charset); the charset
of the HTTP header; the charset the page declares; windows-1258, the Vietnamese legacy
code page. Error policy: raise `UndecodablePage` when nothing decodes cleanly, so the
caller counts and skips the page instead of archiving mojibake. The result is NFC.
"""

from __future__ import annotations

import codecs
import re

from ctd_crawler.extract.text import nfc

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([-\w:.]+)", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Text decoded with the wrong single-byte code page shows C1 control characters.
_C1 = re.compile("[\x80-\x9f]")
# Declarations old CMSes put on Vietnamese pages that cannot be right for them.
_IMPLAUSIBLE = {"ascii", "latin-1", "iso8859-1"}


class UndecodablePage(ValueError):
    """No candidate encoding decodes the page without errors."""


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    """The codec named by a Content-Type header's charset, if it names a known one."""
    m = _HEADER_CHARSET.search(content_type or "")
    return _codec(m.group(1)) if m else None


def candidate_encodings(body: bytes, content_type: str | None = None) -> list[str]:
    """Encodings to try, most trusted first, without repeats."""
    found: list[str | None] = [name for bom, name in _BOMS if body.startswith(bom)]
    found.append("utf-8")
    found.append(header_charset(content_type))
    if m := _META_CHARSET.search(body[:4096]):
        found.append(_codec(m.group(1).decode("ascii", "replace")))
    found.append("cp1258")
    ordered: list[str] = []
    for name in found:
        if name and name not in ordered and name not in _IMPLAUSIBLE:
            ordered.append(name)
    return ordered


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode a page; returns (NFC text, the encoding that decoded it)."""
    tried = candidate_encodings(body, content_type)
    for name in tried:
        try:
            text = body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if name.startswith("utf") or len(_C1.findall(text)) <= 2:
            return nfc(text), name
    raise UndecodablePage(f"no encoding decodes this page cleanly (tried {', '.join(tried)})")
