"""Archive: every item lands in the SQLite archive; each run adds a crawl_runs row."""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.exceptions import NotConfigured

from ctd_crawler.items import ArticleItem
from ctd_crawler.page import now_vn
from ctd_crawler.store import open_archive

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
        self.run_id = self.archive.start_run([s.id for s in sites], now_vn())
        self.stats.set_value("ctd/run_id", self.run_id)
        self.stats.set_value("ctd/archive", str(self.path))

    def process_item(self, item: ArticleItem) -> ArticleItem:
        outcome = self.archive.save(item)
        self.stats.inc_value(f"ctd/articles_{outcome}")
        return item

    def spider_closed(self, spider, reason: str) -> None:
        if self.archive is None:
            return
        stats = self.stats.get_stats()
        errors = sum(v for k, v in stats.items() if isinstance(v, int) and (
            k.startswith(("ctd/http_error", "spider_exceptions/")) or k in (
                "ctd/timeout", "ctd/dns_error", "ctd/download_error", "ctd/undecodable", "ctd/non_html")))
        self.archive.finish_run(
            self.run_id, finished_at=now_vn(), finish_reason=reason,
            status="finished" if reason == "finished" else "interrupted",
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
