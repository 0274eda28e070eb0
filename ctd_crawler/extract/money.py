"""Money figures and counted results (beneficiaries, gifts, blood units) in article text.

Numbers are read by `numbers.py` (digit groups, decimal comma, scale and number words);
this module decides which numbers are money, which are counted results, and which are
neither. Rules:

Money
* A number is money when a currency mark follows it (đồng, đ, VNĐ, VND, vnđ, ₫, USD,
  đô la, $, EUR, euro, €; "triệu USD") or precedes it ($, US$, USD, €, EUR, VND). "đồng"
  followed by a word it forms a compound with ("3 đồng chí", "200 đồng bào",
  data/money_dong_compounds.txt) is not a currency.
* A number with no currency mark is money (VND) only in money context: right after a
  context word (data/money_context.txt: "trị giá 500.000", "kinh phí 2 tỷ"; at most three
  bridging words such as "là", "đạt", a qualifier between them) or right before "tiền"
  ("300.000 tiền mặt"); it must be at least 1.000 đồng or carry a scale word, and must not
  be followed by a noun ("trị giá 7 lĩnh vực" is not money). A bare "300.000" elsewhere
  is not money. Written-out numbers are money only with a scale word ("một tỷ đồng").
* Which digit reading (numbers.digit_readings): the page language's reading first (English
  after a currency sign: "$5,000"), then the other; the first plausible one wins. Plausible: above 0, at most 10^14 đồng (10^12
  in other currencies), and a whole number of đồng unless a scale word is present. So on a
  Vietnamese page "208,500 tỷ đồng" = 208.5e9, "1,200 đồng" = 1200, "1,200,000 đồng" =
  1.2e6; on an English page "208,500 billion VND" is implausible as 2.085e14 and is read
  as 208.5e9. Nothing plausible: the figure is skipped and counted.
* amount_vnd is integer đồng computed in Decimal (half-up on sub-đồng fractions); None
  for other currencies (no exchange rates are applied). amount is the value in the
  original currency (the lower bound of a range).
* Qualifiers (data/money_qualifiers.txt), the words right before the figure: hơn, trên =
  over; gần, dưới, chưa đến, ngót = under (nearly / less than); khoảng, xấp xỉ, chừng,
  ước = about; "tới", "lên đến", "lên tới", "đến" only stress a figure that was reached,
  so they give no qualifier.
* Ranges: "từ 2 đến 3 triệu đồng", "2-3 triệu đồng", "500.000 - 1 triệu đồng". A lower
  bound without a scale word takes the upper bound's scale when that keeps it below the
  upper bound. A range needs low < high <= 100 x low; otherwise the numbers are read apart.
* Per unit: "1 triệu đồng/suất", "500.000 đồng mỗi hộ", "VND 2 million each" (per = the
  counted noun earlier in the sentence, "households"), "mỗi suất quà trị giá 1 triệu
  đồng" (a "mỗi <noun>" earlier in the clause; across commas when it opens the sentence
  or a list of parts follows it, "mỗi suất gồm gạo, mì tôm và 300.000 đồng"; never
  across a total word "tổng ..."; "mỗi năm vận động 60 tỷ" is a yearly total): per_unit
  True, per = the noun's first word ("suất", "hộ", "người", "tháng").
* context: the nearest context word before the figure in the same clause (clauses end at
  . ; : ! ? , ( ) and paragraph breaks, and at the previous figure), extended over the
  noun phrase it opens up to a verb, preposition, qualifier or time phrase ("Tổng giá trị 7
  lĩnh vực hoạt động công tác Hội" ... "toàn Cụm 6 tháng ... đạt"), at most 12 words.
  None when there is no context word.
* text is the figure as written: number(s) and currency, plus "/unit"; not the qualifier.
* Repeats: two figures with the same amount, currency, per unit and context (compared
  case-insensitively) are one fact told twice (title and body, lead and body): one row,
  the first. The same amount with different contexts gives two rows.

Counts
* A number immediately followed by a result noun from data/count_units.txt (longest
  match: "401.489 đối tượng", "1.300 đơn vị máu", "hơn 1,3 triệu đơn vị máu", "320 suất
  quà"). Nouns of categories, places and time (lĩnh vực, tỉnh, ngày, tháng, tuổi) are not
  in the lexicon, so "7 lĩnh vực", "2 ngày", "85 tuổi" are not counts (administrative
  coverage written as a pair is: "34 tỉnh, thành phố", "99 xã, phường"). A classifier
  before a longer lexicon unit joins it ("3 ngôi nhà nhân đạo", "5 con bò giống"). When no
  lexicon unit follows, a classifier (data/count_classifiers.txt: chiếc, bộ, túi, bình,
  đợt, con ...) with its noun, up to 4 words, is the unit ("45 chiếc chăn"); the noun ends
  at a stop word (data/count_unit_stops.txt: do, của, cho, gửi, được, từ, tại ...) or a
  describing word (data/count_modifiers.txt: "45 chiếc chăn ấm" -> "chiếc chăn").
* English pages: a lexicon unit, else the lowercase noun phrase up to its plural head
  ("800 relief kits", "150,000 bags of rice"), describing words before it skipped ("30
  outstanding blood donors" -> "blood donors"), plurals of time, measure and category
  (data/count_not_units.txt: days, years, times, provinces) excluded.
* A quantity inside the description of each item ("mỗi suất gồm 1 triệu đồng, 10 kg
  gạo") is a part of every gift, not a result: no count.
* Not counts: numbers after "số", "thứ", "lần", "khóa", "năm", "tháng", "ngày" (decree,
  cluster and rank numbers, dates), parts of dates and times (20/6/2024, 14:05), phone-like
  digit runs, percentages, ranges ("200-300 người" has no single value), money, and
  written-out numbers below ten ("một người dân cho biết").
* value must be a whole number (the grouping reading wins for "1,300 người"); same
  value and unit twice in one article: one row.

Error policy: never raises. A figure that has a currency mark or a count noun but whose
number cannot be read (malformed "1.2.3.4 đồng", implausible "9999999999999 tỷ", a number
glued to the word before it "khoảng200 triệu đồng") is skipped and counted in the third
value of `extract_money_and_counts`. Text is NFC-normalised first; `start` is a character
offset in the NFC text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from .lexicon import data_lines
from .numbers import NumberSpan, Token, read_number, tokenize
from .text import nfc

log = logging.getLogger(__name__)


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


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    unit: str
    qualifier: str | None
    text: str
    start: int


# --- lexicons and patterns, gathered here ------------------------------------------------

_MAX_VND = Decimal(10) ** 14
_MAX_FOREIGN = Decimal(10) ** 12
_MAX_COUNT = Decimal(10) ** 10
_MIN_BARE_VND = 1000
_CONTEXT_WORDS_MAX = 12
_CONTEXT_WINDOW = 30  # tokens searched back for a context word
_PER_WINDOW = 30  # tokens searched back for "mỗi" in the sentence

_CURRENCY_AFTER = {
    ("đồng",): "VND", ("đ",): "VND", ("vnđ",): "VND", ("vnd",): "VND", ("₫",): "VND",
    ("usd",): "USD", ("$",): "USD", ("đô", "la", "mỹ"): "USD", ("đô", "la"): "USD",
    ("đô",): "USD", ("dollars",): "USD", ("us", "dollars"): "USD",
    ("eur",): "EUR", ("€",): "EUR", ("euro",): "EUR", ("euros",): "EUR",
}
_CURRENCY_BEFORE = {("$",): "USD", ("us", "$"): "USD", ("usd",): "USD", ("€",): "EUR",
                    ("eur",): "EUR", ("vnd",): "VND", ("vnđ",): "VND"}
_RANGE_SEPS = {"-", "–", "—", "~", "đến", "tới", "to"}
_CLAUSE_PUNCT = {".", ";", ":", "!", "?", ",", "(", ")", "…", "\""}
# A number right after these is an identifier, rank or date part, not a quantity.
_NOT_AFTER = {"số", "thứ", "lần", "khóa", "khoá", "mã", "năm", "tháng", "ngày", "quý",
              "hotline", "điện", "thoại", "sđt", "no", "nghị", "định", "quyết", "phòng"}
_TIME_WORDS = {"năm", "tháng", "ngày", "quý", "tuần", "giờ", "phút", "đợt"}
# Words that end the noun phrase a context word opens.
_CONTEXT_STOPS = {"đạt", "là", "lên", "được", "với", "gồm", "có", "bằng", "khoảng", "hơn",
                  "trên", "gần", "xấp", "chừng", "dưới", "chưa", "ước", "toàn", "tại",
                  "trong", "ở", "từ", "cho", "để", "và", "mỗi", "tới", "đến", "vào", "nhằm",
                  "giúp", "tổng", "cộng", "khi", "nhưng", "đã", "đang", "sẽ", "was", "is",
                  "of", "at", "in", "for", "reached", "totalled", "totaled"}
# Words allowed between a context word and a bare number ("kinh phí là 500.000").
_BRIDGE = {"là", "đạt", "lên", "tới", "đến", "tổng", "cộng", "khoảng", "hơn", "trên", "gần",
           "xấp", "xỉ", "chừng", "dưới", "ước", "tính", "được", ":", "of", "at"}
# Words that may follow a bare number in money context (a noun would make it a count).
_BARE_FOLLOWERS = {"tiền", "cho", "để", "và", "mỗi", "cùng", "nhằm", "giúp", "của", "trong",
                   "tại", "từ", "nhân", "vào", "theo", "với", "đã", "được", "do", "gồm",
                   "hỗ", "trao", "tặng", "to", "for", "and"}
_PER_WORDS = {"mỗi", "per", "each"}
# After the figure with no noun: "VND 2 million each" (the unit is the counted noun before).
_PER_AFTER_ALONE = {"each", "apiece", "mỗi"}
# "mỗi năm vận động 60 tỷ đồng" is a yearly total, not an amount per item.
_PER_TIME = {"năm", "tháng", "tuần", "ngày", "quý", "đợt", "year", "month", "week", "day"}
# Words that make a figure a total: a "mỗi" before them no longer applies.
_TOTAL_WORDS = {"tổng", "total", "totalling", "altogether", "cộng"}
# Sentence ends: "mỗi" is looked for back to here (commas included, see _per_before).
_SENTENCE_PUNCT = {".", ";", "!", "?", "…", ":"}
# "mỗi suất gồm gạo, mì tôm và 300.000 đồng": after these the commas list the parts.
_PART_WORDS = {"gồm", "bao", "including", "includes", "comprising"}
_CLASSIFIER_NOUN_MAX = 4
_EN_UNIT_MAX = 4  # words in an English counted noun ("bags of rice", "oxygen concentrators")


def _load_lines(name: str) -> list[str]:
    return [ln.lower() for ln in data_lines(name)]


def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(phrase))


@lru_cache(maxsize=1)
def _lexicons() -> dict:
    qualifiers = {}
    for line in _load_lines("money_qualifiers.txt"):
        phrase, _, kind = line.partition("|")
        qualifiers[_phrase_key(phrase)] = None if kind.strip() == "none" else kind.strip()
    return {
        "units": {_phrase_key(u): nfc(u) for u in _load_lines("count_units.txt")},
        "context": {_phrase_key(c) for c in _load_lines("money_context.txt")},
        "qualifiers": qualifiers,
        "dong_compounds": set(_load_lines("money_dong_compounds.txt")),
        "classifiers": {c.rstrip("*"): c.endswith("*") for c in _load_lines("count_classifiers.txt")},
        # what ends a counted noun, what only describes it, and English plurals that
        # are no result (data, so the lists can grow without code)
        "noun_stops": frozenset(_load_lines("count_unit_stops.txt")),
        "noun_stops_en": frozenset(_load_lines("count_unit_stops_en.txt")),
        "modifiers": frozenset(_load_lines("count_modifiers.txt")),
        "not_units": frozenset(_load_lines("count_not_units.txt")),
    }


# --- token helpers ----------------------------------------------------------------------

class _Doc:
    """Tokens of one text with the lookups the rules need."""

    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang
        self.toks: list[Token] = tokenize(text)
        self.low = [t.low for t in self.toks]
        self.n = len(self.toks)
        # breaks[i]: a clause ends between token i-1 and token i.
        self.breaks = [True] + [
            self.toks[k - 1].low in _CLAUSE_PUNCT or "\n" in text[self.toks[k - 1].end:self.toks[k].start]
            for k in range(1, self.n)
        ]

    def match_at(self, i: int, phrases) -> tuple[tuple[str, ...], int] | None:
        """Longest phrase of `phrases` (token tuples) starting at token i: (phrase, end)."""
        for length in (6, 5, 4, 3, 2, 1):  # "xã, phường, thị trấn" is six tokens
            key = tuple(self.low[i:i + length])
            if len(key) == length and key in phrases:
                return key, i + length
        return None

    def match_ending(self, i: int, phrases) -> tuple[tuple[str, ...], int] | None:
        """Longest phrase ending just before token i, within the clause: (phrase, start)."""
        for length in (3, 2, 1):
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

    def date_like(self, i: int) -> bool:
        """Numeral i is part of a date, time, code or percentage (20/6, 14:05, 50%)."""
        if i > 0 and self.toks[i - 1].low in ("/", ":") and self.glued(i - 1, i) and self.is_num(i - 2):
            return True
        if i + 1 < self.n and self.glued(i, i + 1):
            nxt = self.toks[i + 1].low
            if nxt in ("/", ":") and self.is_num(i + 2) and self.glued(i + 1, i + 2):
                return True
            if nxt in ("%", "h", "g", "giờ"):
                return True
        return False


@dataclass
class _Figure:
    first: int  # token index where the figure's text starts
    lo: NumberSpan
    hi: NumberSpan | None
    currency: str | None
    end: int  # token index after the figure (number, currency, "/unit")
    per: str | None = None


def _currency_after(doc: _Doc, k: int) -> tuple[str, int] | None:
    if k >= doc.n:
        return None
    m = doc.match_at(k, _CURRENCY_AFTER)
    if not m:
        return None
    key, end = m
    if key == ("đồng",) and end < doc.n and doc.low[end] in _lexicons()["dong_compounds"]:
        return None
    if key == ("đ",) and end < doc.n and doc.glued(k, end) and doc.toks[end].kind == "word":
        return None
    return _CURRENCY_AFTER[key], end


def _currency_before(doc: _Doc, i: int) -> tuple[str, int] | None:
    """A currency mark at i directly followed by a numeral: (currency, numeral index)."""
    m = doc.match_at(i, _CURRENCY_BEFORE)
    if m and doc.is_num(m[1]) and m[1] - i <= 2:
        return _CURRENCY_BEFORE[m[0]], m[1]
    return None


def _starts_number(doc: _Doc, i: int) -> bool:
    tok = doc.toks[i]
    return tok.kind == "num" or (tok.kind == "word" and read_number(doc.toks, i, doc.lang) is not None)


def _first_value(span: NumberSpan) -> Decimal | None:
    return span.values[0] if span.values else None


def _read_figure(doc: _Doc, i: int) -> _Figure | None:
    """Number(s) from token i with currency marks, range and per-unit: the raw figure."""
    prefix = _currency_before(doc, i)
    j = prefix[1] if prefix else i
    # "$5,000", "€1.5": a currency sign before the number is English-style writing.
    lo = read_number(doc.toks, j, "en" if prefix and prefix[0] != "VND" else doc.lang)
    if lo is None:
        return None
    currency = prefix[0] if prefix else None
    end = lo.end
    c1 = _currency_after(doc, end)
    if c1:
        currency, end = c1
    fig = _Figure(i, lo, None, currency, end)
    _read_range(doc, fig)
    _read_per(doc, fig)
    return fig


def _read_range(doc: _Doc, fig: _Figure) -> None:
    k = fig.end
    if k + 1 >= doc.n or doc.low[k] not in _RANGE_SEPS:
        return
    j = k + 1
    prefix = _currency_before(doc, j)
    if prefix:
        j = prefix[1]
    if not _starts_number(doc, j) or doc.date_like(j):
        return
    hi = read_number(doc.toks, j, doc.lang)
    lo_v, hi_v = _first_value(fig.lo), _first_value(hi) if hi else None
    if hi is None or lo_v is None or hi_v is None:
        return
    if not fig.lo.scaled and hi.scaled and lo_v * hi.trailing_scale < hi_v:
        lo_v *= hi.trailing_scale
    if not (lo_v < hi_v <= lo_v * 100):
        return
    currency = fig.currency or (prefix[0] if prefix else None)
    end = hi.end
    c2 = _currency_after(doc, end)
    if c2:
        if fig.currency and c2[0] != fig.currency:
            return
        currency, end = c2
    fig.hi, fig.currency, fig.end = hi, currency, end


def _read_per(doc: _Doc, fig: _Figure) -> None:
    """"/suất" after the currency; "mỗi hộ" / "cho mỗi hộ" / "per family" after it."""
    if fig.currency is None:
        return
    k = fig.end
    if k + 1 < doc.n and doc.low[k] == "/" and doc.toks[k + 1].kind == "word":
        fig.per = doc.low[k + 1]
        fig.end = k + 2
        while fig.end + 1 < doc.n and doc.low[fig.end] == "/" and doc.toks[fig.end + 1].kind == "word":
            fig.end += 2  # "/người/tháng": the first unit is the one counted
        return
    lex = _lexicons()
    stops = lex["noun_stops_en"] | lex["noun_stops"]
    for m in (k, k + 1):
        if (m + 1 < doc.n and doc.low[m] in _PER_WORDS and doc.toks[m + 1].kind == "word"
                and doc.low[m + 1] not in stops):
            if m == k or doc.low[k] in ("cho", "for"):
                fig.per = doc.low[m + 1]
                return
    if k < doc.n and doc.low[k] in _PER_AFTER_ALONE and (
            k + 1 >= doc.n or doc.toks[k + 1].kind != "word" or doc.low[k + 1] in stops):
        # "1,100 households received cash grants of VND 2 million each": per the counted
        # noun written before in the sentence, else the word itself
        fig.per = _counted_noun_before(doc, fig.first) or doc.low[k]


def _counted_noun_before(doc: _Doc, first: int) -> str | None:
    s = first - 1
    while s > 0 and doc.low[s] not in _SENTENCE_PUNCT and "\n" not in doc.text[doc.toks[s].end:doc.toks[s + 1].start]:
        if doc.is_num(s - 1) and doc.match_at(s, _lexicons()["units"]):
            return doc.low[s]
        s -= 1
    return None


# --- deciding what a figure is ----------------------------------------------------------

def _lo_values(fig: _Figure) -> tuple[Decimal, ...]:
    """Candidate values of the lower number, with the range's scale when it takes it."""
    values = fig.lo.values
    if fig.hi is not None and not fig.lo.scaled and fig.hi.scaled:
        hi_v = _first_value(fig.hi)
        scaled = tuple(v * fig.hi.trailing_scale for v in values)
        if scaled and hi_v is not None and scaled[0] < hi_v:
            return scaled
    return values


