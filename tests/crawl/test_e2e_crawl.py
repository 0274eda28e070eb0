"""End to end: the real spider crawls the offline mirror over loopback into a temporary
archive, twice; the second crawl must change nothing (tests/test_incremental.py covers
the runs where pages are due again: 304s, changed pages, pagination stops)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.page.layouts import GENERIC, detect_family
from ctd_crawler.sites import AUTO_FAMILY, site_for_url
from tests.crawling import mirror_sites
from tests.page.layouts.pages import page_of, tree_of
from tests.paths import EXPECTED


def run_demo(archive: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ctd_crawler.cli", "demo", "--archive", str(archive), *args],
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    archive = tmp_path_factory.mktemp("e2e") / "ctd.sqlite"
    first = run_demo(archive)
    assert first.returncode == 0, first.stderr[-3000:]
    db = sqlite3.connect(archive)
    snapshot = db.execute("SELECT id, url, title, published_at, body_text, content_hash FROM articles "
                          "ORDER BY id").fetchall()
    facts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
             for t in ("person_mentions", "place_mentions", "money", "counts", "event_dates", "pages")}
    db.close()
    second = run_demo(archive)
    assert second.returncode == 0, second.stderr[-3000:]
    db = sqlite3.connect(archive)
    yield {"db": db, "first": first.stdout, "second": second.stdout, "snapshot": snapshot, "facts": facts}
    db.close()


def expected_articles() -> list[dict]:
    """The hand-checked articles a crawl keeps (a paper's stories off its topic are
    hand-checked for their layout, and marked `off_topic`), under their canonical URLs."""
    every = (json.loads(p.read_text("utf-8")) for p in sorted(EXPECTED.rglob("*.json")))
    return [{**a, "url": canonical_url(a["url"])} for a in every if not a.get("off_topic")]


def test_every_expected_article_is_archived_under_its_real_url(crawled):
    urls = {row[0] for row in crawled["db"].execute("SELECT url FROM articles")}
    missing = [a["url"] for a in expected_articles() if a["url"] not in urls]
    assert not missing
    assert all(u.startswith("https://") and "127.0.0.1" not in u for u in urls)


def test_only_article_pages_are_archived(crawled):
    expected = {a["url"] for a in expected_articles()}
    extra = [u for (u,) in crawled["db"].execute("SELECT url FROM articles") if u not in expected]
    assert extra == []


def test_titles_and_dates_match_the_hand_checked_truth(crawled):
    got = {url: (title, published) for url, title, published in
           crawled["db"].execute("SELECT url, title, published_at FROM articles")}
    wrong = [(a["url"], got[a["url"]], (a["title"], a["published_at"])) for a in expected_articles()
             if got.get(a["url"]) != (a["title"], a["published_at"])]
    assert wrong == []


def test_every_mirror_site_has_its_articles_and_a_sites_row(crawled):
    per_site = dict(crawled["db"].execute("SELECT site, COUNT(*) FROM articles GROUP BY site"))
    want: dict[str, int] = {}
    for a in expected_articles():
        want[site_for_url(a["url"]).id] = want.get(site_for_url(a["url"]).id, 0) + 1
    assert per_site == want
    assert {r[0] for r in crawled["db"].execute("SELECT id FROM sites")} == {s.id for s in mirror_sites()}


def test_the_family_of_a_site_the_registry_leaves_open_is_recognised(crawled):
    families = dict(crawled["db"].execute("SELECT id, family FROM sites"))
    shown = {}  # what the site's article pages show (a family signs its articles, if nothing else)
    for truth in sorted(EXPECTED.rglob("*.json")):
        site = site_for_url(json.loads(truth.read_text("utf-8"))["url"])
        if site.family is None and site.id not in shown:
            family = detect_family(tree_of(page_of(truth)))
            shown[site.id] = AUTO_FAMILY if family == GENERIC else family
    assert set(shown.values()) - {AUTO_FAMILY}, "no site leaves its family to its pages: nothing to recognise"
    assert {site: families[site] for site in shown} == shown


def test_each_run_is_recorded(crawled):
    runs = crawled["db"].execute("SELECT status, articles_new, articles_unchanged, pages_fetched FROM crawl_runs "
                                 "ORDER BY id").fetchall()
    total = len(crawled["snapshot"])
    assert runs[0] == ("finished", total, 0, runs[0][3]) and runs[0][3] > total
    # The second run comes minutes after a complete first one: no listing, sitemap or feed
    # is due again (CTD_RECHECK_HOURS), so nothing is requested, and its row says why.
    assert runs[1] == ("finished", 0, 0, 0)
    stats = json.loads(crawled["db"].execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()[0])
    # the ways in: a site's home page, or a paper's topic pages; the registry's own sitemaps and
    # feeds; and the sections the first run reached from the home pages
    sections = crawled["db"].execute("SELECT COUNT(*) FROM entry_pages WHERE kind = 'section'").fetchone()[0]
    entry_points = sections + sum(len(s.start_urls or [s.base_url]) + len(s.sitemaps) + len(s.feeds)
                                  for s in mirror_sites())
    assert stats["ctd/entry_fresh"] == entry_points
    assert stats.get("downloader/request_count", 0) == 0


def test_second_crawl_changes_nothing(crawled):
    db = crawled["db"]
    again = db.execute("SELECT id, url, title, published_at, body_text, content_hash FROM articles ORDER BY id").fetchall()
    assert again == crawled["snapshot"]
    facts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in crawled["facts"]}
    assert facts == crawled["facts"]
    assert db.execute("SELECT COUNT(*) FROM article_versions").fetchone()[0] == 0


def test_no_url_is_archived_twice(crawled):
    assert crawled["db"].execute("SELECT COUNT(*) - COUNT(DISTINCT url) FROM articles").fetchone()[0] == 0


def test_404s_and_redirects_are_counted_not_fatal(crawled):
    stats = json.loads(crawled["db"].execute("SELECT stats FROM crawl_runs ORDER BY id LIMIT 1").fetchone()[0])
    assert stats.get("ctd/http_error/404", 0) >= 1
    assert stats.get("downloader/response_status_count/301", 0) >= 1


def test_summary_is_printed(crawled):
    out = crawled["first"]
    for words in ("pages fetched", "articles", "new", "errors", "archive"):
        assert words in out
    assert " 0 new" in crawled["second"]
    # a first run of an empty archive skipped nothing for being known (it knew nothing)
    assert "not fetched again" not in out and "not fetched again" in crawled["second"]


def test_full_text_search_in_plain_sql(crawled):
    db = crawled["db"]
    hits = [set(r[0] for r in db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [q]))
            for q in ("chu thap do", "Chữ thập đỏ", "CHỮ THẬP ĐỎ")]
    assert hits[0] and hits[0] == hits[1] == hits[2]

