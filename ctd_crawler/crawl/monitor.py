"""End-of-run checks, in the spirit of Spidermon: did this crawl run look healthy?

Pure functions over the run's stats (`ctd/...` keys, per site `ctd/site/<id>/...`) and
the stats of earlier runs (crawl_runs.stats), so they are tested with tables of cases.
A failed check is a sentence a person can act on; ArchivePipeline writes them to
`crawl_runs.checks` (JSON list) with status 'failed', logs them as one summary, and
`ctd-archive crawl` exits non-zero. Spidermon itself was not used: its monitors run as a
separate suite over an item validation schema we do not need, for four comparisons.

Checks (thresholds are settings):
- no site shows a sign of life (no article links, no 304, no page skipped as fresh) and
  none ever had articles: the run achieved nothing;
- a site that had articles in an earlier run shows no sign of life now: its listings moved
  or it is down;
- the error rate (pages that failed for good / pages requested, retries not counted twice)
  is over CTD_MONITOR_MAX_ERROR_RATE, once at least CTD_MONITOR_MIN_REQUESTS were requested
  (on a first run, whatever the number);
- a site's articles suddenly come without dates or without bodies (at most half the share
  of its last run with at least CTD_MONITOR_MIN_SAMPLE articles): its markup changed;
- fewer article links than CTD_MONITOR_MIN_ARTICLES in a run that read listing pages.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)
ERROR_KEYS = ("ctd/timeout", "ctd/dns_error", "ctd/download_error", "ctd/connection_lost", "ctd/too_large",
              "ctd/redirect_limit")
Stats = Mapping[str, Any]


@dataclass(frozen=True)
class Thresholds:
    max_error_rate: float = 0.2
    min_requests: int = 20
    min_sample: int = 3
    min_articles: int = 0

    @classmethod
    def from_settings(cls, settings) -> Thresholds:
        return cls(max_error_rate=settings.getfloat("CTD_MONITOR_MAX_ERROR_RATE", cls.max_error_rate),
                   min_requests=settings.getint("CTD_MONITOR_MIN_REQUESTS", cls.min_requests),
                   min_sample=settings.getint("CTD_MONITOR_MIN_SAMPLE", cls.min_sample),
                   min_articles=settings.getint("CTD_MONITOR_MIN_ARTICLES", cls.min_articles))


# Pages that arrived but could not be used: errors of the run, not of the site's server.
UNUSABLE_KEYS = ("ctd/undecodable", "ctd/non_html")


def error_stats(stats: Stats, *, unusable: bool = False) -> dict[str, int]:
    """The error counters of a run (pages that failed for good), by stats key; with
    `unusable`, also the pages that arrived but could not be read."""
    keys = ERROR_KEYS + (UNUSABLE_KEYS if unusable else ())
    return {k: v for k, v in stats.items() if isinstance(v, int) and v and (
        k.startswith(("ctd/http_error/", "spider_exceptions/")) or k in keys)}


def error_count(stats: Stats) -> int:
    return sum(error_stats(stats).values())


# What shows a site is alive in a run: article links found, pages confirmed unchanged, or
# entry pages still fresh from the last run (nothing was due).
_ALIVE = ("links", "not_modified", "entries_fresh")


def _site(stats: Stats, site: str, name: str) -> int:
    return int(stats.get(f"ctd/site/{site}/{name}", 0) or 0)


def _latest(previous: Iterable[Stats], site: str, name: str, at_least: int) -> Stats | None:
    """The newest earlier run in which the site had at least `at_least` of `name`."""
    return next((p for p in previous if _site(p, site, name) >= at_least), None)


def check_run(stats: Stats, previous: list[Stats], sites: Iterable[str],
              limits: Thresholds = Thresholds()) -> list[str]:
    """The failed checks of one run (empty: healthy). `previous`: earlier runs, newest first."""
    failures: list[str] = []
    sites = list(sites)
    alive = {site: sum(_site(stats, site, k) for k in _ALIVE) for site in sites}
    history = {site: _latest(previous, site, "links", 1) for site in sites}
    if sites and not any(alive.values()) and not any(history.values()):
        failures.append("no article was found or confirmed in this run: are the sites (or the mirror) "
                        "reachable, and their listings, sitemaps and feeds where the registry says?")
    for site in sites:
        before = history[site]
        if not alive[site] and before is not None:
            failures.append(f"site {site}: no articles found this run ({_site(before, site, 'links')} "
                            f"the last time it had any): listings moved or the site is down")
        items = _site(stats, site, "items")
        if items < limits.min_sample:
            continue
        earlier = _latest(previous, site, "items", limits.min_sample)
        for name, what in (("dated", "a publication date"), ("bodied", "a body")):
            share = _site(stats, site, name) / items
            if earlier is None:
                continue
            was = _site(earlier, site, name) / _site(earlier, site, "items")
            if was >= 0.5 and share <= was / 2:
                failures.append(f"site {site}: only {_site(stats, site, name)} of {items} articles have {what} "
                                f"({was:.0%} last time): has its layout changed?")
    # pages that failed for good / pages requested (a retried request is one page)
    requests = int(stats.get("downloader/request_count", 0) or 0) - int(stats.get("retry/count", 0) or 0)
    errors = error_count(stats)
    # a first run is judged on any number of requests: it has no earlier run to excuse it
    judged = requests >= limits.min_requests or (not previous and requests > 0)
    if judged and errors / requests > limits.max_error_rate:
        failures.append(f"error rate {errors / requests:.0%} ({errors} of {requests} pages failed) is over "
                        f"{limits.max_error_rate:.0%}")
    read = sum(_site(stats, s, "entries_read") for s in sites)
    links = sum(_site(stats, s, "links") for s in sites)
    if limits.min_articles and (read or not stats.get("ctd/entry_fresh")) and links < limits.min_articles:
        failures.append(f"only {links} article links found, fewer than the {limits.min_articles} expected")
    return failures


def report(run_id: Any, failures: list[str]) -> str:
    """The one summary logged at the end of a run."""
    if not failures:
        return f"crawl run #{run_id}: all checks passed"
    return f"crawl run #{run_id}: {len(failures)} check(s) FAILED\n" + "\n".join(f"  - {f}" for f in failures)
