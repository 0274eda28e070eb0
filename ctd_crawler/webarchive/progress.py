"""Progress of a long run: a bar on a terminal, a log line every few seconds otherwise
(cron, systemd and CI logs get lines, not carriage returns)."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import click

from ctd_crawler import settings

T = TypeVar("T")
logger = logging.getLogger("ctd_crawler.webarchive")


def track(items: Iterable[T], *, label: str, total: int, status: Callable[[], str],
          stream=None, every: float | None = None) -> Iterator[T]:
    stream = stream or sys.stderr
    if stream.isatty():
        with click.progressbar(items, length=total, label=label, file=stream, show_pos=True,
                               item_show_func=lambda _: status()) as bar:
            yield from bar
        return
    every = settings.CTD_PROGRESS_SECONDS if every is None else every
    last = time.monotonic()
    done = 0
    for item in items:
        yield item
        done += 1
        if time.monotonic() - last >= every:
            last = time.monotonic()
            logger.info("%s: %d/%d, %s", label, done, total, status())
    logger.info("%s: %d/%d done, %s", label, done, total, status())
