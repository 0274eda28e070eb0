"""Dates: the publication date of a page and the dates of events in its text.

Vietnamese rules applied throughout: day before month, always; time zone
Asia/Ho_Chi_Minh, a fixed UTC+07:00 since 1975 (so no tz database is needed).

Error policy: the public functions never raise on str input. A date that cannot be
resolved is never guessed: `parse_date_text`/`find_published` return None, and
`extract_event_dates` keeps the text with start/end None and a `flag`:
  "impossible"     31/2/2024, 32/13/2024
  "two-digit-year" ngày 20/6/24
  "before-1946"    before the Vietnam Red Cross existed (founded 23/11/1946)
  "future"         more than FAR_FUTURE_YEARS after publication (or after today)
  "no-year"        no year written and no publication date to take it from

Event-date text spans start at the day number for day dates ("20 và 21/6/2024",
"15 tháng 7 năm 2024") and at the keyword otherwise ("tháng 5/2024", "quý I/2024",
"sáu tháng đầu năm 2024", "năm 2024", "Tết Nguyên đán Giáp Thìn 2024").

Ranges and lists with no year written take the publication's nearest year for their
first date; the later dates follow it forward ("từ 14/6 đến 31/8" in 2018 is 2018-06-14
to 2018-08-31; "28/12 - 3/1" crosses into the next year). Not periods: a term of office
("nhiệm kỳ 2022-2027") and the edition year of a named event ("Hành trình Đỏ năm 2018",
"“Tháng Nhân đạo” năm 2017", "lần thứ XI năm 2023"); a clause-initial "Năm 2019, ..." is.
English pages (lang "en", or text with almost no Vietnamese letters) also get English
forms: "October 5 to 7, 2025", "5-7 October 2025", "June 24, 2024", "in March 2024",
"the first six months of 2024", "In 2022"; month names only capitalised, year-less dates
only after a trigger word ("on", "by", "from" ...).

dateparser is used only as the long tail of `parse_date_text` (one short string);
never `search_dates` on a body (it turns durations like "6 tháng" into dates).
"""

from __future__ import annotations

import json
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable, Iterator

from ctd_crawler.extract.lunar import BRANCHES, STEMS, tet_date, year_of_can_chi
from ctd_crawler.extract.text import fold, fold_aligned, nfc

VN_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")
MIN_YEAR = 1946  # the Vietnam Red Cross was founded on 23/11/1946
FAR_FUTURE_YEARS = 10  # event years beyond publication + 10 are flagged, not kept
NEAR_FUTURE_DAYS = 30  # a year-less date at most this far after publication keeps its year
MAX_TEXT = 400_000  # characters scanned for event dates; longer bodies are cut (bounded time)


@dataclass(frozen=True, slots=True)
class PublishedDate:
    value: str  # "2024-06-24", or "2024-07-09T03:03:00+07:00" when a time is known
    text: str  # the text it came from (published_text)
    source: str  # "layout" | "json-ld" | "meta" | "time" | "url"


@dataclass(frozen=True, slots=True)
class EventDate:
    start: str | None  # ISO date; None when flagged
    end: str | None
    precision: str  # day | month | quarter | half-year | year
    text: str  # source span as written
    flag: str | None = None  # why start/end are None (see module docstring)


# ---------------------------------------------------------------------------
# Patterns, all in one place. Numbers are bounded so no digit run can be cut into a
# date: nothing may touch a date on either side but spaces and punctuation.
# ---------------------------------------------------------------------------
_NUM_BEFORE = r"(?<![\d.,/:\-–])"
_NUM_AFTER = r"(?![\d]|[.,/\-:]\d)"
_DSEP = r"\s?[/.\-]\s?"  # 24/06/2024, 24.6.2024, 09-07-2024, "24 / 6 / 2024"
_Y4 = r"(?:19|20|21)\d\d"

# -- publication date (one short string) --
_P_DMY = re.compile(_NUM_BEFORE + r"(\d{1,2})" + _DSEP + r"(\d{1,2})" + _DSEP + r"(\d{4})" + _NUM_AFTER)
_P_YMD = re.compile(
    _NUM_BEFORE + r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?" + _NUM_AFTER
)
_P_VI_WORDS = re.compile(
    r"(?<!\d)(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:,\s*)?(?:năm\s*)?(\d{4})(?!\d)", re.I
)
_EN_MONTHS = {m: i for i, ms in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in ms}
_EN_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_P_EN_MDY = re.compile(r"\b" + _EN_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
_P_EN_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _EN_MONTH + r",?\s+(\d{4})\b", re.I)
_TIME = r"(\d{1,2})\s?(?::|h|giờ)\s?(\d{2})(?:\s?(?::|phút)\s?(\d{2}))?(?:\s?(am|pm|sa|ch)\b)?"
_P_TIME_AFTER = re.compile(r"\s*[,|\-–]?\s*(?:lúc|at|-)?\s*" + _TIME, re.I)
_P_TIME_BEFORE = re.compile(_TIME + r"\s*(?:[,|\-–]\s*)?(?:(?:ngày|thứ\s+\S+|chủ\s+nhật)[\s,]*)*$", re.I)
_P_GMT = re.compile(r"(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.I)
_P_PUB_LABEL = re.compile(r"(?:ngày\s+)?(?:đăng|xuất\s+bản|published|posted)", re.I)
_REL_PART = (r"(\d+|một|hai|ba)\s*(giây|phút|giờ|tiếng|ngày|tuần|seconds?|minutes?|mins?|hours?|days?|weeks?)")
_P_REL_PART = re.compile(_REL_PART, re.I)
# "2 giờ trước", "2 tuần 3 ngày trước", "3 hours, 5 minutes ago": parts are summed
_P_RELATIVE = re.compile(r"(?:" + _REL_PART + r"[\s,]*(?:và|and)?\s*)+(?:trước|ago)", re.I)
_P_YEAR4 = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# "1 tháng trước": the day would be invented from the fetch date; we return None.
_P_VAGUE_RELATIVE = re.compile(r"(?:tháng|năm|months?|years?)\s*(?:trước|ago)", re.I)
_RELATIVE_UNITS = {
    "giay": "seconds", "phut": "minutes", "gio": "hours", "tieng": "hours", "ngay": "days",
    "tuan": "weeks", "second": "seconds", "minute": "minutes", "min": "minutes",
    "hour": "hours", "day": "days", "week": "weeks",
}
_DAY_WORDS = {"hom nay": 0, "today": 0, "hom qua": 1, "yesterday": 1, "hom kia": 2}
_WEEKDAYS_FOLDED = {
    "thu hai": 0, "thu 2": 0, "thu ba": 1, "thu 3": 1, "thu tu": 2, "thu 4": 2,
    "thu nam": 3, "thu 5": 3, "thu sau": 4, "thu 6": 4, "thu bay": 5, "thu 7": 5,
    "chu nhat": 6,
}
_P_LAST_WEEK = re.compile(r"(thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat) tuan (?:truoc|roi)")
_P_HAS_TIME = re.compile(r"\d{1,2}\s?(?::|h|giờ)\s?\d{2}", re.I)
_P_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/\-_](\d{1,2})[/\-_](\d{1,2})(?=[/\-_.]|$)")

