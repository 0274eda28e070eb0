"""Item pipelines: thin adapters around the pure extractors, one concern per module.

Each step is a class with `apply(item, count)`; Scrapy calls it through
`process_item`, and `run_chain` calls the same steps in the same order for
`ctd-archive extract` and `reextract`, so a page gives the same facts everywhere.
Stats keys are namespaced `ctd/...`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

from ctd_crawler.items import ArticleItem

Count = Callable[..., None]  # count(key, n=1)
logger = logging.getLogger(__name__)


def _no_count(key: str, n: int = 1) -> None:
    pass


class Step:
    """Base of the enrichment pipelines (everything but the archive)."""

    def __init__(self, stats=None):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def _count(self, key: str, n: int = 1) -> None:
        if self.stats is not None and n:
            self.stats.inc_value(f"ctd/{key}", n)

    def process_item(self, item):
        # the spider's EntryVisit / ArticleConfirmed items are for the archive only
        return self.apply(item, self._count) if isinstance(item, ArticleItem) else item

    def open(self, archive) -> None:
        """Read what the step needs of the archive its items go to (see chain_for)."""

    def close(self) -> None:
        """Forget it."""

    def apply(self, item: ArticleItem, count: Count) -> ArticleItem:
        raise NotImplementedError


def guarded(item: ArticleItem, count: Count, name: str, fn: Callable[[], None]) -> None:
    """Run one extractor; a bug or a bad input costs that field, never the article."""
    try:
        fn()
    except Exception as exc:  # noqa: BLE001 - the article is archived whatever one extractor does
        count(f"extract_error/{name}")
        item.problems.append(f"{name}: {type(exc).__name__}: {exc}")
        logger.warning("extractor %s failed on %s: %r", name, item.url, exc)


@cache
def steps() -> tuple[Step, ...]:
    """The enrichment steps of settings.ITEM_PIPELINES, in its order (the one place it is written)."""
    from scrapy.utils.misc import load_object

    from ctd_crawler import settings

    classes = [load_object(path) for path, _ in sorted(settings.ITEM_PIPELINES.items(), key=lambda kv: kv[1])]
    return tuple(cls() for cls in classes if issubclass(cls, Step))


@contextmanager
def chain_for(archive) -> Iterator[None]:
    """A run of `run_chain` whose items go to `archive` (re-extraction, web archives): the
    steps read what they need of it first, and forget it after (the steps are shared)."""
    for step in steps():
        step.open(archive)
    try:
        yield
    finally:
        for step in steps():
            step.close()


def run_chain(item: ArticleItem, count: Count = _no_count) -> ArticleItem:
    for step in steps():
        item = step.apply(item, count)
    return item
