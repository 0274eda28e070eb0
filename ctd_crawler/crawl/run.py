"""Running a crawl from Python (the `ctd-archive demo` command, tests, benchmarks)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from ctd_crawler.sites import RegistryError


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


class CrawlSetupError(ValueError):
    """A crawl that cannot start as asked (a setting, an argument, the mirror); the message says why."""


def check_settings(settings: Settings) -> None:
    """Every number of the project's settings module given as something that reads as one:
    `-s CTD_REFETCH_DAYS=abc` stops here, not with a traceback on every page."""
    from ctd_crawler import settings as defaults

    for name, default in vars(defaults).items():
        if not name.isupper() or isinstance(default, bool) or not isinstance(default, (int, float)):
            continue
        value = settings.get(name)
        try:
            (float if isinstance(default, float) else int)(value)
        except (TypeError, ValueError):
            kind = "a number" if isinstance(default, float) else "a whole number"
            raise CrawlSetupError(f"setting {name} must be {kind}, got {value!r}") from None


def check_setup(archive: str | Path, mirror: str | Path | None, settings: Settings, spider_args: dict) -> None:
    """Everything a crawl needs, checked before it starts (RegistryError, ArchiveError and
    CrawlSetupError say what to fix)."""
    from ctd_crawler.crawl.spider import spider_arguments
    from ctd_crawler.store import open_archive

    check_settings(settings)
    if mirror and not str(mirror).startswith(("http://", "https://")) and not Path(mirror).is_dir():
        raise CrawlSetupError(f"no mirror folder at {mirror}")
    try:
        sites, _, _ = spider_arguments(spider_args.get("site"), spider_args.get("since"), spider_args.get("full"),
                                       settings.get("CTD_SITES") or None, str(mirror) if mirror else None)
    except RegistryError:
        raise
    except ValueError as exc:
        raise CrawlSetupError(str(exc)) from None
    if not sites:
        raise CrawlSetupError(f"the mirror {mirror} holds pages of no site of the registry")
    open_archive(archive).close()  # a corrupt, foreign or read-only archive: its own message


def exit_status(stats: dict[str, Any]) -> int:
    """What a scheduler reads: 0 healthy, 1 the crawl did not finish, 3 an end-of-run check failed."""
    if stats.get("finish_reason") != "finished":
        return 1
    return 3 if stats.get("ctd/checks_failed") else 0


def crawl(archive: str | Path, *, mirror: str | Path | None = None, log_level: str = "WARNING",
          settings: dict[str, Any] | None = None, **spider_args: str) -> CrawlResult:
    """One crawl in this process (Twisted reactors cannot restart: one call per process)."""
    from ctd_crawler.crawl.spider import CtdSpider

    overrides = {"CTD_ARCHIVE": str(archive), "LOG_LEVEL": log_level, **(settings or {})}
    if mirror:
        overrides["CTD_MIRROR"] = str(mirror)  # the mirror addon (crawl/downloader.py) drops the delays
    crawl_settings = project_settings(**overrides)
    check_setup(archive, mirror, crawl_settings, spider_args)
    process = CrawlerProcess(crawl_settings)
    crawler = process.create_crawler(CtdSpider)
    started = time.perf_counter()
    process.crawl(crawler, **spider_args)
    process.start()
    return CrawlResult(crawler.stats.get_stats(), time.perf_counter() - started, Path(archive))
