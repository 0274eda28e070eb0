"""Vietnamese (and English) number reading: digit groups, decimal marks, scale and number words.

Rules (the money and count extractors build on them):

* Digit groups. A Vietnamese page groups thousands with "." and marks decimals with ","
  ("401.489" = 401489, "2,8" = 2.8, "208,500" = 208.5); an English page does the
  opposite. `digit_readings` returns every reading the digits allow, the page
  language's reading first:
  - one kind of separator used more than once ("1,200,000", "1.200.000") can only be
    grouping, whatever the language;
  - one separator, followed by exactly three digits ("208,500", "401.489") is ambiguous:
    the language decides the order, the caller's plausibility check decides the answer
    (a Red Cross figure of 208,500 tỷ đồng is not plausible; 1,5 đồng or 1,5 người is not
    a whole number, so the grouping reading wins);
  - one separator followed by 1, 2 or 4+ digits ("1.5", "2,85") can only be a decimal;
  - both separators: the last one is the decimal mark, the other must group correctly
    ("1.234.567,5", "1,234,567.5");
  - anything else ("1.2.3.4", "0912.345.678", more than 20 digits, a phone-like run of
    4+ digits starting with 0) is malformed: no reading.
* Scale words multiply what precedes them and stack: nghìn/ngàn (1e3), triệu (1e6),
  tỷ/tỉ (1e9), trăm (100), chục (10), English thousand/million/billion/trillion;
  "3 nghìn tỷ" = 3e12, "5 trăm nghìn" = 5e5, "hai triệu rưỡi" = 2.5e6.
* A stray space after a group mark is a typo inside one figure ("75. 000.000 đồng",
  "45. 000.000"): the mark is glued to the digits before it, one space follows, and the
  digits after it start with "0" in groups of three marked alike. A sentence or a list item never
  starts with "0", so "hỗ trợ 75. 500 người" stays two numbers.
* Compounds: a further digit group after a scale word is added when it carries a
  smaller scale of its own ("1 tỷ 200 triệu", "2 triệu 500 nghìn"); otherwise the number
  ends before it.
* Number words: một..chín, mười, mươi, mốt/lăm/nhăm/tư after mươi/mười, linh/lẻ, trăm,
  nghìn, triệu, tỷ ("một tỷ", "hai trăm triệu", "mười lăm", "hai mươi lăm nghìn").
  A written-out number starts with a digit word, never with a scale word, so vague
  quantities ("hàng trăm triệu", "vài tỷ") are not numbers. Words and digits are not
  mixed in one number except digits followed by scale words ("5 trăm nghìn").

All arithmetic is `Decimal`; nothing here raises on str input.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from ctd_crawler.extract.tokens import DIGITS, cut

from .patterns import (
    AFTER_TENS,
    DIGIT_WORDS,
    EN_BIG_SCALES,
    EN_DIGIT_WORDS,
    FILLERS,
    GRAIN,
    GROUP_MARKS,
    HALF,
    MAX_DIGITS,
    SCALE_WORDS,
    SMALL_SCALES,
    START_WORDS,
    TEN,
    TENS,
    VI_SCALES,
    VI_SMALL_SCALES,
)

# --- tokens -----------------------------------------------------------------------------

class Token(NamedTuple):  # a tuple: built once per token of every article
    text: str
    low: str
    start: int
    end: int
    kind: str  # "num" | "word" | "punct"


_new_token = tuple.__new__  # Token(...) without the Python-level __new__ of a NamedTuple


def tokenize(text: str) -> list[Token]:
    """Numerals, words and punctuation with their character offsets."""
    tokens = []
    for m in cut(text, GRAIN):
        s = m.group()
        start, end = m.span()
        kind = "num" if m.lastgroup == DIGITS else "word" if s[0].isalpha() else "punct"
        tokens.append(_new_token(Token, (s, s.lower(), start, end, kind)))
    return tokens


# --- digit groups -----------------------------------------------------------------------

def _grouping_ok(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def digit_readings(s: str, lang: str = "vi") -> list[Decimal]:
    """Every reading of a digit string, the page language's first; [] when malformed."""
    digits = sum(c.isdigit() for c in s)
    if not s or digits > MAX_DIGITS or not s[0].isdigit() or not s[-1].isdigit():
        return []
    try:
        return _digit_readings(s, lang)
    except (InvalidOperation, ValueError):
        return []


