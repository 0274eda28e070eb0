"""Every event date in a title + body, in text order, one entry per distinct date.

Each form's regex (patterns.py) proposes matches; its context check (events_vi,
events_en) rejects what is no date; its handler resolves the rest (resolve.py). Where
matches overlap, the earliest start wins, then the longest, then the pattern listed
first ("20 và 21/6/2024" beats "21/6/2024"); a rejected match hides nothing inside it.
"""

from __future__ import annotations

import bisect
import re
from calendar import monthrange
from dataclasses import replace
from datetime import date, datetime

from ctd_crawler.extract.dates.events_en import HANDLERS_EN, acceptable_en, looks_english
from ctd_crawler.extract.dates.events_vi import HANDLERS_VI, acceptable_vi
from ctd_crawler.extract.dates.patterns import (
    EN_EVENT_PATTERNS,
    EVENT_PATTERNS,
    FOUNDED,
    P_FOUNDING_ANNIVERSARY,
    P_RANGE_FROM,
    P_RANGE_TO,
    P_SCHOOL_YEAR,
    P_UNTIL,
    PRIORITY,
    SCHOOL_YEAR_FROM,
)
from ctd_crawler.extract.dates.resolve import PRECISIONS, TET_SEASON_FROM, Ctx, EventDate
from ctd_crawler.extract.text import fold_aligned, nfc

MAX_TEXT = 400_000  # characters scanned for event dates; longer bodies are cut (bounded time)
_HANDLERS = {**HANDLERS_EN, **HANDLERS_VI}
_NOT_A_SPAN = r"(?!\s*[-–]\s*(?:19|20)?\d\d\b)"  # "2021 - 2025" names no one year
# A year the text names as the time of what it reports (on the folded text): after "năm",
# "year", a date's slash ("15/3/2024", "3/2024") or an English month, "in", "of" or "the" ("the
# 2025 Red Journey"; not "since": the start of a period, "held annually since 2008"); not a
# birth or founding year ("sinh năm 1961", "born in 1961", "thành lập năm 1946", "initiated in
# 2008") nor either end of a span.
_TEXT_YEAR = re.compile(
    r"(?<!sinh )(?<!born )(?<!lap )(?<!ra doi )(?<!founded )(?<!initiated )(?<!established )(?<!launched )"
    r"(?:\b(?:nam|year) |(?<=\d)/|\b(?:in|of|the|for) |\b(?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december) (?:\d{1,2}(?:st|nd|rd|th)?,? )?)((?:19|20)\d\d)\b" + _NOT_A_SPAN)
# In the headline, any year but a span's ("Tháng Nhân đạo 2019").
_HEADLINE_YEAR = re.compile(r"(?<![\d\-–])(?<![\-–] )\b((?:19|20)\d\d)\b" + _NOT_A_SPAN)
# A Tết season the text names: "Tết 2021", "Xuân Bính Ngọ 2026", "Lunar New Year (Tet) 2021".
_TEXT_TET = re.compile(r"\b(?:tet|xuan|lunar new year)\b\)?[^.\n\d]{0,25}?\b((?:19|20)\d\d)\b")


def text_years(folded: str) -> list[tuple[int, int, int]]:
    """(position, year, season) of every year the text names, in text order (`folded`:
    fold_aligned, lower case): season 0 for a calendar year, else the first month, in the
    year before, of the season that ends in that year (a Tết's, a school year's)."""
    headline = folded[:folded.find("\n")] if "\n" in folded else ""
    found = {m.start(1): (m.start(1), int(m.group(1)), 0) for m in _HEADLINE_YEAR.finditer(headline)}
    for m in P_FOUNDING_ANNIVERSARY.finditer(folded):  # "kỷ niệm 75 năm Ngày thành lập Hội ...": 1946 + 75
        found[m.start()] = (m.start(), FOUNDED[m.group("body")] + int(m.group("vi") or m.group("en")), 0)
    for m in P_SCHOOL_YEAR.finditer(folded):
        first, last = (int(y) for y in m.groups() if y)
        if last == first + 1:
            found[m.start()] = (m.start(), last, SCHOOL_YEAR_FROM)
    # a year after "năm" is a calendar year even after a Tết word ("Ngày hội Xuân hồng năm 2026")
    found.update({m.start(1): (m.start(1), int(m.group(1)), TET_SEASON_FROM) for m in _TEXT_TET.finditer(folded)})
    found.update({m.start(1): (m.start(1), int(m.group(1)), 0) for m in _TEXT_YEAR.finditer(folded)})
    return sorted(found.values())


# A year that opens a sentence ("Năm 2019, ...", "Trong năm 2023, ...", "In 2022, ..."; folded text).
_OPENING_YEAR = re.compile(r"(?:^|[.!?\n])[^\w\n]*(?:trong |in |during )?(?:nam |year )?((?:19|20)\d\d)\b"
                           + _NOT_A_SPAN)


def _sentence_year(folded: str, opening: list[tuple[int, int]], pos: int) -> int | None:
    """The year that opens the sentence of the date at `pos`, if one does: the sentence is
    about that year ("Năm 2021, từ ngày 1-3 đến ngày 30-9, ...")."""
    i = bisect.bisect_left(opening, (pos, -1))
    if not i:
        return None
    at, year = opening[i - 1]
    return None if any(c in folded[at:pos] for c in ".!?\n") else year


