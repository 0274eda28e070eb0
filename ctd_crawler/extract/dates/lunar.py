"""The Vietnamese lunar new year (Tết Nguyên đán), computed, not tabled.

Hồ Ngọc Đức's algorithm for the Vietnamese lunisolar calendar (new moons and solar
terms from Jean Meeus' "Astronomical Algorithms", evaluated at the time zone of
Vietnam, UTC+7). The Chinese calendar (e.g. the `lunardate` package) uses UTC+8, so
Vietnamese and Chinese new years differ in some years (1985: 21 January in Vietnam,
20 February in China; 2007: 17 vs 18 February; 2030: 2 vs 3 February): we use UTC+7.

Error policy: pure arithmetic; `tet_date(year)` returns None outside 1800..2199.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache

from ctd_crawler.extract.text import fold

VN_TZ_HOURS = 7.0
_SYNODIC_MONTH = 29.530588853
_K0_JD = 2415021.076998695  # new moon of 1900-01-01, the origin of the lunation index
_DR = math.pi / 180

# Heavenly stems and earthly branches: the can-chi name of a lunar year ("Giáp Thìn" =
# 2024). Stem index = (year + 6) % 10, branch = (year + 8) % 12.
STEM_NAMES = ("giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý")
BRANCH_NAMES = ("tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi", "thân", "dậu", "tuất", "hợi")
# Other spellings of the same names, as pages write them.
SPELLINGS = {"kỉ": "kỷ", "tí": "tý", "mẹo": "mão", "tị": "tỵ"}
# Folded (no diacritics), as they are compared. "Tý" (rat) and "Tỵ" (snake) fold alike;
# they are told apart by the stem's parity.
STEMS = tuple(fold(name) for name in STEM_NAMES)
BRANCHES = tuple(fold(name) for name in BRANCH_NAMES)
_FOLDED_SPELLINGS = {fold(other): fold(name) for other, name in SPELLINGS.items()}


def fold_can_chi(word: str) -> str:
    """A stem or branch as written ("Kỉ", "Mẹo") -> its folded name in STEMS/BRANCHES."""
    folded = fold(word)
    return _FOLDED_SPELLINGS.get(folded, folded)


def _jd_from_date(dd: int, mm: int, yy: int) -> int:
    a = (14 - mm) // 12
    y = yy + 4800 - a
    m = mm + 12 * a - 3
    jd = dd + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045
    if jd < 2299161:  # Julian calendar before 1582-10-15
        jd = dd + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return jd


def _jd_to_date(jd: int) -> date:
    if jd > 2299160:
        a = jd + 32044
        b = (4 * a + 3) // 146097
        c = a - (b * 146097) // 4
    else:
        b = 0
        c = jd + 32082
    d = (4 * c + 3) // 1461
    e = c - (1461 * d) // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = b * 100 + d - 4800 + m // 10
    return date(year, month, day)


def _new_moon(k: int) -> float:
    """Julian day (UT) of the k-th new moon after 1900-01-01 (Meeus, simplified)."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _DR)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * _DR) + 0.0021 * math.sin(2 * _DR * m)
    c1 -= 0.4068 * math.sin(mpr * _DR) + 0.0161 * math.sin(_DR * 2 * mpr)
    c1 -= 0.0004 * math.sin(_DR * 3 * mpr)
    c1 += 0.0104 * math.sin(_DR * 2 * f) - 0.0051 * math.sin(_DR * (m + mpr))
    c1 -= 0.0074 * math.sin(_DR * (m - mpr)) + 0.0004 * math.sin(_DR * (2 * f + m))
    c1 -= 0.0004 * math.sin(_DR * (2 * f - m)) - 0.0006 * math.sin(_DR * (2 * f + mpr))
    c1 += 0.0010 * math.sin(_DR * (2 * f - mpr)) + 0.0005 * math.sin(_DR * (2 * mpr + m))
    if t < -11:
        deltat = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        deltat = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - deltat


def _new_moon_day(k: int, tz: float) -> int:
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


def _sun_longitude_sector(day_number: int, tz: float) -> int:
    """Which of the 12 30-degree sectors the sun is in at local midnight (solar term)."""
    t = (day_number - 0.5 - tz / 24 - 2451545.0) / 36525
    t2 = t * t
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(_DR * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(_DR * 2 * m) + 0.000290 * math.sin(_DR * 3 * m)
    lon = (l0 + dl) * _DR
    lon -= 2 * math.pi * math.floor(lon / (2 * math.pi))
    return math.floor(lon / math.pi * 6)


def _lunar_month11(year: int, tz: float) -> int:
    """Julian day of the start of lunar month 11 (the month holding the winter solstice)."""
    off = _jd_from_date(31, 12, year) - 2415021
    k = math.floor(off / _SYNODIC_MONTH)
    nm = _new_moon_day(k, tz)
    if _sun_longitude_sector(nm, tz) >= 9:
        nm = _new_moon_day(k - 1, tz)
    return nm


def _leap_month_offset(a11: int, tz: float) -> int:
    k = math.floor((a11 - _K0_JD) / _SYNODIC_MONTH + 0.5)
    i = 1
    arc = _sun_longitude_sector(_new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_longitude_sector(_new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            return i - 1


@lru_cache(maxsize=512)
def tet_date(year: int, tz: float = VN_TZ_HOURS) -> date | None:
    """Gregorian date of the first day of lunar month 1 of the lunar year starting in `year`."""
    if not 1800 <= year <= 2199:
        return None
    a11 = _lunar_month11(year - 1, tz)
    b11 = _lunar_month11(year, tz)
    k = math.floor(0.5 + (a11 - _K0_JD) / _SYNODIC_MONTH)
    off = 2  # month 11 -> month 12 -> month 1
    if b11 - a11 > 365:  # a leap year of 13 months: is the leap month before month 1?
        if off >= _leap_month_offset(a11, tz):
            off += 1
    return _jd_to_date(_new_moon_day(k + off, tz))


def can_chi(year: int) -> tuple[str, str]:
    """Folded (stem, branch) name of the lunar year that starts in `year`."""
    return STEMS[(year + 6) % 10], BRANCHES[(year + 8) % 12]


def year_of_can_chi(stem: str, branch: str, near: int) -> int | None:
    """The year with this folded can-chi name nearest to `near` (names repeat every 60 years)."""
    best = None
    for y in range(near - 30, near + 31):
        if can_chi(y) == (stem, branch) and (best is None or abs(y - near) < abs(best - near)):
            best = y
    return best