def _plausible_money(values, currency: str, scaled: bool) -> Decimal | None:
    limit = _MAX_VND if currency == "VND" else _MAX_FOREIGN
    for v in values:
        if v <= 0 or v > limit:
            continue
        if currency == "VND" and not scaled and v != v.to_integral_value():
            continue
        return v
    return None


def _plausible_count(values) -> int | None:
    for v in values:
        if 0 < v <= _MAX_COUNT and v == v.to_integral_value():
            return int(v)
    return None


def _qualifier(doc: _Doc, i: int) -> str | None:
    m = doc.match_ending(i, _lexicons()["qualifiers"])
    return _lexicons()["qualifiers"][m[0]] if m else None


def _bare_money_context(doc: _Doc, fig: _Figure, floor: int) -> bool:
    """A number without currency stands where money is named ("trị giá 500.000")."""
    end = fig.end
    if end < doc.n and not doc.breaks[end] and doc.toks[end].kind == "word":
        if doc.low[end] not in _BARE_FOLLOWERS or doc.match_at(end, _lexicons()["units"]):
            return False
    if end < doc.n and doc.low[end] == "tiền" and not doc.breaks[end]:
        return True
    k = fig.first
    for _ in range(4):
        if k <= floor or doc.breaks[k]:
            return False
        if doc.match_ending(k, _lexicons()["context"]):
            return True
        if doc.low[k - 1] not in _BRIDGE:
            return False
        k -= 1
    return False


