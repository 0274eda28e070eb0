"""What a run of tokens at an index is: an honorific, a prefix chain, a title head, a
personal name, a place. The predicates the line parser is built from (titles.py,
parser.py); each looks ahead a bounded number of tokens.

A bare name is a known surname (written with its own diacritics, or with none: "Trưởng"
is not "Trương") opening 2-5 capitalised syllables that do not run on into an
organisation word ("Sở", "Trung ương", "Party Committee"), a title head, an English place
type in any case ("Ho Chi Minh City", "Tay Ho district") or the first words of a sentence
glued to it ("Mai Lan Trong tháng 5"), hold no English possessive ("Lang Son's Tan
Tien"), and are not a campaign or a gazetteer place ("Cao Bằng"). Mid-sentence "Bà"/"Ông"
capitalised is usually a place ("Bà Rịa"), not an honorific, unless a full name follows.
"""

from __future__ import annotations

from ctd_crawler.extract.people.lexicon import Lexicon
from ctd_crawler.extract.people.patterns import (
    CALENDAR_WORDS_EN,
    MAX_NAME,
    MAX_PREFIXES,
    MIDDLE_NAMES,
    NON_ASCII_LETTER,
    NOT_VIETNAMESE_SYLLABLE,
    SENTENCE_OPENERS,
    VOWEL,
    WOMAN_MARKER,
)
from ctd_crawler.extract.people.tokens import Tok, phrase, split_glued
from ctd_crawler.extract.tokens import is_caps_line, possessive


def is_surname(t: Tok, lex: Lexicon) -> bool:
    """A family name: with its own diacritics when written with any ("Trưởng" is not
    "Trương", "TỔ" not "Tô"), folded when written without ("Nguyen")."""
    if t.text.isascii():
        return t.fold in lex.names.plain_surnames
    return t.tkey in lex.names.surnames


