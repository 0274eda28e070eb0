"""The open vocabularies of money and counts, read once from extract/data/figures/,
data/money/ and data/counts/: a new context word, qualifier, unit or stop word is an edit
there, not a code change."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import DATA, data_lines
from ..text import nfc
from .numbers import tokenize
from .patterns import DATE_PART_WORDS

Phrase = tuple[str, ...]  # lowercase tokens


@dataclass(frozen=True, slots=True)
class Vocabulary:
    # every figure
    qualifiers: dict[Phrase, str | None]  # phrase -> "over" | "under" | "about" | None
    identifier_words: frozenset[str]  # and date parts: a number after them is no quantity
    per_before_noun: frozenset[str]  # "mỗi hộ", "per family"
    per_alone: frozenset[str]  # "VND 2 million each"
    total_words: frozenset[str]
    part_words: frozenset[str]
    # money
    context: frozenset[Phrase]
    bridge: frozenset[str]  # bridge words and the qualifier words' tokens
    context_stops: frozenset[str]  # qualifier phrases end a context too (see noun_phrase)
    bare_followers: frozenset[str]
    dong_compounds: frozenset[str]
    # counts
    units: dict[Phrase, str]  # phrase -> the unit as written in the data (NFC)
    unit_kinds: dict[Phrase, str]  # phrase -> its section of units.txt ("people", "gifts"...)
    classifiers: dict[str, bool]  # classifier -> it is a unit on its own ("3.200 túi")
    noun_stops: frozenset[str]
    stop_compounds: frozenset[Phrase]  # "trực thuộc": the stop syllable inside a word
    noun_stops_en: frozenset[str]
    modifiers: frozenset[Phrase]
    not_units: frozenset[Phrase]


def _lines(name: str) -> list[str]:
    return [ln.lower() for ln in data_lines(name)]


def _words(name: str) -> frozenset[str]:
    return frozenset(_lines(name))


def phrase_key(phrase: str) -> Phrase:
    return tuple(t.low for t in tokenize(phrase))


def _unit_kinds(name: str) -> dict[Phrase, str]:
    """Each unit's kind: the first word of the section header above it ("# Vietnamese: people
    taking part ..." -> "people"; "# English pages" -> "english")."""
    kinds, kind = {}, ""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("# Vietnamese:") or line.startswith("# English"):
            kind = "english" if line.startswith("# English") else line.split(":", 1)[1].split()[0]
        elif line and not line.startswith("#"):
            kinds[phrase_key(line.lower())] = kind
    return kinds


def _pairs(name: str) -> list[tuple[str, str]]:
    """`phrase|value` lines, both halves stripped."""
    pairs = []
    for line in _lines(name):
        phrase, _, value = line.partition("|")
        pairs.append((phrase, value.strip()))
    return pairs


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    qualifiers = {phrase_key(p): None if kind == "none" else kind
                  for p, kind in _pairs("figures/qualifiers.txt")}
    qualifier_tokens = frozenset(t for phrase in qualifiers for t in phrase)
    per = [(word, set(where.split())) for word, where in _pairs("figures/per_words.txt")]
    return Vocabulary(
        qualifiers=qualifiers,
        identifier_words=_words("figures/identifier_words.txt") | DATE_PART_WORDS,
        per_before_noun=frozenset(w for w, where in per if "noun" in where),
        per_alone=frozenset(w for w, where in per if "alone" in where),
        total_words=_words("figures/total_words.txt"),
        part_words=_words("figures/part_words.txt"),
        context=frozenset(phrase_key(c) for c in _lines("money/context.txt")),
        bridge=_words("money/bridge.txt") | qualifier_tokens,
        context_stops=_words("money/context_stops.txt"),
        bare_followers=_words("money/bare_followers.txt"),
        dong_compounds=_words("money/dong_compounds.txt"),
        units={phrase_key(u): nfc(u) for u in _lines("counts/units.txt")},
        unit_kinds=_unit_kinds("counts/units.txt"),
        classifiers={c.rstrip("*"): c.endswith("*") for c in _lines("counts/classifiers.txt")},
        noun_stops=_words("counts/unit_stops.txt"),
        stop_compounds=frozenset(phrase_key(c) for c in _lines("counts/stop_compounds.txt")),
        noun_stops_en=_words("counts/unit_stops_en.txt"),
        modifiers=frozenset(phrase_key(m) for m in _lines("counts/modifiers.txt")),
        not_units=frozenset(phrase_key(u) for u in _lines("counts/not_units.txt")),
    )