def _context(doc: _Doc, first: int, floor: int) -> str | None:
    """Nearest context word before token `first` in its clause, with its noun phrase."""
    phrases = _lexicons()["context"]
    lower = max(floor, first - _CONTEXT_WINDOW)
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


def _noun_phrase(doc: _Doc, start: int, end: int, limit: int) -> str:
    k = end
    while k < limit and k - start < _CONTEXT_WORDS_MAX and not doc.breaks[k]:
        tok = doc.toks[k]
        if tok.kind == "punct" or tok.low in _CONTEXT_STOPS or tok.low in _TIME_WORDS:
            break
        if tok.kind == "num" and (k + 1 >= doc.n or doc.low[k + 1] in _TIME_WORDS or doc.date_like(k)):
            break
        k += 1
    return doc.text[doc.toks[start].start:doc.toks[k - 1].end]


def _per_before(doc: _Doc, first: int, floor: int) -> str | None:
    at = _per_word_before(doc, first, floor)
    return doc.low[at + 1] if at is not None else None


# Words that end a money figure: a "per"/"mỗi" right after them belongs to that figure
# ("VND 10 million per household to 42 families": the families are a count of their own).
_FIGURE_ENDS = {"đồng", "đ", "vnd", "vnđ", "usd", "eur", "million", "billion", "thousand",
                "triệu", "tỷ", "tỉ", "nghìn", "ngàn", "cho", "for"}


