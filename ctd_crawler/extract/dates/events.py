"""Every event date in a title + body, in text order, one entry per distinct date.

Each form's regex (patterns.py) proposes matches; its context check (events_vi,
events_en) rejects what is no date; its handler resolves the rest (resolve.py). Where
matches overlap, the earliest start wins, then the longest, then the pattern listed
first ("20 và 21/6/2024" beats "21/6/2024"); a rejected match hides nothing inside it.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ctd_crawler.extract.dates.events_en import HANDLERS_EN, acceptable_en, looks_english
from ctd_crawler.extract.dates.events_vi import HANDLERS_VI, acceptable_vi
from ctd_crawler.extract.dates.patterns import EN_EVENT_PATTERNS, EVENT_PATTERNS, PRIORITY
from ctd_crawler.extract.dates.resolve import Ctx, EventDate
from ctd_crawler.extract.text import fold_aligned, nfc

MAX_TEXT = 400_000  # characters scanned for event dates; longer bodies are cut (bounded time)
_HANDLERS = {**HANDLERS_EN, **HANDLERS_VI}


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


def extract_event_dates(text: str, *, published: date | None = None,
                        lang: str | None = None) -> list[EventDate]:
    """Every event date in title + body, in text order, one entry per distinct date.

    `lang` "en" adds the English forms ("From October 5 to 7, 2025", "in March 2024",
    "the first six months of 2024"); None decides from the text (almost no Vietnamese
    letters: English).

    Overlapping matches: the earliest start wins, then the longest, then the pattern
    listed first in EVENT_PATTERNS ("20 và 21/6/2024" beats "21/6/2024").
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
        ctx = Ctx(text, folded, published, ref_year, english)
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
