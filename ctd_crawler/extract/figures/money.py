"""Money: which figures are amounts of money, their value in đồng, per-unit and context.

Rules:

* A figure is money when a currency mark follows or precedes it (figure.py: đồng, đ, VNĐ,
  VND, ₫, USD, đô la, $, EUR, euro, €; "triệu USD"; "3 đồng chí", "200 đồng bào" are not).
* A number with no currency mark is money (VND) only in money context: right after a
  context word (data/money/context.txt: "trị giá 500.000", "kinh phí 2 tỷ"; at most three
  bridging words between them, data/money/bridge.txt or a qualifier's words: "là", "đạt",
  "khoảng") or right before "tiền" ("300.000 tiền mặt"); it must be at least 1.000 đồng
  or carry a scale word, and must not be followed by a noun (any word but those of
  data/money/bare_followers.txt: "trị giá 7 lĩnh vực" is not money). A bare "300.000"
  elsewhere is not money. In a series the currency written once covers the next amounts
  of the sentence that carry a scale of a million or more ("A tài trợ 200 triệu đồng,
  khoảng 50 triệu còn lại do B vận động"), again when no noun follows them. Written-out numbers are money only with a scale word ("một tỷ
  đồng").
* Which digit reading (numbers.digit_readings): the page language's reading first (English
  after a currency sign: "$5,000"), then the other; the first plausible one wins.
  Plausible: above 0, at most 10^14 đồng (10^12 in other currencies), and a whole number
  of đồng unless a scale word is present. So on a Vietnamese page "208,500 tỷ đồng" =
  208.5e9, "1,200 đồng" = 1200, "1,200,000 đồng" = 1.2e6; on an English page "208,500
  billion VND" is implausible as 2.085e14 and is read as 208.5e9. Nothing plausible: the
  figure is skipped and counted.
* amount_vnd is integer đồng computed in Decimal (half-up on sub-đồng fractions); None
  for other currencies (no exchange rates are applied). amount is the value in the
  original currency (the lower bound of a range).
* Qualifiers (data/figures/qualifiers.txt), the words right before the figure: hơn, trên =
  over; gần, dưới, chưa đến, ngót = under (nearly / less than); khoảng, xấp xỉ, chừng,
  ước = about; "tới", "lên đến", "lên tới", "đến" only stress a figure that was reached,
  so they give no qualifier.
* Per unit: "1 triệu đồng/suất", "500.000 đồng mỗi hộ", "VND 2 million each" (per = the
  counted noun earlier in the sentence, "households"), "mỗi suất quà trị giá 1 triệu
  đồng" (a "mỗi <noun>" earlier in the clause; across commas when it opens the sentence
  or a list of parts follows it, "mỗi suất gồm gạo, mì tôm và 300.000 đồng"; never
  across a total word "tổng ..."): per_unit True, per = the noun's first word ("suất",
  "hộ", "người", "tháng").
* Periods: "5 triệu đồng/năm", "5 triệu đồng mỗi năm" and "mỗi năm 5 triệu đồng" (the
  period right before the figure) are rates: per_unit, per = "năm". A period farther back
  is the time frame of its clause, and the figure that period's total: "Mỗi năm, Hội vận
  động 60 tỷ đồng", "mỗi năm vận động 60 tỷ đồng", "Mỗi tháng Hội chi 10 triệu đồng" (no
  per unit).
* context: the nearest context word before the figure in the same clause (clauses end at
  . ; : ! ? , ( ) and paragraph breaks, and at the previous amount of money; a count
  between is part of the phrase: "Tổng giá trị 7 lĩnh vực hoạt động ... đạt 208,500 tỷ
  đồng"), extended over the
  noun phrase it opens up to a verb, preposition, qualifier or time phrase
  (data/money/context_stops.txt, a qualifier phrase, patterns.TIME_WORDS: "Tổng giá trị 7
  lĩnh vực hoạt động công tác Hội" ... "toàn Cụm 6 tháng ... đạt"), at most 12 words.
  None when there is no context word.
* text is the figure as written: number(s) and currency, plus "/unit"; not the qualifier.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .doc import Doc
from .figure import Before, Figure, Kind, Outcome, first_value, grouping_first, per_word_before, qualifier
from .patterns import (
    BRIDGE_MAX,
    CONTEXT_WINDOW,
    CONTEXT_WORDS_MAX,
    ELIDED_SCALE_MIN,
    MAX_FOREIGN,
    MAX_VND,
    MIN_BARE_VND,
    MONEY_NOUN,
    SENTENCE_PUNCT,
    TIME_WORDS,
)
from .vocabulary import vocabulary


@dataclass(frozen=True, slots=True)
class Money:
    amount_vnd: int | None
    amount_vnd_max: int | None
    currency: str
    amount: float
    qualifier: str | None
    per_unit: bool
    per: str | None
    context: str | None
    text: str
    start: int


def read_money(doc: Doc, fig: Figure, before: Before, glued: bool) -> Outcome | None:
    """The figure as money (or skipped money), or None when it is no money at all.
    Money uses up the figure's tokens, whether it could be read or not."""
    currency = fig.currency
    floor = before.floor
    if currency is None and not glued and (_bare_money_context(doc, fig, floor)
                                           or before.after_vnd and _elided_dong(doc, fig, floor)):
        currency = "VND"
        if not fig.lo.scaled and all(v < MIN_BARE_VND for v in fig.lo.values):
            currency = None
    if currency is not None and fig.lo.in_words and not fig.lo.scaled:
        currency = None  # "một đồng", "năm đồng": too ambiguous without a scale word
    if currency is None:
        return None
    m = None if glued or not fig.lo.values else _make_money(doc, fig, currency, before)
    if m is None:
        return Outcome(Kind.SKIPPED, claims=fig.end)
    return Outcome(Kind.MONEY, m, claims=fig.end)