def _per_item_count(doc: _Doc, first: int, floor: int) -> bool:
    """A count inside the description of each item ("mỗi suất gồm 1 triệu đồng, 10 kg gạo"):
    a part of every gift, not a result."""
    at = _per_word_before(doc, first, floor)
    return at is not None and not (at > 0 and (doc.low[at - 1] in _FIGURE_ENDS or doc.is_num(at - 1)))


def _per_word_before(doc: _Doc, first: int, floor: int) -> int | None:
    """Index of a "mỗi <noun>" earlier in the sentence: "mỗi suất quà trị giá 1 triệu đồng",
    "Mỗi người ... nhận một suất quà trị giá 200.000 đồng".

    Within the clause it always applies. Across commas only when the sentence opens
    with it (the distributive subject of the whole sentence: "Mỗi ngôi nhà có diện tích
    60 m², được hỗ trợ 60 triệu đồng") and no other figure stands between, or when a list
    of parts follows it ("mỗi suất gồm gạo, mì tôm và 300.000 đồng", "Mỗi suất quà trị giá
    1,5 triệu đồng, gồm 500.000 đồng tiền mặt"). Never across a total word ("tổng trị giá"), and
    "mỗi năm", "mỗi tháng" before a figure make a yearly total, not a per-item amount.
    """
    s = first - 1
    crossed_comma = parts = False
    lower = first - _PER_WINDOW
    while s >= max(0, lower):
        if doc.low[s] in _SENTENCE_PUNCT or (s + 1 < doc.n and "\n" in doc.text[doc.toks[s].end:doc.toks[s + 1].start]):
            return None
        low = doc.low[s]
        if low in _TOTAL_WORDS:
            return None
        if low in _PART_WORDS:
            parts = True
        if low in _PER_WORDS and s + 1 < first and doc.toks[s + 1].kind == "word":
            if doc.low[s + 1] in _PER_TIME:
                return None
            at_sentence_start = s == 0 or doc.low[s - 1] in _SENTENCE_PUNCT or "\n" in doc.text[doc.toks[s - 1].end:doc.toks[s].start]
            if ((not crossed_comma or at_sentence_start) and s >= floor) or parts:
                return s
            return None
        if doc.breaks[s + 1] if s + 1 < doc.n else False:
            crossed_comma = True
        s -= 1
    return None


