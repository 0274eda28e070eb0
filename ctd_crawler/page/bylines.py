"""Bylines and CMS accounts: who signed an article, told apart from the page around it.

split_byline takes a byline off the end of the body text, author_name reads an author
field the same way (the name without its chapter); is_cms_account tells a CMS login
printed as the author ("Super User", "admin") from a person or a source. The
account names are one list, data/bylines/cms_accounts.txt, shared by every layout.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ctd_crawler.extract.lexicon import data_lines, data_toml
from ctd_crawler.extract.text import fold, nfc

__all__ = ["is_cms_account", "split_byline"]

# A credit label before the author ("Tin, ảnh: Minh Anh", "Nguồn: Báo Bắc Kạn").
_LABEL = re.compile(
    r"^(?:(?:tin|bài|tin,? ảnh|bài,? ảnh|tin và ảnh|bài và ảnh|tin/ảnh|bài/ảnh|nguồn|"
    r"thực hiện|nhóm pv|pv)\s*:\s*)",
    re.IGNORECASE,
)
# A photo credit ("Ảnh: Minh Anh"): it belongs to the caption before it, and a
# photographer is not the author.
_PHOTO = re.compile(r"^\(?(?:ảnh|ảnh minh họa|ảnh minh hoạ|photo)\s*:", re.IGNORECASE)
# A note after the author on how the text was made ("Thu Hà (tổng hợp)").
_NOTE = re.compile(r"\s*\((?:tổng hợp|th|st|sưu tầm|lược dịch|theo [^)]*)\)\s*\.?$", re.IGNORECASE)
# A source instead of an author ("Theo Báo Bắc Kạn").
_SOURCE = re.compile(r"^(?:theo|nguồn:?)\s+\S", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?;]\s")
# In an affiliation, a dot after a short abbreviation is no sentence end ("Hội CTĐ TP. Vinh").
_ABBREVIATION_DOT = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,4}\.(?=\s|[^\W\d_])")
_LONG_NUMBER = re.compile(r"\d{3,}")
# Between the name and its affiliation: " - Hội CTĐ huyện", ", Hội ...", " (Hội ...)".
_AFFILIATION = re.compile(r"\s+[-–—]\s+|\s*,\s*|\s+\(")
_LOGIN_NUMBER = re.compile(r"\d+$")
MAX_AFFILIATION_WORDS = 16


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """First words of the people's honorifics that are no given names ("ông", "bà", "Mr"; not
    "Anh" of "Anh Thư"): a paragraph opening with one ("Bà Lê Thị Hoa, Phó Giám đốc ...
    chia sẻ") introduces a person, it signs nothing."""
    hon = data_toml("people/honorifics.toml")
    weak = set(hon["weak"]["words"])
    return frozenset(k.split()[0] for k in hon["singular"] if k.split()[0] not in weak)


@lru_cache(maxsize=1)
def _cms_accounts() -> frozenset[str]:
    return frozenset(fold(name) for name in data_lines("bylines/cms_accounts.txt"))


def is_cms_account(author: str, *, numbered: bool = False) -> bool:
    """A CMS login or default account ("Super User", "admin"), not a person or a source.

    `numbered`: also with digits after it ("admin2"), as WordPress prints its logins.
    """
    key = fold(author).strip()
    if numbered:
        key = _LOGIN_NUMBER.sub("", key)
    return key in _cms_accounts()


def split_byline(body_text: str) -> tuple[str, str | None]:
    """Split a byline off the end of the body: (body without it, author) or (body, None).

    Conservative: only a short last paragraph with no sentence inside it that is a
    source ("Theo Báo Bắc Kạn"), a labelled credit ("Tin, ảnh: Minh Anh"), or a
    capitalised name of 2-4 syllables with an optional " - organisation", "(organisation)"
    or "(tổng hợp)". The author is kept as the byline writes it, its chapter included
    ("Minh Anh (Hội CTĐ huyện X)"), without the label or the note. A photo credit ("Ảnh:
    Minh Anh") is no byline: it stays with its caption.
    """
    if not isinstance(body_text, str):
        return body_text, None
    text = body_text.rstrip()
    cut = max(text.rfind("\n\n"), text.rfind("\n"))
    if cut < 0:
        return body_text, None
    last = text[cut:].strip()
    author = _byline_author(last)
    if author is None:
        return body_text, None
    return text[:cut].rstrip(), author


def _byline_author(line: str) -> str | None:
    line = nfc(line).strip().strip("*_ ")
    if not line or len(line) > 120 or len(line.split()) > 20 or _PHOTO.match(line):
        return None
    labelled = _LABEL.match(line)
    core = line[labelled.end() :] if labelled else line
    core = _NOTE.sub("", core).strip().rstrip(".").strip()
    if not core or _LONG_NUMBER.search(core):
        return None
    if _SOURCE.match(core):
        return None if _SENTENCE.search(core) or len(core.split()) > 12 else core
    parts = _AFFILIATION.split(core, maxsplit=1)
    name, affiliation = parts[0], (parts[1] if len(parts) > 1 else "")
    words = name.split()
    if not words or words[0].lower().rstrip(".") in _honorifics():
        return None  # ", Hội CTĐ huyện" names nobody; "Bà Lê Thị Hoa, ..." introduces a person
    if _SENTENCE.search(name) or not _affiliation_ok(affiliation):
        return None
    if labelled and 1 <= len(words) <= 6:
        return core
    if 2 <= len(words) <= 4 and _looks_like_name(name) and (not name.isupper() or len(words) <= 3):
        return core
    if len(words) == 1 and name.isupper() and 2 <= len(name) <= 5 and not affiliation:  # "PV", "CTV", "TH"
        return name
    return None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return all(w[:1].isupper() for w in words) and text.replace(" ", "").replace("'", "").isalpha()


def _affiliation_ok(affiliation: str) -> bool:
    """An organisation after the name ("Hội CTĐ TP. Vinh)"), not more text."""
    if not affiliation:
        return True
    rest = affiliation.rstrip(")").strip()
    return (rest[:1].isupper() and len(rest.split()) <= MAX_AFFILIATION_WORDS and ";" not in rest
            and not _SENTENCE.search(_ABBREVIATION_DOT.sub(" ", rest)))

