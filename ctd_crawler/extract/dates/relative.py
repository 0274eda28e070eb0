"""Relative publication dates, counted back from the fetch time.

"2 giờ trước", "2 tuần 3 ngày trước", "3 hours, 5 minutes ago" (parts are summed; a
count of days or weeks gives a day, not a time), "hôm qua", "Thứ Năm tuần trước". No
fetch time, no date: the reference would be invented.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from ctd_crawler.extract.dates.absolute import iso
from ctd_crawler.extract.dates.clock import as_vn
from ctd_crawler.extract.dates.patterns import (
    NUMBER_WORDS,
    P_DAY_WORDS,
    P_LAST_WEEK,
    P_REL_PART,
    P_RELATIVE,
    P_TIME,
    RELATIVE_UNITS,
    WEEKDAYS_FOLDED,
)
from ctd_crawler.extract.text import fold


def relative(text: str, fetched_at: datetime | None) -> str | None:
    """"2 giờ trước", "hôm qua", "Thứ Năm tuần trước" against the fetch time."""
    if fetched_at is None:
        return None
    now = as_vn(fetched_at)
    folded = fold(text)
    m = P_RELATIVE.search(text)
    if m:
        delta, units = timedelta(), set()
        for n_word, unit_word in P_REL_PART.findall(m.group(0)):
            n_word = fold(n_word)
            n = int(n_word) if n_word.isdigit() else NUMBER_WORDS[n_word]
            unit = RELATIVE_UNITS[fold(unit_word).rstrip("s")]
            units.add(unit)
            delta += timedelta(**{unit: min(n, 100_000)})
        then = now - delta
        if units <= {"days", "weeks"}:  # a day count says nothing about the hour
            return then.date().isoformat()
        return then.replace(microsecond=0).isoformat()
    m = P_LAST_WEEK.search(folded)
    if m:
        weekday = WEEKDAYS_FOLDED[m.group(1)]
        monday_this_week = now.date() - timedelta(days=now.weekday())
        return (monday_this_week - timedelta(days=7 - weekday)).isoformat()
    for day_word, days_back in P_DAY_WORDS:
        if day_word.search(folded):
            return iso(now.date() - timedelta(days=days_back), _first_time(text))
    return None


def _first_time(text: str) -> time | None:
    m = P_TIME.search(text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
