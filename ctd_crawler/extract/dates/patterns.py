"""Every regex and closed word table of the dates extractor, in one place.

Numbers are bounded so no digit run can be cut into a date: nothing may touch a date on
either side but spaces and punctuation. Open vocabularies (trigger words, edition words,
event kinds, labels) are data under extract/data/dates/; the regexes are built from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ctd_crawler.extract.dates.lunar import BRANCH_NAMES, SPELLINGS, STEM_NAMES
from ctd_crawler.extract.lexicon import data_lines, data_toml
from ctd_crawler.extract.text import fold


def _alternation(words: Iterable[str], *, space: str = r"\s+") -> str:
    """Words as one regex alternation, in their order; a space in a word matches `space`."""
    return "|".join(space.join(re.escape(part) for part in w.split()) for w in dict.fromkeys(words))


def _folded(name: str) -> list[str]:
    """A data list matched on folded text: its words without diacritics."""
    return [fold(w) for w in data_lines(name)]


# -- closed tables --
EN_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
# lowercase full names and three-letter abbreviations (and "sept") -> month number
EN_MONTHS = {alt: i for i, full in enumerate(EN_MONTH_NAMES, start=1)
             for alt in (full[:3].lower(), full.lower(), *(("sept",) if full == "September" else ()))}
VI_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
                   "tám": 8, "chín": 9, "mười": 10}
NUMBER_WORDS = {fold(w): n for w, n in VI_NUMBER_WORDS.items()}  # folded, as compared
EN_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11}
EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
WEEKDAYS = {
    "thứ hai": 0, "thứ 2": 0, "thứ ba": 1, "thứ 3": 1, "thứ tư": 2, "thứ 4": 2,
    "thứ năm": 3, "thứ 5": 3, "thứ sáu": 4, "thứ 6": 4, "thứ bảy": 5, "thứ bẩy": 5, "thứ 7": 5,
    "chủ nhật": 6,
}
WEEKDAYS_FOLDED = {fold(name): n for name, n in WEEKDAYS.items()}
RELATIVE_UNITS = {
    "giay": "seconds", "phut": "minutes", "gio": "hours", "tieng": "hours", "ngay": "days",
    "tuan": "weeks", "second": "seconds", "minute": "minutes", "min": "minutes",
    "hour": "hours", "day": "days", "week": "weeks",
}
DAY_WORDS = {"hom nay": 0, "today": 0, "hom qua": 1, "yesterday": 1, "hom kia": 2}  # folded -> days back

_NUM_BEFORE = r"(?<![\d.,/:\-–])"
_NUM_AFTER = r"(?![\d]|[.,/\-:]\d)"
DSEP = r"\s?[/.\-]\s?"  # 24/06/2024, 24.6.2024, 09-07-2024, "24 / 6 / 2024"
_Y4 = r"(?:19|20|21)\d\d"

# ---------------------------------------------------------------------------
# Publication date (one short string)
# ---------------------------------------------------------------------------
P_DMY = re.compile(_NUM_BEFORE + r"(\d{1,2})" + DSEP + r"(\d{1,2})" + DSEP + r"(\d{4})" + _NUM_AFTER)
P_YMD = re.compile(
    _NUM_BEFORE + r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?" + _NUM_AFTER
)
P_VI_WORDS = re.compile(
    r"(?<!\d)(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:,\s*)?(?:năm\s*)?(\d{4})(?!\d)", re.I
)
_EN_MONTH = "(" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")\.?"
P_EN_MDY = re.compile(r"\b" + _EN_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
P_EN_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _EN_MONTH + r",?\s+(\d{4})\b", re.I)
_TIME = r"(\d{1,2})\s?(?::|h|giờ)\s?(\d{2})(?:\s?(?::|phút)\s?(\d{2}))?(?:\s?(am|pm|sa|ch)\b)?"
P_TIME = re.compile(_TIME, re.I)
P_TIME_AFTER = re.compile(r"\s*[,|\-–]?\s*(?:lúc|at|-)?\s*" + _TIME, re.I)
P_TIME_BEFORE = re.compile(_TIME + r"\s*(?:[,|\-–]\s*)?(?:(?:ngày|thứ\s+\S+|chủ\s+nhật)[\s,]*)*$", re.I)
P_HAS_TIME = re.compile(r"\d{1,2}\s?(?::|h|giờ)\s?\d{2}", re.I)
P_GMT = re.compile(r"(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.I)
P_PUB_LABEL = re.compile(r"(?:ngày\s+)?(?:" + _alternation(data_lines("dates/published_labels.txt")) + ")", re.I)
P_YEAR4 = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
P_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/\-_](\d{1,2})[/\-_](\d{1,2})(?=[/\-_.]|$)")
# A publication month in the path: a /yyyymm/ folder ("/channel/12380/202011/...") or
# /yyyy/mm/ without a day.
P_URL_MONTH = re.compile(r"/((?:19|20)\d\d)(?:(0[1-9]|1[0-2])|[/\-_](0?[1-9]|1[0-2]))/(?!\d{1,2}(?:[/\-_.]|$))")
# The publication stamp some news CMSs end a slug with (yyyymmdd + time, to the second or
# the millisecond: "-20240624083012345.htm"); a bare 8-digit number may be an id.
P_URL_STAMP = re.compile(r"-((?:19|20)\d\d)(\d\d)(\d\d)\d{6}(?:\d{3})?(?=\.\w+$|/?$)")

# -- relative forms --
# counts in words: one to three (larger ones are written in digits, and "năm" is a year)
_REL_PART = (r"(\d+|" + _alternation(w for w, n in VI_NUMBER_WORDS.items() if n <= 3) + r")\s*"
             r"(giây|phút|giờ|tiếng|ngày|tuần|seconds?|minutes?|mins?|hours?|days?|weeks?)")
P_REL_PART = re.compile(_REL_PART, re.I)
# "2 giờ trước", "2 tuần 3 ngày trước", "3 hours, 5 minutes ago": parts are summed
P_RELATIVE = re.compile(r"(?:" + _REL_PART + r"[\s,]*(?:và|and)?\s*)+(?:trước|ago)", re.I)
# "1 tháng trước": the day would be invented from the fetch date; we return None.
P_VAGUE_RELATIVE = re.compile(r"(?:tháng|năm|months?|years?)\s*(?:trước|ago)", re.I)
P_LAST_WEEK = re.compile(r"(" + _alternation(WEEKDAYS_FOLDED, space=" ") + r") tuan (?:truoc|roi)")
P_DAY_WORDS = [(re.compile(r"(?<!\w)" + words + r"(?!\w)"), back) for words, back in DAY_WORDS.items()]

# ---------------------------------------------------------------------------
# Event dates (a body), Vietnamese forms
# ---------------------------------------------------------------------------
_DAY = r"(\d{1,2})"
_MON = r"(\d{1,2})"
# A form's first number, not glued to a number or a date before it: _NUM_BEFORE + _DAY with the
# look-behind moved after the first digit (it then looks at that digit and the character before
# it). The same matches; but a regex that opens with a digit lets the engine jump from digit to
# digit, where one that opens with a look-behind is tried at every character of the text.
_FIRST = r"\d(?<![\d.,/:\-–]\d)\d?"
_FIRST_DAY = "(" + _FIRST + ")"
_DM = _FIRST_DAY + DSEP + _MON  # 20/6, opening a form
_DMY = _DM + DSEP + r"(\d{4}|\d{2})"  # 20/6/2024, 20/6/24 (flagged)
# "đêm 14 rạng sáng 15/8": a night that runs into the next morning is a range of two days.
RANGE_SEP = r"\s*(?:-|–|—|(?:kéo\s+dài\s+)?(?:đến|tới)|~|,?\s*(?:và\s+)?rạng(?:\s+sáng)?)\s*(?:(?:ngày|hết\s+ngày)\s+)?"
P_RANGE_SEP = re.compile(RANGE_SEP)
_LIST_SEP = r"\s*(?:,|và|&)\s*(?:ngày\s+)?"
# A bracketed name after the first date of a range: "từ 8/5 (Ngày Chữ thập đỏ quốc tế) đến 19/5".
_GLOSS = r"(?:\s*\([^()\d\n]{1,80}\))?"
P_DAY_NUMBER = re.compile(r"\d{1,2}")
_YEAR_TAIL = r"(?:\s*(?:[/.\-]|,?\s*năm)\s*(" + _Y4 + r"))"  # "/2024", "-2024", " năm 2024"
_CAN_CHI_WORD = ("(" + _alternation(w for n in STEM_NAMES for w in (n, *(o for o, c in SPELLINGS.items() if c == n)))
                 + r")\s+(" + _alternation(w for n in BRANCH_NAMES
                                           for w in (n, *(o for o, c in SPELLINGS.items() if c == n))) + ")")

# Year-less days ("19/10", "23.5") are dates only right after a trigger word: a bare
# "3/5" is a score or a fraction. Matched on the lowercased text before the number, with
# its diacritics: "sâu 2-3", "sáu 2/3" are no "sau 2/3".
P_DAY_TRIGGER = re.compile(
    r"(?:^|[^\w])(?:" + _alternation([*data_lines("dates/day_triggers.txt"), *WEEKDAYS]) + r")\s*[(,:]?\s*$"
)
P_MONTH_TRIGGER = re.compile(  # a word of the list, a sentence start, or an opening bracket: "(tháng 5)"
    r"(?:^|[^\w])(?:" + _alternation(_folded("dates/month_triggers.txt")) + r")\s*$|(?:^|[.!?:\n]\s*)$|\(\s*$")
P_MONTH_PART = re.compile(  # "cuối tháng 5", "early June": data/dates/month_parts.txt
    r"(?:^|\W)(?:" + _alternation(_folded("dates/month_parts.txt")) + r")\s*-?\s*(?:the\s+)?$", re.I)
P_DAY_WORD_BEFORE = re.compile(r"(?:^|[^\w])ngay\s*$")  # "ngày 15 tháng 7": the only trigger of d_words
P_MONTH_WORD = re.compile(r"tháng", re.I)
P_NUMBER_BEFORE = re.compile(r"\d\s*$")  # "3 tháng 5 ngày": a duration, not a month name
# Document numbers: "Quyết định số 12/5/QĐ-UBND", "Công văn 20/6/2024/CV" are no dates.
P_DOC_BEFORE = re.compile(
    r"(?:^|[^\w])(?:" + _alternation(_folded("dates/document_number_words.txt"), space=" ") + r")\s*:?\s*$")
P_DOC_AFTER = re.compile(r"^\s?/\s?[A-ZĐ]", re.I)
# A unit of measure right after the numbers: "ngập sâu 2-3 m", "1/2 ha" are measures.
P_MEASURE_AFTER = re.compile(r"\s?(?:" + _alternation(data_lines("dates/measure_units.txt")) + r")(?!\w)", re.I)
# A day named with "ngày" and then glossed by its date in brackets: "nhân Ngày Quốc tế Người
# hiến máu (14-6)"; the name holds no number and no comma ("Ngày hội có 3 đội (2-1)" is a
# score). Folded text before the number, and the text after it.
P_GLOSS_BEFORE = re.compile(r"(?:^|[^\w])ngay\s[^,.;!?\n()\d]{0,60}\(\s*$")
P_GLOSS_AFTER = re.compile(r"\s*\)")
# ... but one counted as an anniversary is the day commemorated, not the event's ("kỷ niệm 80
# năm Ngày Quốc khánh (2/9)": the ceremony is held on a day of its own)
P_ANNIVERSARY_GLOSS = re.compile(r"ky niem\s+\d+\s+nam\s+ngay\s[^,.;!?\n()\d]{0,60}\(\s*$")

EVENT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # two full dates: "28/12/2023 đến ngày 3/1/2024", "(23/11/1946 - 23/11/2024)"
    ("full_range", re.compile(_FIRST_DAY + DSEP + _MON + DSEP + r"(\d{4})" + _GLOSS + RANGE_SEP
                              + _DAY + DSEP + _MON + DSEP + r"(\d{4})" + _NUM_AFTER, re.I)),
    # "20/6 đến 25/6/2024", "28/12 - 3/1/2024"
    ("dm_range", re.compile(_DM + _GLOSS + RANGE_SEP + _DAY + DSEP + _MON
                            + r"(?:" + DSEP + r"(\d{4}))?" + _NUM_AFTER, re.I)),
    # "1-4/11", "1 đến 4/11/2024"
    ("d_range", re.compile(_FIRST_DAY + RANGE_SEP + _DAY + DSEP + _MON
                           + r"(?:" + DSEP + r"(\d{4}))?" + _NUM_AFTER, re.I)),
    # "20 và 21/6/2024", "5, 6 và 7/6"
    ("d_list", re.compile("(" + _FIRST + r"(?:" + _LIST_SEP + r"\d{1,2}){1,8})" + DSEP + _MON
                          + r"(?:" + DSEP + r"(\d{4}))?" + _NUM_AFTER, re.I)),
    # "15 tháng 7 năm 2024", "ngày 15 tháng 7", "20 và 21 tháng 6 năm 2024", "1 - 4 tháng 11"
    ("d_words", re.compile(r"(\d(?<!\d\d)\d?(?:(?:" + _LIST_SEP + r"|" + RANGE_SEP + r")\d{1,2}){0,8})"
                           r"\s+tháng\s+(\d{1,2})(?!\d)(?:\s*(?:,\s*)?(?:năm\s+|[/.\-]\s?)(\d{4}))?(?!\d)", re.I)),
    ("dmy", re.compile(_DMY + _NUM_AFTER)),
    ("dm", re.compile(_DM + _NUM_AFTER)),
    # "từ tháng 5 đến tháng 7/2024" (a form that opens with a word has its look-behind after
    # the word's first letter, as _FIRST: "t(?<!\wt)háng" is "(?<!\w)tháng", found sooner)
    ("month_range", re.compile(r"t(?<!\wt)háng\s+(\d{1,2})(?:" + _YEAR_TAIL + r")?" + RANGE_SEP
                               + r"(?:tháng\s+)?(\d{1,2})" + _YEAR_TAIL + r"(?!\d)", re.I)),
    # "tháng 5 và tháng 6/2023", "tháng 5, 6 và 7 năm 2023", "trong tháng 5 và tháng 6"
    ("month_list", re.compile(r"t(?<!\wt)háng\s+(\d{1,2}(?:\s*,\s*(?:tháng\s+)?\d{1,2}){0,10}\s*(?:(?:và|&)\s*(?:tháng\s+)?"
                              r"\d{1,2}|,\s*tháng\s+\d{1,2}))(?:" + _YEAR_TAIL + r")?(?!\d|[/.,\-]\d)", re.I)),
    # "từ tháng 7 đến tháng 9": both months named, no year (it comes from publication)
    ("month_range_noyear", re.compile(r"t(?<!\wt)háng\s+(\d{1,2})\s*(?:-|–|—|đến|tới)\s*(?:hết\s+)?tháng\s+(\d{1,2})"
                                      r"(?!\d|[/.,\-]\d|\s*(?:,\s*)?năm\s+\d)", re.I)),
    # "N tháng đầu năm 2024", "sáu tháng cuối năm", "nửa đầu năm 2024", "9 tháng năm 2023"
    ("months_of_year", re.compile(r"(?<!\w)(?:(\d{1,2}|" + _alternation(VI_NUMBER_WORDS) + r")\s+tháng|(nửa))"
                                  r"\s+(?:(đầu|cuối)\s+)?năm(?:\s+(" + _Y4 + r"))?(?!\d)", re.I)),
    ("month", re.compile(r"t(?<!\wt)háng\s+(\d{1,2})(?:" + _YEAR_TAIL + r")?(\s+năm\s+(?:sau|tới))?(?!\d|[/.,\-]\d)", re.I)),
    ("quarter", re.compile(r"q(?<!\wq)uý\s+(IV|I{1,3}|[1-4])(?!\w)(?:" + _YEAR_TAIL + r")?(?!\d)", re.I)),
    # "Tết Nguyên đán Giáp Thìn 2024", "Tết Giáp Thìn", "Tết Nguyên đán 2024"
    # "Tết cổ truyền Xuân Bính Ngọ 2026": the spring of a named year, after the word Tết
    ("tet", re.compile(r"t(?<!\wt)ết\s+(?:(?:nguyên\s+đán|cổ\s+truyền|âm\s+lịch)\s*)?(?:(?:xuân\s+)?"
                       + _CAN_CHI_WORD + r")?(?:\s*(?:năm\s+)?(" + _Y4 + r"))?(?!\d)", re.I)),
]

# ---------------------------------------------------------------------------
# Event dates, English forms (national site): month names are capitalised proper nouns,
# so they are matched case-sensitively ("may", "march" are words; "May", "March" months).
# ---------------------------------------------------------------------------
_EN_MONTH_CAP = "(" + "|".join(sorted(
    {alt for full in EN_MONTH_NAMES for alt in (full, full.upper(), full[:3] + r"\.?")} | {r"Sept\.?"},
    key=len, reverse=True)) + r")(?![A-Za-z])"
_EN_D = r"(\d{1,2})(?:st|nd|rd|th)?"
_EN_Y = r"(?:,?\s+(" + _Y4 + r"))"
_EN_BETWEEN = r"(?:([Bb]etween\s+))?"  # "between 3 and 9 May" is a range, "on 3 and 9 May" two days

EN_EVENT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "October 5 to 7, 2025", "June 14 to August 31", "September 18 and 19, 2024",
    # "July 2 and will run until September 9",
    # "May 8 (Red Cross Day) to May 19", "December 1, 2015 to January 20, 2016"
    ("en_md_range", re.compile(r"(?<![\w.])" + _EN_BETWEEN + _EN_MONTH_CAP + r"\s+" + _EN_D + _EN_Y + r"?" + _GLOSS
                               + r"\s*((?:-|–|—|to|until|till|through)(?:\s+the\s+end\s+of)?"
                               r"|and(?:\s+(?:will\s+)?(?:last|run|continue)s?\s+(?:until|till|to|through))?)\s*(?:"
                               + _EN_MONTH_CAP + r"\s+)?" + _EN_D + r"(?!\d)" + _EN_Y + r"?(?!\d)")),
    # "5-7 October 2025", "31 August to 3 September 2018", "between 3 and 9 May"
    ("en_dm_range", re.compile(r"(?<![\d.,/:\-–])" + _EN_BETWEEN + _EN_D + r"(?:\s+" + _EN_MONTH_CAP + r")?" + _GLOSS
                               + r"\s*(-|–|—|to|and)\s*"
                               + _EN_D + r"\s+(?:of\s+)?" + _EN_MONTH_CAP + _EN_Y + r"?(?!\d)")),
    # "June 24, 2024", "on June 24"
    ("en_md", re.compile(r"(?<![\w.])" + _EN_MONTH_CAP + r"\s+" + _EN_D + r"(?![\d:])" + _EN_Y + r"?(?![\d:])")),
    # "24 June 2024", "on 24 June"
    ("en_dm", re.compile("(" + _FIRST + r")(?:st|nd|rd|th)?" + r"\s+(?:of\s+)?" + _EN_MONTH_CAP + _EN_Y + r"?(?!\d)")),
    # "from May to November 2021", "between March and June", "May-November 2021", "in May and June 2023"
    ("en_month_range", re.compile(r"(?<![\w.])(?:([Ff]rom|[Bb]etween)\s+)?" + _EN_MONTH_CAP + r"(?:,?\s+(" + _Y4
                                  + r"))?\s*(-|–|to|until|till|through|and)\s*" + _EN_MONTH_CAP + r"(?:,?\s+(" + _Y4
                                  + r"))?(?![\w])(?!\s*\d)")),
    # "March 2024", "in March", "January next year"
    ("en_month", re.compile(r"(?<![\w.])" + _EN_MONTH_CAP + r"(?:,?\s+(" + _Y4 + r"))?(\s+next\s+year)?(?![\w])(?!\s*\d)")),
    # "Lunar New Year (Tet) 2021", "the Tet holiday 2024", "Tet 2025", "the 2026 Lunar New Year": the
    # lunar new year's day; not a name that goes on ("the 2026 Tet Festival", "a 2025 “Warm Tet” fair")
    ("en_tet", re.compile(r"(?<!\w)(?:(?:Tet|Lunar\s+New\s+Year)(?:\s*\((?:Tet|Lunar\s+New\s+Year)\))?"
                          r"(?:\s+holiday)?(?:\s+of)?,?\s+(" + _Y4 + r")(?![\d\-/–])"
                          r"|(" + _Y4 + r")\s+(?:Lunar\s+New\s+Year|Tet)(?!\w|\s*[A-Z“\"”]))")),
    # "the first six months of 2024", "the first half of 2024", "the third quarter of 2024"
    ("en_period", re.compile(r"(?<!\w)(first|last)\s+(\d{1,2}|" + _alternation(EN_NUM_WORDS) + r")\s+months"
                             r"\s+of\s+(?:the\s+year\s+)?(" + _Y4 + r")(?!\d)"
                             r"|(?<!\w)(first|second)\s+half\s+of\s+(?:the\s+year\s+)?(" + _Y4 + r")(?!\d)"
                             r"|(?<!\w)(" + _alternation(EN_ORDINALS) + r")\s+quarter\s+of\s+(?:the\s+year\s+)?("
                             + _Y4 + r")(?!\d)"
                             r"|(?<![\w/])Q([1-4])[\s/\-]+(" + _Y4 + r")(?!\d)", re.I)),
]
# Year-less English dates count only after a trigger word or at a sentence start; a
# year-less month only after a month trigger word.
P_EN_TRIGGER = re.compile(r"(?:^|\W)(?:" + _alternation(data_lines("dates/en_date_triggers.txt")) + r")\s*[(,]?\s*$"
                          r"|(?:^|[.!?\n]\s*)$", re.I)
# A named yearly day glossed by its date in brackets ("World Blood Donor Day (June 14)", "the
# founding anniversary of the Society (23 November)"): the day recurs, it dates no event.
P_EN_RECURRING_BEFORE = re.compile(r"(?:\bDay|\banniversary\b[^()\n]{0,80})\s*\(\s*$")
P_EN_MONTH_TRIGGER = re.compile(
    r"(?:^|\W)(?:" + _alternation(data_lines("dates/en_month_triggers.txt")) + r")\s*-?\s*$", re.I)
# Vietnamese-only letters: a text with (almost) none of them is an English page.
P_VI_LETTER = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)

# Right before a date that ends a period ("until July 30", "từ nay đến ngày 30/7"): it may
# lie ahead of the publication as well as behind it (resolve.Ctx.until).
P_UNTIL = re.compile(r"(?<!\w)(?:until|till|through|đến|tới)(?:\s+hết)?\s+(?:(?:the\s+)?end\s+of\s+)?"
                     r"(?:ngày\s+)?$", re.I)

# Two dates of their own joined as one range: "from December 2019 to January 20, 2020", "từ
# tháng 12/2019 đến ngày 20/1/2020" (the forms of one precision are ranges of their own).
P_RANGE_FROM = re.compile(r"(?<!\w)(?:from|between|từ)\s+(?:(?:the\s+)?(?:ngày|day)\s+)?$", re.I)
P_RANGE_TO = re.compile(r"\s*(?:to|until|till|through|đến|tới|[-–—])\s*(?:(?:hết\s+)?ngày\s+)?", re.I)

# Earlier in these lists wins when two patterns match at the same place with equal length.
PRIORITY = {name: i for i, (name, _) in enumerate(EVENT_PATTERNS + EN_EVENT_PATTERNS)}


# A founding anniversary the text counts, on the folded text: "ky niem 75 nam thanh lap hoi chu
# thap do viet nam", "the 70th founding anniversary of the vietnam red cross" -> the count and the body (FOUNDED: folded name -> its founding year).
FOUNDED = {fold(name): year for name, year in data_toml("dates/foundings.toml")["founded"].items()}
P_FOUNDING_ANNIVERSARY = re.compile(
    r"\b(?:ky niem (?P<vi>\d{1,3}) nam (?:ngay )?(?:thanh lap |truyen thong )?(?:cua )?"
    r"|(?P<en>\d{1,3})(?:st|nd|rd|th) (?:founding )?anniversary of (?:the )?(?:(?:founding|establishment) of )?(?:the )?)"
    r"(?P<body>" + "|".join(re.escape(k) for k in sorted(FOUNDED, key=len, reverse=True)) + r")\b"
    r"(?! (?:tinh|huyen|xa|phuong|quan|thanh pho|thi xa|thi tran|province|district|city)\b)")  # not a chapter's
# A school year ("năm học 2024 - 2025", "the 2024-2025 school year"; folded): a season from August
# of its first year; the year it ends in is the second.
P_SCHOOL_YEAR = re.compile(
    r"\bnam hoc ((?:19|20)\d\d) ?[-–/] ?((?:19|20)\d\d)\b|\b((?:19|20)\d\d) ?[-–/] ?((?:19|20)\d\d) school year\b"
    r"|\bschool year (?:of )?((?:19|20)\d\d) ?[-–/] ?((?:19|20)\d\d)\b")
SCHOOL_YEAR_FROM = 8  # months from August on belong to the school year that ends the next year
