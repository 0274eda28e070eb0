"""The counters of a backfill or an import: stats keys `ctd/webarchive/<what>`."""

from __future__ import annotations

from collections import Counter

PREFIX = "ctd/webarchive/"


class Counts(Counter):
    """`counts("redirect")` adds one to `ctd/webarchive/redirect`; `counts.chain` is what the
    pipelines count with (their keys stay the crawl's: `ctd/missing_date`)."""

    def __call__(self, key: str, n: int = 1) -> None:
        if n:
            self[PREFIX + key] += n

    def chain(self, key: str, n: int = 1) -> None:
        if n:
            self[f"ctd/{key}"] += n

    def of(self, key: str) -> int:
        return self.get(PREFIX + key, 0)

    def ours(self) -> dict[str, int]:
        """The web-archive counters without their prefix, sorted."""
        return {k[len(PREFIX):]: v for k, v in sorted(self.items()) if k.startswith(PREFIX)}
