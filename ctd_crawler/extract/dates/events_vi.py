"""Vietnamese event-date forms: what each match means, and when a match is no date.

Day before month, always. Spans start at the day number for day dates ("20 và
21/6/2024", "15 tháng 7 năm 2024") and at the keyword otherwise ("tháng 5/2024", "quý
I/2024", "sáu tháng đầu năm 2024", "Tết Nguyên đán Giáp Thìn 2024").

A bare year or span of years is no event date ("năm 2023", "giai đoạn 2021 – 2025",
"nhiệm kỳ 2022 - 2027", "sinh năm 1961"): a year is read only inside a larger date.
Named parts of a year are ("9 tháng năm 2023", "quý III", "6 tháng cuối năm").
Coordinated days or months are one range when they follow each other ("20 và 21/6",
"tháng 5 và tháng 6/2023", "đêm 14 rạng sáng 15/8"), else one entry each ("5 và 12/6").
Two full dates joined by a range word are one range as written, an anniversary bracket
too: "(23/11/1946 - 23/11/2024)" glosses the "78 năm" it follows.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from datetime import date

from ctd_crawler.extract.dates.lunar import BRANCHES, STEMS, fold_can_chi, tet_date, year_of_can_chi
from ctd_crawler.extract.dates.patterns import (
    NUMBER_WORDS,
    P_ANNIVERSARY_GLOSS,
    P_DAY_NUMBER,
    P_DAY_WORD_BEFORE,
    P_DOC_AFTER,
    P_DOC_BEFORE,
    P_GLOSS_AFTER,
    P_GLOSS_BEFORE,
    P_MEASURE_AFTER,
    P_MONTH_PART,
    P_MONTH_TRIGGER,
    P_MONTH_WORD,
    P_NUMBER_BEFORE,
    P_RANGE_SEP,
    ROMAN_Q,
)
from ctd_crawler.extract.dates.resolve import (
    Ctx,
    EventDate,
    days,
    flagged,
    next_year,
    period,
    resolve_year,
    to_int,
    triggered,
    year_flag,
)
from ctd_crawler.extract.text import fold


def _h_full_range(ctx, span, g):
    d1, m1, y1, d2, m2, y2 = (int(x) for x in g)
    return days(ctx, span, [(d1, m1, y1), (d2, m2, y2)], True)


def _h_dm_range(ctx, span, g):
    d1, m1, d2, m2, y = int(g[0]), int(g[1]), int(g[2]), int(g[3]), to_int(g[4])
    return days(ctx, span, [(d1, m1, None), (d2, m2, y)], True)


def _h_d_range(ctx, span, g):
    d1, d2, m, y = int(g[0]), int(g[1]), int(g[2]), to_int(g[3])
    if d1 >= d2:  # "2-1/3": no range runs backwards; not a date
        return []
    return days(ctx, span, [(d1, m, None), (d2, m, y)], True)


def _h_d_list(ctx, span, g):
    numbers = [int(x) for x in P_DAY_NUMBER.findall(g[0])]
    m, y = int(g[1]), to_int(g[2])
    return days(ctx, span, [(d, m, None) for d in numbers[:-1]] + [(numbers[-1], m, y)], False)


def _h_d_words(ctx, span, g):
    numbers = [int(x) for x in P_DAY_NUMBER.findall(g[0])]
    m, y = int(g[1]), to_int(g[2])
    is_range = bool(P_RANGE_SEP.search(g[0])) and len(numbers) == 2
    parts = [(d, m, None) for d in numbers[:-1]] + [(numbers[-1], m, y)]
    return days(ctx, span, parts, is_range)


def _h_dmy(ctx, span, g):
    return days(ctx, span, [(int(g[0]), int(g[1]), int(g[2]))], True)


def _h_dm(ctx, span, g):
    return days(ctx, span, [(int(g[0]), int(g[1]), None)], True)


def h_month_range(ctx, span, g):
    m1, y1, m2, y2 = int(g[0]), to_int(g[1]), int(g[2]), int(g[3])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return []
    y1 = y1 or (y2 if m1 <= m2 else y2 - 1)
    if year_flag(ctx, y1, y2):
        return flagged("month", span, year_flag(ctx, y1, y2))
    if date(y1, m1, 1) > date(y2, m2, 1):
        return []
    end = date(y2, m2, monthrange(y2, m2)[1])
    return [EventDate(date(y1, m1, 1).isoformat(), end.isoformat(), "month", span)]


def h_month_range_noyear(ctx, span, g):
    """"từ tháng 7 đến tháng 9": the year of the first month, the end runs forward."""
    m1, m2 = int(g[0]), int(g[1])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or m1 == m2:
        return []
    y1 = resolve_year(ctx, m1, 1)
    if y1 is None:
        return flagged("month", span, "no-year")
    y2 = y1 if m2 > m1 else y1 + 1
    flag = year_flag(ctx, y1, y2)
    if flag:
        return flagged("month", span, flag)
    end = date(y2, m2, monthrange(y2, m2)[1])
    return [EventDate(date(y1, m1, 1).isoformat(), end.isoformat(), "month", span)]


def _h_month_list(ctx, span, g):
    """"tháng 5 và tháng 6/2023": months that follow each other are one range."""
    months, y = [int(x) for x in P_DAY_NUMBER.findall(g[0])], to_int(g[1])
    if not all(1 <= m <= 12 for m in months) or len(set(months)) < len(months):
        return []
    if y is None and len(P_MONTH_WORD.findall(g[0])) < len(months) - 1:
        return []  # "trong tháng 5 và 6 hộ": without a year, every month is named
    if all(b - a == 1 for a, b in zip(months, months[1:])):
        return period(ctx, span, "month", y, months[0], months[-1])
    return [e for m in months for e in period(ctx, span, "month", y, m, m)]


def _h_months_of_year(ctx, span, g):
    word = fold(g[0] or g[1])
    n = 6 if word == "nua" else int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if not n or not 1 <= n <= 11:
        return []
    if g[2] is None and (g[3] is None or g[1]):
        return []  # "9 tháng năm 2023" is Jan-Sep; "nửa năm", "6 tháng năm" name no part of a year
    first = g[2] is None or fold(g[2]) == "dau"
    m1, m2 = (1, n) if first else (13 - n, 12)
    precision = {6: "half-year", 3: "quarter"}.get(n, "month")
    y = to_int(g[3])
    if y is None:  # "sáu tháng đầu năm": this year, unless the period has not begun
        y = resolve_year(ctx, m1, 1)
        if y is None:
            return flagged(precision, span, "no-year")
    return period(ctx, span, precision, y, m1, m2)


def h_month(ctx, span, g):
    """A month with its year, "năm sau" (next year) or none (the nearest): Vietnamese and English forms."""
    m = int(g[0])
    if not 1 <= m <= 12:
        return []
    y = to_int(g[1]) or (next_year(ctx) if g[2] else None)  # "tháng 1 năm sau"
    if g[2] and y is None:
        return flagged("month", span, "no-year")
    return period(ctx, span, "month", y, m, m)


def _h_quarter(ctx, span, g):
    q, y = ROMAN_Q[g[0].lower()], to_int(g[1])
    return period(ctx, span, "quarter", y, 3 * q - 2, 3 * q)


def h_tet(ctx, span, g):
    """(stem, branch, year) of a lunar new year: Tết Giáp Thìn, Tết 2024 -> its first day."""
    stem, branch, year = g[0], g[1], to_int(g[2])
    if year is None and stem:
        s, b = fold_can_chi(stem), fold_can_chi(branch)
        if s not in STEMS or b not in BRANCHES:
            return []
        ref = ctx.published or ctx.month_end  # else a year or a Tết the text names
        near = ref.year if ref else ctx.text_year or ctx.text_season
        if near is None:
            return flagged("day", span, "no-year")
        year = year_of_can_chi(s, b, near)
    if year is None:
        return []
    flag = year_flag(ctx, year)
    if flag:
        return flagged("day", span, flag)
    d = tet_date(year)
    if d is None:
        return []
    return [EventDate(d.isoformat(), d.isoformat(), "day", span)]


HANDLERS_VI: dict[str, Callable[[Ctx, str, tuple], list[EventDate]]] = {
    "full_range": _h_full_range, "dm_range": _h_dm_range, "d_range": _h_d_range,
    "d_list": _h_d_list, "d_words": _h_d_words, "dmy": _h_dmy, "dm": _h_dm,
    "month_list": _h_month_list, "month_range": h_month_range, "month_range_noyear": h_month_range_noyear,
    "months_of_year": _h_months_of_year, "month": h_month,
    "quarter": _h_quarter, "tet": h_tet,
}
# Forms whose first number has no year written: they need a trigger word before them
# unless a 4-digit year closes the form (its group number here).
_NEEDS_TRIGGER_WITHOUT_YEAR = {"dm_range": 5, "d_range": 4, "d_list": 3, "d_words": 3, "dm": None}
_DOCUMENT_NUMBER_SHAPED = ("dmy", "dm", "full_range", "dm_range", "d_range", "d_list")


_MONTH_FORMS = frozenset({"month", "month_list", "month_range", "month_range_noyear"})


def acceptable_vi(ctx: Ctx, name: str, m: re.Match[str]) -> bool:
    """Context checks a regex cannot express cheaply: triggers and document numbers."""
    before = ctx.folded[max(0, m.start() - 16):m.start()]
    if name in _DOCUMENT_NUMBER_SHAPED:
        if P_DOC_BEFORE.search(before) or P_DOC_AFTER.match(ctx.text, m.end()):
            return False
        if P_MEASURE_AFTER.match(ctx.text, m.end()):
            return False  # "ngập sâu 2-3 m": a measure
    if name == "dmy" and len(m.group(3)) == 2:
        return triggered(ctx, m.start())  # "20/6/24" only after ngày/sáng/...
    if name in _NEEDS_TRIGGER_WITHOUT_YEAR:
        year_group = _NEEDS_TRIGGER_WITHOUT_YEAR[name]
        has_year = year_group is not None and m.group(year_group) is not None
        if name == "d_words" and not has_year:
            return bool(P_DAY_WORD_BEFORE.search(before))  # "ngày 15 tháng 7"
        if not has_year:
            return triggered(ctx, m.start()) or _glossed(ctx, m)
    if name in _MONTH_FORMS and P_MONTH_PART.search(before):
        return False  # "cuối tháng 5-2022": how far into the month is not said
    if name == "month_range_noyear":
        return bool(P_MONTH_TRIGGER.search(before))
    if name == "quarter":
        # Without a year, like a month: "trong quý 2" is a period, "mỗi quý 2 lần" a
        # frequency, "ông Quý 2 lần" a person.
        return m.group(2) is not None or bool(P_MONTH_TRIGGER.search(before))
    if name in ("month", "month_list"):
        # "3 tháng 5 ngày" is a duration; "tháng 5" after a number is not a month name.
        if P_NUMBER_BEFORE.search(before):
            return False
        # Without a year, "tháng 2" is a month only after a time word ("trong tháng 7",
        # "đầu tháng 3"): "mỗi tháng 2 lần" is a frequency.
        return m.group(2) is not None or name == "month" and m.group(3) is not None \
            or bool(P_MONTH_TRIGGER.search(before))
    return True


def _glossed(ctx: Ctx, m: re.Match[str]) -> bool:
    """"nhân Ngày Quốc tế Người hiến máu (14-6)": a named day glossed by its date (not one
    counted as an anniversary: "kỷ niệm 79 năm Ngày ... (19/8)")."""
    before = ctx.folded[max(0, m.start() - 70):m.start()]
    return bool(P_GLOSS_BEFORE.search(before) and P_GLOSS_AFTER.match(ctx.text, m.end())
                and not P_ANNIVERSARY_GLOSS.search(before))
