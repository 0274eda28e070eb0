"""The real spider against a server that misbehaves on purpose (tests.crawl.faults.server.py).

For every fault: the crawl goes on, the fault is counted in the run's stats (`ctd/...`),
no article is lost or archived twice, and memory stays bounded (a 50 MB page and a gzip
bomb are refused by DOWNLOAD_MAXSIZE, not read into memory).
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.crawl.faults.server import ARTICLES, HOST, FaultServer
from tests.crawling import crawl_command, last_run

SITES = Path(__file__).with_name("sites.toml")
SETTINGS = {
    "CTD_SITES": str(SITES),
    "CTD_MONITOR_MIN_REQUESTS": "10",
    "DOWNLOAD_TIMEOUT": "1.5",
    "RETRY_TIMES": "2",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "4",
    "CTD_RETRY_AFTER_MAX": "2",
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    archive = tmp_path_factory.mktemp("faults") / "ctd.sqlite"
    with FaultServer() as server:
        process = subprocess.Popen(crawl_command(archive, server.url, settings=SETTINGS),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out, err = process.communicate(timeout=120)
        finally:
            process.kill()
        hits = dict(server.hits)
    run = last_run(archive)
    db = sqlite3.connect(archive)
    yield {"run": run, "stats": run["stats"], "db": db, "out": out, "err": err, "hits": hits,
           "returncode": process.returncode}
    db.close()


def test_the_crawl_goes_on_to_its_end(crawled):
    assert crawled["run"]["finish_reason"] == "finished", crawled["err"][-3000:]
    assert "Traceback" not in crawled["err"], crawled["err"][-3000:]


def test_every_good_article_is_archived_once(crawled):
    urls = [u for (u,) in crawled["db"].execute("SELECT url FROM articles")]
    assert sorted(urls) == sorted(f"https://{HOST}{p}" for p in ARTICLES)
    titles = [t for (t,) in crawled["db"].execute("SELECT title FROM articles")]
    assert all(t.startswith("Hội Chữ thập đỏ thành phố trao quà") for t in titles), titles


@pytest.mark.parametrize("key, at_least", [
    ("ctd/http_error/500", 1),          # 500 after its retries
    ("ctd/backoff/503", 1),             # 503 + Retry-After: waited, retried, archived
    ("ctd/backoff/429", 1),             # 429 + Retry-After: idem
    ("ctd/connection_lost", 1),         # reset mid-body
    ("ctd/timeout", 2),                 # the endless body and the slow drip
    ("ctd/redirect_loop", 1),
    ("ctd/error_page", 1),              # 200 "Trang không tồn tại": counted, not archived
    ("ctd/charset_mismatch", 1),        # declared iso-8859-1, was UTF-8: archived right
    ("ctd/too_large", 2),               # the gzip bomb and the 50 MB page
    ("ctd/xml_entities_refused", 1),    # the sitemap entity bomb
    ("ctd/robots_forbidden", 1),        # /cam/ is disallowed
    ("ctd/listing_repeat", 1),          # ?page=N that ignores N
])
def test_each_fault_is_counted(crawled, key, at_least):
    assert crawled["stats"].get(key, 0) >= at_least, {k: v for k, v in crawled["stats"].items() if "ctd/" in k}


def test_robots_disallowed_section_is_never_requested(crawled):
    assert crawled["hits"].get("/cam/bai-bi-cam", 0) == 0


def test_pagination_trap_is_left_after_one_repeat(crawled):
    pages = [p for p in crawled["hits"] if p.startswith("/tin/?page=")]
    assert sorted(pages) == ["/tin/?page=2", "/tin/?page=3"]


def test_charset_lie_is_decoded_right(crawled):
    body = crawled["db"].execute("SELECT body_text FROM articles WHERE url LIKE '%sai-charset'").fetchone()[0]
    assert "Hội Chữ thập đỏ thành phố" in body and "Cầu Giấy" in body


def test_the_error_page_and_the_failures_leave_no_rows(crawled):
    assert crawled["db"].execute("SELECT COUNT(*) FROM articles WHERE url LIKE '%khong-ton-tai%' OR "
                                 "url LIKE '%loi-500%' OR url LIKE '%qua-lon%'").fetchone()[0] == 0


def test_memory_stays_bounded(crawled):
    # ru_maxrss is in KiB on Linux. A crawl holds ~150 MB; reading the 50 MB page or inflating
    # the 64 MB bomb (plus their decoded copies) would add far more than the margin.
    import resource

    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mib < 350, peak_mib


def test_the_run_says_something_broke(crawled):
    # a quarter of the pages failed: the error-rate check fails and the command says so
    assert crawled["returncode"] == 3
    assert any("error rate" in c for c in crawled["run"]["checks"])
