"""Helpers for the tests that run whole crawls: `ctd-archive crawl` in a subprocess (one
Twisted reactor per process), and a comparable snapshot of an archive's contents."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.paths import EXPECTED, SITES

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


def mirror_sites(mirror: Path = SITES) -> list:
    """The registry's sites the mirror folder holds pages of: the ones the demo crawls."""
    from ctd_crawler.sites import load_sites

    return [s for s in load_sites() if (mirror / s.host).is_dir()]


def mirror_site_ids(mirror: Path = SITES) -> str:
    """mirror_sites as --site takes them: a crawl of a served mirror (a URL) cannot see its
    folder, so it is told which sites it holds."""
    return ",".join(s.id for s in mirror_sites(mirror))


def kept_articles(host: str) -> int:
    """How many hand-checked articles of a host a crawl keeps (off-topic stories are not)."""
    return sum(not json.loads(p.read_text("utf-8")).get("off_topic") for p in (EXPECTED / host).rglob("*.json"))


def copy_mirror(target: Path) -> Path:
    shutil.copytree(SITES, target)
    return target


# The demo archive that archive.md's worked queries are shown on: `ctd-archive demo`
# crawled twice, the second time with one page corrected (1.050 -> 1.005 đơn vị máu),
# so the archive has an article that changed between crawls, as real archives do.
CHANGED_PAGE = "chuthapdobg.org.vn/ves-portal/1512/NGAY-HOI-HIEN-MAU-CHU-NHAT-DO-NAM-2020-TIEP-NHAN-1050-DON-VI-MAU.html"
CHANGE = ("1.050 đơn vị máu".encode(), "1.005 đơn vị máu".encode())  # a site with no sitemap or feed


def demo(archive: Path, mirror: Path, **env: str) -> None:
    done = subprocess.run([sys.executable, "-m", "ctd_crawler.cli", "demo", "--archive", str(archive),
                           "--mirror", str(mirror)], capture_output=True, text=True, timeout=600, check=False,
                          env={**os.environ, **env})
    if done.returncode != 0:
        raise RuntimeError(f"demo crawl failed:\n{done.stderr[-3000:]}")


def build_demo_archive(archive: Path) -> Path:
    demo(archive, SITES)
    with tempfile.TemporaryDirectory() as tmp:
        mirror = copy_mirror(Path(tmp) / "sites")
        page = mirror / CHANGED_PAGE
        raw = page.read_bytes()
        assert CHANGE[0] in raw, f"{CHANGED_PAGE} no longer holds {CHANGE[0].decode()!r}"
        page.write_bytes(raw.replace(*CHANGE))
        # An incremental crawl would not re-read listings or articles it saw minutes ago:
        # mark the sites incomplete (as a killed crawl leaves them) and every article due.
        db = sqlite3.connect(archive)
        with db:
            db.execute("UPDATE sites SET complete_at = NULL")
        db.close()
        demo(archive, mirror, CTD_REFETCH_DAYS="0", CTD_RECHECK_HOURS="0")
    return archive
