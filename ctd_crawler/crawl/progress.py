"""Progress of a crawl: on a terminal, one status line rewritten every second; otherwise a
log line every CTD_PROGRESS_SECONDS and a last one when the crawl closes (cron, systemd and
CI logs get lines, however short the crawl). Off with CTD_PROGRESS=0 (the commands' --quiet)."""

from __future__ import annotations

import logging
import sys

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from ctd_crawler.crawl.monitor import error_count
from ctd_crawler.progress import log_to_stderr

logger = logging.getLogger("ctd_crawler.progress")  # the one ctd_crawler/progress.py writes


class CrawlProgress:
    def __init__(self, crawler, stream=None):
        self.stats = crawler.stats
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = 1.0 if self.tty else crawler.settings.getfloat("CTD_PROGRESS_SECONDS", 30)
        self.task = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("CTD_PROGRESS", True):
            raise NotConfigured  # --quiet: asked for, nothing to say
        progress = cls(crawler)
        if not progress.tty:
            log_to_stderr(with_bar=False)  # its lines whatever LOG_LEVEL says of the crawl's own
        crawler.signals.connect(progress.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(progress.spider_closed, signal=signals.spider_closed)
        return progress

    def status(self) -> str:
        s = self.stats.get_value
        queued = s("scheduler/enqueued", 0) - s("scheduler/dequeued", 0)
        errors = error_count(self.stats.get_stats())
        return (f"{s('downloader/response_count', 0)} pages, {s('ctd/articles_new', 0)} new articles, "
                f"{s('ctd/articles_updated', 0)} updated, {errors} errors, {queued} queued")

    def show(self) -> None:
        if self.tty:
            self.stream.write(f"\r\033[Kcrawling: {self.status()}")
            self.stream.flush()
        else:
            logger.info("crawling: %s", self.status())

    def spider_opened(self, spider) -> None:
        self.task = create_looping_call(self.show)
        self.task.start(self.every, now=False)

    def spider_closed(self, spider, reason) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        if self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()
        else:
            logger.info("crawled: %s", self.status())