class TokenScanner:
    """The tokens of one line (a paragraph or caption), with predicates over them."""

    def __init__(self, text: str, toks: list[Tok], lex: Lexicon):
        if "-" in text and any(t.kind == "w" and "-" in t.text for t in toks):
            toks = split_glued(toks, self._starts_title(lex), is_caps_line(text), lex.stopwords)
        self.text, self.toks, self.lex, self.n = text, toks, lex, len(toks)
        # English heads can have their organisation in front: worth looking for only then
        self.english = not lex.titles.english_firsts.isdisjoint([t.fold for t in toks])
        # Text typed without diacritics: "nam" may then be "năm". In a line that has
        # diacritics, an unaccented word is what it is ("NAM" in "TRẦN VĂN NAM").
        self.plain = not NON_ASCII_LETTER.search(text)  # curly quotes and dashes are no diacritics

    @staticmethod
    def _starts_title(lex: Lexicon):
        # a lower-case head counts where it may be written so ("Lan-giáo viên", titles.lowercase_ok)
        return lambda toks: TokenScanner("", toks, lex).head(0, capitalised=toks[0].cap) > 0

    # ---- tokens

    def word(self, i: int) -> Tok | None:
        return self.toks[i] if 0 <= i < self.n and self.toks[i].kind == "w" else None

    def punct(self, i: int, chars) -> bool:
        return 0 <= i < self.n and self.toks[i].kind == "p" and self.toks[i].text in chars

    def sentence_start(self, i: int) -> bool:
        return i == 0 or (self.toks[i - 1].kind == "p" and self.toks[i - 1].text in SENTENCE_OPENERS)

    def stop(self, t: Tok) -> bool:
        return t.low in self.lex.stopwords or (self.plain and t.fold in self.lex.stop_folded)

    def caps(self, i: int) -> bool:
        """Is token i a word of an all-caps line (not an abbreviation in mixed case)?"""
        t = self.toks[i]
        return t.cap and t.text.isupper() and len(t.text) > 1 and not t.upper

    def ends_with(self, tab: dict, i: int) -> bool:
        """Does a phrase of `tab` end right before token i?"""
        return any(
            i - back >= 0 and phrase(tab, self.toks, i - back, "low")[0] == back for back in (1, 2, 3)
        )

    # ---- cues

    def alias_at(self, i: int) -> tuple[int, str | None]:
        """A fixed alias at i ("Bác Hồ") -> (tokens, the person's name) or (0, None)."""
        if self.toks[i].text not in self.lex.cues.alias_firsts:
            return 0, None
        for words, name in self.lex.cues.aliases:
            if [x.text for x in self.toks[i : i + len(words)]] == words:
                return len(words), name
        return 0, None

    def honorific(self, i: int) -> tuple[int, str | None, bool]:
        """Honorific at i -> (tokens, canonical honorific, plural) or (0, None, False).
        A doubled one ("ông ông", a typo) is read once."""
        t = self.word(i)
        if t is None or (t.low not in self.lex.cues.honorific_firsts and t.fold not in self.lex.cues.honorific_firsts):
            return 0, None, False
        if i and (self.toks[i - 1].low, t.low) in self.lex.cues.weak_compounds:
            return 0, None, False  # "trẻ em": a noun, no honorific
        n, value, plural = self._honorific(i)
        again = self.word(i + n) if n else None
        if again is not None and again.low == self.toks[i].low:
            n_again, value_again, _ = self._honorific(i + n)
            if value_again == value:
                n += n_again
        return n, value, plural

    def _honorific(self, i: int) -> tuple[int, str | None, bool]:
        t = self.word(i)
        if t is None:
            return 0, None, False
        cues = self.lex.cues
        if t.text.isascii():
            n, value = phrase(cues.plain, self.toks, i, "fold")
            if n and (t.text[0].islower() or self.sentence_start(i)):
                return n, value, tuple(tok.fold for tok in self.toks[i : i + n]) in cues.plain_plural
        for tab, plural in ((cues.plural, True), (cues.honorifics, False)):
            n, value = phrase(tab, self.toks, i, "low")
            if not n:
                continue
            # Capitalised mid-sentence "Bà"/"Ông" is usually a place ("Bà Rịa"), unless a
            # full name follows ("... cho nhân dân Bà Phạm Thị Hân, Chủ tịch": a caption
            # joined to the next paragraph); English honorifics are always capitalised.
            english = value.endswith(".")
            if t.text[0].isupper() and not (english or self.sentence_start(i) or self.caps(i)
                                            or self.full_name_at(i + n)):
                continue
            if english and not t.text[0].isupper():
                continue
            if english and self.punct(i + n, "."):
                n += 1
            return n, value, plural
        return 0, None, False

    def head(self, i: int, *, capitalised: bool) -> int:
        """Title head at i ("Phó Chủ tịch", "nguyên Giám đốc", "PCT") -> number of tokens, or 0."""
        t = self.word(i)
        titles = self.lex.titles
        if t is None or (t.fold not in titles.heads.firsts and t.text not in titles.abbreviated.firsts
                         and t.low not in titles.openers):
            return 0  # most words: no head can start here
        return self.head_span(i, capitalised=capitalised)[0]

    def head_span(self, i: int, *, capitalised: bool) -> tuple[int, int]:
        """(tokens of the head with its openers, tokens of the openers) at i, or (0, 0).
        Openers ("nguyên", "Phó", "Deputy") count only before a head word."""
        for o in range(3):
            t = self.word(i + o)
            if t is None:
                return 0, 0
            n = self._head_word(i + o, t, capitalised)
            if n:
                return o + n, o
            if t.low not in self.lex.titles.openers or (
                    t.cap and t.low in self.lex.titles.openers_named and not self.sentence_start(i + o)):
                return 0, 0
        return 0, 0

    def _head_word(self, i: int, t: Tok, capitalised: bool) -> int:
        n, _ = phrase(self.lex.titles.heads, self.toks, i, "fold")
        if not n:
            return phrase(self.lex.titles.abbreviated, self.toks, i, "text")[0]
        if not self.plain and tuple(x.tkey for x in self.toks[i : i + n]) not in self.lex.titles.toned_heads:
            return 0  # typed with diacritics, a head has its own: "Đặng Sinh Viễn" holds no "sinh viên"
        ws = tuple(tok.fold for tok in self.toks[i : i + n])
        if not t.cap and (capitalised or ws not in self.lex.titles.lowercase_heads):
            return 0
        # "Chủ tịch Hồ Chí Minh" is an alias, not a head + name; handled before.
        return n

    def english_head(self, i: int) -> bool:
        """Is the head at i (openers included) an English one ("Vice President")?"""
        n, o = self.head_span(i, capitalised=True)
        return n > 0 and tuple(t.fold for t in self.toks[i + o : i + n]) in self.lex.titles.english

    def prefix(self, i: int) -> int:
        """Prefix chain ("PGS. TS.", "BS. CKII", "Đại tá"; in English listed with commas and
        "and": "Major General, Associate Professor, and People's Physician") -> number of tokens."""
        j = end = i
        for _ in range(MAX_PREFIXES):
            n = self._one_prefix(j)
            if not n:
                break
            j = end = j + n
            if self.punct(j, "."):
                j = end = j + 1
            if self.punct(j, ","):
                j += 1  # a list of them: the comma (and an "and") belong to it only before another
            if self.word(j) is not None and self.toks[j].low == "and":
                j += 1
        return end - i

    def _one_prefix(self, j: int) -> int:
        t = self.word(j)
        if t is None:
            return 0
        n, _ = (phrase(self.lex.cues.prefixes, self.toks, j, "fold") if self.plain
                else phrase(self.lex.cues.prefixes_toned, self.toks, j, "tkey"))
        # One-word abbreviations must look like one (TS, ThS), not a lowercase word.
        return 0 if not n or (n == 1 and not t.text[0].isupper()) else n

    # ---- names

    def name_token(self, i: int) -> bool:
        t = self.word(i)
        if t is None or not t.cap or len(t.text) > 14:
            return False
        if len(t.text) > 1 and not VOWEL.search(t.fold):
            return False  # "nhà báo Ph": a word cut short is no syllable (an initial may be)
        return not t.upper or len(t.text) == 1

    def surname(self, t: Tok) -> bool:
        return is_surname(t, self.lex)

    def sentence_opener(self, j: int) -> bool:
        """A capitalised word or phrase at j that opens a sentence ("Trong", "Theo kế
        hoạch"), followed by lower case, a number or punctuation: no name goes on there."""
        t = self.word(j)
        if t is None or not t.cap or self.caps(j):
            return False
        n, _ = phrase(self.lex.names.openers, self.toks, j, "low")
        return bool(n) and (j + n >= self.n or not self.toks[j + n].cap)

    def full_name_at(self, i: int) -> bool:
        """A surname-led name of two syllables or more at i."""
        t = self.word(i)
        return t is not None and t.cap and self.surname(t) and self.name_run(i, bare=False) >= 2

    def name_run(self, i: int, *, bare: bool) -> int:
        """Capitalised syllables from i that can form a name; stops at org/title words."""
        j = i
        caps = self.caps(i) if self.word(i) else False
        while j < self.n and j - i < MAX_NAME and (self.name_token(j) or self.middle_in_lower_case(i, j)):
            t = self.toks[j]
            if j > i and (self.head(j, capitalised=True) or self.org_starts(j) and not self.given_org_word(i, j)):
                break
            if j == i and phrase(self.lex.orgs.words, self.toks, j, "tkey")[0] and not self.middle_name_after(j):
                break
            if caps and (self.stop(t) or self.honorific(j)[0] or phrase(self.lex.orgs.levels, self.toks, j, "low")[0]):
                break  # all caps: no case to tell the name from what follows ("... SÁU XÓM NÀ PÀI")
            if j > i and (self.place_type(j) or self.english_org(j)):
                break  # "Ho Chi Minh City", "Ha Noi Party Committee": person_at rejects the run
            if j > i and t.low in self.lex.names.openers.firsts and self.sentence_opener(j):
                break  # "Mai Lan Trong tháng 5": a byline glued to the first sentence
            j += 1
        if bare and j < self.n and j - i == MAX_NAME and self.name_token(j):
            return 0  # a longer capitalised run is a heading or an organisation
        return j - i

    def middle_in_lower_case(self, i: int, j: int) -> bool:
        """"Phạm văn Thắng": a middle name typed in lower case right after a surname, with the
        given name after it, is the name's ("Lê văn hóa" is no name: a lower case goes on)."""
        t = self.word(j)
        return (j == i + 1 and t is not None and t.text.islower() and t.fold in MIDDLE_NAMES
                and self.surname(self.toks[i]) and self.name_token(j + 1))

    def middle_name_after(self, j: int) -> bool:
        """Is the one-word organisation word at j a surname, a middle name and a capitalised
        syllable after it ("Bà Ban Thị Hoa", "Mr. Ban Van Toan")? No organisation's name goes
        on with "Văn"/"Thị" and a name; "Ban Văn hóa" has its lower case."""
        nxt = self.word(j + 1)
        return (phrase(self.lex.orgs.words, self.toks, j, "tkey")[0] == 1 and nxt is not None and nxt.cap
                and nxt.fold in MIDDLE_NAMES and self.name_token(j + 2))

    def org_starts(self, j: int) -> bool:
        """Does an organisation's name start at j? An organisation word ("Hội", "Trường",
        "Đài") is also a given name ("Nghiêm Xuân Trường,"): it starts an organisation
        only when it is a phrase ("Trung ương") or a capitalised word follows ("Trường THCS")."""
        n, _ = phrase(self.lex.orgs.words, self.toks, j, "tkey")
        if n == 0:
            return False
        nxt = self.word(j + n)
        return n > 1 or (nxt is not None and nxt.cap)

    def given_org_word(self, i: int, j: int) -> bool:
        """A one-word organisation word right after a surname is a middle name ("Trần Trường
        Sơn", "Lê Phòng Hải"): a surname alone names nobody, so no organisation starts there,
        unless the kind of an institution follows ("Lê Trường Tiểu học ...")."""
        return (j == i + 1 and self.surname(self.toks[i]) and phrase(self.lex.orgs.words, self.toks, j, "tkey")[0] == 1
                and not phrase(self.lex.names.named_after, self.toks, j + 1, "low")[0])

    def name_ok(self, toks: list[Tok], *, cue: bool = False) -> bool:
        """Not a campaign/organisation phrase, not one syllable said again and again ("Ông
        Ông Ông": a stutter or filler, no name); without a cue, not a known place either."""
        if " ".join(t.fold for t in toks) in self.lex.names.not_names:
            return False
        if len(toks) > 1 and len({t.low for t in toks}) == 1:
            return False
        return cue or tuple(t.tkey for t in toks) not in self.lex.places.gazetteer

    def person_at(self, i: int, *, min_len: int) -> int:
        """Length of a surname-led personal name at i, or 0 (used inside titles and lists)."""
        t = self.word(i)
        if t is None or not t.cap or not self.surname(t) and not t.fold.startswith(WOMAN_MARKER):
            return 0
        n = self.name_run(i, bare=True)
        if n < min_len or self.place_type(i + n) or self.english_org(i + n):
            return 0
        if any(possessive(x.text) for x in self.toks[i : i + n - 1]):
            return 0  # "Lang Son's Tan Tien": a place and what is in it
        if t.text.isascii() and phrase(self.lex.places.provinces_plain, self.toks, i, "fold")[0] == n:
            return 0  # "Quang Binh said", "of the Quang Ninh provincial ...": a province, not a person
        if self.plain and t.fold not in self.lex.names.foreign and any(
                NOT_VIETNAMESE_SYLLABLE.search(x.fold) for x in self.toks[i : i + n]):
            return 0  # a run led by a Vietnamese surname, of English words: an organisation's name
        if self.name_token(i + n) and not (self.caps(i + n) and self.stop(self.toks[i + n])):
            return 0  # a longer capitalised run (but in all caps a verb may follow the name)
        if not self.name_ok(self.toks[i : i + n]):
            return 0
        # "xã Khang Ninh Nguyễn Văn A": when the second syllable also opens a full name,
        # the first one belongs to the place before it; so does a province or district name
        # that a full name follows ("TP Hải Phòng Lương Minh Tuấn").
        for k in range(1, n - 1):
            t = self.toks[i + k]
            if self.surname(t) and t.fold not in MIDDLE_NAMES and (
                    n == 4 and k == 1 or tuple(x.tkey for x in self.toks[i : i + k]) in self.lex.places.gazetteer):
                return 0
        return n

    def given_name_led_at(self, i: int) -> int:
        """Length of a name written given name first in plain letters ("Francesco Rocca",
        "Christopher Rassi"): two or three title-case words that are neither a place, an
        organisation nor part of a longer capitalised run; 0 otherwise. No list can hold
        the world's given names, so the caller asks for a title beside it."""
        n = self.name_run(i, bare=True)
        words = self.toks[i : i + n]
        if not 2 <= n <= 3 or not all(t.text.isascii() and t.text.isalpha() and t.text.istitle()
                                      and t.low not in CALENDAR_WORDS_EN for t in words):
            return 0
        if self.place_type(i + n) or self.name_token(i + n) or any(
                self.english_org(j) or phrase(self.lex.places.countries, self.toks, j, "tkey")[0]
                for j in range(i, i + n + 1)):
            return 0  # "Red Cross", "New Zealand", "Hanoi City"
        if phrase(self.lex.places.provinces_plain, self.toks, i, "fold")[0] == n:
            return 0  # "Hoa Binh": a province
        return n if self.name_ok(words) else 0

    def english_org(self, j: int) -> bool:
        """Is token j an English organisation word ("Committee", "Red Cross")?"""
        t = self.word(j)
        return (t is not None and t.cap and t.low in self.lex.orgs.english_words.firsts
                and bool(phrase(self.lex.orgs.english_words, self.toks, j, "low")[0]))

    # ---- places

    def place_after_level(self, j: int) -> int:
        """Length of a known province, district or commune name at j, after a level word."""
        t = self.word(j)
        if t is None or not t.cap:
            return 0
        places = self.lex.places
        return phrase(places.gazetteer, self.toks, j, "tkey")[0] or phrase(places.communes, self.toks, j, "tkey")[0]

    def known_place(self, j: int) -> int:
        """Length of a gazetteer place or a country name at j ("Việt Nam", "Nghệ An"), or 0."""
        t = self.word(j)
        if t is None or not t.cap:
            return 0
        places = self.lex.places
        return phrase(places.gazetteer, self.toks, j, "tkey")[0] or phrase(places.countries, self.toks, j, "tkey")[0]

    def place_type(self, j: int) -> bool:
        """Is token j an English place-type word ("Ho Chi Minh City", "Tay Ho district")?"""
        t = self.word(j)
        return t is not None and t.text.isascii() and t.low in self.lex.names.place_types
