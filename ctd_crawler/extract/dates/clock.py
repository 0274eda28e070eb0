"""Time in Vietnam and the calendar bound every date is checked against.

Asia/Ho_Chi_Minh is a fixed UTC+07:00 since 1975, so no tz database is needed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

VN_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")
MIN_YEAR = 1946  # the Vietnam Red Cross was founded on 23/11/1946


def now_vn() -> str:
    """This moment in Vietnam, to the second: "2024-07-09T12:00:00+07:00"."""
    return datetime.now(VN_TZ).isoformat(timespec="seconds")


def as_vn(dt: datetime) -> datetime:
    """Aware datetime in +07:00; a naive one is taken as UTC (how crawlers stamp times)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(VN_TZ)


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_when(value: str | None) -> datetime | None:
    """An ISO 8601 date/time (sitemaps, the archive) or an RFC 822 date (feeds, HTTP), aware.
    A bare date counts as the end of that day (Vietnam time): when unsure, fetch."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            return datetime.fromisoformat(value).replace(hour=23, minute=59, second=59, tzinfo=VN_TZ)
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return when if when.tzinfo else when.replace(tzinfo=VN_TZ)
