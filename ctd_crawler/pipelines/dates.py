"""Dates: the publication date (page sources in order of trust) and event dates in the text.

The page's machine-readable dates come from page.metadata, read lazily (only when the date
text shows no time, or no date) from the tree parse_page built.

A CMS that imported old stories stamps them all with the minute of the import: when
STAMP_MIN articles of one site claim one publication minute, that minute is no article's
date. Such an article takes the date its reporter wrote in a dateline, else its URL's,
else the date the sitemap or feed gave with its link (unless that is the stamp again);
without one its publication date is left empty (`ctd/suspect_date`). The page's own claim
stays in `page_date`. The first articles of a stamp are archived before it shows: the
archive pipeline re-dates them when the crawl ends (`redate_stamped`).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from ctd_crawler.extract.dates import (
    VN_TZ,
    PublishedDate,
    dateline_date,
    extract_event_dates,
    find_published,
    url_date,
    url_month,
)
from ctd_crawler.extract.dates.clock import parse_when
from ctd_crawler.items import ArticleItem
from ctd_crawler.page.metadata import date_candidates, date_candidates_of
from ctd_crawler.pipelines import Count, Step, guarded
from ctd_crawler.store.archive import Archive

# Articles of one site claiming one minute that make it a stamp. Real imports stamp dozens
# or hundreds; an editor posting three stories in one minute is not one.
STAMP_MIN = 4


def stamp_key(site: str | None, value: str | None) -> tuple[str, str] | None:
    """(site, minute) of a date-time claim; a bare day is shared by any busy day's articles."""
    return (site, value[:16]) if site and value and len(value) > 10 else None


class DatesPipeline(Step):
    def __init__(self, stats=None):
        super().__init__(stats)
        # (site, minute) -> URLs of the articles claiming it; None: no archive to tell stamps by
        # (one page read alone: `ctd-archive extract`)
        self.claims: dict[tuple[str, str], set[str]] | None = None

    @classmethod
    def from_crawler(cls, crawler):
        step = cls(crawler.stats)
        step.archive_path = crawler.settings.get("CTD_ARCHIVE")
        return step

    def open_spider(self) -> None:
        self.claims = {}
        path = getattr(self, "archive_path", None)
        if path and Path(path).is_file():
            archive = Archive(path, readonly=True)
            try:
                self.open(archive)
            finally:
                archive.close()

    def open(self, archive) -> None:
        """Start from the claims the archive holds (a crawl, or a re-extraction of it)."""
        self.claims = {key: set(urls) for key, urls in archive.shared_claims().items()}

    def close(self) -> None:
        self.claims = None

    def apply(self, item: ArticleItem, count: Count) -> ArticleItem:
        fetched = datetime.fromisoformat(item.fetched_at)

        def published() -> None:
            # the page as parse_page parsed it; only an item built without its tree is parsed again
            metadata = date_candidates(item.tree) if item.tree is not None else date_candidates_of(item.html)
            found = find_published(date_text=item.date_text, metadata=metadata,
                                   url=item.url, fetched_at=fetched, lang=item.lang)
            item.page_date = found.value if found else None
            key = stamp_key(item.site, item.page_date)
            if key and self._is_stamp(key, item.url):
                found = self._instead_of_stamp(item, key[1], fetched)
                if found is None:
                    count("suspect_date")
                    item.problems.append(f"publication date {item.page_date} is a migration stamp shared by "
                                         f"{len(self.claims[key])} articles of the site; no other date found")
            if found:
                item.published_at, item.published_text = found.value, found.text
            else:
                item.published_at, item.published_text = None, item.date_text
                if key is None:
                    count("missing_date")
                    item.problems.append(f"no publication date (date text: {item.date_text!r})")

        def events() -> None:
            day = date.fromisoformat(item.published_at[:10]) if item.published_at else None
            found = extract_event_dates(item.text_for_facts(), published=day, lang=item.lang,
                                        published_month=None if day else url_month(item.url))
            item.event_dates = [_event_dict(e) for e in found]
            if any(e.flag for e in found):
                count("flagged_dates")

        guarded(item, count, "published_at", published)
        guarded(item, count, "event_dates", events)
        return item

    def _is_stamp(self, key: tuple[str, str], url: str) -> bool:
        """Record this article's claim; True once STAMP_MIN articles claim the minute."""
        if self.claims is None:
            return False
        claimants = self.claims.setdefault(key, set())
        claimants.add(url)
        return len(claimants) >= STAMP_MIN

    @staticmethod
    def _instead_of_stamp(item: ArticleItem, stamp: str, fetched: datetime):
        when = parse_when(item.listed_at)  # ISO 8601 (sitemaps) or RFC 822 (feeds), with its offset
        listed = None
        if when is not None and when.astimezone(VN_TZ).isoformat()[:16] != stamp:  # a feed repeats the stamp
            listed = PublishedDate(when.astimezone(VN_TZ).date().isoformat(), item.listed_at, "listed")
            # its day only: the time is when the entry last changed
        for found in (dateline_date(item.body_text, fetched), url_date(item.url, fetched), listed):
            if found is not None:
                return found
        return None


def _event_dict(event) -> dict:
    return {"start": event.start, "end": event.end, "precision": event.precision,
            "text": event.text, "flag": event.flag}