def _named_near(ctx: Ctx, years: list[tuple[int, int, int]], pos: int) -> Ctx:
    """ctx with the year named last before `pos` (else first after it)."""
    i = bisect.bisect_right(years, (pos, 10_000, 13))
    _, year, season = years[i - 1] if i else years[0]
    return replace(ctx, text_season=year, season_from=season) if season else replace(ctx, text_year=year)


def _acceptable(ctx: Ctx, name: str, m: re.Match[str]) -> bool:
    return acceptable_en(ctx, name, m) if name.startswith("en_") else acceptable_vi(ctx, name, m)


# The word a form cannot match without (its regex holds it as written, case aside): a text
# whose lowercase lacks it is not scanned for that form. Every character that matches one of
# these letters case-insensitively lowercases to it (tests/extract/test_dates.py checks).
NEEDS = {
    "d_words": "tháng", "month_range": "tháng", "month_list": "tháng", "month_range_noyear": "tháng",
    "months_of_year": "năm", "month": "tháng", "quarter": "quý", "tet": "tết",
}


def _candidates(ctx: Ctx) -> list[tuple[int, int, int, str, re.Match[str]]]:
    out = []
    patterns = EVENT_PATTERNS + EN_EVENT_PATTERNS if ctx.english else EVENT_PATTERNS
    low = ctx.text.lower()
    for name, pattern in patterns:
        if name in NEEDS and NEEDS[name] not in low:
            continue
        for m in pattern.finditer(ctx.text):
            if _acceptable(ctx, name, m):
                out.append((m.start(), -(m.end() - m.start()), PRIORITY[name], name, m))
    out.sort(key=lambda c: c[:3])
    return out


def _range_of(text: str, first_at: tuple[int, int], start: int, first: EventDate, second: EventDate) -> EventDate | None:
    """"from <first> to <second>", each a date of its own: one range from the first's start to
    the second's end (None when the words between or before are not a range's, or it runs back)."""
    a, b = first_at
    if (second.start is None or first.end is None or second.end < first.start or not P_RANGE_FROM.search(text, max(0, a - 16), a)
            or not P_RANGE_TO.fullmatch(text, b, start)):
        return None
    precision = max(first.precision, second.precision, key=PRECISIONS.index)
    return EventDate(first.start, second.end, precision, text[a:start] + second.text)


def extract_event_dates(text: str, *, published: date | None = None, lang: str | None = None,
                        published_month: tuple[int, int] | None = None) -> list[EventDate]:
    """Every event date in title + body, in text order, one entry per distinct date.

    `lang` "en" adds the English forms ("From October 5 to 7, 2025", "in March 2024",
    "the first six months of 2024"); None decides from the text (almost no Vietnamese
    letters: English).

    Overlapping matches: the earliest start wins, then the longest, then the pattern
    listed first in EVENT_PATTERNS ("20 và 21/6/2024" beats "21/6/2024").

    Without `published`, a year-less date takes its year from `published_month` (year,
    month) when only the month is known, else from the year the text names nearest before
    it, else first after it ("Tháng Nhân đạo năm 2025 ... từ 1/3 đến 31/5"); with none, it is
    flagged "no-year".
    """
    try:
        if not text or not isinstance(text, str):
            return []
        text = nfc(text)[:MAX_TEXT]
        folded = fold_aligned(text)
        if isinstance(published, datetime):
            published = published.date()
        ref_year = published.year if published else date.today().year
        english = lang.lower().startswith("en") if lang else looks_english(text)
        month_end = None
        if published is None and published_month:
            y, m = published_month
            month_end = date(y, m, monthrange(y, m)[1])
            ref_year = y
        ctx = Ctx(text, folded, published, ref_year, english, month_end=month_end)
        years = text_years(folded) if published is None and month_end is None else []
        opening = None  # the years that open a sentence, read at the first candidate
        results: list[EventDate] = []
        seen: set[tuple] = set()
        taken_until = -1
        single_at = None  # (start, end) of the last match when it gave one resolved date
        for start, neg_len, _, name, m in _candidates(ctx):
            if start < taken_until:
                continue
            if opening is None:
                opening = [(m.start(1), int(m.group(1))) for m in _OPENING_YEAR.finditer(folded)]
            year = _sentence_year(folded, opening, start)
            if year is not None:  # "Năm 2021, từ ngày 1-3 đến ngày 30-9": that year, whatever the page's
                at = replace(ctx, published=None, month_end=None, text_year=year, text_season=None)
            else:
                at = _named_near(ctx, years, start) if years else ctx
            if P_UNTIL.search(ctx.text, max(0, start - 20), start):
                at = replace(at, until=True)
            found = _HANDLERS[name](at, m.group(0), m.groups())
            if not found:
                continue  # a rejected match does not hide shorter ones inside it
            if single_at is not None and len(found) == 1 and (joined := _range_of(ctx.text, single_at, start,
                                                                                  results[-1], found[0])):
                seen.discard((results[-1].start, results[-1].end, results[-1].precision))
                seen.add((joined.start, joined.end, joined.precision))
                results[-1], single_at, taken_until = joined, None, start - neg_len
                continue
            single_at = (start, start - neg_len) if len(found) == 1 and found[0].start else None
            taken_until = start - neg_len
            for ev in found:
                key = (ev.start, ev.end, ev.precision) if ev.start else (ev.text, ev.flag)
                if key not in seen:
                    seen.add(key)
                    results.append(ev)
        return results
    except Exception:  # an extractor must not stop the item; log-worthy, not fatal
        return []
