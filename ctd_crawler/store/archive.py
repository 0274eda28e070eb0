"""The archive file: opened read-only or for writing (schema migrations on open), and the
reads that the crawl and the commands share.

WAL mode and a busy timeout keep an analyst's reader from blocking the crawl, and the
crawl from blocking the reader. Everything that writes lives in `store/writer.py`.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
        self.notes: list[str] = []  # what a reader should know of how the archive was opened
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
            if self.path.exists():  # a foreign or broken file is refused before it is touched
                self._inspect()
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite_utils.Database(self.path)
                self._check_is_archive()
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.migrated = migrate(self.db)
            except (OSError, sqlite3.OperationalError) as exc:
                raise ArchiveError(f"{self.path} cannot be written ({exc}): crawls, reextract and migrate "
                                   "need write access to the archive and its folder") from None
        self.db.execute("PRAGMA busy_timeout=10000")
        self.db.execute("PRAGMA foreign_keys=ON")

    def _connect_readonly(self) -> sqlite_utils.Database:
        """Read-only; where the folder cannot be written (a read-only mount), a WAL archive
        cannot make its -shm file, so it is opened immutable: then what a writer left in the
        -wal file is not seen, and `notes` says so."""
        uri = "file:" + quote(str(self.path.resolve()))
        failure = None
        for mode in ("mode=ro", "mode=ro&immutable=1"):
            self.db = sqlite_utils.Database(sqlite3.connect(f"{uri}?{mode}", uri=True))
            try:
                self._check_is_archive()
            except sqlite3.OperationalError as exc:  # not the file's fault: its folder's
                failure = exc
                self.db.conn.close()
                continue
            if "immutable" in mode:
                wal = self.path.with_name(self.path.name + "-wal")
                unseen = wal.stat().st_size if wal.exists() else 0
                self.notes.append(f"{self.path}: its folder is read-only, so it is read as it stands in the file"
                                  + (f" (the last {unseen:,} bytes of writes, in {wal.name}, are not seen)"
                                     if unseen else ""))
            return self.db
        raise ArchiveError(f"{self.path} cannot be opened read-only: {failure}")

    def _inspect(self) -> None:
        """Check an existing file is an archive without writing anything beside it (immutable:
        no -wal or -shm file is made)."""
        uri = "file:" + quote(str(self.path.resolve())) + "?mode=ro&immutable=1"
        self.db = sqlite_utils.Database(sqlite3.connect(uri, uri=True))
        try:
            self._check_is_archive()
        except sqlite3.OperationalError as exc:
            raise ArchiveError(f"{self.path} cannot be read: {exc}") from None
        finally:
            self.db.conn.close()

    def _check_is_archive(self) -> None:
        try:
            tables = set(self.db.table_names())
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as exc:  # file is not a database
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

    def learnt_kinds(self, site: str) -> dict[str, Counter]:
        """What earlier crawls learnt of a site's URLs: pattern -> pages per kind."""
        learnt: dict[str, Counter] = {}
        if "url_kinds" in self.db.table_names():
            for pattern, kind, pages in self.db.execute(
                    "SELECT pattern, kind, pages FROM url_kinds WHERE site = ?", [site]):
                learnt.setdefault(pattern, Counter())[kind] = pages
        return learnt

    def learnt_family(self, site: str) -> str | None:
        """The family the archive holds for a site (a registry's, a recognised one or "auto")."""
        row = self.db.execute("SELECT family FROM sites WHERE id = ?", [site]).fetchone()
        return row[0] if row else None

    def shared_claims(self, least: int = 2) -> dict[tuple[str, str], list[str]]:
        """(site, minute) -> URLs of the articles whose page claims that publication minute,
        for the minutes `least` articles or more share (pipelines/dates.py: migration stamps)."""
        if "page_date" not in self.db["articles"].columns_dict:
            return {}
        rows = self.db.execute(
            "WITH claims AS (SELECT site, substr(page_date, 1, 16) AS minute, url FROM articles"
            " WHERE site IS NOT NULL AND length(page_date) > 10)"
            " SELECT c.site, c.minute, c.url FROM claims c JOIN (SELECT site, minute FROM claims"
            " GROUP BY site, minute HAVING COUNT(*) >= ?) s USING (site, minute)", [least]).fetchall()
        out: dict[tuple[str, str], list[str]] = {}
        for site, minute, url in rows:
            out.setdefault((site, minute), []).append(url)
        return out

    def entry_urls(self, site: str, kind: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT url FROM entry_pages WHERE site = ? AND kind = ? ORDER BY url", [site, kind])]

    def complete_sites(self) -> set[str]:
        """Sites whose last crawl went through completely (their entry page states can be trusted)."""
        return {r[0] for r in self.db.execute("SELECT id FROM sites WHERE complete_at IS NOT NULL")}

    def previous_runs(self, before_id: int, limit: int = 20) -> list[dict[str, Any]]:
        """Stats of the latest runs before `before_id` that ran to their end, newest first."""
        rows = self.db.execute(
            "SELECT stats FROM crawl_runs WHERE id < ? AND status IN ('finished', 'failed') AND stats IS NOT NULL"
            " AND kind = 'crawl' ORDER BY id DESC LIMIT ?", [before_id, limit]).fetchall()
        return [json.loads(stats) for (stats,) in rows]

    def capture_outcomes(self, source: str) -> dict[str, str]:
        """What became of each capture of a web-archive source already read: key -> outcome."""
        return dict(self.db.execute("SELECT key, outcome FROM captures WHERE source = ?", [source]).fetchall())

    def captured_digests(self) -> dict[tuple[str, str], str]:
        """(canonical URL, payload digest) -> outcome of the captures read with a digest, any source:
        the same bytes of the same page are not fetched again from another capture."""
        return {(url, digest): outcome for url, digest, outcome in self.db.execute(
            "SELECT url, digest, outcome FROM captures WHERE digest IS NOT NULL")}

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