def _make_money(doc: Doc, fig: Figure, currency: str, before: Before) -> Money | None:
    lo = _plausible_money(_lo_values(fig), currency, fig.scaled)
    if lo is None:
        return None
    hi = None
    if fig.hi is not None:
        hi_values = fig.hi.values if fig.scaled else grouping_first(fig.hi.values)
        hi = _plausible_money(hi_values, currency, fig.scaled)
    if fig.hi is not None and (hi is None or hi <= lo):
        return None
    per = fig.per or _per_before(doc, fig.first, before.floor)
    vnd = currency == "VND"
    return Money(
        amount_vnd=_to_vnd(lo) if vnd else None,
        amount_vnd_max=_to_vnd(hi) if vnd and hi is not None else None,
        currency=currency,
        amount=float(lo),
        qualifier=qualifier(doc, fig.first),
        per_unit=per is not None,
        per=per,
        context=_context(doc, fig.first, before.money_floor),
        text=doc.text[doc.toks[fig.first].start:doc.toks[fig.end - 1].end],
        start=doc.toks[fig.first].start,
    )


def _lo_values(fig: Figure) -> tuple[Decimal, ...]:
    """Candidate values of the lower number, with the range's scale when it takes it."""
    values = fig.lo.values
    if fig.hi is not None and not fig.lo.scaled and fig.hi.scaled:
        hi_v = first_value(fig.hi)
        scaled = tuple(v * fig.hi.trailing_scale for v in values)
        if scaled and hi_v is not None and scaled[0] < hi_v:
            return scaled
    return values if fig.scaled else grouping_first(values)


def _plausible_money(values, currency: str, scaled: bool) -> Decimal | None:
    limit = MAX_VND if currency == "VND" else MAX_FOREIGN
    for v in values:
        if v <= 0 or v > limit:
            continue
        if currency == "VND" and not scaled and v != v.to_integral_value():
            continue
        return v
    return None


def _to_vnd(v: Decimal) -> int:
    return int(v.to_integral_value(rounding=ROUND_HALF_UP))


def _bare_money_context(doc: Doc, fig: Figure, floor: int) -> bool:
    """A number without currency stands where money is named ("trị giá 500.000")."""
    vocab = vocabulary()
    end = fig.end
    if end < doc.n and not doc.breaks[end] and doc.toks[end].kind == "word":
        if doc.low[end] not in vocab.bare_followers or doc.match_at(end, vocab.units):
            return False
    if end < doc.n and doc.low[end] == MONEY_NOUN and not doc.breaks[end]:
        return True
    k = fig.first
    for _ in range(BRIDGE_MAX + 1):
        if k <= floor or doc.breaks[k]:
            return False
        if doc.match_ending(k, vocab.context):
            return True
        if doc.low[k - 1] not in vocab.bridge:
            return False
        k -= 1
    return False


def _elided_dong(doc: Doc, fig: Figure, floor: int) -> bool:
    """An amount in a series whose first item named the currency: "A tài trợ 200 triệu
    đồng, khoảng 50 triệu còn lại do B vận động". The number carries a scale of a million or
    more, stands in the sentence of the previous amount, and no noun follows it."""
    if not fig.lo.scaled or fig.lo.trailing_scale < ELIDED_SCALE_MIN or fig.hi is not None:
        return False
    if any(doc.low[k] in SENTENCE_PUNCT or doc.newline_after(k) for k in range(max(floor - 1, 0), fig.first)):
        return False
    end = fig.end
    vocab = vocabulary()
    return not (end < doc.n and not doc.breaks[end] and doc.toks[end].kind == "word"
                and (doc.low[end] not in vocab.bare_followers or doc.match_at(end, vocab.units)))


def _context(doc: Doc, first: int, floor: int) -> str | None:
    """Nearest context word before token `first` in its clause, with its noun phrase."""
    phrases = vocabulary().context
    lower = max(floor, first - CONTEXT_WINDOW)
    s = first - 1
    while s >= lower and not doc.breaks[s + 1 if s + 1 < doc.n else s]:
        m = doc.match_at(s, phrases)
        if m and m[1] <= first:
            start, end = s, m[1]
            for back in (1, 2):  # "trao tặng", "tổng giá trị" cover a shorter match
                longer = doc.match_at(s - back, phrases) if s - back >= lower else None
                if longer and longer[1] >= end and longer[1] <= first and not doc.breaks[s - back + 1]:
                    start, end = s - back, longer[1]
            return _noun_phrase(doc, start, end, first)
        s -= 1
    return None


def _noun_phrase(doc: Doc, start: int, end: int, limit: int) -> str:
    """The context word at start..end extended over the noun phrase it opens."""
    vocab = vocabulary()
    k = end
    while k < limit and k - start < CONTEXT_WORDS_MAX and not doc.breaks[k]:
        tok = doc.toks[k]
        if (tok.kind == "punct" or tok.low in vocab.context_stops or tok.low in TIME_WORDS
                or doc.match_at(k, vocab.qualifiers)):
            break
        if tok.kind == "num" and (k + 1 >= doc.n or doc.low[k + 1] in TIME_WORDS or doc.date_like(k)):
            break
        k += 1
    return doc.text[doc.toks[start].start:doc.toks[k - 1].end]


def _per_before(doc: Doc, first: int, floor: int) -> str | None:
    at = per_word_before(doc, first, floor)
    return doc.low[at + 1] if at is not None else None
