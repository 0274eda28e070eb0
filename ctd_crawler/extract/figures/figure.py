"""The raw figure: number(s) with their currency mark, range and "/unit", read once; and the
words around it that money and counts both read (qualifier, identifier words, "mỗi").

Rules:

* Currency marks after the number (đồng, đ, VNĐ, VND, ₫, Vietnamese Dong, lowercase
  "dong", USD, đô la, $, EUR, euro, €, CHF, franc Thụy Sĩ, Swiss francs) or before it ($,
  US$, USD, €, EUR, VND, CHF; "$5,000" is English-style writing, read with the English
  digit reading). A capitalised "Dong" is a name ("82 Dong Khoi street"). "đồng"
  followed by a word it forms a compound with ("3 đồng chí", data/money/dong_compounds.txt)
  and "đ" glued to a word are no currency.
* Ranges: "từ 2 đến 3 triệu đồng", "2-3 triệu đồng", "500.000 - 1 triệu đồng". A lower
  bound without a scale word takes the upper bound's scale when that keeps it below the
  upper bound. A range needs low < high <= 100 x low; otherwise the numbers are read apart.
* Per unit after a currency: "/suất" ("/người/tháng": the first unit), "mỗi hộ", "cho mỗi
  hộ", "per family"; "each" alone takes the counted noun written before in the sentence
  (data/figures/per_words.txt).
* Qualifier: the longest phrase of data/figures/qualifiers.txt right before the figure.
* A number right after an identifier word (data/figures/identifier_words.txt) or a date
  part, or written as a date, time, code or percentage, is no quantity.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

from ctd_crawler.extract.dates.patterns import EN_MONTH_NAMES

from .doc import Doc
from .numbers import NumberSpan, read_number
from .patterns import (
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    CURRENCY_BEFORE_FIRST,
    LOWERCASE_ONLY_CURRENCY,
    NUMBER_START_WORDS,
    PER_LEAD,
    PER_SLASH,
    PER_TIME,
    PER_WINDOW,
    RANGE_SEPS,
    SENTENCE_PUNCT,
)
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from .counts import Count
    from .money import Money


@dataclass
class Figure:
    first: int  # token index where the figure's text starts
    lo: NumberSpan
    hi: NumberSpan | None
    currency: str | None
    end: int  # token index after the figure (number, currency, "/unit")
    per: str | None = None

    @property
    def scaled(self) -> bool:
        return self.lo.scaled or (self.hi is not None and self.hi.scaled)


class Kind(Enum):
    MONEY = "money"
    COUNT = "count"
    SKIPPED = "skipped"  # a currency mark or count noun, but the number cannot be read
    NOT_A_FIGURE = "not a figure"  # neither money nor a counted result


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a figure turned out to be."""

    kind: Kind
    row: Money | Count | None = None
    claims: int | None = None  # token index after the tokens it used up; None: only its number


NOT_A_FIGURE = Outcome(Kind.NOT_A_FIGURE)


@dataclass(frozen=True, slots=True)
class Before:
    """What the scan has read before a figure."""

    floor: int = 0  # token after the previous figure: "mỗi" and bridges never reach past it
    money_floor: int = 0  # token after the previous amount of money: its context never reaches past it
    after_vnd: bool = False  # the previous figure was an amount in đồng