# -- event dates (a body) --
_DAY = r"(\d{1,2})"
_MON = r"(\d{1,2})"
_DM = _DAY + _DSEP + _MON  # 20/6
_DMY = _DAY + _DSEP + _MON + _DSEP + r"(\d{4}|\d{2})"  # 20/6/2024, 20/6/24 (flagged)
_RANGE_SEP = r"\s*(?:-|–|—|đến|tới|~)\s*(?:(?:ngày|hết\s+ngày)\s+)?"
_LIST_SEP = r"\s*(?:,|và|&)\s*(?:ngày\s+)?"
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_NUMBER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7,
                 "tam": 8, "chin": 9, "muoi": 10}
_YEAR_TAIL = r"(?:\s*(?:[/.\-]|,?\s*năm)\s*(" + _Y4 + r"))"  # "/2024", "-2024", " năm 2024"
_CAN_CHI_WORD = r"(giáp|ất|bính|đinh|mậu|kỷ|kỉ|canh|tân|nhâm|quý)\s+(tý|tí|sửu|dần|mão|mẹo|thìn|tỵ|tị|ngọ|mùi|thân|dậu|tuất|hợi)"

# Year-less days ("19/10", "23.5") are dates only right after one of these words: a
# bare "3/5" is a score or a fraction. Matched on the folded text before the number.
_P_DAY_TRIGGER = re.compile(
    r"(?:^|[^\w])(?:ngay|sang|chieu|toi|trua|dem|khuya|hom|tu|den|vao|truoc|sau|nay"
    r"|thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s*[(,:]?\s*$"
)
_P_MONTH_TRIGGER = re.compile(
    r"(?:^|[^\w])(?:trong|vao|tu|den|toi|dau|cuoi|giua|dip|hoi|suot|het|sang|ca|nhan|ngay)\s*$|(?:^|[.!?:\n]\s*)$")
# Document numbers: "Quyết định số 12/5/QĐ-UBND", "Công văn 20/6/2024/CV" are no dates.
_P_DOC_BEFORE = re.compile(r"(?:^|[^\w])(?:so|ky hieu)\s*:?\s*$")
_P_DOC_AFTER = re.compile(r"^\s?/\s?[A-ZĐ]", re.I)

_EVENT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # two full dates: "28/12/2023 đến ngày 3/1/2024", "(23/11/1946 - 23/11/2024)"
    ("full_range", re.compile(_NUM_BEFORE + _DAY + _DSEP + _MON + _DSEP + r"(\d{4})" + _RANGE_SEP
                              + _DAY + _DSEP + _MON + _DSEP + r"(\d{4})" + _NUM_AFTER, re.I)),
    # "20/6 đến 25/6/2024", "28/12 - 3/1/2024"
    ("dm_range", re.compile(_NUM_BEFORE + _DM + _RANGE_SEP + _DAY + _DSEP + _MON
                            + r"(?:" + _DSEP + r"(\d{4}))?" + _NUM_AFTER, re.I)),
    # "1-4/11", "1 đến 4/11/2024"
    ("d_range", re.compile(_NUM_BEFORE + _DAY + _RANGE_SEP + _DAY + _DSEP + _MON
                           + r"(?:" + _DSEP + r"(\d{4}))?" + _NUM_AFTER, re.I)),
    # "20 và 21/6/2024", "5, 6 và 7/6"
    ("d_list", re.compile(_NUM_BEFORE + r"(\d{1,2}(?:" + _LIST_SEP + r"\d{1,2}){1,8})" + _DSEP + _MON
                          + r"(?:" + _DSEP + r"(\d{4}))?" + _NUM_AFTER, re.I)),
    # "15 tháng 7 năm 2024", "ngày 15 tháng 7", "20 và 21 tháng 6 năm 2024", "1 - 4 tháng 11"
    ("d_words", re.compile(r"(?<![\d])(\d{1,2}(?:(?:" + _LIST_SEP + r"|" + _RANGE_SEP + r")\d{1,2}){0,8})"
                           r"\s+tháng\s+(\d{1,2})(?!\d)(?:\s*(?:,\s*)?(?:năm\s+|[/.\-]\s?)(\d{4}))?(?!\d)", re.I)),
    ("dmy", re.compile(_NUM_BEFORE + _DMY + _NUM_AFTER)),
    ("dm", re.compile(_NUM_BEFORE + _DM + _NUM_AFTER)),
    # "từ tháng 5 đến tháng 7/2024"
    ("month_range", re.compile(r"(?<!\w)tháng\s+(\d{1,2})(?:" + _YEAR_TAIL + r")?" + _RANGE_SEP
                               + r"(?:tháng\s+)?(\d{1,2})" + _YEAR_TAIL + r"(?!\d)", re.I)),
    # "từ tháng 7 đến tháng 9": both months named, no year (it comes from publication)
    ("month_range_noyear", re.compile(r"(?<!\w)tháng\s+(\d{1,2})\s*(?:-|–|—|đến|tới)\s*(?:hết\s+)?tháng\s+(\d{1,2})"
                                      r"(?!\d|[/.,\-]\d|\s*(?:,\s*)?năm\s+\d)", re.I)),
    # "N tháng đầu năm 2024", "sáu tháng cuối năm", "nửa đầu năm 2024"
    ("months_of_year", re.compile(r"(?<!\w)(?:(\d{1,2}|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười)\s+tháng|(nửa))"
                                  r"\s+(đầu|cuối)\s+năm(?:\s+(" + _Y4 + r"))?(?!\d)", re.I)),
    ("month", re.compile(r"(?<!\w)tháng\s+(\d{1,2})(?:" + _YEAR_TAIL + r")?(?!\d|[/.,\-]\d)", re.I)),
    ("quarter", re.compile(r"(?<!\w)quý\s+(IV|I{1,3}|[1-4])(?!\w)(?:" + _YEAR_TAIL + r")?(?!\d)", re.I)),
    # "giai đoạn 2021-2025", "năm 2023 - 2024": a span of years. Not "nhiệm kỳ 2022-2027":
    # a term of office names the organisation's mandate, not when anything happened.
    ("year_range", re.compile(r"(?<!\w)(?:năm|giai\s+đoạn|từ\s+năm)\s+(" + _Y4 + r")\s*(?:-|–|đến|tới)\s*(?:năm\s+)?("
                              + _Y4 + r")(?!\d)", re.I)),
    ("year", re.compile(r"(?<!\w)năm\s+(" + _Y4 + r"|1[0-8]\d\d)(?![\d/])", re.I)),
    # "Tết Nguyên đán Giáp Thìn 2024", "Tết Giáp Thìn", "Tết Nguyên đán 2024"
    ("tet", re.compile(r"(?<!\w)tết\s+(?:(?:nguyên\s+đán|cổ\s+truyền|âm\s+lịch)\s*)?(?:"
                       + _CAN_CHI_WORD + r")?(?:\s*(?:năm\s+)?(" + _Y4 + r"))?(?!\d)", re.I)),
]

