"""Counted results (beneficiaries, gifts, blood units): a figure followed by a result noun.

Rules:

* A number immediately followed by a result noun from data/counts/units.txt (longest
  match: "401.489 đối tượng", "1.300 đơn vị máu", "hơn 1,3 triệu đơn vị máu", "320 suất
  quà"). Nouns of categories, places and time (lĩnh vực, tỉnh, ngày, tháng, tuổi) are not
  in the lexicon, so "7 lĩnh vực", "2 ngày", "85 tuổi" are not counts (administrative
  coverage written as a pair is: "34 tỉnh, thành phố", "99 xã, phường"). A classifier
  before a longer lexicon unit joins it ("3 ngôi nhà nhân đạo", "5 con bò giống"). When no
  lexicon unit follows, a classifier (data/counts/classifiers.txt: chiếc, bộ, túi, bình,
  đợt, con ...) with its noun, up to 4 words, is the unit ("45 chiếc chăn"); the noun ends
  at a stop word (data/counts/unit_stops.txt: do, của, cho, gửi, được, từ, tại ...) or a
  describing word (data/counts/modifiers.txt: "45 chiếc chăn ấm" -> "chiếc chăn").
* English pages: a lexicon unit, else the lowercase noun phrase up to its plural head
  ("800 relief kits", "150,000 bags of rice"), describing words before it skipped ("30
  outstanding blood donors" -> "blood donors"), plurals of time, measure and category
  (data/counts/not_units.txt: days, years, times, provinces) excluded.
* A quantity inside the description of each item ("mỗi suất gồm 1 triệu đồng, 10 kg
  gạo") is a part of every gift, not a result: no count.
* Not counts: numbers after identifier words and date parts ("số", "thứ", "lần", "khóa",
  "năm", "tháng", "ngày": decree, cluster and rank numbers, dates), parts of dates and
  times (20/6/2024, 14:05), phone-like digit runs, percentages, ranges ("200-300 người"
  has no single value), money, and written-out numbers below ten ("một người dân cho
  biết").
* value must be a whole number (the grouping reading wins for "1,300 người").
"""

from __future__ import annotations

from dataclasses import dataclass

from .doc import Doc
from .figure import NOT_A_FIGURE, Figure, Kind, Outcome, per_word_before, qualifier
from .patterns import (
    CLASSIFIER_NOUN_MAX,
    CONTAINER_OF,
    EN_UNIT_MAX,
    FIGURE_ENDS,
    HYPHEN,
    MAX_COUNT,
    MIN_WORD_COUNT,
)
from .vocabulary import vocabulary


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    unit: str
    qualifier: str | None
    text: str
    start: int


def read_count(doc: Doc, fig: Figure, floor: int, glued: bool) -> Outcome:
    """The figure as a counted result, skipped (a count noun but no readable whole number),
    or not a figure. A count uses up the figure's tokens through its unit."""
    unit = count_unit(doc, fig)
    if unit is None:
        return NOT_A_FIGURE
    value = None if glued else _plausible_count(fig.lo.values)
    if value is None:
        return Outcome(Kind.SKIPPED)
    if fig.lo.in_words and value < MIN_WORD_COUNT:
        return NOT_A_FIGURE  # "một người", "ba hộ": words below ten are not figures
    if _per_item_count(doc, fig.first, floor):
        return NOT_A_FIGURE  # "mỗi suất gồm ... 10 kg gạo": a part of each item, not a result
    name, end = unit
    text = doc.text[doc.toks[fig.first].start:doc.toks[end - 1].end]
    return Outcome(Kind.COUNT, Count(value, name, qualifier(doc, fig.first), text, doc.toks[fig.first].start),
                   claims=end)


def _plausible_count(values) -> int | None:
    for v in values:
        if 0 < v <= MAX_COUNT and v == v.to_integral_value():
            return int(v)
    return None


