"""Dates: the publication date of a page and the dates of events in its text.

Vietnamese rules applied throughout: day before month, always; time zone
Asia/Ho_Chi_Minh, a fixed UTC+07:00 since 1975 (so no tz database is needed).

Error policy: the public functions never raise on str input. A date that cannot be
resolved is never guessed: `parse_date_text`/`find_published` return None, and
`extract_event_dates` keeps the text with start/end None and a `flag` (resolve.py).

Modules: clock (VN_TZ, now_vn), patterns (every regex and closed table; open word lists
are data under extract/data/dates/), published (the publication date from the date text,
the page's metadata candidates and the URL) with absolute, relative and fallback
(dateparser) for one date string; events (the scan of a body) with events_vi,
events_en (what each form means) and resolve (years, ranges, flags); lunar (Tết).
"""

from ctd_crawler.extract.dates.clock import VN_TZ, now_vn
from ctd_crawler.extract.dates.events import extract_event_dates
from ctd_crawler.extract.dates.published import (
           PublishedDate,
           dateline_date,
           find_published,
           parse_date_text,
           url_date,
           url_month,
)
from ctd_crawler.extract.dates.resolve import EventDate

__all__ = ["VN_TZ", "EventDate", "PublishedDate", "dateline_date", "extract_event_dates", "find_published", "now_vn",
           "parse_date_text", "url_date", "url_month"]
