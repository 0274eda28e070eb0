"""What a crawl does not need to fetch again, decided from the archive (read only).

The policy of incremental crawls as one component, in the way scrapy-deltafetch is one:
the spider asks it before every request and it answers "skip", or the validators for a
conditional request. It keeps its own state (which sites were crawled completely last
time, read once when the crawl starts) and its own stats:

- a known article confirmed less than CTD_REFETCH_DAYS ago is not requested
  (`ctd/known_skipped`); an older one is requested with its ETag / Last-Modified;
- a sitemap `lastmod` or feed date not newer than the stored fetch skips the article, a
  newer one fetches it even if it is recent (`ctd/lastmod_unchanged`);
- for a site whose last crawl was complete: listing pages, sitemaps and feeds read less
  than CTD_RECHECK_HOURS ago are not requested (`ctd/entry_fresh`), older ones are
  requested conditionally, and a listing page whose articles are all known and recent
  ends the pagination (`all_known`). A crawl that is killed or hits transient errors
  leaves its sites incomplete, so the next run re-reads every listing.

What a run reads and confirms is written by the archive pipeline (the one writer), from
the `EntryVisit` and `ArticleConfirmed` items the spider yields.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from ctd_crawler.extract.dates.clock import parse_when
from ctd_crawler.page.layouts import FAMILIES
from ctd_crawler.store.archive import Archive, ArticleState

Validators = tuple[str | None, str | None]  # (ETag, Last-Modified)
NO_VALIDATORS: Validators = (None, None)


class Incremental:
    def __init__(self, archive: Archive | None, crawler=None, *, refetch_days: float = 7, recheck_hours: float = 6,
                 full: bool = False):
        self.archive = archive
        self.crawler = crawler  # its stats exist once the crawl starts
        self.refetch = timedelta(days=refetch_days)
        self.recheck = timedelta(hours=recheck_hours)
        self.started = datetime.now(UTC)  # what the archive learnt after this is this run's own doing
        # Sites whose last crawl went through: their entry page states can be trusted.
        self.complete = set() if full or archive is None else archive.complete_sites()

    @classmethod
    def from_crawler(cls, crawler, *, full: bool = False) -> Incremental:
        """Built with the spider, before the archive pipeline marks this run's sites incomplete."""
        settings = crawler.settings
        path = settings.get("CTD_ARCHIVE")
        archive = Archive(path, readonly=True) if path and Path(path).is_file() else None
        return cls(archive, crawler, refetch_days=settings.getfloat("CTD_REFETCH_DAYS", 7),
                   recheck_hours=settings.getfloat("CTD_RECHECK_HOURS", 6), full=full)

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None

    def _count(self, key: str) -> None:
        if self.crawler is not None:
            self.crawler.stats.inc_value(f"ctd/{key}")

    def learnt(self, site: str) -> dict:
        """What earlier runs learnt of the site's URLs (crawl/routing.py), to start from."""
        return self.archive.learnt_kinds(site) if self.archive is not None else {}

    def family(self, site: str) -> str | None:
        """The CMS family earlier runs recognised for a site the registry names none for."""
        family = self.archive.learnt_family(site) if self.archive is not None else None
        return family if family in FAMILIES else None  # "auto": not recognised yet

    def sections(self, site: str) -> list[str]:
        """The listings an earlier run reached from the site's home page."""
        return self.archive.entry_urls(site, "section") if self.archive is not None else []

    # -- listing pages, sitemaps, feeds -----------------------------------------
    def entry(self, url: str, site: str) -> Validators | None:
        """None: skip this entry page (read recently); else the validators to send."""
        state = self.archive.entry_state(url) if site in self.complete else None
        if state is None:
            return NO_VALIDATORS
        etag, last_modified, checked_at, kind = state
        if age(checked_at) < self.recheck:
            self._count("entry_fresh")
            self._count(f"site/{site}/entries_fresh")
            return None
        # A sitemap index is always read: a 304 on it would hide its changed children.
        return NO_VALIDATORS if kind == "sitemapindex" else (etag, last_modified)

    def child_unchanged(self, url: str, site: str, lastmod: str | None) -> bool:
        """A child sitemap whose lastmod is not newer than our last complete read of it."""
        changed = parse_when(lastmod)
        if changed is None or site not in self.complete:
            return False
        state = self.archive.entry_state(url)
        checked = parse_when(state[2]) if state else None
        if checked and changed <= checked:
            self._count("lastmod_unchanged")
            return True
        return False

    # -- articles -----------------------------------------------------------------
    def article_states(self, urls: list[str], site: str) -> dict[str, ArticleState | None]:
        """What the archive knows of a listing page's articles (looked up once for the page);
        empty unless the site's last crawl was complete."""
        if site not in self.complete:
            return {}
        return {u: self.archive.article_state(u) for u in urls}

    def all_known(self, states: dict[str, ArticleState | None]) -> bool:
        """Every article of a listing page is archived and recent: older pages hold nothing new."""
        if states and all(s is not None and age(s.last_seen) < self.refetch for s in states.values()):
            self._count("known_stop")
            return True
        return False

    def article(self, url: str, changed_at: str | None, known: dict) -> Validators | None:
        """None: skip this article (unchanged or confirmed recently); else the validators.
        `known`: states already looked up for this page's links."""
        if url in known:
            state = known[url]
        else:
            state = self.archive.article_state(url) if self.archive else None
        if state is None:
            return NO_VALIDATORS
        seen = parse_when(state.last_seen)
        if seen and seen >= self.started:
            return None  # archived by this run already (under this URL, after a redirect): nothing to decide
        changed = parse_when(changed_at)
        if changed is not None:
            fetched = parse_when(state.fetched_at or state.last_seen)
            if fetched and changed <= fetched:
                self._count("lastmod_unchanged")
                return None
        elif age(state.last_seen) < self.refetch:
            self._count("known_skipped")
            return None
        return state.etag, state.last_modified


def age(when: str | None) -> timedelta:
    parsed = parse_when(when)
    return datetime.now(UTC) - parsed if parsed else timedelta.max
