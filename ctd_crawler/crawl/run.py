"""Running a crawl from Python (the `ctd-archive demo` command, tests, benchmarks)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

# The mirror may loosen only the delays; politeness limits (robots, concurrency) stay.
MIRROR_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_ENABLED": False,
}


@dataclass
class CrawlResult:
    stats: dict[str, Any]
    seconds: float
    archive: Path


def project_settings(**overrides: Any) -> Settings:
    settings = Settings()
    settings.setmodule("ctd_crawler.settings", priority="project")
    settings.setdict(overrides, priority="cmdline")
    return settings


def crawl(archive: str | Path, *, mirror: str | Path | None = None, log_level: str = "WARNING",
          settings: dict[str, Any] | None = None, **spider_args: str) -> CrawlResult:
    """One crawl in this process (Twisted reactors cannot restart: one call per process)."""
    from ctd_crawler.crawl.spider import CtdSpider

    overrides = {"CTD_ARCHIVE": str(archive), "LOG_LEVEL": log_level, **(settings or {})}
    if mirror:
        overrides.update(MIRROR_SETTINGS, CTD_MIRROR=str(mirror))
    process = CrawlerProcess(project_settings(**overrides))
    crawler = process.create_crawler(CtdSpider)
    started = time.perf_counter()
    process.crawl(crawler, **spider_args)
    process.start()
    return CrawlResult(crawler.stats.get_stats(), time.perf_counter() - started, Path(archive))
