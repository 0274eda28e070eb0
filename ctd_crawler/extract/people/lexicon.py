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
    weak_compounds: frozenset[tuple[str, str]]  # ("trẻ", "em"): the honorific is a noun's second syllable
    plain: PhraseTable  # multi-word honorifics typed without diacritics ("dong chi")
    plain_plural: frozenset[tuple[str, ...]]  # of those, the plural ones ("cac ong")
    prefixes: PhraseTable  # folded, for lines typed without diacritics: "PGS", "Dai ta"
    prefixes_toned: PhraseTable  # by tone key, for lines with them ("nhà thơ" is not "nhà thờ")
    aliases: list[tuple[list[str], str]]  # ("Bác Hồ" words, "Hồ Chí Minh")
    alias_firsts: frozenset[str]  # their first words
    list_joiners: frozenset[str]  # ", B và C": one more name of the same list
    # First words (lowercased or folded) of every phrase that can open a mention in
    # lower case: any other lowercase token is skipped at once.
    first_words: frozenset[str]
    honorific_firsts: frozenset[str]  # first words of honorifics (lowercased) and of plain ones (folded)


@dataclass(frozen=True)
class Titles:
    heads: PhraseTable  # folded title head words ("Phó Chủ tịch"), English ones included
    toned_heads: frozenset[tuple[str, ...]]  # the same under tone_key: a line typed with diacritics
    english: frozenset[tuple[str, ...]]  # of those, the English heads (folded)
    english_firsts: frozenset[str]  # their first words and the English openers (folded)
    abbreviated: PhraseTable  # "PCT", "UVBTV", "GĐ": matched as written
    openers: frozenset[str]  # lowercased "nguyên", "phó", "deputy": open a title before its head
    openers_named: frozenset[str]  # "nguyên": also a given name when capitalised mid-sentence
    group_heads: PhraseTable  # "Lãnh đạo", "Đại diện": after a comma, the next attendees
    lowercase_heads: frozenset[tuple[str, ...]]  # heads that count in lower case too
    name_heads: frozenset[tuple[str, ...]]  # a name, not an organisation, follows ("Già làng")
    stand_in: frozenset[tuple[str, ...]]  # "Đại diện": a title after the name wins over it
    org_prefix: dict[tuple[str, ...], str]  # "trưởng ban" -> "Ban" put back on the organisation
    appointed: PhraseTable  # "được bầu giữ chức": the role that follows is no title
    on_behalf: PhraseTable  # "thay mặt": the title before ", ông X" is someone else's
    term_words: PhraseTable  # "nhiệm kỳ" + year ends a title


@dataclass(frozen=True)
class Names:
    """What a capitalised run must (not) be to be a personal name."""

    surnames: frozenset[str]  # tone-keyed, for words written with diacritics
    plain_surnames: frozenset[str]  # folded, for words written without ("Nguyen")
    foreign: frozenset[str]  # folded Chinese and Korean family names: two syllables suffice
    not_names: frozenset[str]  # folded campaigns, events, regions ("Tết Nhân ái")
    not_before: PhraseTable  # "đường", "trường": a place or institution follows
    named_groups: PhraseTable  # "Quỹ", "Đội": a bare name a few words on is the group's
    named_after: PhraseTable  # "Trường", "Bệnh viện": the run is the institution's name
    credit: PhraseTable  # "Ảnh:": a photo credit follows
    credit_by: PhraseTable  # "Translated by": a credited name follows
    place_types: frozenset[str]  # lowercased "city", "province": the run before is a place
    openers: PhraseTable  # lowercased "Trong", "Theo kế hoạch": a sentence starts, no name goes on


@dataclass(frozen=True)
class Organisations:
    """Words of the organisation inside a title."""

    inside: PhraseTable  # lowercase words that stay inside ("tỉnh", "nhân dân")
    connectors: frozenset[str]  # join two capitalised parts ("và", "of")
    english_levels: frozenset[str]  # "provincial" between a connector and a capitalised part
    english_org_nouns: frozenset[str]  # "department", "delegation": close a lower-case English name
    levels: PhraseTable  # "tỉnh", "huyện": a place name follows
    level_words: re.Pattern  # any of `levels` and the space after it (a place's name follows)
    words: PhraseTable  # tone-keyed "Hội", "Sở", "Trung ương": never part of a name
    english_words: PhraseTable  # lowercased "party", "committee": end any name run
    lowercase_names: PhraseTable  # lowercased "ban chỉ đạo": an organisation written in lower case
    seat_words: frozenset[str]  # "tại" + a known place: the organisation's seat
    seated: PhraseTable  # "dự án": "tại" + a place after it is a seat, though in lower case
    seated_elsewhere: PhraseTable  # "đồng hương": "tại" + a place is its seat even after its own place
    era_marks: PhraseTable  # "(cũ)" after a unit's name stays in the title
    number_after: frozenset[str]  # "lớp", "số": a number after them stays in the title
    press: PhraseTable  # "báo", "tạp chí": before a capitalised name, the title goes on
    duties: PhraseTable  # "phụ trách": a duty, before an organisation or in brackets, stays in the title
    comma_pairs: frozenset[tuple[str, ...]]  # ("phòng", "chống"): a comma between them stays in a name


