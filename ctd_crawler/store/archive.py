"""The archive file: opened read-only or for writing (schema migrations on open), and the
reads that the crawl and the commands share.

WAL mode and a busy timeout keep an analyst's reader from blocking the crawl, and the
crawl from blocking the reader. Everything that writes lives in `store/writer.py`.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from ctd_crawler.store.schema import LATEST, current_version, migrate


class ArchiveError(RuntimeError):
    """The file is not a ctd archive, or cannot be opened as asked."""


def open_archive(path: str | Path, *, readonly: bool = False) -> Archive:
    """Read-only: an `Archive`; else the one writer, `ArchiveWriter` (schema brought up to date)."""
    if readonly:
        return Archive(path, readonly=True)
    from ctd_crawler.store.writer import ArchiveWriter

    return ArchiveWriter(path)


class Archive:
    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        self.migrated: list[str] = []
        if readonly:
            if not self.path.exists():
                raise ArchiveError(f"no archive at {self.path} (run a crawl first: ctd-archive demo)")
            self.db = self._connect_readonly()
            if "schema_migrations" not in self.db.table_names():
                raise ArchiveError(f"{self.path} is an empty SQLite database, not a ctd archive")
            if (version := current_version(self.db)) < LATEST:
                # An older archive is migrated on open (migrations only add, never drop rows),
                # then reopened read-only; callers show `self.migrated` as the message.
                self.db.conn.close()
                try:
                    writer = Archive(self.path)
                except sqlite3.Error as exc:
                    raise ArchiveError(f"{self.path} has schema version {version} and cannot be migrated to "
                                       f"{LATEST} ({exc}); run `ctd-archive migrate` with write access") from None
                self.migrated = writer.migrated
                writer.close()
                self.db = self._connect_readonly()
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite_utils.Database(self.path)
            self._check_is_archive()
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.migrated = migrate(self.db)
        self.db.execute("PRAGMA busy_timeout=10000")
        self.db.execute("PRAGMA foreign_keys=ON")

    def _connect_readonly(self) -> sqlite_utils.Database:
        db = sqlite_utils.Database(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True))
        self.db = db
        self._check_is_archive()
        return db

    def _check_is_archive(self) -> None:
        try:
            tables = set(self.db.table_names())
        except Exception as exc:  # sqlite3.DatabaseError: file is not a database
            raise ArchiveError(f"{self.path} is not a SQLite database: {exc}") from None
        if tables and "schema_migrations" not in tables:
            raise ArchiveError(f"{self.path} is a SQLite database but not a ctd archive "
                               f"(tables: {', '.join(sorted(tables)[:5])}...)")

    def close(self) -> None:
        self.db.conn.close()

    # -- reads ------------------------------------------------------------------
    def article_state(self, url: str) -> ArticleState | None:
        """What the archive knows of an article URL: when last confirmed, its fetch and validators."""
        row = self.db.execute(
            "SELECT a.last_seen, p.fetched_at, p.etag, p.last_modified FROM articles a"
            " LEFT JOIN pages p ON p.url = a.url WHERE a.url = ?", [url]).fetchone()
        return ArticleState(*row) if row else None

    def entry_state(self, url: str) -> tuple[str | None, str | None, str, str | None] | None:
        """(etag, last_modified, checked_at, kind) of a listing page, sitemap or feed."""
        return self.db.execute("SELECT etag, last_modified, checked_at, kind FROM entry_pages WHERE url = ?",
                               [url]).fetchone()

    def complete_sites(self) -> set[str]:
        """Sites whose last crawl went through completely (their entry page states can be trusted)."""
        return {r[0] for r in self.db.execute("SELECT id FROM sites WHERE complete_at IS NOT NULL")}

    def previous_runs(self, before_id: int, limit: int = 20) -> list[dict[str, Any]]:
        """Stats of the latest runs before `before_id` that ran to their end, newest first."""
        rows = self.db.execute(
            "SELECT stats FROM crawl_runs WHERE id < ? AND status IN ('finished', 'failed') AND stats IS NOT NULL"
            " ORDER BY id DESC LIMIT ?", [before_id, limit]).fetchall()
        return [json.loads(stats) for (stats,) in rows]

    def totals(self) -> dict[str, int]:
        """Rows per fact table: the archive's contents in one line of a summary."""
        return {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "stories", "people", "places", "money", "counts", "event_dates")}


@dataclass(frozen=True)
class ArticleState:
    last_seen: str
    fetched_at: str | None
    etag: str | None
    last_modified: str | None
