"""Tokens of one line and phrase look-up over them.

Each word carries the three keys the lexicons are matched on: lowercase (exact
diacritics: "bà" is not "ba"), folded (no diacritics: "Nguyen" meets "Nguyễn") and the
tone key (old and new tone placement meet: "hóa" = "hoá").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ctd_crawler.extract.people.patterns import MAX_PHRASE, TOKEN, TONES
from ctd_crawler.extract.text import fold, nfc


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


def tone_key(word: str) -> str:
    """Lowercase word with its tone mark moved to the end: "hóa" and "hoá" (old and new
    tone placement) meet, while "hóa" and "hoa" or "Đảng" and "Đặng" stay apart."""
    d = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES)) + "".join(
        c for c in d if c in TONES
    )


@lru_cache(maxsize=1 << 14)  # ~ the syllables of Vietnamese with their capitalised forms; ≈ 3 MiB full
def keys(word: str) -> tuple[str, str, str]:
    """(lower, folded, tone key) of a word: cached, since news text repeats its words."""
    return word.lower(), fold(word), tone_key(word)


def tokenize(line: str, offset: int) -> list[Tok]:
    """The tokens of one line; `offset` is the line's start in the text."""
    toks = []
    letters = sum(map(str.isalpha, line))
    caps_line = letters >= 12 and sum(map(str.isupper, line)) > 0.8 * letters
    for m in TOKEN.finditer(line):
        s = m.group()
        kind = m.lastgroup
        upper = kind == "w" and len(s) > 1 and s.isupper() and not caps_line
        cap = kind == "w" and (caps_line or s[0].isupper())
        low, folded, tkey = keys(s)
        toks.append(Tok(s, m.start() + offset, m.end() + offset, kind, low, folded, cap, upper, tkey))
    return toks


def words(phrase: str, key: Callable[[str], str]) -> tuple[str, ...]:
    """The words of a lexicon phrase under `key` (punctuation dropped)."""
    return tuple(key(m.group()) for m in TOKEN.finditer(nfc(phrase)) if m.lastgroup == "w")


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
