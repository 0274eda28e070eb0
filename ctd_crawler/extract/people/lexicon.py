"""The people extractor's lexicon, built once from data/people/ and the gazetteer.

Grouped by what the parser asks of it: cues that open a mention, title words, what is
(not) a personal name, organisation words inside titles, places, and the spelling fixes
of title_expanded. Each phrase table is keyed the way its words are matched (see
tokens.py): lowercase where diacritics matter, folded or tone-keyed where spelling varies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ctd_crawler.extract.lexicon import data_lines, data_toml
from ctd_crawler.extract.people.tokens import PhraseTable, low, table, words
from ctd_crawler.extract.text import fold, tone_key


@dataclass(frozen=True)
class Cues:
    """What opens a mention: honorifics, prefixes, fixed aliases."""

    honorifics: PhraseTable  # lowercase phrase -> canonical honorific
    plural: PhraseTable  # "các đồng chí" -> "đồng chí": opens a list of names
    weak: frozenset[str]  # honorifics that are also common words ("anh em")
    plain: PhraseTable  # multi-word honorifics typed without diacritics ("dong chi")
    plain_plural: frozenset[tuple[str, ...]]  # of those, the plural ones ("cac ong")
    prefixes: PhraseTable  # folded: "PGS", "Đại tá"
    aliases: list[tuple[list[str], str]]  # ("Bác Hồ" words, "Hồ Chí Minh")
    list_joiners: frozenset[str]  # ", B và C": one more name of the same list
    # First words (lowercased or folded) of every phrase that can open a mention in
    # lower case: any other lowercase token is skipped at once.
    first_words: frozenset[str]


@dataclass(frozen=True)
class Titles:
    heads: PhraseTable  # folded title head words ("Phó Chủ tịch")
    lowercase_heads: frozenset[tuple[str, ...]]  # heads that count in lower case too
    name_heads: frozenset[tuple[str, ...]]  # a name, not an organisation, follows ("Già làng")
    org_prefix: dict[tuple[str, ...], str]  # "trưởng ban" -> "Ban" put back on the organisation
    appointed: PhraseTable  # "được bầu giữ chức": the title follows
    on_behalf: PhraseTable  # "thay mặt": the title before ", ông X" is someone else's
    term_words: PhraseTable  # "nhiệm kỳ" + year ends a title


@dataclass(frozen=True)
class Names:
    """What a capitalised run must (not) be to be a personal name."""

    surnames: frozenset[str]  # folded
    not_names: frozenset[str]  # folded campaigns, events, regions ("Tết Nhân ái")
    not_before: PhraseTable  # "đường", "trường": a place or institution follows
    named_after: PhraseTable  # "Trường", "Bệnh viện": the run is the institution's name
    credit: PhraseTable  # "Ảnh:": a photo credit follows
    place_types: frozenset[str]  # "City", "Province": the run before is a place


@dataclass(frozen=True)
class Organisations:
    """Words of the organisation inside a title."""

    inside: PhraseTable  # lowercase words that stay inside ("tỉnh", "nhân dân")
    connectors: frozenset[str]  # join two capitalised parts ("và", "of")
    levels: PhraseTable  # "tỉnh", "huyện": a place name follows
    words: PhraseTable  # tone-keyed "Hội", "Sở", "Trung ương": never part of a name
    seat_words: frozenset[str]  # "tại" + a known place: the organisation's seat
    number_after: frozenset[str]  # "lớp", "số": a number after them stays in the title


@dataclass(frozen=True)
class Places:
    gazetteer: PhraseTable  # tone-keyed province and district names
    countries: PhraseTable  # tone-keyed countries and regions that may be a seat
    provinces: dict[str, str]  # folded province name -> name
    province_re: re.Pattern  # any province, over folded text


@dataclass(frozen=True)
class Spelling:
    """Spelled-out abbreviations and fixed typos, for title_expanded and organisation."""

    abbrev_re: re.Pattern
    abbrev: dict[str, str]
    typo_re: re.Pattern
    typos: dict[str, str]  # lowercased typo -> fix

    def fix_typos(self, text: str) -> str:
        return self.typo_re.sub(lambda m: self.typos[m.group().lower()], text)

    def expand(self, title: str) -> str:
        return self.abbrev_re.sub(lambda m: self.abbrev[m.group()], self.fix_typos(title))


@dataclass(frozen=True)
class Lexicon:
    cues: Cues
    titles: Titles
    names: Names
    orgs: Organisations
    places: Places
    spelling: Spelling
    # Lowercase words that end a title and, in all-caps text, a name; folded (3+ letters)
    # for text typed without diacritics.
    stopwords: frozenset[str]
    stop_folded: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    titles = data_toml("people/titles.toml")
    orgs = data_toml("people/orgs.toml")
    stopwords = data_lines("people/stopwords.txt")
    heads = table(titles["heads"], fold)
    return Lexicon(
        cues=_cues(heads),
        titles=Titles(
            heads=heads,
            lowercase_heads=frozenset(words(h, fold) for h in titles["lowercase_ok"]),
            name_heads=frozenset(words(h, fold) for h in titles["name_follows"]),
            org_prefix={words(k, low): v for k, v in titles["org_prefix"].items()},
            appointed=table(titles["appointed_as"], low),
            on_behalf=table(titles["not_own_title_before"], low),
            term_words=table(orgs["term_words"], low),
        ),
        names=Names(
            surnames=frozenset(fold(s) for s in data_lines("people/surnames.txt")),
            not_names=frozenset(" ".join(words(n, fold)) for n in data_lines("people/not_names.txt")),
            not_before=table(orgs["not_person_before"], low),
            named_after=table(orgs["named_institutions"], low),
            credit=table(orgs["credit_words"], low),
            place_types=frozenset(orgs["english_place_types"]),
        ),
        orgs=Organisations(
            inside=table(orgs["inside_title"], low),
            connectors=frozenset(orgs["connectors"]),
            levels=table(orgs["levels"], low),
            words=table(orgs["org_words"], tone_key),
            seat_words=frozenset(orgs["seat_words"]),
            number_after=frozenset(orgs["number_after"]),
        ),
        places=_places(orgs),
        spelling=_spelling(),
        stopwords=frozenset(stopwords),
        stop_folded=frozenset(fold(w) for w in stopwords if len(w) >= 3),
    )


def _cues(heads: PhraseTable) -> Cues:
    hon = data_toml("people/honorifics.toml")
    honorifics = table(hon["singular"], low, hon["singular"].get)
    plural = table(hon["plural"], low, hon["plural"].get)
    prefixes = table(data_lines("people/prefixes.txt"), fold)
    # Text typed without diacritics: only multi-word honorifics are safe ("dong chi";
    # "ba" is also "three").
    both = hon["singular"] | hon["plural"]
    plain = PhraseTable((k, v) for k, v in table(both, fold, both.get).items() if len(k) > 1)
    return Cues(
        honorifics=honorifics,
        plural=plural,
        weak=frozenset(hon["weak"]["words"]),
        plain=plain,
        plain_plural=frozenset(k for k in table(hon["plural"], fold) if k in plain),
        prefixes=prefixes,
        aliases=[(p.split(), name) for p, name in data_toml("people/aliases.toml").items()],
        list_joiners=frozenset(hon["list"]["joiners"]),
        first_words=frozenset(
            [k[0] for k in honorifics] + [k[0] for k in plural] + [fold(k[0]) for k in [*honorifics, *plural]]
            + [k[0] for k in prefixes] + [k[0] for k in heads]
        ),
    )


def _places(orgs: dict) -> Places:
    provinces, districts = _gazetteer()
    by_fold = {fold(p): p for p in provinces}
    alternation = "|".join(re.escape(k) for k in sorted(by_fold, key=len, reverse=True))
    return Places(
        gazetteer=table(list(provinces) + list(districts), tone_key),
        countries=table(orgs["countries"], tone_key),
        provinces=by_fold,
        province_re=re.compile(rf"(?<![a-z])(?:{alternation})(?![a-z])"),
    )


def _spelling() -> Spelling:
    abbr = data_toml("people/abbreviations.toml")
    typos = {k.lower(): v for k, v in abbr["typos"].items()}
    return Spelling(
        abbrev_re=re.compile(
            r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(abbr["expand"], key=len, reverse=True)) + r")(?!\w)"
        ),
        abbrev=abbr["expand"],
        typo_re=re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(typos, key=len, reverse=True)) + r")(?!\w)",
            re.IGNORECASE,
        ),
        typos=typos,
    )


def _gazetteer() -> tuple[list[str], list[str]]:
    """Province and district names of the 63-province map (the places step's gazetteer).

    Used to reject place names that look like personal names ("Cao Bằng", "Lâm Đồng")
    and to find the nearest province mention.
    """
    from ctd_crawler.extract.places.gazetteer import LEGACY, load_gazetteer

    gazetteer = load_gazetteer()
    return ([u.name for u in gazetteer.units(LEGACY, "province")],
            [u.name for u in gazetteer.units(LEGACY, "district")])
