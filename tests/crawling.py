"""Helpers for the tests that run whole crawls: `ctd-archive crawl` in a subprocess (one
Twisted reactor per process), and a comparable snapshot of an archive's contents."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from ctd_crawler.mirror import DEFAULT_ROOT

# Facts per article, as comparable rows (ids differ between archives, URLs do not).
FACTS = {
    "person_mentions": "t.name, t.title, t.honorific, t.organisation",
    "place_mentions": "(SELECT key FROM places WHERE id = t.place_id), t.text",
    "money": "t.amount_vnd, t.currency, t.qualifier, t.text",
    "counts": "t.value, t.unit, t.text",
    "event_dates": 't.start, t."end", t.precision, t.text',
}


def crawl_command(archive: Path, mirror: Path | str, *args: str, settings: dict | None = None) -> list[str]:
    command = [sys.executable, "-m", "ctd_crawler.cli", "crawl", "--archive", str(archive), "--mirror", str(mirror),
               "--log-level", "WARNING"]
    for name, value in (settings or {}).items():
        command += ["-s", f"{name}={value}"]
    return command + list(args)


def run_crawl(archive: Path, mirror: Path | str, *args: str, settings: dict | None = None,
              timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(crawl_command(archive, mirror, *args, settings=settings), capture_output=True,
                          text=True, timeout=timeout)


def last_run(archive: Path) -> dict:
    db = sqlite3.connect(archive)
    db.row_factory = sqlite3.Row
    row = dict(db.execute("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone())
    db.close()
    row["stats"] = json.loads(row["stats"] or "{}")
    row["checks"] = json.loads(row["checks"] or "[]")
    return row


def snapshot(archive: Path) -> dict:
    """Articles and facts by URL: equal snapshots mean the same archive contents."""
    db = sqlite3.connect(archive)
    found = {"articles": db.execute("SELECT url, site, title, published_at, author, lang, body_text, content_hash"
                                    " FROM articles ORDER BY url").fetchall(),
             "pages": db.execute("SELECT url, raw_sha256 FROM pages ORDER BY url").fetchall()}
    for table, columns in FACTS.items():
        rows = db.execute(f"SELECT a.url, {columns} FROM {table} t JOIN articles a ON a.id = t.article_id")
        found[table] = sorted(rows, key=repr)
    db.close()
    return found


def copy_mirror(target: Path) -> Path:
    shutil.copytree(DEFAULT_ROOT, target)
    return target