# -- English pages (national site): month names are capitalised proper nouns, so they
# are matched case-sensitively ("may", "march" are words; "May", "March" are months).
_EN_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")
_EN_MONTH_CAP = "(" + "|".join(sorted(
    {alt for full in _EN_MONTH_NAMES for alt in (full, full.upper(), full[:3] + r"\.?")} | {r"Sept\.?"},
    key=len, reverse=True)) + r")(?![A-Za-z])"
_EN_D = r"(\d{1,2})(?:st|nd|rd|th)?"
_EN_Y = r"(?:,?\s+(" + _Y4 + r"))"
_EN_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}

_EN_EVENT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "October 5 to 7, 2025", "June 14 to August 31", "September 18 and 19, 2024"
    ("en_md_range", re.compile(r"(?<![\w.])" + _EN_MONTH_CAP + r"\s+" + _EN_D + r"\s*(-|–|—|to|until|till|through|and)\s*(?:"
                               + _EN_MONTH_CAP + r"\s+)?" + _EN_D + r"(?!\d)" + _EN_Y + r"?(?!\d)")),
    # "5-7 October 2025", "31 August to 3 September 2018"
    ("en_dm_range", re.compile(r"(?<![\d.,/:\-–])" + _EN_D + r"(?:\s+" + _EN_MONTH_CAP + r")?\s*(-|–|—|to|and)\s*"
                               + _EN_D + r"\s+(?:of\s+)?" + _EN_MONTH_CAP + _EN_Y + r"?(?!\d)")),
    # "June 24, 2024", "on June 24"
    ("en_md", re.compile(r"(?<![\w.])" + _EN_MONTH_CAP + r"\s+" + _EN_D + r"(?![\d:])" + _EN_Y + r"?(?![\d:])")),
    # "24 June 2024", "on 24 June"
    ("en_dm", re.compile(r"(?<![\d.,/:\-–])" + _EN_D + r"\s+(?:of\s+)?" + _EN_MONTH_CAP + _EN_Y + r"?(?!\d)")),
    # "March 2024", "in March"
    ("en_month", re.compile(r"(?<![\w.])" + _EN_MONTH_CAP + r"(?:,?\s+(" + _Y4 + r"))?(?![\w])(?!\s*\d)")),
    # "the first six months of 2024", "the first half of 2024", "the third quarter of 2024"
    ("en_period", re.compile(r"(?<!\w)(first|last)\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months"
                             r"\s+of\s+(?:the\s+year\s+)?(" + _Y4 + r")(?!\d)"
                             r"|(?<!\w)(first|second)\s+half\s+of\s+(?:the\s+year\s+)?(" + _Y4 + r")(?!\d)"
                             r"|(?<!\w)(first|second|third|fourth|last)\s+quarter\s+of\s+(?:the\s+year\s+)?(" + _Y4 + r")(?!\d)"
                             r"|(?<![\w/])Q([1-4])[\s/\-]+(" + _Y4 + r")(?!\d)", re.I)),
    # "from 2019 to 2021", "in the 2021-2025 period", "between 2019 and 2021"
    ("en_year_range", re.compile(r"(?<!\w)(?:from|between|in|during)\s+(?:the\s+)?(" + _Y4 + r")\s*(?:-|–|to|and)\s*("
                                 + _Y4 + r")(?![\d\-/])", re.I)),
    # "In 2022", "during 2024": a year after a time preposition
    ("en_year", re.compile(r"(?<!\w)(?:in|during|throughout|since|for\s+the\s+year|the\s+year)\s+(" + _Y4
                           + r")(?![\d\-/–]|\.\d|,\d)", re.I)),
]
# Year-less English dates count only after one of these words (or at a sentence start):
# "By September 19", "on June 24"; a bare "June 24" inside a name is no event.
_P_EN_TRIGGER = re.compile(r"(?:^|\W)(?:on|by|from|since|until|till|to|through|before|after|of|between|and|"
                           r"starting|beginning|ending|dated|in|during|early|late|mid|end\s+of)\s*[(,]?\s*$"
                           r"|(?:^|[.!?\n]\s*)$", re.I)
# Words that may follow "in 2022" when it is a year: "in 2000 households" is a count.
_EN_YEAR_FOLLOWERS = frozenset(("the", "and", "to", "alone", "when", "as", "was", "were", "is", "has", "had",
                                "it", "its", "this", "with", "for", "by", "in", "on", "at", "of", "a", "an",
                                "only", "saw", "compared", "while", "after", "before", "there", "we", "our"))
# Vietnamese-only letters: a text with (almost) none of them is an English page.
_P_VI_LETTER = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)

# Earlier in these lists wins when two patterns match at the same place with equal length.
_PRIORITY = {name: i for i, (name, _) in enumerate(_EVENT_PATTERNS + _EN_EVENT_PATTERNS)}


