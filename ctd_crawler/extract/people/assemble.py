"""Person records from the mentions of one article: one per person, with the fullest
title seen and its organisation.

Mentions are matched on person_key (the folded name); a repeated person keeps the
best-spelled name (mixed case, most diacritics) and the longest title. A one-syllable
given name with only an honorific ("bà Hoa") is not kept as a person: it joins a full
name ending in it elsewhere in the article ("Nông Văn Nhất" ... "ông Nhất"), and alone it
is too weak a key to count across the archive.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ctd_crawler.extract.people.lexicon import Lexicon
from ctd_crawler.extract.people.parser import Mention
from ctd_crawler.extract.people.patterns import APOSTROPHE, PROVINCE_LEVEL
from ctd_crawler.extract.people.tokens import Tok
from ctd_crawler.extract.text import fold, fold_aligned, nfc


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    honorific: str | None
    prefix: str | None
    title: str | None
    title_expanded: str | None
    organisation: str | None
    text: str
    start: int


def person_key(name: str) -> str:
    """Folded name: the key people are matched on within and across articles."""
    return " ".join(fold(nfc(name).replace("’", "'")).split())


def merge(text: str, mentions: list[Mention], lex: Lexicon, province_hint: str | None) -> list[Person]:
    """Distinct people of `mentions` in order of first mention (offsets into `text`)."""
    provinces = province_mentions(text, lex)
    people: dict[str, dict] = {}
    order: list[str] = []
    for m in mentions:
        name = display_name(m.name_toks)
        key = person_key(name)
        if not key:
            continue
        title = text[m.title_span[0] : m.title_span[1]] if m.title_span else None
        # "UBND tỉnh" alone: the province mentioned nearest in the article (an article on a
        # provincial site may report on officials of another province), else the site's.
        province = nearest_province(provinces, m.title_span[0]) if title and provinces else province_hint
        entry = people.get(key)
        record = {
            "name": name,
            "honorific": m.honorific,
            "prefix": m.prefix,
            "title": title,
            "title_expanded": lex.spelling.expand(title) if title else None,
            "organisation": organisation(text, m.parts, lex, province) if title else None,
            "text": text[m.start : m.end],
            "start": m.start,
            "words": 3 if m.alias else len(m.name_toks),
        }
        if entry is None:
            people[key] = record
            order.append(key)
            continue
        _fold_into(entry, record)
    _merge_short_names(people, order)
    return [
        Person(**{k: v for k, v in people[key].items() if k != "words"})
        for key in order
        if key in people and people[key]["words"] >= 2
    ]


def display_name(toks: list[Tok]) -> str:
    """The name as written, all-caps words in title case ("BÙI THỊ HÒA" -> "Bùi Thị Hòa")."""
    words = []
    for t in toks:
        s = t.text
        if len(s) > 1 and s.isupper():
            s = "'".join(p[:1].upper() + p[1:].lower() for p in APOSTROPHE.split(s))
        words.append(s)
    return " ".join(words)


def organisation(text: str, parts, lex: Lexicon, province: str | None) -> str | None:
    """The organisation of the last title part that has one, typos fixed, with the type
    word a head implies ("Trưởng ban Tổ chức" -> "Ban Tổ chức") and the province after a
    bare "tỉnh"."""
    for head, a, b in reversed(parts):
        if b <= a:
            continue
        org = text[a:b].strip(" ,-–—")
        if not org:
            continue
        org = lex.spelling.fix_typos(org)
        type_word = lex.titles.org_prefix.get(head)
        if type_word and not fold(org).startswith(fold(type_word)):
            org = f"{type_word} {org}"
        if province and fold(org.split()[-1]) == PROVINCE_LEVEL:
            org = f"{org} {province}"
        return org
    return None


def province_mentions(text: str, lex: Lexicon) -> list[tuple[int, str]]:
    """(offset, province) of every capitalised province name in `text`, in order."""
    folded = fold_aligned(text)
    return [
        (m.start(), lex.places.provinces[m.group()])
        for m in lex.places.province_re.finditer(folded)
        if text[m.start()].isupper()
    ]


def nearest_province(provinces: list[tuple[int, str]], at: int) -> str:
    """Province mention nearest to offset `at` (`provinces` is sorted by offset)."""
    k = bisect.bisect_left(provinces, (at, ""))
    near = provinces[max(0, k - 1) : k + 1]
    return min(near, key=lambda p: abs(p[0] - at))[1]


def _diacritic_score(name: str) -> tuple[int, int]:
    mixed = int(not name.isupper())
    return mixed, sum(1 for c in name if ord(c) > 127)


def _fold_into(entry: dict, record: dict, *, same_name: bool = True) -> None:
    if same_name and _diacritic_score(record["name"]) > _diacritic_score(entry["name"]):
        entry["name"] = record["name"]
    for key in ("honorific", "prefix"):
        entry[key] = entry[key] or record[key]
    if record["title"] and len(record["title"]) > len(entry["title"] or ""):
        for key in ("title", "title_expanded", "organisation"):
            entry[key] = record[key]


def _merge_short_names(people: dict, order: list[str]) -> None:
    """"ông Nhất" after "Nông Văn Nhất": a short mention joins the full name it ends."""
    for key in sorted(order, key=lambda k: people[k]["words"]):
        words = people[key]["words"]
        target = next(
            (f for f in order if f in people and people[f]["words"] > words and f.endswith(" " + key)), None
        )
        if target:
            _fold_into(people[target], people[key], same_name=False)
            del people[key]
