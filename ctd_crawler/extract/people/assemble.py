"""Person records from the mentions of one article: one per person, with the first title
stated and its organisation.

Mentions are matched on person_key (the folded name); a repeated person keeps the
best-spelled name (mixed case, most diacritics) and the title of the first mention that
states one (a later, shorter or longer one is how the article refers back); a role given
by a verb ("được bầu làm Chủ tịch Hội") is the title only when no mention states one. A one-syllable
name with an honorific ("ông Nhất", "Mr. Rocca") joins the full name it belongs to
elsewhere in the article (one ending in it, else one containing it: "Nông Văn Nhất",
"Francesco Rocca"), and given names without a family name ("Xuân Toàn") the full name ending
in them; alone, it is a person of its own ("ông Hạp") unless its honorific is
one of the common words ("anh", "em"...), which the parser already requires to be followed
by two syllables.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ctd_crawler.extract.people.lexicon import Lexicon
from ctd_crawler.extract.people.parser import Mention
from ctd_crawler.extract.people.patterns import APOSTROPHE, LOST_POSSESSIVE, PROVINCE_LEVEL
from ctd_crawler.extract.people.scanner import is_surname
from ctd_crawler.extract.people.tokens import Tok
from ctd_crawler.extract.text import fold, fold_aligned, nfc
from ctd_crawler.extract.tokens import possessive

_WORK = ("words", "title_rank", "given_only")  # merge bookkeeping, not Person fields
_LEADING = re.compile(r"^(?:\([^)]*\)\s*|(?:of|the|to|for|in)\s+)+", re.IGNORECASE)


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
    other_names: dict[str, str] = {}  # key of a name given in brackets -> the person's key
    for m in mentions:
        name = display_name(m.name_toks, vietnamese=len(m.name_toks) > 1 and is_surname(m.name_toks[0], lex))
        key = person_key(name)
        if not key:
            continue
        own_name = key not in other_names
        key = other_names.get(key, key)
        if m.other_name:
            other_names.setdefault(person_key(display_name(m.other_name)), key)
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
            # a role given by a verb ranks after any title a mention states
            "title_rank": (m.appointed, m.title_span[0]) if title else None,
            "words": 3 if m.alias else len(m.name_toks),
            # given names without a family name ("nhà báo Xuân Toàn"): how an article refers back
            "given_only": not m.alias and len(m.name_toks) > 1 and not is_surname(m.name_toks[0], lex),
        }
        if entry is None:
            people[key] = record
            order.append(key)
            continue
        _fold_into(entry, record, same_name=own_name)
    _merge_short_names(people, order)
    return [Person(**{k: v for k, v in people[key].items() if k not in _WORK}) for key in order
            if key in people and not _named_as_place(text, people[key], lex)]


def _named_as_place(text: str, person: dict, lex: Lexicon) -> bool:
    """A bare name (no honorific, prefix or title) the article also writes after a level word
    ("Lũng Cú là một xã ...", and "xã Lũng Cú" elsewhere): one name, one sense in
    an article, and the level word says which."""
    if person["honorific"] or person["prefix"] or person["title"]:
        return False
    after_level = lex.orgs.level_words.pattern + re.escape(person["name"]) + r"(?!\w)"
    return re.search(after_level, text, re.IGNORECASE) is not None


def display_name(toks: list[Tok], *, vietnamese: bool = False) -> str:
    """The name as written, all-caps words in title case ("BÙI THỊ HÒA" -> "Bùi Thị Hòa"),
    without an English possessive ("Le Thi Hoa’s family"; the tokens keep it, for the
    "People's Committee" of a title), nor one that lost its apostrophe when the name is
    Vietnamese ("Le Thi Hoas family": no Vietnamese syllable ends in s)."""
    words = []
    for n, t in enumerate(toks, 1):
        s = t.text
        if n == len(toks) and possessive(s):
            s = s[:-2]
        elif n == len(toks) and vietnamese and LOST_POSSESSIVE.search(t.fold):
            s = s[:-1]
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
        # without an aside after the head ("(phụ trách chung) Hội ...") or an English
        # connector before the organisation ("of the VNRC")
        org = _LEADING.sub("", text[a:b].strip(" ,-–—")).strip(" ,-–—")
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


def spelling_rank(name: str) -> tuple[int, int]:
    """How well a name is spelled, to keep the best of several spellings of one person:
    not all in capitals first, then the most letters with diacritics ("Trần Quốc Hùng"
    over "Tran Quoc Hung" and "TRẦN QUỐC HÙNG")."""
    mixed = int(not name.isupper())
    return mixed, sum(1 for c in name if ord(c) > 127)


def _fold_into(entry: dict, record: dict, *, same_name: bool = True) -> None:
    if same_name and spelling_rank(record["name"]) > spelling_rank(entry["name"]):
        entry["name"] = record["name"]
    for key in ("honorific", "prefix"):
        entry[key] = entry[key] or record[key]
    # the first mention that states a title ("ông Nhất, Phó Chủ tịch" may come before the
    # full name: the text order decides, not the order of folding); a role given by a verb
    # ("được bầu làm Chủ tịch") only when no mention states one
    if record["title"] and (not entry["title"] or record["title_rank"] < entry["title_rank"]):
        for key in ("title", "title_expanded", "organisation", "title_rank"):
            entry[key] = record[key]


def _merge_short_names(people: dict, order: list[str]) -> None:
    """"ông Nhất" after "Nông Văn Nhất": a one-syllable mention joins the full name that
    ends in it, else the first that has it as a word ("Mr. Rocca", "Mr. Nguyen"); given names
    without a family name join the full name that ends in them ("nhà báo Xuân Toàn" after
    "Nguyễn Xuân Toàn")."""
    for key in [k for k in order if people[k]["words"] == 1 or people[k]["given_only"]]:
        longer = [f for f in order if f in people and people[f]["words"] > people[key]["words"]]
        target = next((f for f in longer if f.endswith(" " + key)), None) or next(
            (f for f in longer if people[key]["words"] == 1 and key in f.split()), None)
        if target:
            _fold_into(people[target], people[key], same_name=False)
            del people[key]
