"""Downloader middlewares for misbehaving servers: back off when told to, count redirect loops.

Scrapy retries 429 and 503 (RETRY_HTTP_CODES) but at once: `RetryAfterMiddleware` makes
the host's download slot wait what the server's `Retry-After` asks (capped by
CTD_RETRY_AFTER_MAX seconds; without the header, at least CTD_BACKOFF_SECONDS) and puts
the slot's own delay back after the next good response. Scrapy drops a redirect back to an
already-requested URL silently (duplicate filter): `RedirectLoopMiddleware` counts it.
Stats: `ctd/backoff/<status>`, `ctd/redirect_loop`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from scrapy.http import Request, Response

from ctd_crawler.crawl.urls import canonical_url

logger = logging.getLogger(__name__)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware:
    STATUSES = (429, 503)

    def __init__(self, crawler):
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("CTD_RETRY_AFTER_MAX", 120)
        self.minimum = crawler.settings.getfloat("CTD_BACKOFF_SECONDS", 1.0)
        self._normal_delay: dict[str, float] = {}  # slot key -> its delay before backing off

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider=None) -> Response:
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        if slot is None:
            return response
        if response.status in self.STATUSES:
            header = response.headers.get("Retry-After")
            wait = retry_after_seconds(header.decode("latin-1") if header else None)
            wait = min(self.cap, max(self.minimum, wait or 0.0))
            self._normal_delay.setdefault(key, slot.delay)
            slot.delay = max(slot.delay, wait)
            self.crawler.stats.inc_value(f"ctd/backoff/{response.status}")
            logger.info("HTTP %s from %s: waiting %.1f s between its requests", response.status, key, wait)
        elif key in self._normal_delay and response.status < 400:
            slot.delay = self._normal_delay.pop(key)
        return response


class RedirectLoopMiddleware:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response, spider=None) -> Response:
        location = response.headers.get("Location")
        if 300 <= response.status < 400 and location:
            target = canonical_url(urljoin(request.url, location.decode("latin-1")))
            chain = {canonical_url(u) for u in [*request.meta.get("redirect_urls", []), request.url]}
            if target in chain:
                self.stats.inc_value("ctd/redirect_loop")
                logger.warning("redirect loop: %s -> %s", request.url, target)
        return response
