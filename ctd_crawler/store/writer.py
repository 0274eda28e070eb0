"""The one writer of the archive: articles with their facts, runs, sites, entry pages.

Each article and all its facts are written in one transaction, or nothing. Upsert by
canonical URL. An unchanged page (same content hash) changes nothing but `last_seen`. A
changed page keeps its old version in `article_versions` and gets its facts replaced.

People across the archive: one `people` row per key = folded name + scope (the
scope and the article's province are decided in extract/attribution.py). Two people who
share a name are merged only within one scope, so a provincial official and a
beneficiary of the same name in another province stay apart.

Stories: a new or changed article is assigned to its story (store/stories.py) in the
same transaction as its facts.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from pathlib import Path
from typing import Any

from ctd_crawler.extract.attribution import person_scope
from ctd_crawler.extract.text import fold
from ctd_crawler.items import ArticleItem
from ctd_crawler.store.archive import Archive
from ctd_crawler.store.stories import StoryWriter


def content_hash(title: str | None, body: str) -> str:
    return hashlib.sha256(f"{title or ''}\n{body}".encode()).hexdigest()


class ArchiveWriter(StoryWriter, Archive):
    """The archive opened for writing: every write of the project goes through here."""

    def __init__(self, path: str | Path):
        super().__init__(path, readonly=False)

    # -- sites and runs ---------------------------------------------------------
    def sync_sites(self, sites) -> None:
        rows = [{"id": s.id, "name": s.name, "province": s.province, "base_url": s.base_url,
                 "family": s.family, "lang": s.lang} for s in sites]
        with self.db.conn:
            self.db["sites"].upsert_all(rows, pk="id")

    def start_run(self, site_ids: list[str], started_at: str) -> int:
        with self.db.conn:
            self._close_vanished_runs()
            return self.db["crawl_runs"].insert(
                {"started_at": started_at, "sites": ",".join(site_ids), "status": "running",
                 "pid": os.getpid()}).last_pk

    def _close_vanished_runs(self) -> None:
        """Runs still 'running' whose process is gone were killed: say so (a live one is left alone)."""
        for run_id, pid in self.db.execute(
                "SELECT id, pid FROM crawl_runs WHERE status = 'running'").fetchall():
            if pid and not _alive(pid):
                self.db.execute("UPDATE crawl_runs SET status = 'killed', finish_reason = 'process vanished'"
                                " WHERE id = ?", [run_id])


    def finish_run(self, run_id: int, **fields: Any) -> None:
        if "stats" in fields and not isinstance(fields["stats"], str):
            fields["stats"] = json.dumps(fields["stats"], ensure_ascii=False, sort_keys=True, default=str)
        with self.db.conn:
            self.db["crawl_runs"].update(run_id, fields)

    # -- articles -------------------------------------------------------------
    def save(self, item: ArticleItem) -> str:
        """Upsert one article with its facts; returns 'new', 'updated' or 'unchanged'."""
        digest = content_hash(item.title, item.body_text)
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute("SELECT id, content_hash FROM articles WHERE url = ?", [item.url]).fetchone()
            if row and row[1] == digest:
                conn.execute("UPDATE articles SET last_seen = ? WHERE id = ?", [item.fetched_at, row[0]])
                outcome = "unchanged"
            else:
                article_id = self._write_article(item, digest, row[0] if row else None)
                self._write_facts(article_id, item)
                self._write_page(article_id, item)
                self.assign_story(article_id)
                outcome = "updated" if row else "new"
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return outcome

    def replace_facts(self, article_id: int, item: ArticleItem) -> None:
        """For re-extraction: new facts (and fields) for a stored article, one transaction."""
        with self.db.conn:
            self._write_article(item, content_hash(item.title, item.body_text), article_id, keep_version=False)
            self._write_facts(article_id, item)
            self.assign_story(article_id)

    def _write_article(self, item: ArticleItem, digest: str, article_id: int | None,
                       keep_version: bool = True) -> int:
        conn = self.db.conn
        fields = {
            "url": item.url, "site": item.site, "title": item.title, "published_at": item.published_at,
            "published_text": item.published_text, "author": item.author, "lang": item.lang,
            "body_text": item.body_text, "content_hash": digest, "layout": item.layout, "province": item.province,
            "problems": json.dumps(item.problems, ensure_ascii=False) if item.problems else None,
            "last_seen": item.fetched_at,
        }
        if article_id is None:
            fields["first_seen"] = item.fetched_at
            cols = ", ".join(fields)
            cur = conn.execute(f"INSERT INTO articles ({cols}) VALUES ({', '.join('?' * len(fields))})",
                               list(fields.values()))
            article_id = cur.lastrowid
        else:
            if keep_version:
                conn.execute(
                    "INSERT INTO article_versions (article_id, title, body_text, content_hash, published_at,"
                    " first_seen, replaced_at) SELECT id, title, body_text, content_hash, published_at,"
                    " COALESCE(changed_at, first_seen), ? FROM articles WHERE id = ?",
                    [item.fetched_at, article_id])
                fields["changed_at"] = item.fetched_at
            sets = ", ".join(f"{k} = ?" for k in fields)
            conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*fields.values(), article_id])
        conn.execute("DELETE FROM articles_fts WHERE rowid = ?", [article_id])
        conn.execute("INSERT INTO articles_fts (rowid, title, body, folded) VALUES (?, ?, ?, ?)",
                     [article_id, item.title or "", item.body_text, fold(f"{item.title or ''}\n{item.body_text}")])
        return article_id

    def _write_page(self, article_id: int, item: ArticleItem) -> None:
        self.db.conn.execute(
            "INSERT OR REPLACE INTO pages (url, article_id, fetched_at, status, content_type, encoding,"
            " etag, last_modified, raw_sha256, raw_size, raw) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [item.url, article_id, item.fetched_at, item.status, item.content_type, item.encoding,
             item.etag, item.last_modified, hashlib.sha256(item.raw).hexdigest(), len(item.raw),
             zlib.compress(item.raw, 6)])

    def _write_facts(self, article_id: int, item: ArticleItem) -> None:
        conn = self.db.conn
        for table in ("person_mentions", "place_mentions", "money", "counts", "event_dates"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        for person in item.people:
            scope = person_scope(person, item.province)
            key = f"{fold(person['name'])}|{scope or ''}"
            person_id = self._id_for("people", key, {"name": person["name"], "scope": scope})
            conn.execute(
                "INSERT INTO person_mentions (article_id, person_id, name, honorific, prefix, title,"
                " title_expanded, organisation, text) VALUES (?,?,?,?,?,?,?,?,?)",
                [article_id, person_id, person["name"], person.get("honorific"), person.get("prefix"),
                 person.get("title"), person.get("title_expanded"), person.get("organisation"), person.get("text")])
        for place in item.places:
            key = place.get("code") or fold(f"{place['level']}|{place['name']}|{place.get('province') or ''}")
            cols = ("name", "level", "code", "province", "district", "commune", "province_2025",
                    "commune_2025", "lat", "lon")
            place_id = self._id_for("places", key, {c: place.get(c) for c in cols})
            conn.execute("INSERT INTO place_mentions (article_id, place_id, text, resolved) VALUES (?,?,?,?)",
                         [article_id, place_id, place.get("text"), int(bool(place.get("resolved")))])
        for m in item.money:
            conn.execute(
                "INSERT INTO money (article_id, amount_vnd, amount_vnd_max, currency, amount, qualifier,"
                " per_unit, per, context, text) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [article_id, m.get("amount_vnd"), m.get("amount_vnd_max"), m.get("currency"),
                 _num(m.get("amount")), m.get("qualifier"), int(bool(m.get("per_unit"))), m.get("per"),
                 m.get("context"), m.get("text")])
        for c in item.counts:
            conn.execute("INSERT INTO counts (article_id, value, unit, qualifier, text) VALUES (?,?,?,?,?)",
                         [article_id, c.get("value"), c.get("unit"), c.get("qualifier"), c.get("text")])
        for d in item.event_dates:
            conn.execute('INSERT INTO event_dates (article_id, start, "end", precision, text, flag)'
                         " VALUES (?,?,?,?,?,?)",
                         [article_id, d.get("start"), d.get("end"), d.get("precision"), d.get("text"), d.get("flag")])

    def _id_for(self, table: str, key: str, fields: dict[str, Any]) -> int:
        conn = self.db.conn
        row = conn.execute(f"SELECT id FROM {table} WHERE key = ?", [key]).fetchone()
        if row:
            return row[0]
        cols = ["key", *fields]
        cur = conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                           [key, *fields.values()])
        return cur.lastrowid


    # -- incremental crawling: what a crawl read and confirmed ------------------
    def touch(self, url: str, seen_at: str) -> bool:
        """A page the server says is not modified (304): only `last_seen` changes."""
        with self.db.conn:
            return self.db.execute("UPDATE articles SET last_seen = ? WHERE url = ?", [seen_at, url]).rowcount > 0

    def save_entry(self, url: str, site: str, kind: str, checked_at: str, etag: str | None = None,
                   last_modified: str | None = None, *, keep_validators: bool = False) -> None:
        """Record a read (200: new validators) or a 304 (`keep_validators`: only checked_at)."""
        with self.db.conn:
            if keep_validators:
                self.db.execute("UPDATE entry_pages SET checked_at = ? WHERE url = ?", [checked_at, url])
            else:
                self.db.execute(
                    "INSERT INTO entry_pages (url, site, kind, etag, last_modified, checked_at) VALUES (?,?,?,?,?,?)"
                    " ON CONFLICT(url) DO UPDATE SET site = excluded.site, kind = excluded.kind,"
                    " etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at",
                    [url, site, kind, etag, last_modified, checked_at])

    def mark_sites(self, site_ids: list[str], complete_at: str | None) -> None:
        """NULL when a crawl of the sites starts; a time when one ends cleanly."""
        if not site_ids:
            return
        marks = ", ".join("?" * len(site_ids))
        with self.db.conn:
            self.db.execute(f"UPDATE sites SET complete_at = ? WHERE id IN ({marks})", [complete_at, *site_ids])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _num(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
