"""The one writer of the archive: articles with their facts, runs, sites, entry pages.

Each article and all its facts are written in one transaction, or nothing. Upsert by
canonical URL. An unchanged page (same content hash) changes nothing but `last_seen`. A
changed page keeps its old version in `article_versions` and gets its facts replaced.
A page from a web archive (`origin`: its capture) is saved the same way, keyed by the same
canonical URL, with the capture time as its fetch time; a capture older than the version
the archive holds never replaces it: if it differs, it becomes an older version.

People across the archive: one `people` row per key = folded name + scope (the
scope and the article's province are decided in extract/attribution.py). Two people who
share a name are merged only within one scope, so a provincial official and a
beneficiary of the same name in another province stay apart. A person's `name` is the
best-spelled one its mentions give (extract/people `spelling_rank`: not all capitals, most
diacritics), so an English page's "Tran Quoc Hung" gives way to "Trần Quốc Hùng" whatever
came first; it is kept so as mentions come and go (a changed page, a re-extraction), and a
person no mention names any more is removed.

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
from ctd_crawler.extract.dates import now_vn
from ctd_crawler.extract.people import person_key, spelling_rank
from ctd_crawler.extract.text import fold
from ctd_crawler.items import ArticleItem, CaptureOrigin
from ctd_crawler.sites import AUTO_FAMILY
from ctd_crawler.store.archive import Archive
from ctd_crawler.store.stories import StoryWriter, load_copy


def content_hash(title: str | None, body: str) -> str:
    return hashlib.sha256(f"{title or ''}\n{body}".encode()).hexdigest()


class ArchiveWriter(StoryWriter, Archive):
    """The archive opened for writing: every write of the project goes through here."""

    def __init__(self, path: str | Path):
        super().__init__(path, readonly=False)

    # -- sites and runs ---------------------------------------------------------
    def sync_sites(self, sites) -> None:
        """The registry's sites; a site whose family the registry leaves to its pages keeps
        the family a crawl recognised (AUTO_FAMILY until one did)."""
        rows = [(s.id, s.name, s.province, s.base_url, s.family or AUTO_FAMILY, s.lang) for s in sites]
        with self.db.conn:
            self.db.conn.executemany(
                "INSERT INTO sites (id, name, province, base_url, family, lang) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET name = excluded.name, province = excluded.province,"
                " base_url = excluded.base_url, lang = excluded.lang, family = CASE"
                f" WHEN excluded.family != '{AUTO_FAMILY}' OR sites.family IS NULL THEN excluded.family"
                " ELSE sites.family END", rows)

    def start_run(self, site_ids: list[str], started_at: str, kind: str = "crawl") -> int:
        with self.db.conn:
            self._close_vanished_runs()
            return self.db["crawl_runs"].insert(
                {"started_at": started_at, "sites": ",".join(site_ids), "status": "running",
                 "pid": os.getpid(), "kind": kind}).last_pk

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
    def save(self, item: ArticleItem, origin: CaptureOrigin | None = None) -> str:
        """Upsert one article with its facts; returns 'new', 'updated', 'unchanged', 'version'
        (a capture older than the stored page, kept in article_versions) or 'duplicate' (a
        new URL of the site with the very title and text of an archived article: the same
        article under another address, not archived twice). With `origin`, the capture is
        recorded in the same transaction."""
        digest = content_hash(item.title, item.body_text)
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute(
                "SELECT a.id, a.content_hash, COALESCE(p.fetched_at, a.last_seen) FROM articles a"
                " LEFT JOIN pages p ON p.url = a.url WHERE a.url = ?", [item.url]).fetchone()
            capture_id = self._insert_capture(origin, item.url) if origin else None
            if row is None and conn.execute("SELECT 1 FROM articles WHERE site IS ? AND content_hash = ?",
                                            [item.site, digest]).fetchone():
                outcome, article_id = "duplicate", None
            elif row and item.fetched_at < row[2]:
                outcome = self._save_older(row[0], item, digest, capture_id, current_at=row[2])
                article_id = row[0]
            elif row and row[1] == digest:
                conn.execute("UPDATE articles SET last_seen = MAX(last_seen, ?) WHERE id = ?",
                             [item.fetched_at, row[0]])
                outcome, article_id = "unchanged", row[0]
            else:
                article_id = self._write_article(item, digest, row[0] if row else None)
                self._write_facts(article_id, item)
                self._write_page(article_id, item, capture_id)
                self.assign_story(article_id)
                outcome = "updated" if row else "new"
            if capture_id is not None:
                conn.execute("UPDATE captures SET outcome = ?, article_id = ? WHERE id = ?",
                             [outcome, article_id, capture_id])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return outcome

    def _save_older(self, article_id: int, item: ArticleItem, digest: str, capture_id: int | None, *,
                    current_at: str) -> str:
        """A capture from before the stored page: the article's first sight moves back; a text
        the archive does not hold yet is kept as an older version, never as the current one."""
        conn = self.db.conn
        at = item.fetched_at
        current, since = conn.execute("SELECT content_hash, COALESCE(changed_at, first_seen) FROM articles"
                                      " WHERE id = ?", [article_id]).fetchone()  # since: the current text's
        known = conn.execute("SELECT id FROM article_versions WHERE article_id = ? AND content_hash = ?",
                             [article_id, digest]).fetchone()
        if digest == current or known:
            conn.execute("UPDATE articles SET first_seen = MIN(first_seen, ?) WHERE id = ?", [at, article_id])
            if known:
                conn.execute("UPDATE article_versions SET first_seen = MIN(COALESCE(first_seen, ?), ?) WHERE id = ?",
                             [at, at, known[0]])
            return "unchanged"
        # replaced by the next newer version the archive knows of, else by the current text
        newer = conn.execute("SELECT MIN(first_seen) FROM article_versions WHERE article_id = ? AND first_seen > ?",
                             [article_id, at]).fetchone()[0]
        replaced_at = min([t for t in (newer, since) if t and t > at] or [current_at])
        conn.execute("UPDATE articles SET first_seen = MIN(first_seen, ?), changed_at = COALESCE(changed_at, ?)"
                     " WHERE id = ?", [at, since, article_id])
        conn.execute(
            "INSERT INTO article_versions (article_id, title, body_text, content_hash, published_at, first_seen,"
            " replaced_at, capture_id) VALUES (?,?,?,?,?,?,?,?)",
            [article_id, item.title, item.body_text, digest, item.published_at, at, replaced_at, capture_id])
        return "version"

    def record_capture(self, origin: CaptureOrigin, url: str, outcome: str) -> None:
        """A capture that was read but not archived (an error page, a redirect, a bad record...),
        with the reason: it is not fetched again."""
        with self.db.conn:
            capture_id = self._insert_capture(origin, url)
            self.db.conn.execute("UPDATE captures SET outcome = ? WHERE id = ?", [outcome, capture_id])

    def _insert_capture(self, origin: CaptureOrigin, url: str) -> int:
        row = [origin.source, origin.key, url, origin.original_url, origin.captured_at, origin.digest,
               origin.locator, origin.size, now_vn()]
        self.db.conn.execute(
            "INSERT INTO captures (source, key, url, original_url, captured_at, digest, locator, size, fetched_at,"
            " outcome) VALUES (?,?,?,?,?,?,?,?,?,'reading') ON CONFLICT(key) DO UPDATE SET url = excluded.url,"
            " captured_at = excluded.captured_at, digest = excluded.digest, locator = excluded.locator,"
            " size = excluded.size, fetched_at = excluded.fetched_at", row)
        return self.db.conn.execute("SELECT id FROM captures WHERE key = ?", [origin.key]).fetchone()[0]

    def replace_facts(self, article_id: int, item: ArticleItem) -> None:
        """For re-extraction: new facts (and fields) for a stored article, in the caller's
        transaction (store/reextract.py commits a batch, or rolls it back for a dry run).
        An article still in a story, matched by the same text and facts as before, stays in
        it: matching is symmetric, so a copy that changed is matched again from its side."""
        before = load_copy(self.db.conn, article_id)
        self._write_article(item, content_hash(item.title, item.body_text), article_id, keep_version=False)
        self._write_facts(article_id, item)
        after = load_copy(self.db.conn, article_id)
        if before.story_id is None or after.matched_by() != before.matched_by():
            self.assign_story(article_id, after)
        elif after.published_at != before.published_at:
            self.refresh_story(after.story_id)  # its first publication and canonical copy read the time

    def _write_article(self, item: ArticleItem, digest: str, article_id: int | None,
                       keep_version: bool = True) -> int:
        conn = self.db.conn
        fields = {
            "url": item.url, "site": item.site, "title": item.title, "published_at": item.published_at,
            "published_text": item.published_text, "page_date": item.page_date, "author": item.author,
            "lang": item.lang,
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
                # the version replaced came from the capture of the page stored with it (NULL: a live crawl)
                conn.execute(
                    "INSERT INTO article_versions (article_id, title, body_text, content_hash, published_at,"
                    " first_seen, replaced_at, capture_id) SELECT a.id, a.title, a.body_text, a.content_hash,"
                    " a.published_at, COALESCE(a.changed_at, a.first_seen), ?, p.capture_id FROM articles a"
                    " LEFT JOIN pages p ON p.url = a.url WHERE a.id = ?",
                    [item.fetched_at, article_id])
                fields["changed_at"] = item.fetched_at
            sets = ", ".join(f"{k} = ?" for k in fields)
            conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*fields.values(), article_id])
        conn.execute("DELETE FROM articles_fts WHERE rowid = ?", [article_id])
        conn.execute("INSERT INTO articles_fts (rowid, title, body, folded) VALUES (?, ?, ?, ?)",
                     [article_id, item.title or "", item.body_text, fold(f"{item.title or ''}\n{item.body_text}")])
        return article_id

    def _write_page(self, article_id: int, item: ArticleItem, capture_id: int | None = None) -> None:
        self.db.conn.execute(
            "INSERT OR REPLACE INTO pages (url, article_id, fetched_at, status, content_type, encoding,"
            " etag, last_modified, raw_sha256, raw_size, raw, capture_id, listed_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [item.url, article_id, item.fetched_at, item.status, item.content_type, item.encoding,
             item.etag, item.last_modified, hashlib.sha256(item.raw).hexdigest(), len(item.raw),
             zlib.compress(item.raw, 6), capture_id, item.listed_at])

    def _write_facts(self, article_id: int, item: ArticleItem) -> None:
        conn = self.db.conn
        # the people this article named before: their name or their row may change below
        named_before = conn.execute("SELECT DISTINCT person_id FROM person_mentions WHERE article_id = ?",
                                    [article_id]).fetchall()
        for table in ("person_mentions", "place_mentions", "money", "counts", "event_dates"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        for person in item.people:
            scope = person_scope(person, item.province)
            person_id = self._person_for(f"{person_key(person['name'])}|{scope or ''}", person["name"], scope)
            conn.execute(
                "INSERT INTO person_mentions (article_id, person_id, name, honorific, prefix, title,"
                " title_expanded, organisation, text) VALUES (?,?,?,?,?,?,?,?,?)",
                [article_id, person_id, person["name"], person.get("honorific"), person.get("prefix"),
                 person.get("title"), person.get("title_expanded"), person.get("organisation"), person.get("text")])
        for (person_id,) in named_before:
            self._refresh_person(person_id)
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

    def _person_for(self, key: str, name: str, scope: str | None) -> int:
        """The person of `key`, new or known; a mention spelled better than a known
        person's name gives the person its name."""
        conn = self.db.conn
        row = conn.execute("SELECT id, name FROM people WHERE key = ?", [key]).fetchone()
        if row is None:
            return conn.execute("INSERT INTO people (key, name, scope) VALUES (?, ?, ?)", [key, name, scope]).lastrowid
        if spelling_rank(name) > spelling_rank(row[1]):
            conn.execute("UPDATE people SET name = ? WHERE id = ?", [name, row[0]])
        return row[0]

    def _refresh_person(self, person_id: int) -> None:
        """After an article's mentions of a person were replaced: no person when no mention
        is left (the new rules spell the name otherwise, or the page no longer names it);
        else, when no mention left has the person's name, the best of those left. (A name
        still written somewhere is still the best: every mention was compared with it.)"""
        conn = self.db.conn
        row = conn.execute("SELECT name FROM people WHERE id = ?", [person_id]).fetchone()
        if row is None:
            return
        if conn.execute("SELECT 1 FROM person_mentions WHERE person_id = ? AND name = ? LIMIT 1",
                        [person_id, row[0]]).fetchone():
            return
        names = sorted(n for (n,) in conn.execute(
            "SELECT DISTINCT name FROM person_mentions WHERE person_id = ?", [person_id]))
        if not names:
            conn.execute("DELETE FROM people WHERE id = ?", [person_id])
            return
        conn.execute("UPDATE people SET name = ? WHERE id = ?", [max(names, key=spelling_rank), person_id])

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

    def learn(self, site: str, family: str | None, patterns: tuple[tuple[str, str], ...]) -> None:
        """What a crawl learnt of a site (items.SiteLearnt): its family, and URL kinds."""
        with self.db.conn:
            if family:
                self.db.execute("UPDATE sites SET family = ? WHERE id = ?", [family, site])
            self.db.conn.executemany(
                "INSERT INTO url_kinds (site, pattern, kind, pages) VALUES (?, ?, ?, 1)"
                " ON CONFLICT(site, pattern, kind) DO UPDATE SET pages = pages + 1",
                [(site, pattern, kind) for pattern, kind in patterns])

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
