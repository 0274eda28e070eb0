"""JOBDIR that survives a SIGKILL.

Scrapy writes a JOBDIR's queue state (active.json, queue sizes, buffered request
fingerprints) only when the spider closes. After a hard kill those files no longer agree
with each other: resuming from them loses requests (their fingerprints say "seen", the
queue no longer holds them) or reads garbage. This extension leaves a marker in JOBDIR
while a crawl runs; finding it at start means the last run was killed, and the stale queue
is discarded before the scheduler opens it. The crawl then resumes from the archive
instead: the killed run left its sites incomplete, so every listing is re-read, and every
article already archived is skipped (ctd_crawler/crawl/spider.py). After a graceful stop
(SIGTERM, Ctrl-C once) the marker is gone and Scrapy resumes from its own queue.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.job import job_dir

from ctd_crawler.crawl.seen import DUPEFILTER_FILE

logger = logging.getLogger(__name__)
MARKER = "ctd-running"
SCHEDULER_STATE = ("requests.queue", "requests.seen", DUPEFILTER_FILE)


class CrashSafeJobdir:
    def __init__(self, path: Path, stats):
        self.path = path
        self.stats = stats
        self.killed = False

    @classmethod
    def from_crawler(cls, crawler):
        path = job_dir(crawler.settings)
        if not path:
            raise NotConfigured  # silently: most runs have no JOBDIR
        extension = cls(Path(path), crawler.stats)
        extension.discard_if_killed()  # now: extensions are built before the scheduler opens JOBDIR
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def discard_if_killed(self) -> None:
        marker = self.path / MARKER
        if not marker.exists():
            return
        for name in SCHEDULER_STATE:
            target = self.path / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
        marker.unlink()
        self.killed = True
        logger.warning("JOBDIR %s: the last run was killed (%s); its queue is stale and was discarded, "
                       "resuming from the archive", self.path, marker.name)

    def spider_opened(self, spider) -> None:
        if self.killed:
            self.stats.set_value("ctd/jobdir_discarded", 1)
        self.path.mkdir(parents=True, exist_ok=True)
        (self.path / MARKER).write_text(str(os.getpid()))

    def spider_closed(self, spider, reason: str) -> None:
        (self.path / MARKER).unlink(missing_ok=True)
