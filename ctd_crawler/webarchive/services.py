"""One polite HTTP client per web-archive service: Wayback CDX, Wayback replay, Common
Crawl's index, Common Crawl's data. Each keeps its own least interval between requests,
retries 429, 5xx and unanswered requests with a doubling back-off (a `Retry-After` the
service sends is obeyed, up to a minute), counts requests, retries and bytes, and after its
last retry raises `ServiceUnavailable`, one line a person can act on.

cdx_toolkit's own client (myrequests) is not used: its rate limits are module-wide
constants per host name, and it sleeps 60 s after each connection error up to 100 times,
so a service that is down would hold a backfill for over an hour instead of stopping it
with a message; nor does it count what it fetched.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import requests

from ctd_crawler import settings
from ctd_crawler.crawl.fetch import BadAddress

USER_AGENT = settings.USER_AGENT
RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_WAIT = 60.0


class ServiceUnavailable(RuntimeError):
    """A service that did not answer usefully after every retry (the message says which)."""


@dataclass(frozen=True)
class Politeness:
    interval: float  # least seconds between two requests to the service
    retries: int = 4
    backoff: float = 2.0  # first wait after a failure, doubled each time
    timeout: float = 30.0

    @classmethod
    def from_settings(cls, interval: float) -> Politeness:
        return cls(interval, settings.CTD_WEBARCHIVE_RETRIES, settings.CTD_WEBARCHIVE_BACKOFF,
                   settings.CTD_WEBARCHIVE_TIMEOUT)


class Service:
    def __init__(self, name: str, base_url: str, politeness: Politeness, count: Callable[..., None],
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic):
        if not base_url.startswith(("http://", "https://")):
            raise BadAddress(f"{name}: {base_url!r} is not an http(s) URL")
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.politeness = politeness
        self.count = count
        self.sleep = sleep
        self.clock = clock
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self._next_at = 0.0

    def url(self, path: str) -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def get(self, path: str, *, params=None, headers=None, stream: bool = False) -> requests.Response:
        """GET a path of the service (redirects are the caller's); retried as the module says."""
        url = self.url(path)
        waited = self.politeness.backoff
        for attempt in range(self.politeness.retries + 1):
            self._wait_turn()
            self.count(f"requests/{self.name}")
            try:
                response = self.session.get(url, params=params, headers=headers, timeout=self.politeness.timeout,
                                            allow_redirects=False, stream=stream)
            except (requests.ConnectionError, requests.Timeout) as exc:
                problem = _reason(exc)
                retry_after = None
            else:
                if response.status_code not in RETRY_STATUS:
                    if not stream:
                        self.count(f"bytes/{self.name}", len(response.content))
                    return response
                problem = f"HTTP {response.status_code}"
                retry_after = _retry_after(response.headers.get("Retry-After"))
                response.close()
            if attempt == self.politeness.retries:
                break
            self.count(f"retries/{self.name}")
            self.sleep(min(MAX_WAIT, retry_after if retry_after is not None else waited))
            waited *= 2
        raise ServiceUnavailable(f"{self.name} at {self.base_url} did not answer: {problem} "
                                 f"(after {self.politeness.retries + 1} tries)")

    def _wait_turn(self) -> None:
        now = self.clock()
        if now < self._next_at:
            self.sleep(self._next_at - now)
        self._next_at = max(now, self._next_at) + self.politeness.interval


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:  # an HTTP date: take the usual back-off instead
        return None


def _reason(exc: Exception) -> str:
    text = str(exc)
    for known in ("Connection refused", "Name or service not known", "timed out", "Connection reset"):
        if known.lower() in text.lower():
            return known.lower()
    return type(exc).__name__


def services(count: Callable[..., None], *, wayback_url: str | None = None, cc_index_url: str | None = None,
             cc_data_url: str | None = None, interval: float | None = None) -> dict[str, Service]:
    """The four services by name (URLs default to the settings); `interval` overrides every
    least interval."""
    def polite(default: float) -> Politeness:
        return Politeness.from_settings(default if interval is None else interval)

    wayback_url = wayback_url or settings.CTD_WAYBACK_URL
    cc_index_url = cc_index_url or settings.CTD_CC_INDEX_URL
    cc_data_url = cc_data_url or settings.CTD_CC_DATA_URL

    return {
        "wayback-cdx": Service("wayback-cdx", wayback_url, polite(settings.CTD_WAYBACK_CDX_INTERVAL), count),
        "wayback-replay": Service("wayback-replay", wayback_url, polite(settings.CTD_WAYBACK_REPLAY_INTERVAL), count),
        "cc-index": Service("cc-index", cc_index_url, polite(settings.CTD_CC_INDEX_INTERVAL), count),
        "cc-data": Service("cc-data", cc_data_url, polite(settings.CTD_CC_DATA_INTERVAL), count),
    }