def grouping_first(values: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
    """The readings of a figure without a scale word, the grouping reading first: a mark
    before three digits groups thousands there ("350,000đ", "5.000 USD" and "626.000
    turns" on an English page), since đồng has no subunit in use, cents take two digits
    and a count is whole. Of two readings of one digit string the grouping one is larger."""
    return tuple(sorted(values, reverse=True))


def first_value(span: NumberSpan) -> Decimal | None:
    return span.values[0] if span.values else None


def currency_after(doc: Doc, k: int) -> tuple[str, int] | None:
    if k >= doc.n:
        return None
    m = doc.match_at(k, CURRENCY_AFTER)
    if not m:
        return None
    key, end = m
    if key == ("đồng",) and end < doc.n and doc.low[end] in vocabulary().dong_compounds:
        return None
    if key == ("đ",) and end < doc.n and doc.glued(k, end) and doc.toks[end].kind == "word":
        return None
    if key in LOWERCASE_ONLY_CURRENCY and doc.toks[k].text != key[0]:
        return None
    return CURRENCY_AFTER[key], end


def currency_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """A currency mark at i directly followed by a numeral: (currency, numeral index)."""
    if doc.low[i] not in CURRENCY_BEFORE_FIRST:
        return None
    m = doc.match_at(i, CURRENCY_BEFORE)
    if m and doc.is_num(m[1]) and m[1] - i <= 2:
        return CURRENCY_BEFORE[m[0]], m[1]
    return None


def starts_number(doc: Doc, i: int) -> bool:
    tok = doc.toks[i]
    return tok.kind == "num" or (tok.kind == "word" and tok.low in NUMBER_START_WORDS  # most words: no number
                                 and read_number(doc.toks, i, doc.lang) is not None)


def read_figure(doc: Doc, i: int) -> Figure | None:
    """Number(s) from token i with currency marks, range and per-unit: the raw figure."""
    prefix = currency_before(doc, i)
    j = prefix[1] if prefix else i
    # "$5,000", "€1.5": a currency sign before the number is English-style writing.
    lo = read_number(doc.toks, j, "en" if prefix and prefix[0] != "VND" else doc.lang)
    if lo is None:
        return None
    currency = prefix[0] if prefix else None
    end = lo.end
    c1 = currency_after(doc, end)
    if c1:
        currency, end = c1
    fig = Figure(i, lo, None, currency, end)
    _read_range(doc, fig)
    _read_per(doc, fig)
    return fig


def _read_range(doc: Doc, fig: Figure) -> None:
    k = fig.end
    if k + 1 >= doc.n or doc.low[k] not in RANGE_SEPS:
        return
    j = k + 1
    prefix = currency_before(doc, j)
    if prefix:
        j = prefix[1]
    if not starts_number(doc, j) or doc.date_like(j):
        return
    hi = read_number(doc.toks, j, doc.lang)
    lo_v, hi_v = first_value(fig.lo), first_value(hi) if hi else None
    if hi is None or lo_v is None or hi_v is None:
        return
    if not fig.lo.scaled and hi.scaled and lo_v * hi.trailing_scale < hi_v:
        lo_v *= hi.trailing_scale
    if not (lo_v < hi_v <= lo_v * 100):
        return
    currency = fig.currency or (prefix[0] if prefix else None)
    end = hi.end
    c2 = currency_after(doc, end)
    if c2:
        if fig.currency and c2[0] != fig.currency:
            return
        currency, end = c2
    fig.hi, fig.currency, fig.end = hi, currency, end


def _read_per(doc: Doc, fig: Figure) -> None:
    """"/suất" after the currency; "mỗi hộ" / "cho mỗi hộ" / "per family" after it."""
    if fig.currency is None:
        return
    k = fig.end
    if k + 1 < doc.n and doc.low[k] == PER_SLASH and doc.toks[k + 1].kind == "word":
        fig.per = doc.low[k + 1]
        fig.end = k + 2
        while fig.end + 1 < doc.n and doc.low[fig.end] == PER_SLASH and doc.toks[fig.end + 1].kind == "word":
            fig.end += 2  # "/người/tháng": the first unit is the one counted
        return
    vocab = vocabulary()
    stops = vocab.noun_stops_en | vocab.noun_stops
    for m in (k, k + 1):
        if (m + 1 < doc.n and doc.low[m] in vocab.per_before_noun and doc.toks[m + 1].kind == "word"
                and doc.low[m + 1] not in stops):
            if m == k or doc.low[k] in PER_LEAD:
                fig.per = doc.low[m + 1]
                return
    if k < doc.n and doc.low[k] in vocab.per_alone and (
            k + 1 >= doc.n or doc.toks[k + 1].kind != "word" or doc.low[k + 1] in stops):
        # "1,100 households received cash grants of VND 2 million each": per the counted
        # noun written before in the sentence, else the word itself
        fig.per = _counted_noun_before(doc, fig.first) or doc.low[k]


def _counted_noun_before(doc: Doc, first: int) -> str | None:
    s = first - 1
    while s > 0 and doc.low[s] not in SENTENCE_PUNCT and not doc.newline_after(s):
        if doc.is_num(s - 1) and doc.match_at(s, vocabulary().units):
            return doc.low[s]
        s -= 1
    return None


def per_word_before(doc: Doc, first: int, floor: int) -> int | None:
    """Index of a "mỗi <noun>" earlier in the sentence: "mỗi suất quà trị giá 1 triệu đồng",
    "Mỗi người ... nhận một suất quà trị giá 200.000 đồng".

    Within the clause it always applies. Across commas only when the sentence opens
    with it (the distributive subject of the whole sentence: "Mỗi ngôi nhà có diện tích
    60 m², được hỗ trợ 60 triệu đồng") and no other figure stands between, or when a list
    of parts follows it ("mỗi suất gồm gạo, mì tôm và 300.000 đồng", "Mỗi suất quà trị giá
    1,5 triệu đồng, gồm 500.000 đồng tiền mặt"). Never across a total word ("tổng trị giá").

    A period after "mỗi" is the figure's unit only right before it (a qualifier may stand
    between): "hỗ trợ mỗi năm 5 triệu đồng" is a rate per year. Farther back it is the time
    frame of the clause, whose figure is that period's total: "Mỗi năm, Hội vận động 60 tỷ
    đồng", "mỗi năm vận động 60 tỷ đồng" (no per unit).
    """
    vocab = vocabulary()
    s = first - 1
    crossed_comma = parts = False
    lower = first - PER_WINDOW
    while s >= max(0, lower):
        opens_parts = doc.low[s] == ":" and s > 0 and doc.low[s - 1] in vocab.part_words  # "gồm: 10 kg gạo, ..."
        if doc.low[s] in SENTENCE_PUNCT and not opens_parts or doc.newline_after(s):
            return None
        low = doc.low[s]
        if low in vocab.total_words:
            return None
        if low in vocab.part_words:
            parts = True
        if low in vocab.per_before_noun and s + 1 < first and doc.toks[s + 1].kind == "word":
            if doc.low[s + 1] in PER_TIME:  # a rate next to the figure, else the clause's time frame
                return s if _only_qualifier_between(doc, s + 2, first) else None
            at_sentence_start = s == 0 or doc.low[s - 1] in SENTENCE_PUNCT or doc.newline_after(s - 1)
            if ((not crossed_comma or at_sentence_start) and s >= floor) or parts:
                return s
            return None
        if doc.breaks[s + 1] if s + 1 < doc.n else False:
            crossed_comma = True
        s -= 1
    return None


def _only_qualifier_between(doc: Doc, a: int, b: int) -> bool:
    """Tokens a..b-1 are nothing, or one qualifier phrase ("mỗi năm hơn 5 triệu đồng")."""
    if a == b:
        return True
    m = doc.match_at(a, vocabulary().qualifiers)
    return m is not None and m[1] == b


def period_after_per(doc: Doc, k: int) -> bool:
    """Token k is a period word after "mỗi" ("mỗi năm", "mỗi tháng"): a rate, not a date part."""
    return doc.low[k] in PER_TIME and k > 0 and doc.low[k - 1] in vocabulary().per_before_noun


def qualifier(doc: Doc, i: int) -> str | None:
    qualifiers = vocabulary().qualifiers
    m = doc.match_ending(i, qualifiers)
    return qualifiers[m[0]] if m else None


def excluded(doc: Doc, fig: Figure) -> bool:
    """Numbers that are identifiers, ranks, dates or times rather than quantities."""
    i = fig.lo.start
    before = fig.first - 1
    dotted = before >= 1 and doc.toks[before].text == "." and doc.toks[before - 1].text.isupper() \
        and doc.glued(before - 1, before) and doc.glued(before, fig.first)  # "KP.2", "P.5": an abbreviation's dot
    if dotted:
        before -= 1
    if (before >= 0 and doc.low[before] in vocabulary().identifier_words and (dotted or not doc.breaks[fig.first])
            and not period_after_per(doc, before)):
        return True
    if before >= 0 and doc.toks[before].text in EN_MONTH_NAMES and _day_or_year(doc.toks[fig.first].text):
        return True  # "on March 14 toured": a day
    return doc.toks[i].kind == "num" and doc.date_like(i)


def _day_or_year(s: str) -> bool:
    return s.isdigit() and (1 <= int(s) <= 31 or len(s) == 4)


def glued_to_word(doc: Doc, fig: Figure) -> bool:
    """"khoảng200 triệu": the number is glued to the token before it, so it cannot be read."""
    return (fig.first > 0 and doc.toks[fig.first - 1].kind in ("word", "num")
            and doc.glued(fig.first - 1, fig.first))
