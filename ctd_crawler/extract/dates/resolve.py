"""Event dates from matched numbers: years resolved, impossible dates flagged.

A date that cannot be resolved is never guessed: it keeps its text with start/end None
and a `flag`:
  "impossible"     31/2/2024, 32/13/2024
  "two-digit-year" ngày 20/6/24
  "before-1946"    before the Vietnam Red Cross existed (founded 23/11/1946); a span written
                   in full keeps its start ("(2/9/1945 - 2/9/2025)")
  "future"         more than FAR_FUTURE_YEARS after publication (or after today)
  "no-year"        no year written, no publication date and no year named in the text

Ranges and lists with no year written take the publication's nearest year for their
first date; the later dates follow it forward ("từ 14/6 đến 31/8" in 2018 is 2018-06-14
to 2018-08-31; "28/12 - 3/1" crosses into the next year).
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from ctd_crawler.extract.dates.clock import MIN_YEAR, safe_date
from ctd_crawler.extract.dates.patterns import P_DAY_TRIGGER

FAR_FUTURE_YEARS = 10  # event years beyond publication + 10 are flagged, not kept
NEAR_FUTURE_DAYS = 30  # a year-less date at most this far after publication keeps its year
TET_SEASON_FROM = 10  # months from October on belong to the next Tết's season


PRECISIONS = ("day", "month", "quarter", "half-year")  # an event date's precisions, finest first


@dataclass(frozen=True, slots=True)
class EventDate:
    start: str | None  # ISO date; None when flagged
    end: str | None
    precision: str  # one of PRECISIONS (a bare year is no event date)
    text: str  # source span as written
    flag: str | None = None  # why start/end are None (see module docstring)


@dataclass(frozen=True, slots=True)
class Ctx:
    """One text being scanned, and what its dates are resolved against."""

    text: str
    folded: str  # fold(text): same length as text for NFC Vietnamese (1 char -> 1 char)
    published: date | None
    ref_year: int  # publication year, else the URL folder's (month_end), else this year
    english: bool = False  # English page: English month names and phrases too
    # Without a publication date: the year the text names nearest before the date (else
    # first after it), which a reader takes for a year-less "ngày 5/3" (events.text_years);
    # a season it names that straddles the new year is no calendar year: a Tết's preparations
    # from October are the year before ("Tết 2021 ... from November 15" is November 2020), a
    # school year's months from August are its first year's. text_season: the year the
    # season ends in; season_from: its first month in the year before.
    text_year: int | None = None
    text_season: int | None = None
    season_from: int = TET_SEASON_FROM
    # The publication month where only that is known (a URL's /yyyymm/ folder): its last
    # day stands for the publication date when a year is resolved, and for nothing else.
    month_end: date | None = None
    # The date ends a period ("until July 30", "đến ngày 30/7"): as likely ahead of the
    # publication as behind it, so it takes the nearest year, not the latest past one.
    until: bool = False


def triggered(ctx: Ctx, pos: int) -> bool:
    """A year-less day/month counts only right after ngày, sáng, chiều, từ, thứ Hai ...
    (one more character is read than searched, so a word cut by the window is no word)."""
    start = max(0, pos - 17)
    return bool(P_DAY_TRIGGER.search(ctx.text[start:pos].lower(), min(1, start)))


def resolve_year(ctx: Ctx, month: int, day: int) -> int | None:
    """Nearest year whose date is not more than NEAR_FUTURE_DAYS after publication (or the
    end of the publication month), the nearest either way for the end of a period (Ctx.until);
    on an undated page, the year the text names (Ctx), else None."""
    ref = ctx.published or ctx.month_end
    if ref is None:
        if ctx.text_season is not None:
            return ctx.text_season - 1 if month >= ctx.season_from else ctx.text_season
        return ctx.text_year
    if ctx.until:
        near = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := safe_date(y, month, day))]
        if near:
            return min(near, key=lambda d: abs(d - ref)).year
    limit = ref + timedelta(days=NEAR_FUTURE_DAYS)
    for y in (ref.year + 1, ref.year, ref.year - 1):
        d = safe_date(y, month, day)
        if d and d <= limit:
            return y
    return ref.year - 1


def next_year(ctx: Ctx) -> int | None:
    """The year after the publication's (or after the year the text names): "tháng 1 năm
    sau", "January next year"."""
    ref = ctx.published or ctx.month_end
    year = ref.year if ref else ctx.text_year
    return year + 1 if year else None


