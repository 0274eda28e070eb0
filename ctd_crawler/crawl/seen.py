"""What a crawl has already seen, kept on disk so memory stays flat however many URLs a
run meets (benchmarks/README.md, "Incremental crawls").

Scrapy's own duplicate filter and a plain set both hold every key in memory: about
0.25 KiB per URL, 25 MiB at 100,000 articles. Here the keys live in a SQLite table; a
lookup is one indexed statement (~10 µs, nothing next to a download), and SQLite's page
cache is bounded (2 MiB by default).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from scrapy.dupefilters import RFPDupeFilter
from scrapy.http import Request

DUPEFILTER_FILE = "requests.seen.sqlite"


class SeenSet:
    """A set of str or bytes keys on disk: in `path`, or in a private temporary file that
    SQLite deletes when the set is closed."""

    def __init__(self, path: str | Path | None = None):
        self.db = sqlite3.connect(str(path) if path else "", isolation_level=None)
        # Losing the file on a crash only means re-deciding some URLs (a killed run's JOBDIR
        # is discarded anyway): no fsync, no journal file created and deleted per insert.
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("PRAGMA journal_mode=MEMORY")
        self.db.execute("CREATE TABLE IF NOT EXISTS seen (key PRIMARY KEY) WITHOUT ROWID")

    def add(self, key: str | bytes) -> bool:
        """Add `key`; True when it was not there yet."""
        return self.db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (key,)).rowcount == 1

    def __contains__(self, key: str | bytes) -> bool:
        return self.db.execute("SELECT 1 FROM seen WHERE key = ?", (key,)).fetchone() is not None

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM seen").fetchone()[0]

    def close(self) -> None:
        self.db.close()


class DiskDupeFilter(RFPDupeFilter):
    """Scrapy's RFPDupeFilter (same fingerprints, logging and stats) with the fingerprints
    in a SeenSet: in JOBDIR when there is one, so a stopped crawl resumes with them."""

    def __init__(self, path: str | None = None, debug: bool = False, *, fingerprinter=None):
        super().__init__(None, debug, fingerprinter=fingerprinter)
        self.seen = SeenSet(Path(path, DUPEFILTER_FILE) if path else None)

    def request_seen(self, request: Request) -> bool:
        return not self.seen.add(self._fingerprint(request))

    def close(self, reason: str) -> None:
        self.seen.close()
