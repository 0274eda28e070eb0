"""Dates: the publication date (page sources in order of trust) and event dates in the text.

The page's machine-readable dates come from page.metadata, read lazily: the page text is
parsed only when the date text shows no time (or no date).
"""

from __future__ import annotations

from datetime import date, datetime

from ctd_crawler.extract.dates import extract_event_dates, find_published
from ctd_crawler.items import ArticleItem
from ctd_crawler.page.metadata import date_candidates_of
from ctd_crawler.pipelines import Count, Step, guarded


class DatesPipeline(Step):
    def apply(self, item: ArticleItem, count: Count) -> ArticleItem:
        fetched = datetime.fromisoformat(item.fetched_at)

        def published() -> None:
            found = find_published(date_text=item.date_text, metadata=date_candidates_of(item.html),
                                   url=item.url, fetched_at=fetched, lang=item.lang)
            if found:
                item.published_at, item.published_text = found.value, found.text
            else:
                item.published_text = item.date_text
                count("missing_date")
                item.problems.append(f"no publication date (date text: {item.date_text!r})")

        def events() -> None:
            day = date.fromisoformat(item.published_at[:10]) if item.published_at else None
            found = extract_event_dates(item.text_for_facts(), published=day, lang=item.lang)
            item.event_dates = [_event_dict(e) for e in found]
            if any(e.flag for e in found):
                count("flagged_dates")

        guarded(item, count, "published_at", published)
        guarded(item, count, "event_dates", events)
        return item


def _event_dict(event) -> dict:
    return {"start": event.start, "end": event.end, "precision": event.precision,
            "text": event.text, "flag": event.flag}