def year_flag(ctx: Ctx, *years: int) -> str | None:
    if any(y < MIN_YEAR for y in years):
        return "before-1946"
    if any(y > ctx.ref_year + FAR_FUTURE_YEARS for y in years):
        return "future"
    return None


def flagged(precision: str, text: str, flag: str) -> list[EventDate]:
    return [EventDate(None, None, precision, text, flag)]


def to_int(s: str | None) -> int | None:
    return int(s) if s else None


def days(ctx: Ctx, span: str, parts: list[tuple[int, int, int | None]], as_range: bool) -> list[EventDate]:
    """Day dates from (day, month, year-or-None) parts; year-less ones take the last year
    written ("20/6 đến 25/6/2024"), moved back a year when the months wrap ("28/12 - 3/1/2024")."""
    written = [y for _, _, y in parts if y is not None]
    if any(y < 100 for y in written):
        return flagged("day", span, "two-digit-year")
    last_year = written[-1] if written else None
    resolved: list[tuple[int, int, int]] = []
    last_dm = (parts[-1][1], parts[-1][0])
    if last_year is None:
        # No year written at all ("từ ngày 14/6 đến ngày 31/8"): the first date takes the
        # publication's nearest year and the others follow it forward, never backwards
        # ("28/12 - 3/1" crosses into the next year).
        d0, m0, _ = parts[0]
        y = resolve_year(ctx, m0, d0)
        if y is None:
            if safe_date(2000, m0, d0) is None:  # a leap year: checks day/month only
                return flagged("day", span, "impossible")
            return flagged("day", span, "no-year")
        prev = (m0, d0)
        for d, m, _ in parts:
            if m < prev[0]:  # a month earlier than the one before: the next year
                y += 1
            prev = (m, d)
            resolved.append((d, m, y))
    for d, m, y in parts if last_year is not None else ():
        if y is None:
            y = last_year if (m, d) <= last_dm else last_year - 1
        resolved.append((d, m, y))
    dates = [safe_date(y, m, d) for d, m, y in resolved]
    if any(x is None for x in dates):
        return flagged("day", span, "impossible")
    # a span written in full ("(2/9/1945 - 2/9/2025)", an anniversary) is a range as the
    # text writes it: only its end must fall in the Red Cross's time
    spanned = as_range and len(parts) > 1 and all(y is not None for _, _, y in parts)
    flag = year_flag(ctx, *(x.year for x in (dates[-1:] if spanned else dates)))
    if flag:
        return flagged("day", span, flag)
    if as_range and dates[0] < dates[-1]:
        return [EventDate(dates[0].isoformat(), dates[-1].isoformat(), "day", span)]
    if not as_range and _consecutive(dates):
        return [EventDate(dates[0].isoformat(), dates[-1].isoformat(), "day", span)]
    return [EventDate(x.isoformat(), x.isoformat(), "day", span) for x in dict.fromkeys(dates)]


def _consecutive(dates: list[date]) -> bool:
    return len(dates) > 1 and all((b - a).days == 1 for a, b in zip(dates, dates[1:]))


def period(ctx: Ctx, span: str, precision: str, y: int | None, m1: int, m2: int) -> list[EventDate]:
    """Months m1..m2 of year y (or of the nearest year when y is None)."""
    if y is None:
        y = resolve_year(ctx, m1, 1)
        if y is None:
            return flagged(precision, span, "no-year")
    flag = year_flag(ctx, y)
    if flag:
        return flagged(precision, span, flag)
    start = date(y, m1, 1)
    end = date(y, m2, monthrange(y, m2)[1])
    return [EventDate(start.isoformat(), end.isoformat(), precision, span)]
