"""The publication date of a page, from the most trusted source that has one.

Reading the page is not done here: the layout gives the date text readers see, and
ctd_crawler.page.metadata gives the machine-readable candidates (JSON-LD, meta tags,
<time>) in their order of trust. This module only parses date strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from ctd_crawler.extract.dates.absolute import fast_absolute, plausible
from ctd_crawler.extract.dates.clock import safe_date
from ctd_crawler.extract.dates.fallback import dateparser_fallback
from ctd_crawler.extract.dates.patterns import P_URL_DATE, P_URL_MONTH, P_URL_STAMP, P_VAGUE_RELATIVE, P_YEAR4
from ctd_crawler.extract.dates.relative import relative
from ctd_crawler.extract.text import nfc


@dataclass(frozen=True, slots=True)
class PublishedDate:
    value: str  # "2024-06-24", or "2024-07-09T03:03:00+07:00" when a time is known
    text: str  # the text it came from (published_text)
    source: str  # "layout" | "json-ld" | "meta" | "time" | "url" | "dateline" | "listed"


def parse_date_text(text: str, *, fetched_at: datetime | None = None, lang: str = "vi") -> PublishedDate | None:
    """One date string from near the title -> PublishedDate(source="layout"), or None.

    Order: absolute fast paths (dd/mm/yyyy, ISO, "24 tháng 6 năm 2024", English month
    names), then relative forms against `fetched_at`, then dateparser for the rest.
    """
    try:
        if not text or not isinstance(text, str):
            return None
        clean = " ".join(nfc(text).split())[:500]
        value = fast_absolute(clean, fetched_at) or relative(clean, fetched_at)
        # dateparser only for absolute dates with a written year: relative forms are
        # ours above, and a bare duration ("2 tuần 3 ngày") is no date at all.
        if value is None and P_YEAR4.search(clean) and not P_VAGUE_RELATIVE.search(clean):
            value = dateparser_fallback(clean, fetched_at, lang)
    except Exception:  # never let a page's odd text stop the item
        return None
    return PublishedDate(value, clean, "layout") if value else None


def find_published(*, date_text: str | None, url: str, fetched_at: datetime | None = None, lang: str = "vi",
                   metadata: Iterable[tuple[str, str]] = ()) -> PublishedDate | None:
    """The page's publication date, from the most trusted source that has one.

    Order of trust:
      1. the layout's own date element (`date_text`): what the reader sees under the title;
      2-4. the page's machine-readable dates, `metadata`: (source, raw string) pairs in
         their order of trust, as ctd_crawler.page.metadata.date_candidates gives them
         (JSON-LD datePublished, Article types first; meta tags; <time datetime> inside
         the article, never in aside/nav/footer/related lists). Iterated only when
         needed, so a lazy iterable parses the page only then;
      5. a /yyyy/mm/dd/ path in the URL, or a slug's -yyyymmddhhmmss[mmm] stamp.
    No free-text scan of the page: that is how sidebar and footer dates get in. A day from
    1. takes its time from 2-4 when they agree on the day.
    """
    found = parse_date_text(date_text, fetched_at=fetched_at, lang=lang) if date_text else None
    machine = None
    if not found or len(found.value) == 10:
        machine = _machine_date(metadata, fetched_at)
    if found:
        # a day shown to readers, its time only in the page's metadata: take the time too
        return machine if machine and machine.value[:10] == found.value and len(machine.value) > 10 else found
    return machine or url_date(url, fetched_at)


# "Hà Nội, 26/01/2018 – ..." / "(NĐ) - Ngày 6/9/2024, ...": a full date before the text's first dash.
_DATELINE = re.compile(r"^[^\n–—-]{0,60}?\b(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d)\b[^\n–—-]{0,20}\s[–—-]\s")


def dateline_date(body: str, fetched_at: datetime | None = None) -> PublishedDate | None:
    """The date a reporter wrote at the head of the text (a dateline), with its year."""
    m = _DATELINE.match(body or "")
    found = parse_date_text(m.group(1), fetched_at=fetched_at) if m else None
    return PublishedDate(found.value, m.group(0).strip(), "dateline") if found else None


def url_month(url: str) -> tuple[int, int] | None:
    """(year, month) a URL's path files its page under, when it gives no day
    ("/channel/12380/202011/...", "/2024/06/slug"): the publication month."""
    m = P_URL_MONTH.search(urlsplit(url or "").path)
    return (int(m.group(1)), int(m.group(2) or m.group(3))) if m else None


def _machine_date(candidates: Iterable[tuple[str, str]], fetched_at: datetime | None) -> PublishedDate | None:
    """The first candidate that parses. Some CMSs put "24/06/2024 08:30" there instead of
    ISO 8601, so the same fast paths apply."""
    for source, raw in candidates:
        value = fast_absolute(" ".join(nfc(raw)[:200].split()), fetched_at) if raw else None
        if value:
            return PublishedDate(value, raw.strip(), source)
    return None


def url_date(url: str, fetched_at: datetime | None = None) -> PublishedDate | None:
    m = P_URL_DATE.search(url or "") or P_URL_STAMP.search(urlsplit(url or "").path)
    if not m:
        return None
    d = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if d is None or not plausible(d, fetched_at):
        return None
    return PublishedDate(d.isoformat(), m.group(0), "url")