# ---------------------------------------------------------------------------
# Publication date
# ---------------------------------------------------------------------------
def _as_vn(dt: datetime) -> datetime:
    """Aware datetime in +07:00; a naive one is taken as UTC (how crawlers stamp times)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(VN_TZ)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _latest_allowed(fetched_at: datetime | None) -> date:
    base = _as_vn(fetched_at) if fetched_at else datetime.now(VN_TZ)
    return base.date() + timedelta(days=1)


def _plausible(d: date, fetched_at: datetime | None) -> bool:
    return MIN_YEAR <= d.year and d <= _latest_allowed(fetched_at)


def _time_near(text: str, start: int, end: int) -> time | None:
    """A clock time written right after or right before the date, if any."""
    m = _P_TIME_AFTER.match(text, end) or _P_TIME_BEFORE.search(text, max(0, start - 40), start)
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
    m = _P_GMT.search(text)
    if not m:
        return VN_TZ
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 14 * 60:
        return VN_TZ
    return timezone(timedelta(minutes=minutes if m.group(1) == "+" else -minutes))


def _iso(d: date, t: time | None, tz: timezone = VN_TZ) -> str:
    if t is None:
        return d.isoformat()
    return datetime.combine(d, t, tz).astimezone(VN_TZ).isoformat()


def _absolute_candidates(text: str) -> Iterator[tuple[int, int, date, time | None, timezone | None]]:
    """(start, end, date, time, zone) of every absolute day date the fast paths know.
    time/zone are only filled for ISO stamps, which carry their own."""
    for m in _P_YMD.finditer(text):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            t = None
            if m.group(4) and int(m.group(4)) < 24 and int(m.group(5)) < 60:
                t = time(int(m.group(4)), int(m.group(5)), min(int(m.group(6) or 0), 59))
            yield m.start(), m.end(), d, t, _parse_offset(m.group(7)) if t else None
    numeric_found = False
    for pattern, order in ((_P_DMY, (3, 2, 1)), (_P_VI_WORDS, (3, 2, 1)),
                           (_P_EN_MDY, (3, 1, 2)), (_P_EN_DMY, (3, 2, 1))):
        if numeric_found and pattern is not _P_DMY:
            return  # worded forms only when no numeric date is written (the common case)
        for m in pattern.finditer(text):
            y, mo, d = (m.group(i) for i in order)
            month = int(mo) if mo.isdigit() else _EN_MONTHS[mo.lower()]
            day = _safe_date(int(y), month, int(d))
            if day:
                numeric_found = True
                yield m.start(), m.end(), day, None, None


def _fast_absolute(text: str, fetched_at: datetime | None) -> str | None:
    cands = sorted(_absolute_candidates(text), key=lambda c: c[0])
    if not cands:
        return None
    # Several dates ("Đăng: 24/06/2024 | Cập nhật: 25/06/2024"): the labelled one wins.
    chosen = cands[0]
    for c in cands:
        if _P_PUB_LABEL.search(text, max(0, c[0] - 25), c[0]):
            chosen = c
            break
    start, end, d, t, tz = chosen
    if t is not None:  # an ISO stamp: convert its zone, then check the local date
        local = datetime.combine(d, t, tz).astimezone(VN_TZ)
        return local.isoformat() if _plausible(local.date(), fetched_at) else None
    if not _plausible(d, fetched_at):
        return None
    return _iso(d, _time_near(text, start, end), _offset_in(text))


def _parse_offset(s: str | None) -> timezone:
    if not s:
        return VN_TZ
    if s.upper() == "Z":
        return timezone.utc
    sign = 1 if s[0] == "+" else -1
    digits = s[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def _relative(text: str, fetched_at: datetime | None) -> str | None:
    """"2 giờ trước", "hôm qua", "Thứ Năm tuần trước" against the fetch time."""
    if fetched_at is None:
        return None
    now = _as_vn(fetched_at)
    folded = fold(text)
    m = _P_RELATIVE.search(text)
    if m:
        delta, units = timedelta(), set()
        for n_word, unit_word in _P_REL_PART.findall(m.group(0)):
            n_word = fold(n_word)
            n = int(n_word) if n_word.isdigit() else _NUMBER_WORDS[n_word]
            unit = _RELATIVE_UNITS[fold(unit_word).rstrip("s")]
            units.add(unit)
            delta += timedelta(**{unit: min(n, 100_000)})
        then = now - delta
        if units <= {"days", "weeks"}:  # a day count says nothing about the hour
            return then.date().isoformat()
        return then.replace(microsecond=0).isoformat()
    m = _P_LAST_WEEK.search(folded)
    if m:
        weekday = _WEEKDAYS_FOLDED[m.group(1)]
        monday_this_week = now.date() - timedelta(days=now.weekday())
        return (monday_this_week - timedelta(days=7 - weekday)).isoformat()
    for words, days_back in _DAY_WORDS.items():
        if re.search(r"(?<!\w)" + words + r"(?!\w)", folded):
            return _iso(now.date() - timedelta(days=days_back), _first_time(text))
    return None


def _first_time(text: str) -> time | None:
    m = re.search(_TIME, text, re.I)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))


def _dateparser_fallback(text: str, fetched_at: datetime | None, lang: str) -> str | None:
    """The long tail. REQUIRE_PARTS stops dateparser filling a missing day with today's."""
    import dateparser  # slow to import: only when the fast paths failed

    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if fetched_at is not None:
        settings["RELATIVE_BASE"] = _as_vn(fetched_at).replace(tzinfo=None)
    try:
        dt = dateparser.parse(text[:200], languages=[lang if lang in ("vi", "en") else "vi"],
                              settings=settings)
    except Exception:  # dateparser raises on odd input; its failure is just "no date"
        return None
    if dt is None or not _plausible(dt.date(), fetched_at):
        return None
    t = dt.time().replace(microsecond=0) if _P_HAS_TIME.search(text) else None
    return _iso(dt.date(), t)


def parse_date_text(text: str, *, fetched_at: datetime | None = None, lang: str = "vi") -> PublishedDate | None:
    """One date string from near the title -> PublishedDate(source="layout"), or None.

    Order: absolute fast paths (dd/mm/yyyy, ISO, "24 tháng 6 năm 2024", English month
    names), then relative forms against `fetched_at`, then dateparser for the rest.
    """
    try:
        if not text or not isinstance(text, str):
            return None
        clean = " ".join(nfc(text).split())[:500]
        value = _fast_absolute(clean, fetched_at) or _relative(clean, fetched_at)
        # dateparser only for absolute dates with a written year: relative forms are
        # ours above, and a bare duration ("2 tuần 3 ngày") is no date at all.
        if value is None and _P_YEAR4.search(clean) and not _P_VAGUE_RELATIVE.search(clean):
            value = _dateparser_fallback(clean, fetched_at, lang)
    except Exception:  # never let a page's odd text stop the item
        return None
    return PublishedDate(value, clean, "layout") if value else None


