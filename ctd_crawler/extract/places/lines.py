"""Lines of an article as tokens: words and punctuation, with their capitalisation.

Mentions never cross a line. Capitalisation marks proper nouns, except on ALL-CAPS
lines and headings In Title Case, which give no signal: only known names are taken
there. Self-contained on purpose (the other extractors have their own tokenisers).
"""

from __future__ import annotations

from dataclasses import dataclass

from ctd_crawler.extract.places.gazetteer import name_key
from ctd_crawler.extract.places.patterns import GRAIN, HYPHEN_GAP, HYPHENS, SPACE_GAP
from ctd_crawler.extract.tokens import LETTERS, cut, is_caps_line, possessive, units

SENTENCE_OPENERS = frozenset('.!?:;"“”(')


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    key: str
    word: bool
    cap: bool  # capitalised (or a number, or on an ALL-CAPS line)


def words(s: str) -> list[str]:
    return [u.text for u in units(s, GRAIN) if u.kind == LETTERS]


def cap_pattern(s: str) -> tuple[bool, ...]:
    """Which words of a name are capitalised (or numbers)."""
    return tuple(w[0].isupper() or w[0].isdigit() for w in words(s))


def is_title_line(line: str) -> bool:
    """Headings In Title Case: capitalisation no longer marks names."""
    return _title_case(words(line))


def _title_case(ws: list[str]) -> bool:
    ws = [w for w in ws if w[0].isalpha()]
    return len(ws) >= 4 and sum(w[0].isupper() for w in ws) >= 0.8 * len(ws)


# word -> (lowercase, name_key, capitalised or a number, a possessive's length): computed
# once per word, since news text repeats its words
_WORDS: dict[str, tuple[str, str, bool, int]] = {}
_MAX_WORDS = 1 << 16


def word_keys(s: str) -> tuple[str, str, bool, int]:
    """(lower, name_key, capitalised or a number, owner) of a word, computed once per word;
    `owner` is 2 for an English possessive ("Quang Tri’s chapter": the name ends before its
    "'s"), and the keys are then the stem's."""
    keys = _WORDS.get(s)
    if keys is None:
        if len(_WORDS) >= _MAX_WORDS:
            _WORDS.clear()
        owner = 2 if possessive(s) else 0
        stem = s[:len(s) - owner]
        keys = _WORDS[s] = (stem.lower(), name_key(stem), stem[0].isupper() or stem[0].isdigit(), owner)
    return keys


def tokens(line: str, offset: int, caps: bool | None = None) -> list[Tok]:
    """The tokens of a line starting at `offset` of the text (`caps`: is_caps_line(line), when known)."""
    if caps is None:
        caps = is_caps_line(line)
    out = []
    for m in cut(line, GRAIN):
        s = m.group()
        start, end = m.span()
        if m.lastgroup == LETTERS:
            low, key, cap, owner = _WORDS.get(s) or word_keys(s)
            if owner:
                s, end = s[:-owner], end - owner
            out.append(Tok(offset + start, offset + end, s, low, key, True, caps or cap))
            if owner:
                mark = line[end:end + owner]
                out.append(Tok(offset + end, offset + end + owner, mark, mark.lower(), "", False, False))
        else:
            out.append(Tok(offset + start, offset + end, s, s.lower(), "", False, False))
    return out


def title(s: str) -> str:
    """Each syllable capitalised, hyphenated parts too: how an unknown name is shown."""
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in s.split())


class Line:
    """Tokens of one line and the text they came from."""

    def __init__(self, text: str, line: str, offset: int):
        self.text = text
        self.caps = is_caps_line(line)
        self.toks = toks = tokens(line, offset, self.caps)
        self.titled = self.caps or _title_case([t.text for t in toks if t.word])
        self.used = [False] * len(toks)
        # joined[i]: token i follows token i-1 after spaces only (same name possible)
        self.joined = joined = [False] * len(toks)
        for i in range(1, len(toks)):
            gap = text[toks[i - 1].end : toks[i].start]
            joined[i] = gap == " " or not gap or bool(SPACE_GAP.fullmatch(gap))

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        return self.text[self.toks[i - 1].end : self.toks[i].start]

    def hyphen_joins(self, i: int) -> bool:
        """Is token i a hyphen between two words ("Thừa Thiên-Huế", "Thua Thien - Hue")?"""
        toks = self.toks
        return (toks[i].text in HYPHENS and 0 < i < len(toks) - 1 and toks[i - 1].word and toks[i + 1].word
                and HYPHEN_GAP.fullmatch(self.text[toks[i - 1].end : toks[i + 1].start]) is not None)

    def run(self, j: int, limit: int) -> list[tuple[int, int]]:
        """Word tokens from j joined by spaces or hyphens: [(token index, joined-from)]."""
        out: list[tuple[int, int]] = []
        i = j
        while i < len(self.toks) and len(out) < limit:
            t = self.toks[i]
            if t.word:
                if out and not self.joined[i]:
                    break
                out.append((i, i))
                i += 1
            elif out and self.hyphen_joins(i):
                out.append((i + 1, i))
                i += 2
            else:
                break
        return out

    def starts_sentence(self, i: int) -> bool:
        """Whether token i opens the line or a sentence (its capital says nothing)."""
        return i == 0 or self.toks[i - 1].text in SENTENCE_OPENERS

    def span(self, a: int, b: int) -> str:
        return self.text[self.toks[a].start : self.toks[b].end]
