"""`ctd-archive backfill --source commoncrawl` against the loopback Common Crawl: two crawls of
vnrc's nine hand-checked articles (2020 with older texts, 2023 as saved) in WARC files built
with warcio, with a truncated record, a corrupt gzip member, an index line pointing at the
wrong record, a revisit, a redirect and a 404 line."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from ctd_crawler import settings
from ctd_crawler.cli import main
from ctd_crawler.crawl.urls import canonical_url
from tests.webarchive.data import article_pages, as_captured, capture, older_text
from tests.webarchive.server import WebArchiveServer

SITE = "vnrc"  # the site with the most hand-checked articles: seven faulty, two sound
PAGES = article_pages(SITE)
URLS = [u for u, _ in PAGES]
TRUNCATED, CORRUPT, WRONG, REVISIT, MOVED, MISSING, ONLY_CORRUPT = URLS[:7]
SOUND = URLS[7:]
FAULTS = {TRUNCATED: {"record": "truncated"}, CORRUPT: {"record": "corrupt"}, WRONG: {"record": "wrong"},
          REVISIT: {"record": "revisit"}, MOVED: {"status": 301}, MISSING: {"status": 404},
          ONLY_CORRUPT: {"record": "corrupt"}}
OLD, NEW = "CC-MAIN-2020-05", "CC-MAIN-2023-40"


def crawls():
    older = [capture(as_captured(u), "20200120101010", older_text(SITE, u, b)) for u, b in PAGES if u != ONLY_CORRUPT]
    newer = {u: capture(as_captured(u), "20230925050505", b, **FAULTS.get(u, {})) for u, b in PAGES}
    # the record after the wrong line's own is a sound one (another article): it must not be taken for it
    order = [TRUNCATED, CORRUPT, WRONG, SOUND[0], REVISIT, MOVED, MISSING, ONLY_CORRUPT, *SOUND[1:]]
    assert sorted(order) == sorted(URLS)
    return {OLD: older, NEW: [newer[u] for u in order]}


def run(server, path, *extra):
    return CliRunner().invoke(main, ["backfill", "--archive", str(path), "--site", SITE, "--source", "commoncrawl",
                                     "--cc-index-url", server.url, "--cc-data-url", server.url, "--interval", "0",
                                     *extra])


@pytest.fixture(scope="module")
def backfilled(tmp_path_factory):
    path = tmp_path_factory.mktemp("cc") / "ctd.sqlite"
    mp = pytest.MonkeyPatch()
    mp.setattr(settings, "CTD_WEBARCHIVE_BACKOFF", 0.01)
    with WebArchiveServer(commoncrawl=crawls()) as server:
        result = run(server, path)
        sizes = {c.filename: len(c.data) for c in server.collections.values()}
        lines = {(x["filename"], x["offset"]): int(x["length"]) for c in server.collections.values()
                 for x in c.lines}
        requests = list(server.requests)
    mp.undo()
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs ORDER BY id DESC").fetchone()[0])
    yield {"db": db, "result": result, "stats": stats, "requests": requests, "sizes": sizes, "lines": lines}
    db.close()


def article(db, url):
    return db.execute("SELECT * FROM articles WHERE url = ?", [canonical_url(url)]).fetchone()


def test_the_backfill_finishes(backfilled):
    assert backfilled["result"].exit_code == 0, backfilled["result"].output


def test_every_crawl_of_the_list_is_read_page_by_page(backfilled):
    index = [p for p, *_ in backfilled["requests"] if "-index?" in p]
    assert any(OLD in p for p in index) and any(NEW in p for p in index)
    assert sum("page=" in p for p in index) >= 2 * 2  # the index pages of 3 lines, both crawls


def test_a_range_request_fetches_only_its_record(backfilled):
    data = [(p, r, size) for p, r, status, size in backfilled["requests"] if p.startswith("/crawl-data/")]
    assert data and all(r and r.startswith("bytes=") for p, r, _ in data)
    for path, span, size in data:
        first, last = (int(x) for x in span[6:].split("-"))
        assert size == last - first + 1 == backfilled["lines"][(path[1:], str(first))]
    total_file = sum(backfilled["sizes"].values())
    assert sum(size for *_, size in data) < total_file


@pytest.mark.parametrize("url", [TRUNCATED, CORRUPT, WRONG])
def test_a_bad_record_is_counted_and_the_older_crawl_s_capture_is_the_article(backfilled, url):
    row = article(backfilled["db"], url)
    assert row is not None and row["title"].endswith("(bản đầu)")


def test_a_url_whose_only_record_is_corrupt_is_not_archived(backfilled):
    assert article(backfilled["db"], ONLY_CORRUPT) is None


def test_the_wrong_record_is_not_archived_under_the_line_s_url(backfilled):
    db = backfilled["db"]
    bodies = [r[0] for r in db.execute("SELECT body_text FROM articles")]
    assert len(bodies) == len(set(bodies))  # no page archived twice under two URLs


@pytest.mark.parametrize("key, expected", [
    ("truncated", 1), ("corrupt_record", 2), ("digest_mismatch", 1), ("revisit", 1),
    ("index_status/301", 1), ("index_status/404", 1), ("articles_new", len(URLS) - 1),
    ("articles_version", len(URLS) - 1 - 6), ("range_ignored", 0), ("http_status/404", 0),
])
def test_each_case_is_counted(backfilled, key, expected):
    assert backfilled["stats"].get(f"ctd/webarchive/{key}", 0) == expected


def test_the_source_and_the_record_s_place_are_recorded(backfilled):
    rows = backfilled["db"].execute("SELECT c.source, c.locator, c.captured_at, p.fetched_at FROM pages p"
                                    " JOIN captures c ON c.id = p.capture_id").fetchall()
    assert rows and all(r["source"] == "commoncrawl" and " bytes=" in r["locator"] for r in rows)
    assert all(r["captured_at"] == r["fetched_at"] for r in rows)


def test_one_collection_only_and_a_server_that_ignores_ranges(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "CTD_WEBARCHIVE_BACKOFF", 0.01)
    with WebArchiveServer(commoncrawl=crawls()) as server:
        server.ignore_range = True
        result = run(server, tmp_path / "ctd.sqlite", "--collection", OLD)
        index = [p for p, *_ in server.requests if "-index" in p]
    assert result.exit_code == 0, result.output
    assert index and all(OLD in p for p in index)
    db = sqlite3.connect(tmp_path / "ctd.sqlite")
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs").fetchone()[0])
    assert stats["ctd/webarchive/range_ignored"] == len(URLS) - 1
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
    assert stats.get("ctd/webarchive/bytes/cc-data", 0) == 0  # the whole file was not read


@pytest.mark.parametrize("years, crawls", [
    ([], [OLD, NEW]),
    (["--from", "2021"], [NEW]),
    (["--to", "2020"], [OLD]),
    (["--from", "2021", "--to", "2022"], []),  # no crawl in those years: nothing asked of the index
])
def test_the_crawls_asked_are_those_of_the_years(tmp_path, monkeypatch, years, crawls):
    monkeypatch.setattr(settings, "CTD_WEBARCHIVE_BACKOFF", 0.01)
    with WebArchiveServer(commoncrawl=crawls_of_one_page()) as server:
        result = run(server, tmp_path / "ctd.sqlite", *years)
        asked = sorted({p.split("-index")[0].lstrip("/") for p, *_ in server.requests if "-index" in p})
    assert result.exit_code == 0, result.output
    assert asked == crawls


def crawls_of_one_page():
    url, body = PAGES[-1]
    return {OLD: [capture(as_captured(url), "20200120101010", body)],
            NEW: [capture(as_captured(url), "20230925050505", body)]}
