"""The scan: find each figure once, left to right, and hand it to money, then to counts.

* Each figure (number(s) with currency, range and "/unit", figure.py) is read once.
  Identifier numbers and dates are no figures. Money is tried first; a figure that is no
  money may be a count. What it turned out to be is an explicit outcome (figure.Kind):
  money, count, skipped, or not a figure.
* A figure that is money or a count uses up its tokens: the scan goes on after it, the
  next figure's "mỗi" never reaches back past it, and a money figure's context never
  reaches back past the previous amount of money (a count may stand inside a context:
  "Tổng kinh phí xây dựng 5 ngôi nhà là 450 triệu đồng").
* Repeats: one money row per value in an article (DESIGN.md: one figure per value). The
  same amount in the same currency (and the same upper bound of a range) written twice,
  in the headline and the body, in the lead and a later paragraph, or with another
  context or per unit, is one row: the first. The same count value and unit twice: one row.
* The headline: counts come from the body only (counts.py says why). The headline is the
  text's first line when a blank line follows it, it is at most 300 characters long and
  it does not end with a full stop (a body's first paragraph does).

Error policy: never raises. A figure that has a currency mark or a count noun but whose
number cannot be read (malformed "1.2.3.4 đồng", implausible "9999999999999 tỷ", a number
glued to the word before it "khoảng200 triệu đồng") is skipped and counted in the third
value of `extract_money_and_counts`. Text is NFC-normalised first; `start` is a character
offset in the NFC text.
"""

from __future__ import annotations

import logging

from ..text import nfc
from ..tokens import next_start
from .counts import Count, read_count
from .doc import Doc
from .figure import Before, Kind, currency_before, excluded, glued_to_word, read_figure, starts_number
from .money import Money, read_money
from .patterns import (
    CURRENCY_BEFORE_FIRST,
    HEADLINE_MAX,
    NUMBER_START_WORDS,
    PARAGRAPH_BREAK,
    SENTENCE_END,
)

log = logging.getLogger(__name__)


def headline_end(text: str) -> int:
    """The length of the headline that opens `text` (title + blank line + body), or 0."""
    head, blank, rest = text.partition(PARAGRAPH_BREAK)
    head = head.rstrip()
    if (not blank or not rest.strip() or not head.strip() or "\n" in head.strip()
            or len(head) > HEADLINE_MAX or head.endswith(SENTENCE_END)):
        return 0
    return len(head)


def _extract(text: str, lang: str) -> tuple[list[Money], list[Count], int]:
    doc = Doc(nfc(text or ""), lang)
    body_start = headline_end(doc.text)
    money: list[Money] = []
    counts: list[Count] = []
    skipped = 0
    seen_money: set = set()
    seen_counts: set = set()
    before = Before()
    # where a number or a currency mark may start (the two tests' first checks): the rest is passed over
    starts = [k for k, t in enumerate(doc.toks) if t.kind == "num" or t.low in CURRENCY_BEFORE_FIRST
              or (t.kind == "word" and t.low in NUMBER_START_WORDS)]
    i = 0
    while (i := next_start(starts, i, doc.n)) < doc.n:
        if not starts_number(doc, i) and not currency_before(doc, i):
            i += 1
            continue
        fig = read_figure(doc, i)
        if fig is None or excluded(doc, fig):
            i = fig.lo.end if fig else i + 1
            continue
        glued = glued_to_word(doc, fig)
        outcome = read_money(doc, fig, before, glued) or read_count(doc, fig, before.floor, glued)
        if outcome.kind is Kind.SKIPPED:
            skipped += 1
        elif outcome.kind is Kind.MONEY:
            m = outcome.row
            key = (m.currency, m.amount, m.amount_vnd_max)
            if key not in seen_money:
                seen_money.add(key)
                money.append(m)
        elif outcome.kind is Kind.COUNT:
            c = outcome.row
            if c.start >= body_start and (c.value, c.unit) not in seen_counts:
                seen_counts.add((c.value, c.unit))
                counts.append(c)
        if outcome.claims is not None:
            i = outcome.claims
            was_money = outcome.kind is Kind.MONEY
            before = Before(i, i if was_money else before.money_floor,
                            was_money and outcome.row.currency == "VND")
        else:  # only the number is passed: what follows it may be a figure of its own
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
