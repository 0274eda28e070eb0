"""The long tail of publication-date strings: dateparser, on one short string only.

Never `search_dates` on a body: it turns durations like "6 tháng" into dates. Only
strings with a written year reach it (relative forms are ours, and a bare duration
"2 tuần 3 ngày" is no date at all).
"""

from __future__ import annotations

from datetime import datetime

from ctd_crawler.extract.dates.absolute import iso, plausible
from ctd_crawler.extract.dates.clock import as_vn
from ctd_crawler.extract.dates.patterns import P_HAS_TIME


def dateparser_fallback(text: str, fetched_at: datetime | None, lang: str) -> str | None:
    """The long tail. REQUIRE_PARTS stops dateparser filling a missing day with today's."""
    import dateparser  # slow to import: only when the fast paths failed

    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if fetched_at is not None:
        settings["RELATIVE_BASE"] = as_vn(fetched_at).replace(tzinfo=None)
    try:
        dt = dateparser.parse(text[:200], languages=[lang if lang in ("vi", "en") else "vi"],
                              settings=settings)
    except Exception:  # dateparser raises on odd input; its failure is just "no date"
        return None
    if dt is None or not plausible(dt.date(), fetched_at):
        return None
    t = dt.time().replace(microsecond=0) if P_HAS_TIME.search(text) else None
    return iso(dt.date(), t)
