"""`ctd-archive backfill --source wayback` against the loopback Wayback (tests/webarchive/server.py),
over an archive that already holds two of the site's articles from a live crawl.

Each hand-checked article of vnrc (redcross.org.vn: nine, the most of any site) is captured
twice: in 2019 with an older text (its title one word longer) and in 2024 as saved. The 2024
capture of some articles misbehaves: a redirect to another page, a 404, the site's "page not
found" page, a charset that lies, a redirect to a nearby timestamp. The site's other HTML
pages are captured too: those its routing calls listings are not fetched, the rest are and
their page says what they are.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from ctd_crawler import settings
from ctd_crawler.cli import main
from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.store import open_archive
from ctd_crawler.webarchive.routing import is_article_url
from tests.webarchive.data import (
    article_pages,
    as_captured,
    capture,
    live_crawl,
    not_found_page,
    older_text,
    other_pages,
    site,
)
from tests.webarchive.server import WebArchiveServer

SITE = "vnrc"
PAGES = article_pages(SITE)
URLS = [u for u, _ in PAGES]
LIVE = URLS[:2]  # archived by a "live crawl" before the backfill
REDIRECT, GONE, NOT_FOUND, CHARSET, DRIFT, ONLY_GONE, WWW = URLS[2:9]
# Nine articles for ten cases: the www capture and the one before --from are independent
# (the www form is the 2019 capture's, the 2015 capture is never listed), so one URL has both.
ANCIENT = WWW
# The story's URL without the slash of its permalink: the site answers 301 (the mirror's
# _mirror.toml), and the archive's 2022 capture of that answer is filtered out by the index.
MOVED = URLS[3].rstrip("/")
OTHERS = other_pages(SITE)
# Other pages the routing calls listings (categories): counted, not fetched. The rest (home,
# about, contact, donate) are fetched and their page decides: the home lists, the others are neither.
ROUTED = [u for u, _ in OTHERS if not is_article_url(site(SITE), canonical_url(u))]
OLD, NEW = "20190615083000", "20240301000000"


def wayback_captures():
    caps = []
    for url, body in PAGES:
        caps.append(capture(as_captured(url, www=url == WWW), OLD, older_text(SITE, url, body)))
        how = {}
        if url == REDIRECT:
            how = {"replay": f"elsewhere:{site(SITE).base_url}/"}  # the site's home
        elif url in (GONE, ONLY_GONE):
            how = {"replay": "gone"}
        elif url == DRIFT:
            how = {"replay": "drift:20240302000000"}
        elif url == CHARSET:
            how = {"content_type": "text/html; charset=iso-8859-1"}
        newest = not_found_page(SITE) if url == NOT_FOUND else body
        caps.append(capture(as_captured(url), NEW, newest, **how))
        if url == DRIFT:  # replayed, not listed: where the listed timestamp's replay sends
            caps.append(capture(as_captured(url), "20240302000000", body, indexed=False))
        if url == ANCIENT:  # before --from: never listed, never archived
            caps.append(capture(as_captured(url), "20150101000000", body.replace(b"</h1>", b" 2015</h1>", 1)))
        if url == ONLY_GONE:
            caps = [c for c in caps if not (c.url == as_captured(url) and c.timestamp == OLD)]
    caps += [capture(as_captured(u), NEW, b) for u, b in OTHERS]
    caps.append(capture(as_captured(MOVED), "20220101000000", b"", status=301))  # filtered out by the index
    return caps


@pytest.fixture(scope="module")
def backfilled(tmp_path_factory):
    path = tmp_path_factory.mktemp("wayback") / "ctd.sqlite"
    writer = open_archive(path)
    writer.sync_sites([site(SITE)])
    live_hashes = live_crawl(writer, SITE, LIVE)
    writer.close()
    mp = pytest.MonkeyPatch()
    mp.setattr(settings, "CTD_WAYBACK_PAGE_SIZE", 5)  # several CDX pages, joined by resume keys
    mp.setattr(settings, "CTD_WEBARCHIVE_BACKOFF", 0.01)
    with WebArchiveServer(wayback_captures()) as server:
        args = ["backfill", "--archive", str(path), "--site", SITE, "--source", "wayback", "--from", "2018",
                "--to", "2025", "--wayback-url", server.url, "--interval", "0"]
        first = CliRunner().invoke(main, args)
        hits_first = dict(server.hits)
        requests_first = list(server.requests)
        second = CliRunner().invoke(main, args)
        hits_second = {k: v - hits_first.get(k, 0) for k, v in server.hits.items()}
    mp.undo()
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    runs = [dict(r) for r in db.execute("SELECT * FROM crawl_runs ORDER BY id")]
    yield {"db": db, "first": first, "second": second, "live": live_hashes, "hits": hits_first,
           "hits_second": hits_second, "requests": requests_first,
           "stats": json.loads(runs[0]["stats"]), "stats_second": json.loads(runs[1]["stats"]), "runs": runs}
    db.close()


def article(db, url):
    return db.execute("SELECT * FROM articles WHERE url = ?", [canonical_url(url)]).fetchone()


def test_the_backfill_finishes_and_says_what_it_did(backfilled):
    assert backfilled["first"].exit_code == 0, backfilled["first"].output
    assert "backfill vnrc from wayback" in backfilled["first"].output
    assert [r["kind"] for r in backfilled["runs"]] == ["backfill", "backfill"]
    assert [r["status"] for r in backfilled["runs"]] == ["finished", "finished"]


def test_the_listing_is_paged_by_resume_key(backfilled):
    cdx = [path for path, *_ in backfilled["requests"] if path.startswith("/cdx/")]
    assert len(cdx) >= 3 and all("showResumeKey=true" in p for p in cdx)
    assert sum("resumeKey=" in p for p in cdx) == len(cdx) - 1


def test_every_article_with_a_readable_capture_is_archived_once(backfilled):
    db = backfilled["db"]
    urls = sorted(r[0] for r in db.execute("SELECT url FROM articles"))
    assert urls == sorted(canonical_url(u) for u in URLS if u != ONLY_GONE)


@pytest.mark.parametrize("url", LIVE)
def test_a_live_article_is_not_lost_nor_doubled_and_its_older_capture_is_a_version(backfilled, url):
    db = backfilled["db"]
    row = article(db, url)
    assert row["content_hash"] == backfilled["live"][canonical_url(url)]  # the live text stays current
    page = db.execute("SELECT capture_id, fetched_at FROM pages WHERE url = ?", [row["url"]]).fetchone()
    assert page["capture_id"] is None and page["fetched_at"] == "2026-12-01T10:00:00+07:00"
    versions = db.execute("SELECT title, first_seen, capture_id FROM article_versions WHERE article_id = ?",
                          [row["id"]]).fetchall()
    assert [v["title"].endswith("(bản đầu)") for v in versions] == [True]
    assert versions[0]["capture_id"] is not None and versions[0]["first_seen"].startswith("2019-06-15")
    assert row["first_seen"].startswith("2019-06-15")  # seen since the capture


@pytest.mark.parametrize("url, reason", [(REDIRECT, "redirect"), (GONE, "http_status/404"),
                                         (NOT_FOUND, "error_page")])
def test_when_the_newest_capture_is_unusable_the_newest_readable_one_wins(backfilled, url, reason):
    db = backfilled["db"]
    row = article(db, url)
    assert row["title"].endswith("(bản đầu)") and row["first_seen"].startswith("2019")
    outcomes = dict(db.execute("SELECT captured_at, outcome FROM captures WHERE url = ?", [row["url"]]).fetchall())
    assert sorted(outcomes.values()) == sorted(["new", reason])
    assert "Không tìm thấy" not in (row["body_text"] + (row["title"] or ""))


def test_a_url_whose_only_capture_is_gone_is_counted_not_archived(backfilled):
    db = backfilled["db"]
    assert article(db, ONLY_GONE) is None
    outcomes = [r[0] for r in db.execute("SELECT outcome FROM captures WHERE url = ?", [canonical_url(ONLY_GONE)])]
    assert outcomes == ["http_status/404"]


def test_a_charset_that_lies_is_counted_and_the_page_decoded_right(backfilled):
    row = article(backfilled["db"], CHARSET)
    assert not row["title"].endswith("(bản đầu)")
    assert "Ã" not in row["title"] and "Ã" not in row["body_text"]  # no mojibake
    assert backfilled["stats"]["ctd/webarchive/charset_mismatch"] == 1


def test_a_redirect_to_a_nearby_timestamp_is_followed(backfilled):
    db = backfilled["db"]
    row = article(db, DRIFT)
    page = db.execute("SELECT p.fetched_at, c.locator FROM pages p JOIN captures c ON c.id = p.capture_id "
                      "WHERE p.url = ?", [row["url"]]).fetchone()
    assert page["fetched_at"].startswith("2024-03-02") and "/web/20240302000000id_/" in page["locator"]


def test_a_www_and_port_variant_is_the_same_article(backfilled):
    db = backfilled["db"]
    row = article(db, WWW)
    originals = [r[0] for r in db.execute("SELECT original_url FROM captures WHERE url = ?", [row["url"]])]
    assert any("www." in o and ":80/" in o for o in originals)


def test_captures_outside_the_years_are_not_listed(backfilled):
    db = backfilled["db"]
    assert db.execute("SELECT COUNT(*) FROM captures WHERE captured_at < '2018'").fetchone()[0] == 0
    assert "2015" not in article(db, ANCIENT)["title"]


def test_capture_time_and_source_are_recorded(backfilled):
    db = backfilled["db"]
    rows = db.execute("SELECT c.source, c.original_url, c.captured_at, p.fetched_at, c.locator FROM pages p"
                      " JOIN captures c ON c.id = p.capture_id").fetchall()
    assert rows and all(r["source"] == "wayback" and r["captured_at"] == r["fetched_at"] for r in rows)
    assert all(r["original_url"].startswith("http://") and "id_/" in r["locator"] for r in rows)


def test_the_site_s_other_pages_are_counted_by_what_they_are(backfilled):
    assert ROUTED and len(ROUTED) < len(OTHERS)  # both ways of telling are exercised
    outcomes = dict(backfilled["db"].execute("SELECT url, outcome FROM captures").fetchall())
    assert all(canonical_url(u) not in outcomes for u in ROUTED)  # never fetched
    assert {outcomes[canonical_url(u)] for u, _ in OTHERS if u not in ROUTED} == {"listing", "other"}


@pytest.mark.parametrize("key, expected", [
    ("redirect", 1), ("http_status/404", 2), ("error_page", 1), ("charset_mismatch", 1),
    ("not_article", len(ROUTED)), ("listing", 1), ("other", len(OTHERS) - len(ROUTED) - 1),
    ("articles_new", len(URLS) - 2 - 1), ("articles_unchanged", 2), ("index_status/301", 0),
])
def test_each_case_is_counted(backfilled, key, expected):
    assert backfilled["stats"].get(f"ctd/webarchive/{key}", 0) == expected


def test_older_different_captures_are_versions(backfilled):
    db = backfilled["db"]
    # newest first: the 2019 text of every archived article is older and differs, except where the
    # 2024 capture was unusable (then the 2019 one is the article)
    expected = len(URLS) - 1 - len([REDIRECT, GONE, NOT_FOUND])
    assert backfilled["stats"]["ctd/webarchive/articles_version"] == expected
    versions = db.execute("SELECT v.title, v.replaced_at, c.captured_at FROM article_versions v"
                          " JOIN captures c ON c.id = v.capture_id").fetchall()
    assert len(versions) == expected
    assert all(v["title"].endswith("(bản đầu)") and v["replaced_at"] > v["captured_at"] for v in versions)


def test_a_second_run_fetches_nothing_again(backfilled):
    assert backfilled["second"].exit_code == 0, backfilled["second"].output
    assert backfilled["hits_second"].get("web", 0) == 0
    stats = backfilled["stats_second"]
    assert stats["ctd/webarchive/already_fetched"] == backfilled["stats"]["ctd/webarchive/fetched"] + sum(
        backfilled["stats"].get(f"ctd/webarchive/{k}", 0) for k in ("redirect", "http_status/404"))
    assert not any(k.startswith("ctd/webarchive/articles_") for k in stats)

