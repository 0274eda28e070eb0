"""Archive: every item lands in the SQLite archive, through the one writer.

This pipeline owns the run's state too: the crawl_runs row (opened at the start, closed
with the verdict of the end-of-run checks, ctd_crawler/crawl/monitor.py) and the sites'
completeness marks: NULL while a crawl of them runs, a time when it ended cleanly with no
transient failure (`ctd/site/<id>/transient`), so that the next run trusts its entry pages.
"""

from __future__ import annotations

import json
import logging

from scrapy import signals
from scrapy.exceptions import NotConfigured

from ctd_crawler.crawl.monitor import Thresholds, check_run, error_stats, report
from ctd_crawler.items import ArticleConfirmed, EntryVisit, SiteLearnt
from ctd_crawler.page.parse import now_vn
from ctd_crawler.store import open_archive
from ctd_crawler.store.reextract import redate_stamped

logger = logging.getLogger(__name__)


class ArchivePipeline:
    def __init__(self, path: str, crawler):
        self.path = path
        self.crawler = crawler
        self.stats = crawler.stats
        self.archive = None
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("CTD_ARCHIVE")
        if not path:
            raise NotConfigured("CTD_ARCHIVE is empty: nothing will be archived")
        pipeline = cls(path, crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        self.archive = open_archive(self.path)
        for name in self.archive.migrated:
            logger.info("archive %s: applied migration %s", self.path, name)
        sites = getattr(self.crawler.spider, "sites", ())
        self.archive.sync_sites(sites)
        # Until this run ends cleanly, the next one must not trust what this one half-did.
        self.archive.mark_sites([s.id for s in sites], None)
        self.run_id = self.archive.start_run([s.id for s in sites], now_vn())
        self.stats.set_value("ctd/run_id", self.run_id)
        self.stats.set_value("ctd/archive", str(self.path))

    def process_item(self, item):
        if isinstance(item, EntryVisit):
            self.archive.save_entry(item.url, item.site, item.kind, item.checked_at, item.etag, item.last_modified,
                                    keep_validators=item.not_modified)
            return item
        if isinstance(item, ArticleConfirmed):
            self.archive.touch(item.url, item.seen_at)
            return item
        if isinstance(item, SiteLearnt):
            self.archive.learn(item.site, item.family, item.patterns)
            return item
        outcome = self.archive.save(item)
        self.stats.inc_value(f"ctd/articles_{outcome}")
        # per site, for the checks: a layout that suddenly yields no dates or bodies
        for name, present in (("items", True), ("dated", item.published_at), ("bodied", item.body_text)):
            if present:
                self.stats.inc_value(f"ctd/site/{item.site}/{name}")
        return item

    def spider_closed(self, spider, reason: str) -> None:
        if self.archive is None:
            return
        stats = self.stats.get_stats()
        errors = sum(error_stats(stats, unusable=True).values())
        sites = [s.id for s in getattr(spider, "sites", ())]
        failures = check_run(stats, self.archive.previous_runs(self.run_id), sites,
                             Thresholds.from_settings(self.crawler.settings))
        (logger.error if failures else logger.info)(report(self.run_id, failures))
        if reason == "finished":
            transient = {s: int(stats.get(f"ctd/site/{s}/transient", 0)) for s in sites}
            self.archive.mark_sites([s for s, n in transient.items() if not n], now_vn())
            for site, n in transient.items():
                if n:
                    logger.info("site %s had %d transient failures: the next run re-reads all its listings", site, n)
        self.stats.set_value("ctd/checks_failed", len(failures))
        if redated := redate_stamped(self.archive):
            logger.info("re-dated %d articles archived before their migration stamp showed", redated)
            self.stats.set_value("ctd/redated_stamped", redated)
        status = "interrupted" if reason != "finished" else "failed" if failures else "finished"
        self.archive.finish_run(
            self.run_id, finished_at=now_vn(), finish_reason=reason, status=status,
            checks=json.dumps(failures, ensure_ascii=False),
            pages_fetched=stats.get("downloader/response_count", 0),
            articles_new=stats.get("ctd/articles_new", 0),
            articles_updated=stats.get("ctd/articles_updated", 0),
            articles_unchanged=stats.get("ctd/articles_unchanged", 0),
            errors=errors,
            stats={k: v for k, v in stats.items() if k.startswith(("ctd/", "downloader/", "retry/",
                                                                 "robotstxt/", "item_", "log_count/"))},
        )
        self.archive.close()
        self.archive = None
