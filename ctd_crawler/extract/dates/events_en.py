"""English event-date forms (pages with lang "en", or almost no Vietnamese letters).

"October 5 to 7, 2025", "5-7 October 2025", "between 3 and 9 May", "June 24, 2024", "2nd
June", "in March 2024", "the first six months of 2024", "Lunar New Year (Tet) 2021".
Month names count only capitalised; year-less dates only after a trigger word ("on", "by",
"from", "over" ...), data under extract/data/dates/. A bare year ("In 2022", "from 2019
to 2021") is no event date, as in Vietnamese.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ctd_crawler.extract.dates.events_vi import h_month, h_month_range, h_month_range_noyear, h_tet
from ctd_crawler.extract.dates.patterns import (
    EN_MONTHS,
    EN_NUM_WORDS,
    EN_ORDINALS,
    P_EN_MONTH_TRIGGER,
    P_EN_RECURRING_BEFORE,
    P_EN_TRIGGER,
    P_MONTH_PART,
    P_VI_LETTER,
)
from ctd_crawler.extract.dates.resolve import Ctx, EventDate, days, period, to_int


def _en_month(name: str) -> int:
    return EN_MONTHS[name.rstrip(".").lower()]


def _h_en_md_range(ctx, span, g):
    between, g = g[0], g[1:]
    m1, d1, y1, sep, m2, d2, y = _en_month(g[0]), int(g[1]), to_int(g[2]), g[3].lower(), g[4], int(g[5]), to_int(g[6])
    if y1 is not None and m2 is None and y is None:
        return []  # "June 14, 2016 and 2 people": after a dated day, the other names its month
    m2 = _en_month(m2) if m2 else m1
    if (y1 is None or y1 == y) and m2 == m1 and d2 <= d1:
        return []  # "June 14 - 2": no range runs backwards
    return days(ctx, span[len(between or ""):], [(d1, m1, y1), (d2, m2, y)], sep != "and" or bool(between))


def _h_en_dm_range(ctx, span, g):
    between, g = g[0], g[1:]
    d1, m1, sep, d2, m2, y = int(g[0]), g[1], g[2].lower(), int(g[3]), _en_month(g[4]), to_int(g[5])
    m1 = _en_month(m1) if m1 else m2
    if m2 == m1 and d2 <= d1:
        return []
    return days(ctx, span[len(between or ""):], [(d1, m1, None), (d2, m2, y)], sep != "and" or bool(between))


def _h_en_md(ctx, span, g):
    return days(ctx, span, [(int(g[1]), _en_month(g[0]), to_int(g[2]))], True)


def _h_en_dm(ctx, span, g):
    return days(ctx, span, [(int(g[0]), _en_month(g[1]), to_int(g[2]))], True)


def _h_en_month_range(ctx, span, g):
    """"from May to November 2021": one range of months (coordinated months too)."""
    lead, m1, y1, _, m2, y2 = g
    span = span[len(lead) + 1:].lstrip() if lead else span
    m1, m2 = _en_month(m1), _en_month(m2)
    if y2 is not None:
        return h_month_range(ctx, span, (m1, y1, m2, y2))
    return [] if y1 is not None else h_month_range_noyear(ctx, span, (m1, m2))


def _h_en_month(ctx, span, g):
    return h_month(ctx, span, (_en_month(g[0]), g[1], g[2]))


def _h_en_period(ctx, span, g):
    if g[0]:  # "the first six months of 2024"
        word = g[1].lower()
        n = int(word) if word.isdigit() else EN_NUM_WORDS.get(word)
        if not n or not 1 <= n <= 11:
            return []
        m1, m2 = (1, n) if g[0].lower() == "first" else (13 - n, 12)
        precision = {6: "half-year", 3: "quarter"}.get(n, "month")
        return period(ctx, span, precision, int(g[2]), m1, m2)
    if g[3]:  # "the first half of 2024"
        first = g[3].lower() == "first"
        return period(ctx, span, "half-year", int(g[4]), 1 if first else 7, 6 if first else 12)
    q = EN_ORDINALS[g[5].lower()] if g[5] else int(g[7])
    y = int(g[6]) if g[5] else int(g[8])
    return period(ctx, span, "quarter", y, 3 * q - 2, 3 * q)


def _h_en_tet(ctx, span, g):
    return h_tet(ctx, span, (None, None, g[0] or g[1]))


HANDLERS_EN: dict[str, Callable[[Ctx, str, tuple], list[EventDate]]] = {
    "en_md_range": _h_en_md_range, "en_dm_range": _h_en_dm_range, "en_md": _h_en_md, "en_dm": _h_en_dm,
    "en_month_range": _h_en_month_range, "en_month": _h_en_month, "en_period": _h_en_period,
    "en_tet": _h_en_tet,
}


def acceptable_en(ctx: Ctx, name: str, m: re.Match[str]) -> bool:
    """English forms: a year-less month alone needs a trigger word ("in March"); a month
    name with its day is a date wherever it stands ("with January 14-23 as its busiest days"),
    but "May" with a day needs one too (the verb opens sentences: "May 5 families ...")."""
    before = ctx.text[max(0, m.start() - 16):m.start()]
    if name in ("en_md", "en_dm") and m.groups()[-1] is None and _recurring(ctx, m):
        return False
    if name in ("en_month", "en_month_range") and P_MONTH_PART.search(before):
        return False  # "since early June", "by the end of April 2020"
    if name == "en_month":  # with its year, or "next year", or after a month trigger word
        return m.group(2) is not None or m.group(3) is not None or bool(P_EN_MONTH_TRIGGER.search(before))
    if m.groups()[-1] is not None:
        return True
    if name == "en_month_range":  # year-less: after "from", "between" or a month trigger word
        return m.group(1) is not None or bool(P_EN_MONTH_TRIGGER.search(before))
    if name in ("en_md_range", "en_dm_range") and m.group(1) is not None:
        return True
    if name in ("en_md_range", "en_dm_range", "en_md", "en_dm"):
        if P_EN_TRIGGER.search(before):
            return True
        # without a trigger: not "May" the verb, nor a name made of a date ("the March 8 Club")
        return not _MAY.search(m.group(0)) and not _NAME_AFTER.match(ctx.text, m.end())
    return True


def _recurring(ctx: Ctx, m: re.Match[str]) -> bool:
    """A year-less day in brackets after a named yearly day ("World Blood Donor Day (June 14)")."""
    return bool(P_EN_RECURRING_BEFORE.search(ctx.text, max(0, m.start() - 120), m.start())
                and _CLOSE.match(ctx.text, m.end()))


_CLOSE = re.compile(r"\s*\)")
_MAY = re.compile(r"\bMay\b")
_NAME_AFTER = re.compile(r"\s+[A-Z]")


def looks_english(text: str) -> bool:
    sample = text[:4000]
    letters = sum(c.isalpha() for c in sample)
    return letters >= 20 and len(P_VI_LETTER.findall(sample)) < 0.01 * letters