@dataclass(frozen=True)
class Places:
    gazetteer: PhraseTable  # tone-keyed province and district names
    provinces_plain: PhraseTable  # folded province names, for text written without diacritics ("Quang Ninh")
    communes: PhraseTable  # tone-keyed communes named like people (both maps): after "xã" a place
    countries: PhraseTable  # tone-keyed countries and regions that may be a seat
    provinces: dict[str, str]  # folded province name -> name
    province_re: re.Pattern  # any province, over folded text


@dataclass(frozen=True)
class Spelling:
    """Spelled-out abbreviations and fixed typos, for title_expanded and organisation."""

    abbrev_re: re.Pattern
    abbrev: dict[str, str]
    dotted: tuple[str, ...]  # abbreviations written with dots ("T.Ư", "TP."), longest first
    typo_re: re.Pattern
    typos: dict[str, str]  # lowercased typo -> fix

    def fix_typos(self, text: str) -> str:
        return self.typo_re.sub(lambda m: self.typos[m.group().lower()], text)

    def expand(self, title: str) -> str:
        def spelled(m: re.Match) -> str:
            # "TP.Huế": the dot stood for the space too
            glued = m.group()[-1] == "." and m.string[m.end() : m.end() + 1].isalpha()
            return self.abbrev[m.group()] + (" " if glued else "")

        return self.abbrev_re.sub(spelled, self.fix_typos(title))


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
    heads = table(titles["heads"] + titles["english_heads"], fold)
    openers = frozenset(titles["openers"])
    english_firsts = frozenset([words(h, fold)[0] for h in titles["english_heads"]] + [o for o in openers if o.isascii()])
    surnames = data_lines("people/surnames.txt")
    foreign = data_lines("people/foreign_surnames.txt")
    return Lexicon(
        cues=_cues(heads, openers),
        titles=Titles(
            heads=heads,
            toned_heads=frozenset(words(h, tone_key) for h in titles["heads"] + titles["english_heads"]),
            english=frozenset(words(h, fold) for h in titles["english_heads"]),
            english_firsts=english_firsts,
            abbreviated=table(titles["abbreviated_heads"], str),
            openers=openers,
            openers_named=frozenset(titles["openers_named"]),
            group_heads=table(titles["group_heads"], low),
            lowercase_heads=frozenset(words(h, fold) for h in titles["lowercase_ok"]),
            name_heads=frozenset(words(h, fold) for h in titles["name_follows"]),
            stand_in=frozenset(words(h, fold) for h in titles["stand_in"]),
            org_prefix={words(k, low): v for k, v in titles["org_prefix"].items()},
            appointed=table(titles["appointed_as"], low),
            on_behalf=table(titles["not_own_title_before"], low),
            term_words=table(orgs["term_words"], low),
        ),
        names=Names(
            surnames=frozenset(tone_key(s) for s in surnames + foreign),
            plain_surnames=frozenset(fold(s) for s in surnames + foreign),
            foreign=frozenset(fold(s) for s in foreign),
            not_names=frozenset(" ".join(words(n, fold)) for n in data_lines("people/not_names.txt")),
            not_before=table(orgs["not_person_before"], low),
            named_groups=table(orgs["named_groups"], low),
            named_after=table(orgs["named_institutions"], low),
            credit=table(orgs["photo_credit_words"] + orgs["credit_words"], low),
            credit_by=table(orgs["credits_by"], low),
            place_types=frozenset(t.lower() for t in orgs["english_place_types"]),
            openers=table(data_lines("people/sentence_openers.txt"), low),
        ),
        orgs=Organisations(
            inside=table(orgs["inside_title"], low),
            connectors=frozenset(orgs["connectors"]),
            english_levels=frozenset(orgs["english_levels"]),
            english_org_nouns=frozenset(orgs["english_org_nouns"]),
            levels=table(orgs["levels"], low),
            level_words=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in orgs["levels"]) + r")\s+", re.I),
            words=table(orgs["org_words"], tone_key),
            english_words=table(orgs["english_org_words"], low),
            lowercase_names=table(orgs["lowercase_org_names"], low),
            seat_words=frozenset(orgs["seat_words"]),
            seated=table(orgs["seated"], low),
            seated_elsewhere=table(orgs["seated_elsewhere"], low),
            era_marks=table(orgs["era_marks"], low),
            number_after=frozenset(orgs["number_after"]),
            press=table(orgs["press"], low),
            duties=table(orgs["duties"], low),
            comma_pairs=frozenset(words(p, low) for p in orgs["comma_pairs"]),
        ),
        places=_places(orgs, frozenset(surnames + foreign)),
        spelling=_spelling(),
        stopwords=frozenset(stopwords),
        stop_folded=frozenset(fold(w) for w in stopwords if len(w) >= 3),
    )