def _to_vnd(v: Decimal) -> int:
    return int(v.to_integral_value(rounding=ROUND_HALF_UP))


def _make_money(doc: _Doc, fig: _Figure, currency: str, floor: int) -> Money | None:
    scaled = fig.lo.scaled or (fig.hi is not None and fig.hi.scaled)
    lo = _plausible_money(_lo_values(fig), currency, scaled)
    if lo is None:
        return None
    hi = _plausible_money(fig.hi.values, currency, scaled) if fig.hi is not None else None
    if fig.hi is not None and (hi is None or hi <= lo):
        return None
    per = fig.per or _per_before(doc, fig.first, floor)
    vnd = currency == "VND"
    return Money(
        amount_vnd=_to_vnd(lo) if vnd else None,
        amount_vnd_max=_to_vnd(hi) if vnd and hi is not None else None,
        currency=currency,
        amount=float(lo),
        qualifier=_qualifier(doc, fig.first),
        per_unit=per is not None,
        per=per,
        context=_context(doc, fig.first, floor),
        text=doc.text[doc.toks[fig.first].start:doc.toks[fig.end - 1].end],
        start=doc.toks[fig.first].start,
    )


def _count_unit(doc: _Doc, fig: _Figure) -> tuple[str, int] | None:
    if fig.currency is not None or fig.hi is not None or fig.lo.end >= doc.n:
        return None
    k = fig.lo.end
    units = _lexicons()["units"]
    best = doc.match_at(k, units)
    found = (units[best[0]], best[1]) if best else None
    # A classifier before a lexicon unit: "3 ngôi nhà nhân đạo", "5 con bò giống". The
    # longest reading wins over a shorter lexicon entry ("ngôi nhà").
    if k + 1 < doc.n and doc.low[k] in _lexicons()["classifiers"] and not doc.breaks[k + 1]:
        inner = doc.match_at(k + 1, units)
        if inner and (found is None or inner[1] > found[1]):
            found = (doc.low[k] + " " + units[inner[0]], inner[1])
    if found:
        return found
    if doc.lang.startswith("en"):
        return _english_unit(doc, k)
    return _classifier_unit(doc, k)