def _digit_readings(s: str, lang: str) -> list[Decimal]:
    has_dot, has_comma = "." in s, "," in s
    if not has_dot and not has_comma:
        if s[0] == "0" and len(s) >= 4:  # phone numbers, codes
            return []
        return [Decimal(s)]
    if has_dot and has_comma:
        dec_sep = "." if s.rfind(".") > s.rfind(",") else ","
        group_sep = "," if dec_sep == "." else "."
        head, _, frac = s.rpartition(dec_sep)
        if dec_sep in head or not _grouping_ok(head.split(group_sep)):
            return []
        return [Decimal(head.replace(group_sep, "") + "." + frac)]
    sep = "." if has_dot else ","
    groups = s.split(sep)
    readings: list[tuple[bool, Decimal]] = []
    as_group = (_grouping_ok(groups), Decimal("".join(groups)))
    as_decimal = (len(groups) == 2, Decimal(groups[0] + "." + groups[-1]))
    native_decimal = "." if lang == "en" else ","
    readings = [as_decimal, as_group] if sep == native_decimal else [as_group, as_decimal]
    return [value for ok, value in readings if ok]


# --- numbers over tokens ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class NumberSpan:
    start: int  # token index of the first token
    end: int  # token index after the last token
    values: tuple[Decimal, ...]  # candidate readings, preferred first; () when malformed
    scaled: bool  # a scale word (nghìn, triệu, tỷ, thousand ...) is part of it
    trailing_scale: int  # product of the scale words at its end (1 when none)
    in_words: bool


def _accumulate(items: list[tuple[str, Decimal]]) -> Decimal:
    """Value of a sequence of ("num"|"ten"|"tens"|"small"|"scale"|"half", value) items.

    `group` is the part below the current big scale; a big scale either multiplies
    everything so far ("3 nghìn tỷ") or just the group ("1 tỷ 200 triệu").
    """
    total = group = last_digit = Decimal(0)
    last_mult = None
    for kind, v in items:
        if kind == "num":
            group += v
            last_digit = v
        elif kind == "ten":
            group += 10
        elif kind == "tens":
            group += last_digit * 9
        elif kind == "small":
            group = (group or 1) * v
            last_mult = v
        elif kind == "scale":
            if total + group < v:
                total = (total + group) * v
            else:
                total += group * v
            group = Decimal(0)
            last_mult = v
        elif kind == "half" and last_mult:
            total += last_mult / 2
    return total + group


def _read_words(tokens: list[Token], i: int) -> tuple[int, list[tuple[str, Decimal]]]:
    """Written-out number from token i: (end index, items); end == i when none."""
    items: list[tuple[str, Decimal]] = []
    prev = None  # kind of the previous word
    j = i
    while j < len(tokens) and tokens[j].kind == "word":
        w = tokens[j].low
        if w in DIGIT_WORDS and prev in (None, "ten", "tens", "small", "scale", "filler"):
            if prev is None and w not in START_WORDS:
                break
            items.append(("num", Decimal(DIGIT_WORDS[w])))
            prev = "num"
        elif w in AFTER_TENS and prev in ("ten", "tens") and not (w == "mốt" and prev == "ten"):
            items.append(("num", Decimal(AFTER_TENS[w])))
            prev = "num"
        elif w == TEN and prev in (None, "small", "scale", "filler"):
            items.append(("ten", Decimal(10)))
            prev = "ten"
        elif w == TENS and prev == "num" and items[-1][1] >= 2:
            items.append(("tens", Decimal(0)))
            prev = "tens"
        elif w in VI_SMALL_SCALES and prev in ("num", "ten", "tens"):
            items.append(("small", Decimal(SMALL_SCALES[w])))
            prev = "small"
        elif w in VI_SCALES and prev is not None:
            items.append(("scale", Decimal(SCALE_WORDS[w])))
            prev = "scale"
        elif w in FILLERS and prev == "small":
            prev = "filler"
        elif w in HALF and prev in ("small", "scale"):
            items.append(("half", Decimal(0)))
            prev = "half"
        else:
            break
        j += 1
    if prev == "filler":  # "một trăm linh" without a digit after it
        j -= 1
    return j, items


