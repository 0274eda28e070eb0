"""One tokenizer for every extractor: a text cut into atoms once, words joined at the grain
each extractor reads, and one rule for lines written in capitals.

An atom is a run of letters, a run of digits, or any other single non-space character,
with its offsets in the text. Extractors differ only in which glued punctuation joins two
atoms into one word or one number, and that is data here (`Grain`), not three regexes:

- people read "Sung-ho" as one word and "20/6/2024" as one number;
- places read letters and digits together ("Quận1", "A Lưới") and "Đắk R'La" as one word;
- figures read "1.300.000" as one number from ASCII digits only.

Error policy: never raises on str input; offsets always index the text given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

LETTERS, DIGITS, OTHER = "L", "D", "P"
_ATOM = re.compile(rf"(?P<{LETTERS}>[^\W\d_]+)|(?P<{DIGITS}>\d+)|(?P<{OTHER}>\S)")


@dataclass(frozen=True, slots=True)
class Grain:
    """How atoms join into the units an extractor reads."""

    word_joiners: str = ""  # glued between two letter runs, keeps one word
    number_joiners: str = ""  # glued between two digit runs, keeps one number
    alphanumeric: bool = False  # letters and digits glued together are one word
    ascii_digits: bool = False  # only 0-9 make numbers; other digits are single characters
    dropped: str = ""  # characters that are no token at all


@dataclass(frozen=True, slots=True)
class Unit:
    text: str
    start: int
    end: int
    kind: str  # LETTERS (a word), DIGITS (a number) or OTHER (one character)


@lru_cache(maxsize=8)  # the people, places and figures steps read the same article text in turn
def atoms(text: str) -> tuple[tuple[str, int, int, str], ...]:
    return tuple((m.group(), m.start(), m.end(), m.lastgroup) for m in _ATOM.finditer(text))


def _ascii_split(atom: tuple[str, int, int, str]):
    """A digit run cut into runs of 0-9 and single other digits (Arabic-Indic, fullwidth...)."""
    s, start, _, _ = atom
    for m in re.finditer(r"[0-9]+|.", s):
        yield m.group(), start + m.start(), start + m.end(), DIGITS if m.group()[0] in "0123456789" else OTHER


def units(text: str, grain: Grain) -> list[Unit]:
    """The words, numbers and other characters of `text` at `grain`, in order."""
    parts = list(atoms(text))
    if grain.ascii_digits:
        parts = [p for atom in parts for p in (_ascii_split(atom) if atom[3] == DIGITS and not atom[0].isascii()
                                              else (atom,))]
    if grain.alphanumeric:
        parts = _merge_glued(parts, {LETTERS, DIGITS}, LETTERS)
    out: list[Unit] = []
    i, n = 0, len(parts)
    while i < n:
        s, start, end, kind = parts[i]
        joiners = grain.word_joiners if kind == LETTERS else grain.number_joiners if kind == DIGITS else ""
        while (joiners and i + 2 < n and parts[i + 1][0] in joiners and parts[i + 2][3] == kind
               and parts[i + 1][1] == end and parts[i + 2][1] == parts[i + 1][2]):
            end = parts[i + 2][2]
            i += 2
        if kind != OTHER or s not in grain.dropped:
            out.append(Unit(text[start:end], start, end, kind))
        i += 1
    return out


def _merge_glued(parts: list, kinds: set[str], kind: str) -> list:
    out: list = []
    for part in parts:
        if out and part[3] in kinds and out[-1][3] in kinds and out[-1][2] == part[1]:
            s, start, _, _ = out[-1]
            out[-1] = (s + part[0], start, part[2], kind)
        else:
            out.append(part if part[3] not in kinds else (*part[:3], kind))
    return out


def words(text: str, grain: Grain) -> list[str]:
    return [u.text for u in units(text, grain) if u.kind == LETTERS]


def is_caps_line(line: str) -> bool:
    """A line in capitals (a headline, a shouted caption): capitalisation marks no names there."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
