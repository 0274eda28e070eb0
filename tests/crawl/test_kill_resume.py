"""A crawl killed with SIGKILL at many points, then resumed, ends with the same archive as
a crawl never interrupted (half of the runs with JOBDIR, whose stale queue is discarded
after a kill); a graceful stop resumes from JOBDIR's queue; a reader holding a read
transaction does not block the crawl.

The mirror is slowed down (MirrorServer delay) so that kills land mid-crawl; the kill
points are article counts read from the archive while the crawl writes it.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time

import pytest

from ctd_crawler.crawl.mirror import serve_mirror
from ctd_crawler.crawl.seen import DUPEFILTER_FILE, SeenSet
from ctd_crawler.store import open_archive
from tests.crawling import crawl_command, last_run, mirror_site_ids, run_crawl, snapshot
from tests.paths import SITES

# Articles archived when the kill lands; 0 = as soon as the run's crawl_runs row exists.
KILL_AT = [0, 2, 7, 13, 20, 28, 36, 44, 52, 60, 67]
DELAY = 0.05  # seconds per mirror response


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The uninterrupted crawl, run while an analyst's connection holds a read transaction."""
    archive = tmp_path_factory.mktemp("reference") / "ctd.sqlite"
    open_archive(archive).close()  # schema in place, WAL mode on
    reader = sqlite3.connect(archive, isolation_level=None)
    reader.execute("BEGIN")
    before = reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0]  # the snapshot is taken here
    result = run_crawl(archive, SITES, timeout=120)
    during = reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    reader.execute("COMMIT")
    after = reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    reader.close()
    assert result.returncode == 0, result.stderr[-3000:]
    found = snapshot(archive)
    found["reader"] = (before, during, after)
    return found


def _without_reader(reference: dict) -> dict:
    return {k: v for k, v in reference.items() if k != "reader"}


def _articles(archive) -> int:
    try:
        db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True, timeout=5)
        try:
            return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            db.close()
    except sqlite3.OperationalError:  # not created yet
        return -1


def _running(archive, pid: int) -> bool:
    try:
        db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True, timeout=5)
        try:
            return db.execute("SELECT 1 FROM crawl_runs WHERE pid = ? AND status = 'running'", [pid]).fetchone() is not None
        finally:
            db.close()
    except sqlite3.OperationalError:
        return False


def _start(archive, mirror_url, jobdir=None) -> subprocess.Popen:
    args = ["--site", mirror_site_ids(), *(["--jobdir", str(jobdir)] if jobdir else [])]
    return subprocess.Popen(crawl_command(archive, mirror_url, *args), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def test_killed_crawls_resume_to_the_same_archive(tmp_path, reference):
    archive, jobdir = tmp_path / "ctd.sqlite", tmp_path / "job"
    killed_at = []
    with serve_mirror(SITES, delay=DELAY) as mirror:
        for n, target in enumerate(KILL_AT):
            process = _start(archive, mirror.url, jobdir if n % 2 else None)  # with and without JOBDIR
            deadline = time.monotonic() + 30
            while process.poll() is None and time.monotonic() < deadline:
                if _articles(archive) >= target and (target or _running(archive, process.pid)):
                    process.send_signal(signal.SIGKILL)
                    break
                time.sleep(0.01)
            process.wait(timeout=30)
            if process.returncode == -signal.SIGKILL:
                killed_at.append((n, _articles(archive)))
        final = _start(archive, mirror.url, jobdir)
        _, err = final.communicate(timeout=120)
    assert final.returncode == 0, err[-3000:]
    assert len(killed_at) >= 10, killed_at
    assert len({count for _, count in killed_at}) >= 9, killed_at  # different points of the crawl
    assert snapshot(archive) == _without_reader(reference)
    # the last JOBDIR run was killed: its stale queue was discarded, the archive led the resume
    assert last_run(archive)["stats"].get("ctd/jobdir_discarded") == 1
    db = sqlite3.connect(archive)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    statuses = [s for (s,) in db.execute("SELECT status FROM crawl_runs ORDER BY id")]
    db.close()
    assert statuses[-1] == "finished"
    assert "running" not in statuses  # the killed runs are marked as such by the next run
    assert statuses.count("killed") >= len(killed_at) - 1


def test_graceful_stop_resumes_from_jobdir(tmp_path, reference):
    archive, jobdir = tmp_path / "ctd.sqlite", tmp_path / "job"
    with serve_mirror(SITES, delay=DELAY) as mirror:
        process = _start(archive, mirror.url, jobdir)
        deadline = time.monotonic() + 30
        while _articles(archive) < 20 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        process.send_signal(signal.SIGTERM)  # Scrapy: finish what is in flight, save the queue
        process.wait(timeout=60)
        assert last_run(archive)["status"] == "interrupted"
        seen = SeenSet(jobdir / DUPEFILTER_FILE)  # the fingerprints a resumed run must not refetch
        assert len(seen) >= 20
        seen.close()
        result = run_crawl(archive, mirror.url, "--site", mirror_site_ids(), "--jobdir", str(jobdir))
    assert result.returncode == 0, result.stderr[-3000:]
    assert snapshot(archive) == _without_reader(reference)
    assert "ctd/jobdir_discarded" not in last_run(archive)["stats"]  # resumed from Scrapy's own queue


def test_a_reader_holding_a_transaction_does_not_block_the_crawl(reference):
    # the crawl finished while the reader held its snapshot (0 articles), then the reader sees all
    assert reference["reader"] == (0, 0, len(reference["articles"]))
