"""Incremental crawls of a copy of the mirror: what a nightly run fetches, and what it
records, when nothing changed, when pages changed, and with `full=1`.

One archive goes through four runs (each `ctd-archive crawl` in a subprocess):
1. the first crawl;
2. a nightly run over the unchanged mirror: every listing, sitemap and feed is due
   (CTD_RECHECK_HOURS=0) and answers 304, nothing else is requested;
3. after edits on the mirror: a listing page rebuilt with the same articles (pagination
   stops there), a new article linked from a listing, an article edited with its sitemap
   lastmod moved (re-fetched; its old version kept, its facts replaced);
4. `full=1` with CTD_REFETCH_DAYS=0: every listing read, every article revalidated: 304s.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest

from ctd_crawler.crawl.failures import looks_like_error_page
from ctd_crawler.crawl.middlewares import retry_after_seconds
from ctd_crawler.crawl.mirror import serve_mirror
from ctd_crawler.extract.dates.clock import parse_when
from tests.crawling import copy_mirror, last_run, mirror_sites, run_crawl, snapshot
from tests.paths import SITES

VINHPHUC = "chuthapdo.vinhphuc.gov.vn"  # WordPress: its sitemap dates its posts
EDITED = f"https://{VINHPHUC}/phat-dong-thang-nhan-dao-nam-2016/"
NHANDAO = "nhandaoonline.vn"  # no sitemap or feed: its sections and their pagination are the way in
NEW = f"https://{NHANDAO}/ngay-hoi-hien-mau-mua-he-tai-ha-noi-a99999.html"
NIGHTLY = {"CTD_RECHECK_HOURS": "0"}
PAGE_2 = f"https://{NHANDAO}/hoat-dong-hoi?page=2"


def _checked_at(archive, url):
    db = sqlite3.connect(archive)
    try:
        row = db.execute("SELECT checked_at FROM entry_pages WHERE url = ?", [url]).fetchone()
        return row[0] if row else None
    finally:
        db.close()


def _edit_mirror(root):
    # (a) a section's first page rebuilt with the same articles
    listing = root / NHANDAO / "hoat-dong-hoi"
    listing.write_bytes(listing.read_bytes().replace(b"</body>", b"<!-- rebuilt --></body>"))
    # (b) a new article in another section (the home page does not change)
    source = root / NHANDAO / "trao-50-suat-hoc-bong-cho-hoc-sinh-ngheo-huyen-muong-te-a83.html"
    (root / NHANDAO / NEW.rsplit("/", 1)[1]).write_bytes(  # its own text, and its own canonical URL
        source.read_bytes().replace("Mường Tè".encode(), "Sìn Hồ".encode()).replace(
            source.name.encode(), NEW.rsplit("/", 1)[1].encode()))
    section = root / NHANDAO / "nhan-ai"
    link = f'<h3 class="news-title"><a href="/{NEW.rsplit("/", 1)[1]}">Ngày hội hiến máu mùa hè tại Hà Nội</a></h3>'
    section.write_bytes(section.read_bytes().replace(b'<h3 class="news-title">', link.encode() +
                                                     b'<h3 class="news-title">', 1))
    # (c) an article edited, and its sitemap lastmod moved
    page = root / VINHPHUC / "phat-dong-thang-nhan-dao-nam-2016" / "index.html"
    page.write_bytes(page.read_bytes().replace("800 triệu đồng".encode(), "820 triệu đồng".encode()))
    sitemap = root / VINHPHUC / "wp-sitemap-posts-post-1.xml"
    now = datetime.now(timezone(timedelta(hours=7))).isoformat(timespec="seconds")
    old = b"<lastmod>2016-05-09T08:30:00+07:00</lastmod>"
    assert old in sitemap.read_bytes()
    sitemap.write_bytes(sitemap.read_bytes().replace(old, f"<lastmod>{now}</lastmod>".encode()))


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("incremental")
    mirror = copy_mirror(tmp / "sites")
    archive = tmp / "ctd.sqlite"
    found = {}
    for n, (args, settings) in enumerate([((), {}), ((), NIGHTLY), ((), NIGHTLY),
                                          (("--full",), {**NIGHTLY, "CTD_REFETCH_DAYS": "0"})], 1):
        if n == 3:
            _edit_mirror(mirror)
        result = run_crawl(archive, mirror, *args, settings=settings)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
        found[n] = {"run": last_run(archive), "snapshot": snapshot(archive), "out": result.stdout,
                    "page2_checked": _checked_at(archive, PAGE_2)}
    found["db"] = sqlite3.connect(archive)
    yield found
    found["db"].close()


def test_nightly_run_over_an_unchanged_mirror_costs_only_304s(runs):
    first, second = runs[1]["run"], runs[2]["run"]
    stats = second["stats"]
    # the ways in: home pages (or a paper's topic pages) and the sections found on them
    entry_points = sum(len(s.start_urls or [s.base_url]) for s in mirror_sites())
    assert stats["ctd/not_modified"] == stats["downloader/response_status_count/304"]
    assert stats["ctd/not_modified"] >= entry_points
    # sitemap indexes are read whole (a 304 would hide their children), one robots.txt per site
    assert stats["downloader/request_count"] <= stats["ctd/not_modified"] + 3 * len(mirror_sites())
    assert first["stats"]["downloader/request_count"] >= 3 * stats["downloader/request_count"]
    assert (second["status"], second["articles_new"], second["articles_updated"]) == ("finished", 0, 0)
    assert runs[2]["snapshot"] == runs[1]["snapshot"]
    assert "304" in runs[2]["out"]


def test_rebuilt_listing_with_known_articles_stops_pagination(runs):
    stats = runs[3]["run"]["stats"]
    assert stats.get("ctd/known_stop", 0) >= 1
    # page 2 was last read by run 2: run 3 stopped at page 1, whose articles were all known
    assert runs[3]["page2_checked"] == runs[2]["page2_checked"] is not None


def test_new_article_on_a_listing_is_added(runs):
    run = runs[3]["run"]
    assert run["articles_new"] == 1
    urls = [row[0] for row in runs[3]["snapshot"]["articles"]]
    assert NEW in urls and len(urls) == len(runs[2]["snapshot"]["articles"]) + 1


def test_sitemap_lastmod_refetches_the_edited_article_only(runs):
    stats = runs[3]["run"]["stats"]
    assert runs[3]["run"]["articles_updated"] == 1
    assert stats.get("ctd/lastmod_unchanged", 0) >= 5


def test_changed_article_keeps_one_old_version_and_gets_new_facts(runs):
    db = runs["db"]
    versions = db.execute("SELECT v.body_text, v.replaced_at FROM article_versions v JOIN articles a"
                          " ON a.id = v.article_id WHERE a.url = ?", [EDITED]).fetchall()
    assert len(versions) == 1 and "800 triệu" in versions[0][0] and versions[0][1]
    assert db.execute("SELECT COUNT(*) FROM article_versions").fetchone()[0] == 1
    body, changed_at = db.execute("SELECT body_text, changed_at FROM articles WHERE url = ?", [EDITED]).fetchone()
    assert "820 triệu" in body and changed_at
    money = [row for row in runs[3]["snapshot"]["money"] if row[0] == EDITED]
    before = [row for row in runs[2]["snapshot"]["money"] if row[0] == EDITED]
    assert any(r[1] == 820_000_000 for r in money) and not any(r[1] == 820_000_000 for r in before)
    assert not any(r[1] == 800_000_000 for r in money) and any(r[1] == 800_000_000 for r in before)


def test_full_run_reads_every_listing_and_revalidates_articles(runs):
    run = runs[4]["run"]
    stats = run["stats"]
    assert stats.get("ctd/known_stop", 0) == 0 and stats.get("ctd/entry_fresh", 0) == 0
    # revalidated (304), or skipped because their sitemap/feed date is older than our copy
    assert stats["ctd/articles_not_modified"] + stats["ctd/lastmod_unchanged"] >= 60
    assert stats["ctd/articles_not_modified"] >= 10
    assert (run["articles_new"], run["articles_updated"]) == (0, 0)
    assert runs[4]["snapshot"] == runs[3]["snapshot"]


def test_every_run_passes_its_checks(runs):
    assert all(runs[n]["run"]["checks"] == [] for n in (1, 2, 3, 4))


# -- the pieces, one table each ------------------------------------------------------------


@pytest.mark.parametrize("title, body, error", [
    ("Trang không tồn tại", "", True),
    ("Lỗi 404", "Không tìm thấy trang bạn yêu cầu.", True),
    ("Tin tức", "Bài viết không tồn tại hoặc đã bị xóa.", True),
    ("Page not found", "", True),
    ("Hội Chữ thập đỏ trao quà", "Hội Chữ thập đỏ tỉnh trao 200 suất quà cho hộ nghèo. " * 3, False),
    # a real article that quotes the phrase in a long body is not an error page
    ("Khắc phục lỗi website", "Trước đây nhiều người gặp thông báo trang không tồn tại. " + "Nội dung. " * 60, False),
    (None, "", False),
])
def test_error_pages_are_recognised(title, body, error):
    assert looks_like_error_page(title, body) is error


@pytest.mark.parametrize("text, iso", [
    ("2024-06-25T08:00:00+07:00", "2024-06-25T08:00:00+07:00"),
    ("2024-06-25", "2024-06-25T23:59:59+07:00"),  # a bare date: end of that day, so when unsure we fetch
    ("2024-06-25T01:00:00Z", "2024-06-25T01:00:00+00:00"),
    ("Tue, 25 Jun 2024 08:00:00 +0700", "2024-06-25T08:00:00+07:00"),  # RSS pubDate
    ("", None), ("garbage", None), (None, None),
])
def test_dates_of_sitemaps_feeds_and_archive(text, iso):
    parsed = parse_when(text)
    assert (parsed.isoformat() if parsed else None) == iso


@pytest.mark.parametrize("value, seconds", [
    ("3", 3.0), (" 120 ", 120.0), ("Tue, 25 Jun 2024 08:00:10 GMT", 10.0),
    ("Tue, 25 Jun 2024 07:00:00 GMT", 0.0),  # in the past: no wait
    ("", None), (None, None), ("soon", None),
])
def test_retry_after_values(value, seconds):
    now = datetime(2024, 6, 25, 8, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(value, now) == seconds


def test_mirror_answers_conditional_requests_with_304():
    import urllib.error
    import urllib.request

    with serve_mirror(SITES) as mirror:
        url = f"{mirror.url}/nhandaoonline.vn/hoat-dong-hoi"
        with urllib.request.urlopen(url) as response:
            etag, modified = response.headers["ETag"], response.headers["Last-Modified"]
        assert etag and modified
        for headers, status in [({"If-None-Match": etag}, 304), ({"If-Modified-Since": modified}, 304),
                                ({"If-None-Match": '"other"'}, 200),
                                ({"If-None-Match": '"other"', "If-Modified-Since": modified}, 200)]:
            try:
                with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
                    got = response.status
            except urllib.error.HTTPError as exc:
                got = exc.code
            assert got == status, headers
