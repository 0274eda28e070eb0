"""The token document the money and count rules read: tokens of one text with its clause
breaks and the look-ups the rules share (phrases before and after a token, glued tokens,
date-like numerals)."""

from __future__ import annotations

from collections.abc import Container

from .numbers import Token, tokenize
from .patterns import CLAUSE_PUNCT, DATE_SEPS, GLUED_NOT_QUANTITY, PHRASE_BEFORE_MAX, PHRASE_MAX


class Doc:
    """Tokens of one text with the lookups the rules need."""

    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang
        self.toks: list[Token] = tokenize(text)
        self.low = [t.low for t in self.toks]
        self.n = len(self.toks)
        # breaks[i]: a clause ends between token i-1 and token i (after punctuation, or a line break).
        toks = self.toks
        self.breaks = [True] + [toks[k - 1].low in CLAUSE_PUNCT or text.find("\n", toks[k - 1].end, toks[k].start) >= 0
                                for k in range(1, self.n)]

    def newline_after(self, k: int) -> bool:
        """A line (paragraph) break between token k and token k+1."""
        return k + 1 < self.n and "\n" in self.text[self.toks[k].end:self.toks[k + 1].start]

    def match_at(self, i: int, phrases: Container[tuple[str, ...]]) -> tuple[tuple[str, ...], int] | None:
        """Longest phrase of `phrases` (token tuples) starting at token i: (phrase, end)."""
        for length in range(PHRASE_MAX, 0, -1):
            key = tuple(self.low[i:i + length])
            if len(key) == length and key in phrases:
                return key, i + length
        return None

    def match_ending(self, i: int, phrases: Container[tuple[str, ...]]) -> tuple[tuple[str, ...], int] | None:
        """Longest phrase ending just before token i, within the clause: (phrase, start)."""
        for length in range(PHRASE_BEFORE_MAX, 0, -1):
            s = i - length
            if s < 0 or any(self.breaks[k] for k in range(s + 1, i + 1) if k < self.n):
                continue
            key = tuple(self.low[s:i])
            if key in phrases:
                return key, s
        return None

    def glued(self, a: int, b: int) -> bool:
        return self.toks[a].end == self.toks[b].start

    def is_num(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].kind == "num"

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].kind == "word"

    def whole_fraction(self, i: int) -> bool:
        """Numeral i is the whole of "N/N" ("57/57 ấp": all 57 hamlets), N above 12 so that it is
        no day and month; the first N stays a date's shape, no figure of its own."""
        a, b = self.toks[i - 2].text, self.toks[i].text
        return self.toks[i - 1].low == "/" and a == b and a.isdigit() and int(a) > 12 and self.glued(i - 2, i - 1)

    def date_like(self, i: int) -> bool:
        """Numeral i is part of a date, time, code or percentage (20/6, 14:05, 50%)."""
        if i > 0 and self.toks[i - 1].low in DATE_SEPS and self.glued(i - 1, i) and self.is_num(i - 2):
            return not self.whole_fraction(i)
        if i + 1 < self.n and self.glued(i, i + 1):
            nxt = self.toks[i + 1].low
            if nxt in DATE_SEPS and self.is_num(i + 2) and self.glued(i + 1, i + 2):
                return True
            if nxt in GLUED_NOT_QUANTITY:
                return True
        return False
