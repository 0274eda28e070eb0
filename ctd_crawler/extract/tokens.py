"""One tokenizer for every extractor: words and numbers cut at the grain each extractor
reads, and one rule for lines written in capitals.

An atom is a run of letters, a run of digits, or any other single non-space character,
with its offsets in the text. Extractors differ only in which glued punctuation joins two
atoms into one word or one number, and that is data here (`Grain`), not three regexes
written by hand; each grain is compiled into one regex (`grain_pattern`), so a text is cut
in one C-level pass:

- people read "Sung-ho" as one word and "20/6/2024" as one number;
- places read letters and digits together ("Quận1", "A Lưới") and "Đắk R'La" as one word;
- figures read "1.300.000" as one number from ASCII digits only.

Error policy: never raises on str input; offsets always index the text given.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

LETTERS, DIGITS, OTHER = "L", "D", "P"


@dataclass(frozen=True, slots=True)
class Grain:
    """How atoms join into the units an extractor reads."""

    word_joiners: str = ""  # glued between two letter runs, keeps one word
    number_joiners: str = ""  # glued between two digit runs, keeps one number
    alphanumeric: bool = False  # letters and digits glued together are one word
    ascii_digits: bool = False  # only 0-9 make numbers; other digits are single characters
    dropped: str = ""  # characters that are no token at all


class Unit(NamedTuple):
    text: str
    start: int
    end: int
    kind: str  # LETTERS (a word), DIGITS (a number) or OTHER (one character)


@lru_cache(maxsize=None)
def grain_pattern(grain: Grain) -> re.Pattern:
    """The grain's cut as one regex: a word is a run of letters (with `alphanumeric`, of letters
    and digits glued together), a number a run of digits; a joiner glued between two runs of one
    kind makes them one; any other non-space character is one unit. tests/extract/test_tokens.py
    holds it to the atom-joining rule on random grains and texts."""
    letter, digit = r"[^\W\d_]", "[0-9]" if grain.ascii_digits else r"\d"
    if grain.alphanumeric:
        letter = r"[^\W_]" if not grain.ascii_digits else r"(?:[^\W\d_]|[0-9])"

    def joined(run: str, joiners: str) -> str:
        joiners = "".join(c for c in joiners if not c.isspace())  # atoms never hold spaces
        return f"{run}+(?:[{re.escape(joiners)}]{run}+)*" if joiners else f"{run}+"

    groups = [f"(?P<{LETTERS}>{joined(letter, grain.word_joiners)})"]
    if not grain.alphanumeric:  # alphanumeric: digit runs are words
        groups.append(f"(?P<{DIGITS}>{joined(digit, grain.number_joiners)})")
    # a dropped character is no unit: left out of the single characters, the scan skips it
    dropped = "".join(c for c in grain.dropped if not c.isspace())
    groups.append(rf"(?P<{OTHER}>[^\s{re.escape(dropped)}])" if dropped else rf"(?P<{OTHER}>\S)")
    return re.compile("|".join(groups))


def cut(text: str, grain: Grain) -> Iterator[re.Match]:
    """The units of `text` as regex matches (group() its text, start(), end(), lastgroup its
    kind): what the extractors' own token classes are built from, without a Unit in between."""
    return grain_pattern(grain).finditer(text)


def units(text: str, grain: Grain) -> list[Unit]:
    """The words, numbers and other characters of `text` at `grain`, in order."""
    return [Unit(m.group(), m.start(), m.end(), m.lastgroup) for m in grain_pattern(grain).finditer(text)]


def words(text: str, grain: Grain) -> list[str]:
    return [u.text for u in units(text, grain) if u.kind == LETTERS]


def next_start(starts: list[int], i: int, n: int) -> int:
    """The first of `starts` (sorted token indices) at or after i, else n: a scan over a line
    visits only the tokens its first test lets through, the others would be passed over one
    by one."""
    k = bisect_left(starts, i)
    return starts[k] if k < len(starts) else n


def possessive(word: str) -> bool:
    """An English possessive ("Tham’s", "Quang Tri's"): a name ends before its "'s"."""
    return len(word) > 3 and word[-2] in "'’" and word[-1] in "sS"


@lru_cache(maxsize=1024)  # people and places both ask it of every line of an article
def is_caps_line(line: str) -> bool:
    """A line in capitals (a headline, a shouted caption): capitalisation marks no names there."""
    letters = list(filter(str.isalpha, line))  # C-level passes: every line of every article comes here
    return len(letters) >= 8 and sum(map(str.isupper, letters)) >= 0.9 * len(letters)