def _read_scales(tokens: list[Token], j: int) -> tuple[int, list[tuple[str, Decimal]]]:
    """Scale words after a digit group ("triệu", "nghìn tỷ", "trăm nghìn", "triệu rưỡi")."""
    items: list[tuple[str, Decimal]] = []
    while j < len(tokens):
        w = tokens[j].low
        if w in SCALE_WORDS:
            items.append(("scale", Decimal(SCALE_WORDS[w])))
        elif w in SMALL_SCALES and not items:
            items.append(("small", Decimal(SMALL_SCALES[w])))
        elif w in HALF and items:
            items.append(("half", Decimal(0)))
        else:
            break
        j += 1
    return j, items


def _big_scale(items: list[tuple[str, Decimal]]) -> Decimal:
    """The value of the scale words in a scale run ("nghìn tỷ" -> 1e12)."""
    product = Decimal(1)
    for kind, v in items:
        if kind in ("scale", "small"):
            product *= v
    return product


def _numeral(tokens: list[Token], i: int) -> tuple[str, int]:
    """The digits of the numeral at token i, and the token index after it: one token, or
    a figure with a stray space after its group mark ("75. 000.000")."""
    tok = tokens[i]
    if i + 2 < len(tokens):
        mark, rest = tokens[i + 1], tokens[i + 2]
        if (mark.low in GROUP_MARKS and mark.start == tok.end and rest.kind == "num"
                and rest.start == mark.end + 1 and rest.text[0] == "0"
                and all(len(group) == 3 for group in rest.text.split(mark.low))):
            return tok.text + mark.low + rest.text, i + 3
    return tok.text, i + 1


def _read_digits(tokens: list[Token], i: int, lang: str) -> NumberSpan:
    """Digit groups with scale words and compounds ("1 tỷ 200 triệu") from token i."""
    digits, after = _numeral(tokens, i)
    readings = digit_readings(digits, lang)
    j, scales = _read_scales(tokens, after)
    parts = [(readings, scales)]
    last_scale = _big_scale(scales)
    # Compound: another digit group with a smaller scale of its own.
    while scales and j < len(tokens) and tokens[j].kind == "num" and tokens[j].start > tokens[j - 1].end:
        k, more = _read_scales(tokens, j + 1)
        more_readings = digit_readings(tokens[j].text, lang)
        if not more or not more_readings or _big_scale(more) >= last_scale:
            break
        parts.append((more_readings, more))
        last_scale = _big_scale(more)
        scales, j = more, k
    if not all(r for r, _ in parts):
        return NumberSpan(i, j, (), bool(scales), 1, False)
    values: list[Decimal] = []
    for pick in (0, -1):  # preferred readings, then the alternative readings
        items: list[tuple[str, Decimal]] = []
        for r, sc in parts:
            items.append(("num", r[pick]))
            items.extend(sc)
        v = _accumulate(items)
        if v not in values:
            values.append(v)
    trailing = _big_scale(parts[-1][1]) if parts[-1][1] else Decimal(1)
    return NumberSpan(i, j, tuple(values), any(sc for _, sc in parts), int(trailing), False)


def read_number(tokens: list[Token], i: int, lang: str = "vi") -> NumberSpan | None:
    """The number starting at token i (digits or words), or None when none starts there."""
    tok = tokens[i]
    if tok.kind == "num":
        return _read_digits(tokens, i, lang)
    if tok.kind == "word" and tok.low in START_WORDS:
        j, items = _read_words(tokens, i)
        if j == i:
            return None
        scaled = any(k == "scale" for k, _ in items)
        trailing = Decimal(1)
        for k, v in reversed(items):
            if k != "scale":
                break
            trailing *= v
        return NumberSpan(i, j, (_accumulate(items),), scaled, int(trailing), True)
    if lang == "en" and tok.kind == "word" and tok.low in EN_DIGIT_WORDS and i + 1 < len(tokens) \
            and tokens[i + 1].low in EN_BIG_SCALES:  # "one billion VND"
        j, items = _read_scales(tokens, i + 1)
        scale = int(_big_scale(items))
        return NumberSpan(i, j, (Decimal(EN_DIGIT_WORDS[tok.low] * scale),), True, scale, True)
    return None


def parse_number(text: str, lang: str = "vi") -> Decimal | None:
    """The preferred value of `text` when all of it is one number, else None.

    >>> parse_number("1 tỷ 200 triệu")
    Decimal('1200000000')
    """
    try:
        tokens = tokenize(text.strip())
        if not tokens:
            return None
        span = read_number(tokens, 0, lang)
        if span is None or span.end != len(tokens) or not span.values:
            return None
        return span.values[0]
    except Exception:  # noqa: BLE001 - error policy: None, never raise
        return None