def _iso_value(raw: str, fetched_at: datetime | None) -> str | None:
    """A machine date (JSON-LD, meta, <time datetime>) -> our ISO value. Some CMSs put
    "24/06/2024 08:30" there instead of ISO 8601, so the same fast paths apply."""
    return _fast_absolute(" ".join(raw.split()), fetched_at)


_JSONLD_TYPES_FIRST = ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "WebPage")


def _jsonld_dates(tree) -> list[str]:
    found: list[tuple[int, str]] = []

    def walk(node, depth=0):
        if depth > 8:
            return
        if isinstance(node, list):
            for x in node:
                walk(x, depth + 1)
        elif isinstance(node, dict):
            value = node.get("datePublished") or node.get("dateCreated")
            if isinstance(value, str):
                kind = node.get("@type")
                kind = kind[0] if isinstance(kind, list) and kind else kind
                rank = _JSONLD_TYPES_FIRST.index(kind) if kind in _JSONLD_TYPES_FIRST else 99
                found.append((rank, value))
            for v in node.values():
                if isinstance(v, (list, dict)):
                    walk(v, depth + 1)

    for script in tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'):
        try:
            walk(json.loads(script.text or ""))
        except (ValueError, TypeError):
            continue
    return [v for _, v in sorted(found, key=lambda x: x[0])]


# Meta names, most specific first (trafilatura/htmldate use much the same list).
_META_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "pubdate", "publishdate", "publish_date", "publish-date", "published_time",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "date",
    "sailthru.date", "parsely-pub-date", "citation_publication_date",
)
# A <time> inside one of these is somebody else's date (sidebars, related news, footers).
_NOT_ARTICLE = re.compile(r"(?<![a-z])(?:related|sidebar|aside|footer|widget|other-?news|tin-?khac|"
                          r"tin-?lien-?quan|lien-?quan|cung-?chuyen-?muc|menu|nav|comment)", re.I)