def _classifier_unit(doc: _Doc, k: int) -> tuple[str, int] | None:
    """Classifier + noun after a number ("45 chiếc chăn", "15.000 túi an sinh"); the
    noun ends at a stop word (data/count_unit_stops.txt: "do", "gửi", "cho" ...) or a
    describing word (data/count_modifiers.txt: "ấm", "thiết yếu")."""
    lex = _lexicons()
    classifiers = lex["classifiers"]
    if doc.low[k] not in classifiers or doc.breaks[k]:
        return None
    end = k + 1
    while (end < doc.n and end - k <= _CLASSIFIER_NOUN_MAX and not doc.breaks[end]
           and doc.toks[end].kind == "word" and doc.low[end] not in lex["noun_stops"]
           and doc.low[end] not in lex["modifiers"]):
        end += 1
    if end == k + 1 and not classifiers[doc.low[k]]:
        return None
    return " ".join(doc.low[k:end]), end


def _is_plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def _english_unit(doc: _Doc, k: int) -> tuple[str, int] | None:
    """English pages: the lowercase noun phrase after a number up to its plural head
    ("800 relief kits", "2,000 oxygen concentrators", "150,000 bags of rice"); describing
    words before it are left out ("30 outstanding blood donors" -> "blood donors"), and
    plurals of time, measure or category (data/count_not_units.txt) are no result."""
    lex = _lexicons()
    start = k
    while start < doc.n and not doc.breaks[start]:  # "outstanding", "flood-affected"
        if doc.toks[start].kind == "word" and doc.low[start] in lex["modifiers"]:
            start += 1
        elif (start + 2 < doc.n and doc.low[start + 1] == "-" and doc.glued(start, start + 1)
              and doc.glued(start + 1, start + 2)):
            start += 3
        else:
            break
    words: list[int] = []
    i = start
    head = None
    while i < doc.n and len(words) < _EN_UNIT_MAX and not (words and doc.breaks[i]):
        tok = doc.toks[i]
        if tok.kind != "word" or not tok.text.islower() or doc.low[i] in lex["noun_stops_en"]:
            break
        words.append(i)
        if _is_plural(doc.low[i]):
            head = i
            # "bags of rice": a container plural takes its "of" noun
            if (i + 2 < doc.n and doc.low[i + 1] == "of" and doc.toks[i + 2].kind == "word"
                    and doc.toks[i + 2].text.islower() and doc.low[i + 2] not in lex["noun_stops_en"]):
                head = i + 2
            break
        i += 1
    if head is None or doc.low[words[-1]] in lex["not_units"]:
        return None
    return doc.text[doc.toks[start].start:doc.toks[head].end].lower(), head + 1