def _per_item_count(doc: Doc, first: int, floor: int) -> bool:
    """A count inside the description of each item ("mỗi suất gồm 1 triệu đồng, 10 kg gạo"):
    a part of every gift, not a result."""
    at = per_word_before(doc, first, floor)
    return at is not None and not (at > 0 and (doc.low[at - 1] in FIGURE_ENDS or doc.is_num(at - 1)))


def count_unit(doc: Doc, fig: Figure) -> tuple[str, int] | None:
    """The counted noun after the figure's number: (unit, token index after it)."""
    if fig.currency is not None or fig.hi is not None or fig.lo.end >= doc.n:
        return None
    k = fig.lo.end
    units = vocabulary().units
    best = doc.match_at(k, units)
    found = (units[best[0]], best[1]) if best else None
    # A classifier before a lexicon unit: "3 ngôi nhà nhân đạo", "5 con bò giống". The
    # longest reading wins over a shorter lexicon entry ("ngôi nhà").
    if k + 1 < doc.n and doc.low[k] in vocabulary().classifiers and not doc.breaks[k + 1]:
        inner = doc.match_at(k + 1, units)
        if inner and (found is None or inner[1] > found[1]):
            found = (doc.low[k] + " " + units[inner[0]], inner[1])
    if found:
        return found
    if doc.lang.startswith("en"):
        return _english_unit(doc, k)
    return _classifier_unit(doc, k)


def _classifier_unit(doc: Doc, k: int) -> tuple[str, int] | None:
    """Classifier + noun after a number ("45 chiếc chăn", "15.000 túi an sinh"); the
    noun ends at a stop word (data/counts/unit_stops.txt: "do", "gửi", "cho" ...) or a
    describing word (data/counts/modifiers.txt: "ấm", "thiết yếu")."""
    vocab = vocabulary()
    classifiers = vocab.classifiers
    if doc.low[k] not in classifiers or doc.breaks[k]:
        return None
    end = k + 1
    while (end < doc.n and end - k <= CLASSIFIER_NOUN_MAX and not doc.breaks[end]
           and doc.toks[end].kind == "word" and doc.low[end] not in vocab.noun_stops
           and doc.low[end] not in vocab.modifiers):
        end += 1
    if end == k + 1 and not classifiers[doc.low[k]]:
        return None
    return " ".join(doc.low[k:end]), end


def _is_plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def _english_unit(doc: Doc, k: int) -> tuple[str, int] | None:
    """English pages: the lowercase noun phrase after a number up to its plural head
    ("800 relief kits", "2,000 oxygen concentrators", "150,000 bags of rice"); describing
    words before it are left out ("30 outstanding blood donors" -> "blood donors"), and
    plurals of time, measure or category (data/counts/not_units.txt) are no result."""
    vocab = vocabulary()
    start = k
    while start < doc.n and not doc.breaks[start]:  # "outstanding", "flood-affected"
        if doc.toks[start].kind == "word" and doc.low[start] in vocab.modifiers:
            start += 1
        elif (start + 2 < doc.n and doc.low[start + 1] == HYPHEN and doc.glued(start, start + 1)
              and doc.glued(start + 1, start + 2)):
            start += 3
        else:
            break
    words: list[int] = []
    i = start
    head = None
    while i < doc.n and len(words) < EN_UNIT_MAX and not (words and doc.breaks[i]):
        tok = doc.toks[i]
        if tok.kind != "word" or not tok.text.islower() or doc.low[i] in vocab.noun_stops_en:
            break
        words.append(i)
        if _is_plural(doc.low[i]):
            head = i
            # "bags of rice": a container plural takes its "of" noun
            if (i + 2 < doc.n and doc.low[i + 1] == CONTAINER_OF and doc.toks[i + 2].kind == "word"
                    and doc.toks[i + 2].text.islower() and doc.low[i + 2] not in vocab.noun_stops_en):
                head = i + 2
            break
        i += 1
    if head is None or doc.low[words[-1]] in vocab.not_units:
        return None
    return doc.text[doc.toks[start].start:doc.toks[head].end].lower(), head + 1