def _meta_dates(tree) -> list[str]:
    by_key: dict[str, str] = {}
    for el in tree.xpath("//meta[@content]"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in _META_KEYS and key not in by_key:
            by_key[key] = el.get("content")
    values = [by_key[k] for k in _META_KEYS if k in by_key]
    # itemprop="datePublished" on a non-meta element (microdata), RDFa's schema:datePublished
    # or schema:dateCreated (Drupal) with the machine value in @content
    for el in tree.xpath('//*[@itemprop="datePublished" and not(self::meta)]'):
        values.append(el.get("datetime") or el.get("content") or el.text_content())
    for el in tree.xpath('//*[(@property="schema:datePublished" or @property="schema:dateCreated") and @content'
                         ' and not(self::meta)]'):
        if _in_article(el):
            values.append(el.get("content"))
    return values


def _in_article(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag in ("aside", "nav"):
            return False
        # a page's footer; an <article>'s own footer holds its author and date (HTML5, Drupal)
        if anc.tag == "footer" and not any(a.tag == "article" for a in anc.iterancestors()):
            return False
        if _NOT_ARTICLE.search((anc.get("class") or "") + " " + (anc.get("id") or "")):
            return False
    return True


def _time_dates(tree) -> list[str]:
    scope = tree.xpath("//article") or tree.xpath("//main") or [tree]
    out = []
    for el in scope[0].iter("time"):
        if el.get("datetime") and _in_article(el):
            out.append(el.get("datetime"))
    return out


def _url_date(url: str, fetched_at: datetime | None) -> PublishedDate | None:
    m = _P_URL_DATE.search(url or "")
    if not m:
        return None
    d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if d is None or not _plausible(d, fetched_at):
        return None
    return PublishedDate(d.isoformat(), m.group(0), "url")


def find_published(*, date_text: str | None, html: str | None, url: str,
                   fetched_at: datetime | None = None, lang: str = "vi") -> PublishedDate | None:
    """The page's publication date, from the most trusted source that has one.

    Order of trust:
      1. the layout's own date element (`date_text`): what the reader sees under the title;
      2. JSON-LD datePublished (Article types first): written by the CMS for machines;
      3. meta tags (article:published_time, itemprop datePublished, pubdate, DC.date ...);
      4. <time datetime> inside the article, never in aside/nav/footer/related lists;
      5. a /yyyy/mm/dd/ path in the URL.
    No free-text scan of the page: that is how sidebar and footer dates get in. A day from
    1. takes its time from 2-4 when they agree on the day.
    """
    found = parse_date_text(date_text, fetched_at=fetched_at, lang=lang) if date_text else None
    machine = _machine_date(html, fetched_at) if html and (not found or len(found.value) == 10) else None
    if found:
        # a day shown to readers, its time only in the page's metadata: take the time too
        return machine if machine and machine.value[:10] == found.value and len(machine.value) > 10 else found
    return machine or _url_date(url, fetched_at)


def _machine_date(html: str, fetched_at: datetime | None) -> PublishedDate | None:
    """The first date of JSON-LD, meta tags, then <time> in the article."""
    try:
        tree = _parse_html(html)
    except Exception:
        return None
    for source, values in (("json-ld", _jsonld_dates), ("meta", _meta_dates), ("time", _time_dates)):
        try:
            raws = values(tree)
        except Exception:
            continue
        for raw in raws:
            value = _iso_value(nfc(raw or "")[:200], fetched_at) if raw else None
            if value:
                return PublishedDate(value, raw.strip(), source)
    return None


def _parse_html(html: str):
    import lxml.html

    if isinstance(html, str):
        html = html.encode("utf-8", "surrogatepass")
    return lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8", recover=True))


# ---------------------------------------------------------------------------
# Event dates
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    folded: str  # fold(text): same length as text for NFC Vietnamese (1 char -> 1 char)
    published: date | None
    ref_year: int  # publication year, or this year when unknown
    english: bool = False  # English page: English month names and phrases too


def _triggered(ctx: _Ctx, pos: int) -> bool:
    """A year-less day/month counts only right after ngày, sáng, chiều, từ, thứ Hai ..."""
    return bool(_P_DAY_TRIGGER.search(ctx.folded, max(0, pos - 16), pos))


def _resolve_year(ctx: _Ctx, month: int, day: int) -> int | None:
    """Nearest year whose date is not more than NEAR_FUTURE_DAYS after publication."""
    if ctx.published is None:
        return None
    limit = ctx.published + timedelta(days=NEAR_FUTURE_DAYS)
    for y in (ctx.published.year + 1, ctx.published.year, ctx.published.year - 1):
        d = _safe_date(y, month, day)
        if d and d <= limit:
            return y
    return ctx.published.year - 1


def _year_flag(ctx: _Ctx, *years: int) -> str | None:
    if any(y < MIN_YEAR for y in years):
        return "before-1946"
    if any(y > ctx.ref_year + FAR_FUTURE_YEARS for y in years):
        return "future"
    return None


def _flagged(precision: str, text: str, flag: str) -> list[EventDate]:
    return [EventDate(None, None, precision, text, flag)]


def _days(ctx: _Ctx, span: str, parts: list[tuple[int, int, int | None]], as_range: bool) -> list[EventDate]:
    """Day dates from (day, month, year-or-None) parts; year-less ones take the last year
    written ("20/6 đến 25/6/2024"), moved back a year when the months wrap ("28/12 - 3/1/2024")."""
    written = [y for _, _, y in parts if y is not None]
    if any(y < 100 for y in written):
        return _flagged("day", span, "two-digit-year")
    last_year = written[-1] if written else None
    resolved: list[tuple[int, int, int]] = []
    last_dm = (parts[-1][1], parts[-1][0])
    if last_year is None:
        # No year written at all ("từ ngày 14/6 đến ngày 31/8"): the first date takes the
        # publication's nearest year and the others follow it forward, never backwards
        # ("28/12 - 3/1" crosses into the next year).
        d0, m0, _ = parts[0]
        y = _resolve_year(ctx, m0, d0)
        if y is None:
            if _safe_date(2000, m0, d0) is None:  # a leap year: checks day/month only
                return _flagged("day", span, "impossible")
            return _flagged("day", span, "no-year")
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
    dates = [_safe_date(y, m, d) for d, m, y in resolved]
    if any(x is None for x in dates):
        return _flagged("day", span, "impossible")
    flag = _year_flag(ctx, *(x.year for x in dates))
    if flag:
        return _flagged("day", span, flag)
    if as_range and dates[0] < dates[-1]:
        return [EventDate(dates[0].isoformat(), dates[-1].isoformat(), "day", span)]
    if not as_range and _consecutive(dates):
        return [EventDate(dates[0].isoformat(), dates[-1].isoformat(), "day", span)]
    return [EventDate(x.isoformat(), x.isoformat(), "day", span) for x in dict.fromkeys(dates)]


def _consecutive(dates: list[date]) -> bool:
    return len(dates) > 1 and all((b - a).days == 1 for a, b in zip(dates, dates[1:]))


def _period(ctx: _Ctx, span: str, precision: str, y: int | None, m1: int, m2: int) -> list[EventDate]:
    """Months m1..m2 of year y (or of the nearest year when y is None)."""
    if y is None:
        y = _resolve_year(ctx, m1, 1)
        if y is None:
            return _flagged(precision, span, "no-year")
    flag = _year_flag(ctx, y)
    if flag:
        return _flagged(precision, span, flag)
    start = date(y, m1, 1)
    end = date(y, m2, monthrange(y, m2)[1])
    return [EventDate(start.isoformat(), end.isoformat(), precision, span)]


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _h_full_range(ctx, span, g):
    d1, m1, y1, d2, m2, y2 = (int(x) for x in g)
    if (d1, m1) == (d2, m2) and y1 != y2:  # "(23/11/1946 - 23/11/2024)": an anniversary
        return _days(ctx, span, [(d1, m1, y1)], True) + _days(ctx, span, [(d2, m2, y2)], True)
    return _days(ctx, span, [(d1, m1, y1), (d2, m2, y2)], True)


def _h_dm_range(ctx, span, g):
    d1, m1, d2, m2, y = int(g[0]), int(g[1]), int(g[2]), int(g[3]), _int(g[4])
    return _days(ctx, span, [(d1, m1, None), (d2, m2, y)], True)


def _h_d_range(ctx, span, g):
    d1, d2, m, y = int(g[0]), int(g[1]), int(g[2]), _int(g[3])
    if d1 >= d2:  # "2-1/3": no range runs backwards; not a date
        return []
    return _days(ctx, span, [(d1, m, None), (d2, m, y)], True)


def _h_d_list(ctx, span, g):
    days = [int(x) for x in re.findall(r"\d{1,2}", g[0])]
    m, y = int(g[1]), _int(g[2])
    return _days(ctx, span, [(d, m, None) for d in days[:-1]] + [(days[-1], m, y)], False)


def _h_d_words(ctx, span, g):
    days = [int(x) for x in re.findall(r"\d{1,2}", g[0])]
    m, y = int(g[1]), _int(g[2])
    is_range = bool(re.search(_RANGE_SEP, g[0])) and len(days) == 2
    parts = [(d, m, None) for d in days[:-1]] + [(days[-1], m, y)]
    return _days(ctx, span, parts, is_range)


def _h_dmy(ctx, span, g):
    return _days(ctx, span, [(int(g[0]), int(g[1]), int(g[2]))], True)


def _h_dm(ctx, span, g):
    return _days(ctx, span, [(int(g[0]), int(g[1]), None)], True)


def _h_month_range(ctx, span, g):
    m1, y1, m2, y2 = int(g[0]), _int(g[1]), int(g[2]), int(g[3])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return []
    y1 = y1 or (y2 if m1 <= m2 else y2 - 1)
    if _year_flag(ctx, y1, y2):
        return _flagged("month", span, _year_flag(ctx, y1, y2))
    if date(y1, m1, 1) > date(y2, m2, 1):
        return []
    end = date(y2, m2, monthrange(y2, m2)[1])
    return [EventDate(date(y1, m1, 1).isoformat(), end.isoformat(), "month", span)]


def _h_month_range_noyear(ctx, span, g):
    """"từ tháng 7 đến tháng 9": the year of the first month, the end runs forward."""
    m1, m2 = int(g[0]), int(g[1])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or m1 == m2:
        return []
    y1 = _resolve_year(ctx, m1, 1)
    if y1 is None:
        return _flagged("month", span, "no-year")
    y2 = y1 if m2 > m1 else y1 + 1
    flag = _year_flag(ctx, y1, y2)
    if flag:
        return _flagged("month", span, flag)
    end = date(y2, m2, monthrange(y2, m2)[1])
    return [EventDate(date(y1, m1, 1).isoformat(), end.isoformat(), "month", span)]


def _h_months_of_year(ctx, span, g):
    word = fold(g[0] or g[1])
    n = 6 if word == "nua" else int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    if not n or not 1 <= n <= 11:
        return []
    first = fold(g[2]) == "dau"
    m1, m2 = (1, n) if first else (13 - n, 12)
    precision = {6: "half-year", 3: "quarter"}.get(n, "month")
    y = _int(g[3])
    if y is None:  # "sáu tháng đầu năm": this year, unless the period has not begun
        y = _resolve_year(ctx, m1, 1)
        if y is None:
            return _flagged(precision, span, "no-year")
    return _period(ctx, span, precision, y, m1, m2)


def _h_month(ctx, span, g):
    m, y = int(g[0]), _int(g[1])
    if not 1 <= m <= 12:
        return []
    return _period(ctx, span, "month", y, m, m)


def _h_quarter(ctx, span, g):
    q, y = _ROMAN_Q[g[0].lower()], _int(g[1])
    return _period(ctx, span, "quarter", y, 3 * q - 2, 3 * q)


def _h_year_range(ctx, span, g):
    y1, y2 = int(g[0]), int(g[1])
    if y2 < y1:
        return []
    flag = _year_flag(ctx, y1, y2)
    if flag:
        return _flagged("year", span, flag)
    return [EventDate(f"{y1}-01-01", f"{y2}-12-31", "year", span)]


def _h_year(ctx, span, g):
    y = int(g[0])
    flag = _year_flag(ctx, y)
    if flag:
        return _flagged("year", span, flag)
    return [EventDate(f"{y}-01-01", f"{y}-12-31", "year", span)]


_FOLD_BRANCH = {"ti": "ty", "meo": "mao"}


def _h_tet(ctx, span, g):
    stem, branch, year = g[0], g[1], _int(g[2])
    if year is None and stem:
        s = fold(stem).replace("ki", "ky")
        b = _FOLD_BRANCH.get(fold(branch), fold(branch))
        if s not in STEMS or b not in BRANCHES:
            return []
        near = ctx.published.year if ctx.published else None
        if near is None:
            return _flagged("day", span, "no-year")
        year = year_of_can_chi(s, b, near)
    if year is None:
        return []
    flag = _year_flag(ctx, year)
    if flag:
        return _flagged("day", span, flag)
    d = tet_date(year)
    if d is None:
        return []
    return [EventDate(d.isoformat(), d.isoformat(), "day", span)]


def _en_month(name: str) -> int:
    return _EN_MONTHS[name.rstrip(".").lower()]


def _h_en_md_range(ctx, span, g):
    m1, d1, sep, m2, d2, y = _en_month(g[0]), int(g[1]), g[2].lower(), g[3], int(g[4]), _int(g[5])
    m2 = _en_month(m2) if m2 else m1
    if m2 == m1 and d2 <= d1:
        return []  # "June 14 - 2": no range runs backwards
    return _days(ctx, span, [(d1, m1, None), (d2, m2, y)], sep != "and")


def _h_en_dm_range(ctx, span, g):
    d1, m1, sep, d2, m2, y = int(g[0]), g[1], g[2].lower(), int(g[3]), _en_month(g[4]), _int(g[5])
    m1 = _en_month(m1) if m1 else m2
    if m2 == m1 and d2 <= d1:
        return []
    return _days(ctx, span, [(d1, m1, None), (d2, m2, y)], sep != "and")


def _h_en_md(ctx, span, g):
    return _days(ctx, span, [(int(g[1]), _en_month(g[0]), _int(g[2]))], True)


def _h_en_dm(ctx, span, g):
    return _days(ctx, span, [(int(g[0]), _en_month(g[1]), _int(g[2]))], True)


def _h_en_month(ctx, span, g):
    m = _en_month(g[0])
    return _period(ctx, span, "month", _int(g[1]), m, m)


def _h_en_period(ctx, span, g):
    if g[0]:  # "the first six months of 2024"
        word = g[1].lower()
        n = int(word) if word.isdigit() else _EN_NUM_WORDS.get(word)
        if not n or not 1 <= n <= 11:
            return []
        m1, m2 = (1, n) if g[0].lower() == "first" else (13 - n, 12)
        precision = {6: "half-year", 3: "quarter"}.get(n, "month")
        return _period(ctx, span, precision, int(g[2]), m1, m2)
    if g[3]:  # "the first half of 2024"
        first = g[3].lower() == "first"
        return _period(ctx, span, "half-year", int(g[4]), 1 if first else 7, 6 if first else 12)
    q = _EN_ORDINALS[g[5].lower()] if g[5] else int(g[7])
    y = int(g[6]) if g[5] else int(g[8])
    return _period(ctx, span, "quarter", y, 3 * q - 2, 3 * q)


_HANDLERS: dict[str, Callable[[_Ctx, str, tuple], list[EventDate]]] = {
    "en_md_range": _h_en_md_range, "en_dm_range": _h_en_dm_range, "en_md": _h_en_md, "en_dm": _h_en_dm,
    "en_month": _h_en_month, "en_period": _h_en_period,
    "en_year_range": _h_year_range, "en_year": _h_year, "month_range_noyear": _h_month_range_noyear,
    "full_range": _h_full_range, "dm_range": _h_dm_range, "d_range": _h_d_range,
    "d_list": _h_d_list, "d_words": _h_d_words, "dmy": _h_dmy, "dm": _h_dm,
    "month_range": _h_month_range, "months_of_year": _h_months_of_year, "month": _h_month,
    "quarter": _h_quarter, "year_range": _h_year_range, "year": _h_year, "tet": _h_tet,
}
# Forms whose first number has no year written: they need a trigger word before them
# unless a 4-digit year closes the form.
_NEEDS_TRIGGER_WITHOUT_YEAR = {"dm_range": 5, "d_range": 4, "d_list": 3, "d_words": 3, "dm": None}


def _acceptable(ctx: _Ctx, name: str, m: re.Match[str]) -> bool:
    """Context checks a regex cannot express cheaply: triggers and document numbers."""
    before = ctx.folded[max(0, m.start() - 16):m.start()]
    if name in ("dmy", "dm", "full_range", "dm_range", "d_range", "d_list"):
        if _P_DOC_BEFORE.search(before) or _P_DOC_AFTER.match(ctx.text, m.end()):
            return False
    if name == "dmy" and len(m.group(3)) == 2:
        return _triggered(ctx, m.start())  # "20/6/24" only after ngày/sáng/...
    if name in _NEEDS_TRIGGER_WITHOUT_YEAR:
        year_group = _NEEDS_TRIGGER_WITHOUT_YEAR[name]
        has_year = year_group is not None and m.group(year_group) is not None
        if name == "d_words" and not has_year:
            return bool(re.search(r"(?:^|[^\w])ngay\s*$", before))  # "ngày 15 tháng 7"
        if not has_year:
            return _triggered(ctx, m.start())
    if name == "year":
        return not _edition_label(ctx, m.start())
    if name == "month_range_noyear":
        return bool(_P_MONTH_TRIGGER.search(before))
    if name.startswith("en_"):
        return _acceptable_en(ctx, name, m)
    if name == "quarter":
        # Without a year, like a month: "trong quý 2" is a period, "mỗi quý 2 lần" a
        # frequency, "ông Quý 2 lần" a person.
        return m.group(2) is not None or bool(_P_MONTH_TRIGGER.search(before))
    if name == "month":
        # "3 tháng 5 ngày" is a duration; "tháng 5" after a number is not a month name.
        if re.search(r"\d\s*$", before):
            return False
        # Without a year, "tháng 2" is a month only after a time word ("trong tháng 7",
        # "đầu tháng 3"): "mỗi tháng 2 lần" is a frequency.
        return m.group(2) is not None or bool(_P_MONTH_TRIGGER.search(before))
    return True


# "năm 2018" right after an event's name is the edition of a named event ("Hành trình Đỏ
# năm 2018", "“Tháng Nhân đạo” năm 2017", "lần thứ XI năm 2023", "đợt I năm 2021"), not a
# period in which something happened; a clause-initial "Năm 2019, Hội ..." is one.
_P_EDITION_BEFORE = re.compile(
    r"(?:[”\"»’]"  # a quoted name
    r"|(?i:lần\s+thứ|lần|đợt|mùa|kỳ|khóa|khoá)\s+(?:[IVXLC]+|\d{1,3})"  # an edition number
    # an event kind followed by its capitalised name: "Lễ hội Xuân hồng", "Hành trình Đỏ"
    r"|(?i:hành\s+trình|lễ\s+hội|ngày\s+hội|chiến\s+dịch|hội\s+thi|hội\s+diễn|hội\s+trại|giải|"
    r"tuần\s+lễ|tháng|chương\s+trình|festival)\s+(?:[A-ZĐÀ-Ỹ][^\s,.;:!?]*)(?:\s+[^\s,.;:!?]+){0,3}"
    r")\s*$")


def _edition_label(ctx: _Ctx, pos: int) -> bool:
    before = ctx.text[max(0, pos - 60):pos]
    line = before.rsplit("\n", 1)[-1]
    if line.isupper():  # an ALL-CAPS title: capitals say nothing about names
        return bool(re.search(r"[”\"»’]\s*$|(?:LẦN\s+THỨ|ĐỢT)\s+[IVXLC\d]+\s*$", line))
    return bool(_P_EDITION_BEFORE.search(before))


def _acceptable_en(ctx: _Ctx, name: str, m: re.Match[str]) -> bool:
    """English forms: year-less dates need a trigger word ("on June 24", "By September 19");
    "in 2000 households" is a count, not a year."""
    before = ctx.text[max(0, m.start() - 16):m.start()]
    if name == "en_year":
        nxt = re.match(r"\s+([A-Za-z]+)", ctx.text[m.end():m.end() + 30])
        return nxt is None or not nxt.group(1).islower() or nxt.group(1) in _EN_YEAR_FOLLOWERS
    if name in ("en_md_range", "en_dm_range"):
        if m.groups()[-1] is None:
            return bool(_P_EN_TRIGGER.search(before))
        return True
    if name in ("en_md", "en_dm", "en_month"):
        if m.groups()[-1] is not None:
            return True
        if name == "en_month":  # "May" opens sentences as a verb: a word trigger only
            return bool(re.search(r"(?:^|\W)(?:in|since|until|by|during|from|early|late|mid|end\s+of|"
                                  r"beginning\s+of|through|throughout)\s*-?\s*$", before, re.I))
        return bool(_P_EN_TRIGGER.search(before))
    return True


def _looks_english(text: str) -> bool:
    sample = text[:4000]
    letters = sum(c.isalpha() for c in sample)
    return letters >= 20 and len(_P_VI_LETTER.findall(sample)) < 0.01 * letters


def _candidates(ctx: _Ctx) -> list[tuple[int, int, int, str, re.Match[str]]]:
    out = []
    patterns = _EVENT_PATTERNS + _EN_EVENT_PATTERNS if ctx.english else _EVENT_PATTERNS
    for name, pattern in patterns:
        for m in pattern.finditer(ctx.text):
            if _acceptable(ctx, name, m):
                out.append((m.start(), -(m.end() - m.start()), _PRIORITY[name], name, m))
    out.sort(key=lambda c: c[:3])
    return out


def extract_event_dates(text: str, *, published: date | None = None,
                        lang: str | None = None) -> list[EventDate]:
    """Every event date in title + body, in text order, one entry per distinct date.

    `lang` "en" adds the English forms ("From October 5 to 7, 2025", "in March 2024",
    "the first six months of 2024"); None decides from the text (almost no Vietnamese
    letters: English).

    Overlapping matches: the earliest start wins, then the longest, then the pattern
    listed first in _EVENT_PATTERNS ("20 và 21/6/2024" beats "21/6/2024").
    """
    try:
        if not text or not isinstance(text, str):
            return []
        text = nfc(text)[:MAX_TEXT]
        folded = fold_aligned(text)
        if isinstance(published, datetime):
            published = published.date()
        ref_year = published.year if published else date.today().year
        english = lang.lower().startswith("en") if lang else _looks_english(text)
        ctx = _Ctx(text, folded, published, ref_year, english)
        results: list[EventDate] = []
        seen: set[tuple] = set()
        taken_until = -1
        for start, neg_len, _, name, m in _candidates(ctx):
            if start < taken_until:
                continue
            found = _HANDLERS[name](ctx, m.group(0), m.groups())
            if not found:
                continue  # a rejected match does not hide shorter ones inside it
            taken_until = start - neg_len
            for ev in found:
                key = (ev.start, ev.end, ev.precision) if ev.start else (ev.text, ev.flag)
                if key not in seen:
                    seen.add(key)
                    results.append(ev)
        return results
    except Exception:  # an extractor must not stop the item; log-worthy, not fatal
        return []