def _excluded(doc: _Doc, fig: _Figure) -> bool:
    """Numbers that are identifiers, ranks, dates or times rather than quantities."""
    i = fig.lo.start
    if fig.first > 0 and doc.low[fig.first - 1] in _NOT_AFTER and not doc.breaks[fig.first]:
        return True
    return doc.toks[i].kind == "num" and doc.date_like(i)


# --- the public functions ---------------------------------------------------------------

def _extract(text: str, lang: str) -> tuple[list[Money], list[Count], int]:
    doc = _Doc(nfc(text or ""), lang)
    money: list[Money] = []
    counts: list[Count] = []
    skipped = 0
    seen_money: set = set()
    seen_counts: set = set()
    floor = 0  # token index after the previous figure: context never reaches past it
    i = 0
    while i < doc.n:
        if not _starts_number(doc, i) and not _currency_before(doc, i):
            i += 1
            continue
        fig = _read_figure(doc, i)
        if fig is None or _excluded(doc, fig):
            i = fig.lo.end if fig else i + 1
            continue
        glued = fig.first > 0 and doc.toks[fig.first - 1].kind in ("word", "num") and doc.glued(fig.first - 1, fig.first)
        unit = _count_unit(doc, fig)
        currency = fig.currency
        if currency is None and not glued and _bare_money_context(doc, fig, floor):
            currency = "VND"
            if not fig.lo.scaled and all(v < _MIN_BARE_VND for v in fig.lo.values):
                currency = None
        if currency is not None and fig.lo.in_words and not fig.lo.scaled:
            currency = None  # "một đồng", "năm đồng": too ambiguous without a scale word
        if currency is not None:
            m = None if glued or not fig.lo.values else _make_money(doc, fig, currency, floor)
            if m is None:
                skipped += 1
            else:
                key = (m.amount_vnd, m.amount_vnd_max, m.currency, m.amount, m.per,
                       (m.context or "").lower())
                if key not in seen_money:
                    seen_money.add(key)
                    money.append(m)
            floor = i = fig.end
            continue
        if unit is not None:
            value = None if glued else _plausible_count(fig.lo.values)
            if fig.lo.in_words and value is not None and value < 10:
                value = -1  # "một người", "ba hộ": words below ten are not figures
            elif value is not None and _per_item_count(doc, fig.first, floor):
                value = -1  # "mỗi suất gồm ... 10 kg gạo": a part of each item, not a result
            if value is None:
                skipped += 1
            elif value > 0:
                name, end = unit
                if (value, name) not in seen_counts:
                    seen_counts.add((value, name))
                    counts.append(Count(value, name, _qualifier(doc, fig.first),
                                        doc.text[doc.toks[fig.first].start:doc.toks[end - 1].end],
                                        doc.toks[fig.first].start))
                floor = i = end
                continue
        i = max(fig.end if fig.hi is not None else fig.lo.end, i + 1)
    return money, counts, skipped


def extract_money_and_counts(text: str, *, lang: str = "vi") -> tuple[list[Money], list[Count], int]:
    """Money rows, count rows, and how many money/count-like figures were skipped."""
    try:
        return _extract(text, lang)
    except Exception:  # noqa: BLE001 - error policy: skip the text, count it, never raise
        log.exception("money/count extraction failed")
        return [], [], 1


def extract_money(text: str, *, lang: str = "vi") -> list[Money]:
    """Every amount of money in `text` (title + blank line + body), in order."""
    return extract_money_and_counts(text, lang=lang)[0]


def extract_counts(text: str, *, lang: str = "vi") -> list[Count]:
    """Counted results (people helped, gifts, blood units) in `text`, in order."""
    return extract_money_and_counts(text, lang=lang)[1]