def _cues(heads: PhraseTable, openers: frozenset[str]) -> Cues:
    hon = data_toml("people/honorifics.toml")
    aliases = data_toml("people/aliases.toml")
    honorifics = table(hon["singular"], low, hon["singular"].get)
    plural = table(hon["plural"], low, hon["plural"].get)
    prefixes = table(data_lines("people/prefixes.txt"), fold)
    prefixes_toned = table(data_lines("people/prefixes.txt"), tone_key)
    # Text typed without diacritics: only multi-word honorifics are safe ("dong chi";
    # "ba" is also "three").
    both = hon["singular"] | hon["plural"]
    plain = PhraseTable((k, v) for k, v in table(both, fold, both.get).items() if len(k) > 1)
    return Cues(
        honorifics=honorifics,
        plural=plural,
        weak=frozenset(hon["weak"]["words"]),
        weak_compounds=frozenset(tuple(c.split()) for c in hon["weak"]["compounds"]),
        plain=plain,
        plain_plural=frozenset(k for k in table(hon["plural"], fold) if k in plain),
        prefixes=prefixes,
        prefixes_toned=prefixes_toned,
        aliases=[(p.split(), name) for p, name in aliases.items()],
        alias_firsts=frozenset(p.split()[0] for p in aliases),
        list_joiners=frozenset(hon["list"]["joiners"]),
        honorific_firsts=honorifics.firsts | plural.firsts | plain.firsts,
        first_words=frozenset(
            [k[0] for k in honorifics] + [k[0] for k in plural] + [fold(k[0]) for k in [*honorifics, *plural]]
            + [k[0] for k in prefixes] + [k[0] for k in heads] + list(openers)
        ),
    )


def _places(orgs: dict, surnames: frozenset[str]) -> Places:
    provinces, districts, communes = _gazetteer()
    communes = [c for c in communes if c.split(" ", 1)[0] in surnames]  # the others read as no name anyway
    by_fold = {fold(p): p for p in provinces}
    alternation = "|".join(re.escape(k) for k in sorted(by_fold, key=len, reverse=True))
    return Places(
        gazetteer=table(list(provinces) + list(districts), tone_key),
        provinces_plain=table(provinces, fold),
        communes=table(communes, tone_key),
        countries=table(orgs["countries"], tone_key),
        provinces=by_fold,
        province_re=re.compile(rf"(?<![a-z])(?:{alternation})(?![a-z])"),
    )


def _spelling() -> Spelling:
    abbr = data_toml("people/abbreviations.toml")
    typos = {k.lower(): v for k, v in abbr["typos"].items()}
    longest = sorted(abbr["expand"], key=len, reverse=True)
    # A key ending in a dot ends there ("TP.Huế"); one ending in a letter at a word's end.
    keys = "|".join(re.escape(k) + ("" if k[-1] == "." else r"(?!\w)") for k in longest)
    return Spelling(
        abbrev_re=re.compile(rf"(?<!\w)(?:{keys})"),
        abbrev=abbr["expand"],
        dotted=tuple(k for k in longest if "." in k),
        typo_re=re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(typos, key=len, reverse=True)) + r")(?!\w)",
            re.IGNORECASE,
        ),
        typos=typos,
    )


def _gazetteer() -> tuple[list[str], list[str], list[str]]:
    """Province and district names of the 63-province map (the places step's gazetteer),
    and the commune names of both maps.

    Provinces and districts reject place names that look like personal names ("Cao Bằng",
    "Lâm Đồng") and find the nearest province mention; communes are read only after a
    commune's level word in a title ("Trường THCS xã Thào Chư Phìn", "UBND xã Trần Phú"),
    since so many are named like people.
    """
    from ctd_crawler.extract.places.gazetteer import LEGACY, NEW, load_gazetteer

    gazetteer = load_gazetteer()
    communes = {u.name for era in (LEGACY, NEW) for u in gazetteer.units(era, "commune")}
    return ([u.name for u in gazetteer.units(LEGACY, "province")],
            [u.name for u in gazetteer.units(LEGACY, "district")], sorted(communes))
