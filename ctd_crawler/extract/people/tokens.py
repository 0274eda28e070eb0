"""Tokens of one line and phrase look-up over them.

Each word carries the three keys the lexicons are matched on: lowercase (exact
diacritics: "bà" is not "ba"), folded (no diacritics: "Nguyen" meets "Nguyễn") and the
tone key (old and new tone placement meet: "hóa" = "hoá").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ctd_crawler.extract.people.patterns import GRAIN, MAX_PHRASE
from ctd_crawler.extract.text import fold, nfc, tone_key
from ctd_crawler.extract.tokens import DIGITS, LETTERS, OTHER, cut, is_caps_line


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    kind: str  # "w" word, "n" number, "p" punctuation
    low: str
    fold: str
    cap: bool  # starts with a capital (always true in all-caps lines)
    upper: bool  # an all-caps abbreviation (UBND) in a mixed-case line
    tkey: str  # tone_key(text): for organisation and place words


@lru_cache(maxsize=1 << 14)  # ~ the syllables of Vietnamese with their capitalised forms; ≈ 3 MiB full
def keys(word: str) -> tuple[str, str, str]:
    """(lower, folded, tone key) of a word: cached, since news text repeats its words."""
    return word.lower(), fold(word), tone_key(word)


def tokenize(line: str, offset: int, dotted: tuple[str, ...] = ()) -> list[Tok]:
    """The tokens of one line; `offset` is the line's start in the text.

    `dotted`: abbreviations written with dots ("T.Ư", "TP.", "TP.HCM"), longest first; each
    is one word (keyed without its dots), so that a title runs on across it.
    """
    toks = []
    caps_line = is_caps_line(line)
    us = list(cut(line, GRAIN))
    i, n = 0, len(us)
    dotted = dotted if "." in line else ()
    while i < n:
        u = us[i]
        s, start, end, kind = u.group(), u.start(), u.end(), _KINDS[u.lastgroup]
        bare = s
        if dotted and kind == "w" and line.startswith(".", end):
            k = _dotted_at(line, us, i, dotted)
            if k > i + 1:
                end = us[k - 1].end()
                s, i = line[start:end], k - 1
                bare = s.replace(".", "")  # a dotted abbreviation is keyed by its letters
        upper = kind == "w" and len(s) > 1 and bare.isupper() and not caps_line
        cap = kind == "w" and (caps_line or s[0].isupper())
        low, folded, tkey = keys(bare)
        toks.append(Tok(s, start + offset, end + offset, kind, low, folded, cap, upper, tkey))
        i += 1
    return toks


def _dotted_at(line: str, us: list[re.Match], i: int, dotted: tuple[str, ...]) -> int:
    """Index after the units of a dotted abbreviation starting at unit i, or i."""
    start = us[i].start()
    for abbr in dotted:
        end = start + len(abbr)
        if not line.startswith(abbr, start) or (abbr[-1].isalpha() and line[end : end + 1].isalpha()):
            continue
        k = i
        while k < len(us) and us[k].end() <= end:
            k += 1
        if us[k - 1].end() == end:
            return k
    return i


def split_glued(toks: list[Tok], starts_title: Callable[[list[Tok]], bool], caps_line: bool,
                stopwords: frozenset[str]) -> list[Tok]:
    """A hyphen glued between a capitalised name and a title is a dash ("Cát-Chủ tịch",
    "Lan-PCT", "Lan-giáo viên"): the word is cut there when `starts_title` holds for what
    follows it; so is one glued before a lower-case verb or function word of three letters or
    more that closes a dashed title ("... CLB Tình Nguyện Kon Tum-cho biết"). Hyphenated given
    names ("Sung-ho", "Sung-ra", "Jean-Pierre") stay one word."""
    out: list[Tok] = []
    for i, t in enumerate(toks):
        cut = t.text.find("-") if t.kind == "w" else -1
        if cut <= 0 or not t.text[0].isupper() or not t.text[cut + 1 : cut + 2].isalpha() \
                or starts_title([t, *toks[i + 1 : i + 6]]):
            out.append(t)  # no hyphen to cut, or the whole word is a head ("Vice-Secretary")
            continue
        left, right = t.text[:cut], t.text[cut + 1 :]
        a, b = t.start + cut, t.start + cut + 1
        head = _word(right, b, t.end, caps_line)
        closing_verb = right.islower() and len(right) > 2 and head.low in stopwords  # "-cho biết"
        if not (closing_verb or starts_title([head, *toks[i + 1 : i + 6]])):
            out.append(t)
            continue
        out += [_word(left, t.start, a, caps_line), Tok("-", a, b, "p", "-", "-", False, False, "-"), head]
    return out


def _word(s: str, start: int, end: int, caps_line: bool) -> Tok:
    low, folded, tkey = keys(s)
    upper = len(s) > 1 and s.isupper() and not caps_line
    return Tok(s, start, end, "w", low, folded, caps_line or s[0].isupper(), upper, tkey)


_KINDS = {LETTERS: "w", DIGITS: "n", OTHER: "p"}


def words(phrase: str, key: Callable[[str], str]) -> tuple[str, ...]:
    """The words of a lexicon phrase under `key` (punctuation dropped)."""
    return tuple(key(m.group()) for m in cut(nfc(phrase), GRAIN) if m.lastgroup == LETTERS)


def low(s: str) -> str:
    return s.lower()


class PhraseTable(dict):
    """Phrase (tuple of words) -> value, plus every proper prefix of a phrase, so that a
    look-up stops at the first word that cannot continue any phrase (the hot path)."""

    def __init__(self, items=()):
        super().__init__(items)
        self.prefixes = frozenset(k[:n] for k in self for n in range(1, len(k)))
        self.firsts = frozenset(k[0] for k in self)


def table(phrases: Iterable[str], key: Callable[[str], str], value=lambda p: p) -> PhraseTable:
    """Phrases keyed by their words under `key`; the first phrase wins a shared key."""
    out: dict[tuple[str, ...], str] = {}
    key = lru_cache(maxsize=None)(key)  # a table's phrases share their syllables (place names above all)
    for phrase in phrases:
        ws = words(phrase, key)
        if ws:
            out.setdefault(ws, value(phrase))
    return PhraseTable(out)


def phrase(tab: PhraseTable, toks: list[Tok], i: int, attr: str) -> tuple[int, str | None]:
    """Longest phrase of `tab` starting at word token i (contiguous words only), matched
    on the token key `attr` ("low", "fold" or "tkey") -> (tokens, value) or (0, None)."""
    if i >= len(toks) or getattr(toks[i], attr) not in tab.firsts:
        return 0, None
    best, value, ws = 0, None, ()
    for j in range(i, min(len(toks), i + MAX_PHRASE)):
        if toks[j].kind != "w":
            break
        ws = (*ws, getattr(toks[j], attr))
        hit = tab.get(ws)
        if hit is not None:
            best, value = j - i + 1, hit
        elif ws not in tab.prefixes:
            break
    return best, value
