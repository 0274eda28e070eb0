"""Absolute day dates in one short string: the fast paths of the publication date.

Day before month, always. Forms: dd/mm/yyyy (also "." and "-"), ISO 8601 with its own
time and zone, "24 tháng 6 năm 2024", English month names ("June 24, 2024", "24 June
2024"). A clock time written right before or after the date is kept, in the zone the
text states ("GMT+7"), else +07:00. A date after the day following the fetch, or before
1946, is no publication date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone

from ctd_crawler.extract.dates.clock import MIN_YEAR, VN_TZ, as_vn, safe_date
from ctd_crawler.extract.dates.patterns import (
    EN_MONTHS,
    P_DMY,
    P_EN_DMY,
    P_EN_MDY,
    P_GMT,
    P_PUB_LABEL,
    P_TIME_AFTER,
    P_TIME_BEFORE,
    P_VI_WORDS,
    P_YMD,
)


def _latest_allowed(fetched_at: datetime | None) -> date:
    base = as_vn(fetched_at) if fetched_at else datetime.now(VN_TZ)
    return base.date() + timedelta(days=1)


def plausible(d: date, fetched_at: datetime | None) -> bool:
    return MIN_YEAR <= d.year and d <= _latest_allowed(fetched_at)


def _time_near(text: str, start: int, end: int) -> time | None:
    """A clock time written right after or right before the date, if any."""
    m = P_TIME_AFTER.match(text, end) or P_TIME_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    ampm = (m.group(4) or "").lower()
    if ampm in ("pm", "ch") and hour < 12:
        hour += 12
    elif ampm in ("am", "sa") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def _offset_in(text: str) -> timezone:
    """The zone the text states ("GMT+7" is ours; "GMT+0" is converted), else +07:00."""
    m = P_GMT.search(text)
    if not m:
        return VN_TZ
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 14 * 60:
        return VN_TZ
    return timezone(timedelta(minutes=minutes if m.group(1) == "+" else -minutes))


def iso(d: date, t: time | None, tz: timezone = VN_TZ) -> str:
    if t is None:
        return d.isoformat()
    return datetime.combine(d, t, tz).astimezone(VN_TZ).isoformat()


def _parse_offset(s: str | None) -> timezone:
    if not s:
        return VN_TZ
    if s.upper() == "Z":
        return timezone.utc
    sign = 1 if s[0] == "+" else -1
    digits = s[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def _absolute_candidates(text: str) -> Iterator[tuple[int, int, date, time | None, timezone | None]]:
    """(start, end, date, time, zone) of every absolute day date the fast paths know.
    time/zone are only filled for ISO stamps, which carry their own."""
    for m in P_YMD.finditer(text):
        d = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            t = None
            if m.group(4) and int(m.group(4)) < 24 and int(m.group(5)) < 60:
                t = time(int(m.group(4)), int(m.group(5)), min(int(m.group(6) or 0), 59))
            yield m.start(), m.end(), d, t, _parse_offset(m.group(7)) if t else None
    numeric_found = False
    for pattern, order in ((P_DMY, (3, 2, 1)), (P_VI_WORDS, (3, 2, 1)),
                           (P_EN_MDY, (3, 1, 2)), (P_EN_DMY, (3, 2, 1))):
        if numeric_found and pattern is not P_DMY:
            return  # worded forms only when no numeric date is written (the common case)
        for m in pattern.finditer(text):
            y, mo, d = (m.group(i) for i in order)
            month = int(mo) if mo.isdigit() else EN_MONTHS[mo.lower()]
            day = safe_date(int(y), month, int(d))
            if day:
                numeric_found = True
                yield m.start(), m.end(), day, None, None


def fast_absolute(text: str, fetched_at: datetime | None) -> str | None:
    """The ISO value of the publication date written in `text`, or None."""
    cands = sorted(_absolute_candidates(text), key=lambda c: c[0])
    if not cands:
        return None
    # Several dates ("Đăng: 24/06/2024 | Cập nhật: 25/06/2024"): the labelled one wins.
    chosen = cands[0]
    for c in cands:
        if P_PUB_LABEL.search(text, max(0, c[0] - 25), c[0]):
            chosen = c
            break
    start, end, d, t, tz = chosen
    if t is not None:  # an ISO stamp: convert its zone, then check the local date
        local = datetime.combine(d, t, tz).astimezone(VN_TZ)
        return local.isoformat() if plausible(local.date(), fetched_at) else None
    if not plausible(d, fetched_at):
        return None
    return iso(d, _time_near(text, start, end), _offset_in(text))
