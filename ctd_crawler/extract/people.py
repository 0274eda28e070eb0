"""People named in an article, with honorific, prefix, title and organisation.

Rules over tokenised lines, driven by lexicons in ``data/people_*`` (surnames incl.
ethnic-minority ones, honorifics, prefixes, title head words, organisation words,
abbreviations and known typos). A person mention is found in one of four shapes,
tried in this order at each token:

1. a fixed alias ("Bác Hồ");
2. a cue: honorific and/or prefix, then an optional title, then a name
   ("đồng chí Bùi Thị Hòa", "PGS. TS. Nguyễn Hà Thanh", "ông Phó Chủ tịch UBND tỉnh X");
3. a title before a name ("Phó Thủ tướng Chính phủ Vũ Đức Đam");
4. a bare name: a known surname opening 3-5 capitalised syllables, or 2 when a title
   follows ("Vũ Đam, Phó Thủ tướng").

A title after the name is taken after " - ", ", ", "(" or directly when a capitalised
head word follows the name ("Phạm Thị Hà Chiên Ủy viên Ban Thường vụ"), or after words
of appointment ("được bầu giữ chức", "giữ chức"). A title before ", honorific name" is
that person's ("Chủ tịch UBND xã X, ông Y, cho biết") unless it follows "thay mặt",
"của"... (then Y acts for the title holder). Names following a person with ", " or " và "
continue a list with the same honorific.

Inside a title: a level word (xã, huyện, tỉnh) opens a place only before a capitalised
name, and a longer lexicon phrase wins ("Ban Công tác xã hội"); lowercase words continue
an organisation's name up to a stop word (verb, preposition) or _MAX_LOWER words;
"tại" + a known place or country is the organisation's seat; "nhiệm kỳ 2022-2027" ends
the title; a capitalised run right after "Trường", "Bệnh viện"... is the institution's
name, not a person. English place types ("Ho Chi Minh City") are never people.

A one-syllable given name with only an honorific ("bà Hoa") is not kept as a person:
it joins a full name ending in it elsewhere in the article ("Nông Văn Nhất" ... "ông
Nhất"), and alone it is too weak a key to count across the archive.

Error policy: never raises on str input; output is bounded by the input (one pass over
the tokens of each line, each look-ahead capped), so a 200 KB body stays linear.
Offsets (`start`) refer to the NFC form of the input.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ctd_crawler.extract.lexicon import data_lines, data_toml
from ctd_crawler.extract.text import fold, fold_aligned, nfc, without_related_list

__all__ = ["Person", "extract_people", "person_key", "split_byline"]



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


# --------------------------------------------------------------------------- patterns

# A hyphen between letters keeps one word: hyphenated given names ("Kim Sung-ho").
_TOKEN = re.compile(r"(?P<w>[^\W\d_]+(?:['’-][^\W\d_]+)*)|(?P<n>\d+(?:[.,/]\d+)*)|(?P<p>\S)")
_SENTENCE_OPENERS = set(".!?:;\"“”'‘’(-–—•…*[")
_DASHES = {"-", "–", "—"}
_MAX_NAME = 5  # syllables in one personal name ("Y Ngông Niê Kdăm", "Nguyễn Thị Hà Chiên")
_MAX_TITLE = 40  # tokens in one title: bounds look-ahead on run-on text
_MAX_PHRASE = 6
# Lowercase words in a row inside an organisation's name ("Ban Chỉ đạo vận động hiến máu
# tình nguyện tỉnh"); the run ends earlier at a stop word (a verb, a preposition).
_MAX_LOWER = 8
_BYLINE_LABEL = re.compile(
    r"^(?:(?:tin|bài|ảnh|tin,? ảnh|bài,? ảnh|tin và ảnh|bài và ảnh|nguồn|"
    r"thực hiện|nhóm pv|pv)\s*:\s*)",
    re.IGNORECASE,
)
_BYLINE_NOTE = re.compile(r"\s*\((?:tổng hợp|th|st|sưu tầm|lược dịch|theo [^)]*)\)\s*\.?$", re.IGNORECASE)
_BYLINE_SOURCE = re.compile(r"^(?:theo|nguồn:?)\s+\S", re.IGNORECASE)


# --------------------------------------------------------------------------- lexicons


def _words(phrase: str, key) -> tuple[str, ...]:
    return tuple(key(m.group()) for m in _TOKEN.finditer(nfc(phrase)) if m.lastgroup == "w")


class _PhraseTable(dict):
    """Phrase (tuple of words) -> value, plus every proper prefix of a phrase, so that a
    look-up stops at the first word that cannot continue any phrase (the hot path)."""

    def __init__(self, items=()):
        super().__init__(items)
        self.prefixes = frozenset(k[:n] for k in self for n in range(1, len(k)))
        self.firsts = frozenset(k[0] for k in self)


def _table(phrases, key, value=lambda p: p) -> _PhraseTable:
    out: dict[tuple[str, ...], str] = {}
    for phrase in phrases:
        words = _words(phrase, key)
        if words:
            out.setdefault(words, value(phrase))
    return _PhraseTable(out)


def _low(s: str) -> str:
    return s.lower()


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _tone_key(word: str) -> str:
    """Lowercase word with its tone mark moved to the end: "hóa" and "hoá" (old and new
    tone placement) meet, while "hóa" and "hoa" or "Đảng" and "Đặng" stay apart."""
    d = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES)) + "".join(
        c for c in d if c in _TONES
    )


@dataclass(frozen=True)
class _Lexicon:
    surnames: frozenset[str]
    honorifics: dict
    plural: dict
    weak: frozenset[str]
    prefixes: dict
    heads: dict
    lowercase_heads: frozenset
    org_prefix: dict
    inside: dict
    connectors: frozenset[str]
    levels: dict
    org_words: dict
    credit: dict
    not_before: dict
    not_names: frozenset[str]
    aliases: dict
    stopwords: frozenset[str]
    cue_first: frozenset[str]
    name_heads: frozenset
    appointed: dict
    on_behalf: dict
    named_after: dict
    seat_words: frozenset[str]
    countries: dict
    term_words: dict
    place_types: frozenset[str]
    stop_folded: frozenset[str]
    ascii_honorifics: dict
    places_table: dict
    provinces: dict
    province_re: re.Pattern
    abbrev_re: re.Pattern
    abbrev: dict
    typo_re: re.Pattern
    typos: dict


@lru_cache(maxsize=1)
def _lex() -> _Lexicon:
    hon = data_toml("people_honorifics.toml")
    titles = data_toml("people_titles.toml")
    orgs = data_toml("people_orgs.toml")
    abbr = data_toml("people_abbreviations.toml")
    provinces, districts = _gazetteer()
    province_by_fold = {fold(p): p for p in provinces}
    alternation = "|".join(re.escape(k) for k in sorted(province_by_fold, key=len, reverse=True))
    typos = {k.lower(): v for k, v in abbr["typos"].items()}
    honorifics = _table(hon["singular"], _low, hon["singular"].get)
    plural = _table(hon["plural"], _low, hon["plural"].get)
    prefixes = _table(data_lines("people_prefixes.txt"), fold)
    heads = _table(titles["heads"], fold)
    # First words (lowercased or folded) of every phrase that can open a mention in
    # lower case: any other lowercase token is skipped at once.
    cue_first = frozenset(
        [k[0] for k in honorifics] + [k[0] for k in plural] + [fold(k[0]) for k in [*honorifics, *plural]]
        + [k[0] for k in prefixes] + [k[0] for k in heads]
    )
    return _Lexicon(
        cue_first=cue_first,
        name_heads=frozenset(_words(h, fold) for h in titles["name_follows"]),
        appointed=_table(titles["appointed_as"], _low),
        on_behalf=_table(titles["not_own_title_before"], _low),
        named_after=_table(orgs["named_institutions"], _low),
        seat_words=frozenset(orgs["seat_words"]),
        countries=_table(orgs["countries"], _tone_key),
        term_words=_table(orgs["term_words"], _low),
        place_types=frozenset(orgs["english_place_types"]),
        surnames=frozenset(fold(s) for s in data_lines("people_surnames.txt")),
        honorifics=honorifics,
        plural=plural,
        weak=frozenset(hon["weak"]["words"]),
        prefixes=prefixes,
        heads=heads,
        lowercase_heads=frozenset(_words(h, fold) for h in titles["lowercase_ok"]),
        org_prefix={_words(k, _low): v for k, v in titles["org_prefix"].items()},
        inside=_table(orgs["inside_title"], _low),
        connectors=frozenset(orgs["connectors"]),
        levels=_table(orgs["levels"], _low),
        org_words=_table(orgs["org_words"], _tone_key),
        credit=_table(orgs["credit_words"], _low),
        not_before=_table(orgs["not_person_before"], _low),
        not_names=frozenset(" ".join(_words(n, fold)) for n in data_lines("people_not_names.txt")),
        aliases=[(phrase.split(), name) for phrase, name in data_toml("people_aliases.toml").items()],
        stopwords=frozenset(data_lines("people_stopwords.txt")),
        stop_folded=frozenset(fold(w) for w in data_lines("people_stopwords.txt") if len(w) >= 3),
        # Text typed without diacritics: only multi-word honorifics are safe ("dong chi";
        # "ba" is also "three").
        ascii_honorifics=_PhraseTable(
            (k, v) for k, v in _table(hon["singular"] | hon["plural"], fold, (hon["singular"] | hon["plural"]).get).items()
            if len(k) > 1
        ),
        places_table=_table(list(provinces) + list(districts), _tone_key),
        provinces=province_by_fold,
        province_re=re.compile(rf"(?<![a-z])(?:{alternation})(?![a-z])"),
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
    from ctd_crawler.extract.gazetteer import LEGACY, load_gazetteer

    gazetteer = load_gazetteer()
    return ([u.name for u in gazetteer.units(LEGACY, "province")],
            [u.name for u in gazetteer.units(LEGACY, "district")])


# --------------------------------------------------------------------------- tokens


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    kind: str  # "w" word, "n" number, "p" punctuation
    low: str
    fold: str
    cap: bool  # starts with a capital (always true in all-caps lines)
    upper: bool  # an all-caps abbreviation (UBND) in a mixed-case line
    tkey: str  # _tone_key(text): for organisation and place words


def _tokenize(line: str, offset: int) -> list[_Tok]:
    toks = []
    matches = list(_TOKEN.finditer(line))
    letters = sum(map(str.isalpha, line))
    caps_line = letters >= 12 and sum(map(str.isupper, line)) > 0.8 * letters
    for m in matches:
        s = m.group()
        kind = m.lastgroup
        upper = kind == "w" and len(s) > 1 and s.isupper() and not caps_line
        cap = kind == "w" and (caps_line or s[0].isupper())
        low, folded, tkey = _keys(s)
        toks.append(_Tok(s, m.start() + offset, m.end() + offset, kind, low, folded, cap, upper, tkey))
    return toks


@lru_cache(maxsize=1 << 14)  # ~ the syllables of Vietnamese with their capitalised forms; ≈ 3 MiB full
def _keys(word: str) -> tuple[str, str, str]:
    """(lower, folded, tone key) of a word: cached, since news text repeats its words."""
    return word.lower(), fold(word), _tone_key(word)


def _phrase(table: _PhraseTable, toks: list[_Tok], i: int, attr: str) -> tuple[int, str | None]:
    """Longest phrase of `table` starting at word token i (contiguous words only)."""
    if i >= len(toks) or getattr(toks[i], attr) not in table.firsts:
        return 0, None
    best, value, words = 0, None, ()
    for j in range(i, min(len(toks), i + _MAX_PHRASE)):
        if toks[j].kind != "w":
            break
        words = (*words, getattr(toks[j], attr))
        hit = table.get(words)
        if hit is not None:
            best, value = j - i + 1, hit
        elif words not in table.prefixes:
            break
    return best, value


# --------------------------------------------------------------------------- mentions


@dataclass
class _Mention:
    name_toks: list[_Tok]
    honorific: str | None = None
    prefix: str | None = None
    title_span: tuple[int, int] | None = None  # char offsets
    parts: list[tuple[tuple[str, ...], int, int]] = field(default_factory=list)  # head, org start/end
    start: int = 0
    end: int = 0
    alias: bool = False


class _LineParser:
    """Finds person mentions in one line of text (a paragraph or caption)."""

    def __init__(self, text: str, toks: list[_Tok], lex: _Lexicon):
        self.text, self.toks, self.lex, self.n = text, toks, lex, len(toks)
        # Text typed without diacritics: "nam" may then be "năm". In a line that has
        # diacritics, an unaccented word is what it is ("NAM" in "TRẦN VĂN NAM").
        self.plain = text.isascii()

    # ---- small predicates

    def word(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < self.n and self.toks[i].kind == "w" else None

    def punct(self, i: int, chars) -> bool:
        return 0 <= i < self.n and self.toks[i].kind == "p" and self.toks[i].text in chars

    def sentence_start(self, i: int) -> bool:
        return i == 0 or (self.toks[i - 1].kind == "p" and self.toks[i - 1].text in _SENTENCE_OPENERS)

    def stop(self, t: _Tok) -> bool:
        return t.low in self.lex.stopwords or (self.plain and t.fold in self.lex.stop_folded)

    def honorific(self, i: int) -> tuple[int, str | None, bool]:
        t = self.word(i)
        if t is None:
            return 0, None, False
        if t.text.isascii():
            n, value = _phrase(self.lex.ascii_honorifics, self.toks, i, "fold")
            if n and (t.text[0].islower() or self.sentence_start(i)):
                return n, value, value != t.low and self.toks[i].fold in ("cac", "hai")
        for table, plural in ((self.lex.plural, True), (self.lex.honorifics, False)):
            n, value = _phrase(table, self.toks, i, "low")
            if not n:
                continue
            # Capitalised mid-sentence "Bà"/"Ông" is usually a place ("Bà Rịa"); English
            # honorifics are always capitalised.
            english = value.endswith(".")
            if t.text[0].isupper() and not (english or self.sentence_start(i) or self._caps(i)):
                continue
            if english and not t.text[0].isupper():
                continue
            if english and self.punct(i + n, "."):
                n += 1
            return n, value, plural
        return 0, None, False

    def _caps(self, i: int) -> bool:
        t = self.toks[i]
        return t.cap and t.text.isupper() and len(t.text) > 1 and not t.upper

    def head(self, i: int, *, capitalised: bool) -> int:
        t = self.word(i)
        if t is None:
            return 0
        n, _ = _phrase(self.lex.heads, self.toks, i, "fold")
        if not n:
            return 0
        words = tuple(tok.fold for tok in self.toks[i : i + n])
        if not t.cap and (capitalised or words not in self.lex.lowercase_heads):
            return 0
        # "Chủ tịch Hồ Chí Minh" is an alias, not a head + name; handled before.
        return n

    def prefix(self, i: int) -> int:
        """Prefix chain ("PGS. TS.", "BS. CKII", "Đại tá") -> number of tokens."""
        j = i
        for _ in range(4):
            t = self.word(j)
            if t is None:
                break
            n, _ = _phrase(self.lex.prefixes, self.toks, j, "fold")
            # One-word abbreviations must look like one (TS, ThS), not a lowercase word.
            if not n or (n == 1 and not t.text[0].isupper()):
                break
            j += n
            if self.punct(j, "."):
                j += 1
        return j - i

    def name_token(self, i: int) -> bool:
        t = self.word(i)
        if t is None or not t.cap or len(t.text) > 14:
            return False
        return not t.upper or len(t.text) == 1

    def name_run(self, i: int, *, bare: bool) -> int:
        """Capitalised syllables from i that can form a name; stops at org/title words."""
        j = i
        caps = self._caps(i) if self.word(i) else False
        while j < self.n and j - i < _MAX_NAME and self.name_token(j):
            t = self.toks[j]
            if j > i and (self.head(j, capitalised=True) or self.org_starts(j)):
                break
            if j == i and _phrase(self.lex.org_words, self.toks, j, "tkey")[0]:
                break
            if caps and (self.stop(t) or self.honorific(j)[0] or _phrase(self.lex.levels, self.toks, j, "low")[0]):
                break  # all caps: no case to tell the name from what follows ("... SÁU XÓM NÀ PÀI")
            if j > i and self.place_type(j):
                break  # "Ho Chi Minh City": the run is a place; person_at rejects it
            j += 1
        if bare and j < self.n and j - i == _MAX_NAME and self.name_token(j):
            return 0  # a longer capitalised run is a heading or an organisation
        return j - i

    def org_starts(self, j: int) -> bool:
        """Does an organisation's name start at j? An organisation word ("Hội", "Trường",
        "Đài") is also a given name ("Nghiêm Xuân Trường,"): it starts an organisation
        only when it is a phrase ("Trung ương") or a capitalised word follows ("Trường THCS")."""
        n, _ = _phrase(self.lex.org_words, self.toks, j, "tkey")
        if n == 0:
            return False
        nxt = self.word(j + n)
        return n > 1 or (nxt is not None and nxt.cap)

    def name_ok(self, toks: list[_Tok], *, cue: bool = False) -> bool:
        """Not a campaign/organisation phrase; without a cue, not a known place either."""
        if " ".join(t.fold for t in toks) in self.lex.not_names:
            return False
        return cue or tuple(t.tkey for t in toks) not in self.lex.places_table

    def person_at(self, i: int, *, min_len: int) -> int:
        """Length of a surname-led personal name at i, or 0 (used inside titles and lists)."""
        t = self.word(i)
        if t is None or not t.cap or t.fold not in self.lex.surnames and not t.fold.startswith("h'"):
            return 0
        n = self.name_run(i, bare=True)
        if n < min_len or self.place_type(i + n):
            return 0
        if self.name_token(i + n) and not (self._caps(i + n) and self.stop(self.toks[i + n])):
            return 0  # a longer capitalised run (but in all caps a verb may follow the name)
        if not self.name_ok(self.toks[i : i + n]):
            return 0
        # "xã Khang Ninh Nguyễn Văn A": when the second syllable also opens a full name,
        # the first one belongs to the place before it.
        if n == 4 and self.toks[i + 1].fold in self.lex.surnames and self.toks[i + 1].fold not in ("thi", "van"):
            return 0
        return n

    def ends_with(self, table: dict, i: int) -> bool:
        """Does a phrase of `table` end right before token i?"""
        return any(
            i - back >= 0 and _phrase(table, self.toks, i - back, "low")[0] == back for back in (1, 2, 3)
        )

    def place_after_level(self, j: int) -> int:
        n, _ = _phrase(self.lex.places_table, self.toks, j, "tkey")
        return n if n and self.toks[j].cap else 0

    def known_place(self, j: int) -> int:
        """Length of a gazetteer place or a country name at j ("Việt Nam", "Nghệ An"), or 0."""
        t = self.word(j)
        if t is None or not t.cap:
            return 0
        return _phrase(self.lex.places_table, self.toks, j, "tkey")[0] or _phrase(
            self.lex.countries, self.toks, j, "tkey"
        )[0]

    def term_of_office(self, j: int) -> bool:
        """"nhiệm kỳ 2022-2027" at j."""
        n, _ = _phrase(self.lex.term_words, self.toks, j, "low")
        return bool(n) and 0 <= j + n < self.n and self.toks[j + n].kind == "n"

    def place_type(self, j: int) -> bool:
        """Is token j an English place-type word ("Ho Chi Minh City", "Lao Cai Province")?"""
        t = self.word(j)
        return t is not None and t.cap and t.text in self.lex.place_types

    # ---- titles

    def title_span(self, k: int, *, head_case: bool) -> tuple[int, int | None, list]:
        """Parse a title starting with a head word at k.

        Returns (end token index, index of a name that ends the title or None, parts).
        """
        n = self.head(k, capitalised=head_case)
        if not n:
            return k, None, []
        parts = [[tuple(t.low for t in self.toks[k : k + n]), k + n, k + n]]
        if tuple(t.fold for t in self.toks[k : k + n]) in self.lex.name_heads:
            # "Già làng Bhling Mia": a role without an organisation; what follows is the
            # name, even without a known surname.
            run = self.name_run(k + n, bare=False)
            ok = 2 <= run <= 4 and self.name_ok(self.toks[k + n : k + n + run]) and not self.place_type(k + n + run)
            return k + n, (k + n if ok else None), parts
        # Lowercase words may follow the head ("Chủ tịch danh dự", "chuyên gia quản lý
        # thảm họa của IFRC"), as they may follow any capitalised word of an organisation.
        j, chain, prev_cap = k + n, 0, True
        in_place = False  # after "tỉnh", "huyện": a place name, then the title ends at lowercase
        name_at = None
        while j < self.n and j - k < _MAX_TITLE:
            t = self.toks[j]
            if t.kind == "w":
                short_ok = j == k + n or self._caps(j)  # "Tổng Bí thư Tô Lâm"
                # "Trường Đại học Y Dược Thái Bình": a capitalised run right after a word that
                # names an institution is the institution's own name, not a person.
                if t.cap and not self.ends_with(self.lex.named_after, j) and self.person_at(
                    j, min_len=2 if short_ok else 3
                ):
                    name_at = j
                    break
                h_n, honorific, _ = self.honorific(j)
                if h_n and (honorific not in self.lex.weak or self.name_token(j + h_n)):
                    break  # "..., ông X": the next person; but "Quỹ Bảo trợ trẻ em tỉnh" goes on
                h = self.head(j, capitalised=True)
                if h and j > k + n:
                    parts[-1][2] = j
                    parts.append([tuple(x.low for x in self.toks[j : j + h]), j + h, j + h])
                    j, chain, prev_cap, in_place = j + h, 0, False, False
                    continue
                if self.term_of_office(j):
                    break  # "nhiệm kỳ 2022-2027": dates, not part of the role
                m, _ = _phrase(self.lex.inside, self.toks, j, "low")
                # "Thường trực" capitalised is still one inside phrase ("Phó Trưởng ban Thường trực").
                if m and (not t.cap or m > 1 or self._caps(j)):
                    level, _ = _phrase(self.lex.levels, self.toks, j, "low")
                    # A longer inside phrase is an ordinary word, not a level + place:
                    # "Ban Công tác xã hội" ("xã hội" = social), not "xã" + a commune.
                    level = level if level >= m else 0
                    j += m
                    if level:
                        j += self.place_after_level(j)
                    # after "trường", "chi hội" the name may go on in lower case ("trường mầm
                    # non"); after a level without a place the title ends at lowercase
                    chain, prev_cap, in_place = 0, not level, bool(level)
                    continue
                if t.low in self.lex.seat_words:
                    place = self.known_place(j + 1)
                    if place and self.toks[j - 1].kind == "w" and self.toks[j - 1].cap:
                        # "Hội Chữ thập đỏ Nhật Bản tại Việt Nam": the seat of the organisation
                        j, chain, prev_cap, in_place = j + 1 + place, 0, False, True
                        continue
                if t.low in self.lex.connectors:
                    nxt = self.word(j + 1)
                    if nxt and nxt.cap and not self.person_at(j + 1, min_len=2) and not self.honorific(j + 1)[0]:
                        j += 1
                        continue
                    break
                if t.cap and not (self._caps(j) and self.stop(t)):
                    j, chain, prev_cap = j + 1, 0, True
                    continue
                if not t.cap and not self.stop(t) and prev_cap and chain < _MAX_LOWER and not in_place:
                    j, chain = j + 1, chain + 1
                    continue
                break
            if t.kind == "n":
                prev = self.toks[j - 1]
                if prev.low in ("lớp", "số", "khóa", "khoá", "khối", "kỳ") or prev.cap:
                    j, prev_cap = j + 1, False
                    continue
                break
            if t.text in _DASHES or t.text == ",":
                nxt = self.word(j + 1)
                if nxt is None or not nxt.cap or self.honorific(j + 1)[0] or self.person_at(j + 1, min_len=2):
                    break
                j += 1
                continue
            if t.text == "(" and self._short_paren(j):
                j = self._short_paren(j)
                continue
            if t.text in "&/" and self.word(j + 1) and self.toks[j + 1].cap:
                j += 1
                continue
            break
        end = j
        while end > k + n and (
            self.toks[end - 1].kind == "p" or self.toks[end - 1].low in self.lex.connectors
        ) and not (self.toks[end - 1].text == ")" and self._short_paren_before(end - 1)):
            end -= 1
        parts[-1][2] = max(end, parts[-1][1])
        return end, name_at, parts

    def _short_paren_before(self, close: int) -> bool:
        """Does the ")" at `close` end a short aside opened inside a title ("(IFRC)")?"""
        return any(self.punct(m, "(") and self._short_paren(m) == close + 1 for m in range(max(0, close - 6), close))

    def _short_paren(self, j: int) -> int:
        """"(CTĐ)" inside a title -> index after ")"; 0 when it is not a short aside."""
        for m in range(j + 1, min(self.n, j + 6)):
            if self.punct(m, ")"):
                inner = self.toks[j + 1 : m]
                return m + 1 if inner and all(t.kind == "w" and t.cap for t in inner) else 0
        return 0

    def title_after(self, k: int):
        """A title following a name at token k -> (end, parts) or None."""
        for _ in range(2):
            first = k + 1 if self.punct(k, _DASHES | {",", "("}) else k
            appointed = _phrase(self.lex.appointed, self.toks, k, "low")[0] if self.word(k) else 0
            if appointed:
                # "bà X được bầu giữ chức Chủ tịch Hội ...": the role the person takes
                first = k + appointed
                span = self.title_span(first, head_case=False)
            elif self.punct(k, _DASHES | {","}):
                span = self.title_span(k + 1, head_case=not self.punct(k, ","))
            elif self.punct(k, "("):
                span = self.title_span(k + 1, head_case=False)
                if span[0] == k + 1:  # "(SN 1965, trú tại thôn F)": skip the aside once
                    close = next((m for m in range(k + 1, min(self.n, k + 30)) if self.punct(m, ")")), None)
                    if close is None:
                        return None
                    k = close + 1
                    continue
            else:
                span = self.title_span(k, head_case=True)
            end, _name_at, parts = span
            if parts:
                return end, parts, first
            return None
        return None

    # ---- mention assembly

    def mention(self, name_i: int, name_n: int, start_i: int, *, honorific=None, prefix=None,
                pre_title=None) -> tuple[_Mention, int]:
        toks = self.toks
        m = _Mention(toks[name_i : name_i + name_n], honorific, prefix, start=toks[start_i].start)
        k = name_i + name_n
        end_tok = k
        if pre_title is not None:
            a, b, parts = pre_title
            m.title_span, m.parts = self.char_span(a, b), self.char_parts(parts)
        after = self.title_after(k)
        if after is not None:
            end, parts, first = after
            if pre_title is None:
                m.title_span, m.parts = self.char_span(first, end), self.char_parts(parts)
            end_tok = end
            if self.punct(end, ")"):
                end_tok = end + 1
        m.end = toks[end_tok - 1].end
        return m, end_tok

    def char_span(self, a: int, b: int) -> tuple[int, int]:
        """Token range [a, b) -> char offsets, without trailing punctuation (a ")" that
        closes a "(" inside the range stays: "... quốc tế (IFRC)")."""
        while b > a + 1 and self.toks[b - 1].kind == "p":
            if self.toks[b - 1].text == ")" and any(t.text == "(" for t in self.toks[a : b - 1]):
                break
            b -= 1
        return self.toks[a].start, self.toks[b - 1].end

    def char_parts(self, parts) -> list[tuple[tuple[str, ...], int, int]]:
        return [(head, *self.char_span(a, b)) if b > a else (head, 0, 0) for head, a, b in parts]

    def prefix_text(self, i: int, n: int) -> str | None:
        if not n:
            return None
        return self.text[self.toks[i].start - self.base : self.toks[i + n - 1].end - self.base]

    def parse(self, base: int) -> list[_Mention]:
        self.base = base
        out: list[_Mention] = []
        i = 0
        while i < self.n:
            got = self.at(i)
            if got is None:
                i += 1
                continue
            mentions, i = got
            out.extend(mentions)
        return out

    def at(self, i: int):
        t = self.toks[i]
        if t.kind != "w":
            return None
        lex = self.lex
        if not t.cap and t.low not in lex.cue_first and t.fold not in lex.cue_first:
            return None  # most tokens: a lowercase word that cannot open a cue or a title
        for words, name in lex.aliases:
            if [x.text for x in self.toks[i : i + len(words)]] == words:
                tok = _Tok(name, t.start, self.toks[i + len(words) - 1].end, "w", name.lower(), fold(name), True, False, name)
                m = _Mention([tok], start=t.start, end=tok.end, alias=True)
                return [m], i + len(words)
        h_n, honorific, plural = self.honorific(i)
        j = i + h_n
        if plural and self.punct(j, ":"):
            j += 1
        p_n = self.prefix(j)
        prefix = self.prefix_text(j, p_n)
        j += p_n
        cue = bool(h_n or p_n)
        if self.head(j, capitalised=False):
            end, name_at, parts = self.title_span(j, head_case=False)
            if name_at is None and not cue and self.punct(end, ",") and not self.ends_with(self.lex.on_behalf, j):
                # "Chủ tịch UBND xã Mường Xén, ông Lầu Bá Chò, cho biết": the title
                # stands before the comma and the honorific.
                got = self.after_comma(end + 1, (j, end, parts))
                if got is not None:
                    return got
            if name_at is None:
                return ([], end) if not cue else None
            n = self.name_run(name_at, bare=False)
            m, k = self.mention(name_at, n, i, honorific=honorific, prefix=prefix, pre_title=(j, name_at, parts))
            return self.listed([m], k, honorific)
        if cue:
            n = self.name_run(j, bare=False)
            if n == 0 or (honorific in lex.weak and n < 2 and not p_n):
                return None
            if not self.name_ok(self.toks[j : j + n], cue=True):
                return None
            m, k = self.mention(j, n, i, honorific=honorific, prefix=prefix)
            return self.listed([m], k, honorific)
        return self.bare(i)

    def after_comma(self, i: int, pre_title):
        """An honorific + name at i that takes the title standing before the comma."""
        h_n, honorific, plural = self.honorific(i)
        if not h_n or plural:
            return None
        j = i + h_n
        p_n = self.prefix(j)
        prefix = self.prefix_text(j, p_n)
        j += p_n
        n = self.name_run(j, bare=False)
        if n < 2 or not self.name_ok(self.toks[j : j + n], cue=True):
            return None
        m, k = self.mention(j, n, i, honorific=honorific, prefix=prefix, pre_title=pre_title)
        m.start = self.toks[pre_title[0]].start
        return [m], k

    def bare(self, i: int):
        prev = self.word(i - 1)
        if prev is not None and prev.cap and not (self.sentence_start(i - 1) and prev.low in self.lex.stopwords):
            return None  # inside a capitalised run: an organisation or heading
        if self.ends_with(self.lex.not_before, i):
            return None
        if self.punct(i - 1, ":") and self.ends_with(self.lex.credit, i - 1):
            return None  # "Ảnh: Minh Anh" is a credit, not a mention
        if self._caps(i):
            return None  # all-caps headings: bare names need a cue there
        n = self.person_at(i, min_len=2)
        if not n:
            return None
        if n < 3 and self.title_after(i + n) is None:
            return None
        m, k = self.mention(i, n, i)
        return self.listed([m], k, None)

    def listed(self, found: list[_Mention], k: int, honorific: str | None):
        """", B và C" after a person: more names sharing the honorific."""
        for _ in range(50):
            j = k
            if self.punct(j, ",;"):
                j += 1
            t = self.word(j)
            if t is not None and t.low in ("và", "cùng", "and"):
                j += 1
            if j == k or self.honorific(j)[0]:
                break
            n = self.person_at(j, min_len=2)
            if not n:
                break
            m, k = self.mention(j, n, j, honorific=honorific)
            found.append(m)
        return found, k


# --------------------------------------------------------------------------- assembly


def _display_name(toks: list[_Tok]) -> str:
    words = []
    for t in toks:
        s = t.text
        if len(s) > 1 and s.isupper():
            s = "'".join(p[:1].upper() + p[1:].lower() for p in re.split(r"['’]", s))
        words.append(s)
    return " ".join(words)


def person_key(name: str) -> str:
    """Folded name: the key people are matched on within and across articles."""
    return " ".join(fold(nfc(name).replace("’", "'")).split())


def _diacritic_score(name: str) -> tuple[int, int]:
    mixed = int(not name.isupper())
    return mixed, sum(1 for c in name if ord(c) > 127)


def _expand(title: str, lex: _Lexicon) -> str:
    fixed = lex.typo_re.sub(lambda m: lex.typos[m.group().lower()], title)
    return lex.abbrev_re.sub(lambda m: lex.abbrev[m.group()], fixed)


def _province_mentions(text: str, lex: _Lexicon) -> list[tuple[int, str]]:
    folded = fold_aligned(text)
    return [
        (m.start(), lex.provinces[m.group()])
        for m in lex.province_re.finditer(folded)
        if text[m.start()].isupper()
    ]


def _organisation(text: str, parts, lex: _Lexicon, province: str | None) -> str | None:
    for head, a, b in reversed(parts):
        if b <= a:
            continue
        org = text[a:b].strip(" ,-–—")
        if not org:
            continue
        org = lex.typo_re.sub(lambda m: lex.typos[m.group().lower()], org)
        type_word = lex.org_prefix.get(head)
        if type_word and not fold(org).startswith(fold(type_word)):
            org = f"{type_word} {org}"
        if province and fold(org.split()[-1]) == "tinh":
            org = f"{org} {province}"
        return org
    return None


def extract_people(text: str, *, province_hint: str | None = None, lang: str = "vi") -> list[Person]:
    """Distinct people named in title + body, once each, with the fullest title seen."""
    if not isinstance(text, str) or not text.strip():
        return []
    lex = _lex()
    text = without_related_list(nfc(text))
    mentions: list[_Mention] = []
    offset = 0
    for line in text.split("\n"):
        # A line without a capital letter cannot hold a name (the rules need one).
        if line.strip() and line.lower() != line:
            toks = _tokenize(line, offset)
            parser = _LineParser(line, toks, lex)
            mentions.extend(parser.parse(offset))
        offset += len(line) + 1
    provinces = _province_mentions(text, lex)
    return _merge(text, mentions, lex, province_hint, provinces)


def _nearest_province(provinces: list[tuple[int, str]], at: int) -> str:
    """Province mention nearest to offset `at` (`provinces` is sorted by offset)."""
    k = bisect.bisect_left(provinces, (at, ""))
    near = provinces[max(0, k - 1) : k + 1]
    return min(near, key=lambda p: abs(p[0] - at))[1]


def _merge(text, mentions, lex, province_hint, provinces) -> list[Person]:
    people: dict[str, dict] = {}
    order: list[str] = []
    for m in mentions:
        name = _display_name(m.name_toks)
        key = person_key(name)
        if not key:
            continue
        title = text[m.title_span[0] : m.title_span[1]] if m.title_span else None
        # "UBND tỉnh" alone: the province mentioned nearest in the article (an article on a
        # provincial site may report on officials of another province), else the site's.
        province = _nearest_province(provinces, m.title_span[0]) if title and provinces else province_hint
        entry = people.get(key)
        record = {
            "name": name,
            "honorific": m.honorific,
            "prefix": m.prefix,
            "title": title,
            "title_expanded": _expand(title, lex) if title else None,
            "organisation": _organisation(text, m.parts, lex, province) if title else None,
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


# --------------------------------------------------------------------------- bylines


# Names CMSs put in author fields when nobody signed the article.
_CMS_ACCOUNTS = {"super user", "superuser", "admin", "administrator", "webmaster", "root", "editor",
                 "quan tri", "quan tri vien", "quantri", "bientap"}


def is_cms_account(author: str) -> bool:
    """A CMS login or default account ("Super User", "admin"), not a person or a source."""
    return fold(author).strip() in _CMS_ACCOUNTS


def split_byline(body_text: str) -> tuple[str, str | None]:
    """Split a byline off the end of the body: (body without it, author) or (body, None).

    Conservative: only a short last paragraph with no sentence inside it that is a
    source ("Theo Báo Bắc Kạn"), a labelled credit ("Tin, ảnh: Minh Anh"), or a
    capitalised name of 2-4 syllables with an optional " - organisation" or "(tổng hợp)".
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
    if not line or len(line) > 80 or len(line.split()) > 12:
        return None
    labelled = _BYLINE_LABEL.match(line)
    core = line[labelled.end() :] if labelled else line
    core = _BYLINE_NOTE.sub("", core).strip().rstrip(".").strip()
    if not core or re.search(r"[.!?;]\s", core) or re.search(r"\d{3,}", core):
        return None
    if _BYLINE_SOURCE.match(core):
        return core
    name = re.split(r"\s+[-–—]\s+|\s*,\s*|\s+\(", core, maxsplit=1)[0]  # then the affiliation
    words = name.split()
    if labelled and 1 <= len(words) <= 6:
        return core
    looks_like_name = all(w[:1].isupper() for w in words) and name.replace(" ", "").replace("'", "").isalpha()
    if 2 <= len(words) <= 4 and looks_like_name and (not name.isupper() or len(words) <= 3):
        return core
    if len(words) == 1 and name.isupper() and 2 <= len(name) <= 5:  # "PV", "CTV", "TH"
        return core
    return None
