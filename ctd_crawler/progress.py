"""Progress of a long run: a bar on a terminal, a log line every CTD_PROGRESS_SECONDS
otherwise (cron, systemd and CI logs get lines, not carriage returns). `quiet()` silences
both (the commands' --quiet)."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import click

from ctd_crawler import settings

T = TypeVar("T")
logger = logging.getLogger("ctd_crawler.progress")
_QUIET = False


class _Stderr(logging.StreamHandler):
    """Whatever sys.stderr is at the time of the line (a test runner swaps it)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def log_to_stderr(*names: str, with_bar: bool = True) -> None:
    """Progress (and these loggers' lines) off a terminal go to stderr as log lines. Where a
    bar may be drawn, the pipelines' per-page warnings are left out (they would break it)."""
    for name in (logger.name, *names):
        log = logging.getLogger(name)
        if not any(isinstance(h, _Stderr) for h in log.handlers):
            handler = _Stderr()
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            log.addHandler(handler)
            log.setLevel(logging.INFO)
            log.propagate = False
    if with_bar:
        logging.getLogger("ctd_crawler.pipelines").setLevel(logging.ERROR)


def quiet(on: bool = True) -> None:
    global _QUIET
    _QUIET = on


def is_quiet() -> bool:
    return _QUIET


def track(items: Iterable[T], *, label: str, total: int, status: Callable[[], str] = lambda: "",
          stream=None, every: float | None = None) -> Iterator[T]:
    stream = stream or sys.stderr
    if _QUIET:
        yield from items
        return
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
