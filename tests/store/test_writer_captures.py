"""The writer with web-archive captures: a capture is the same article as a live crawl's
(canonical URL); a capture older than the stored page never replaces it; a different older
text becomes an older version once; what was read and not archived is recorded."""

from __future__ import annotations

import pytest

from ctd_crawler.items import CaptureOrigin
from tests.conftest import make_item

URL = "https://redcross.org.vn/tin-tuc/a.html"
LIVE = "2026-12-01T10:00:00+07:00"


def origin(at: str, n: int = 1) -> CaptureOrigin:
    return CaptureOrigin("wayback", f"wayback:{n}:{URL}", URL.replace("https", "http"), at, f"D{n}")


def state(archive):
    db = archive.db
    article = db.execute("SELECT title, first_seen, last_seen, changed_at FROM articles").fetchall()
    versions = db.execute("SELECT title, first_seen, replaced_at, capture_id IS NOT NULL FROM article_versions"
                          " ORDER BY first_seen").fetchall()
    page = db.execute("SELECT fetched_at, capture_id IS NOT NULL FROM pages").fetchall()
    return article, versions, page


# (what is saved in order: (title, time, from a capture?)), expected outcomes, title kept, number of versions
CASES = [
    pytest.param([("A", LIVE, False), ("A", "2020-01-01T00:00:00+07:00", True)], ["new", "unchanged"], "A", 0,
                 id="older capture, same text: nothing new"),
    pytest.param([("A", LIVE, False), ("B", "2020-01-01T00:00:00+07:00", True)], ["new", "version"], "A", 1,
                 id="older capture, other text: an older version, the live text stays"),
    pytest.param([("A", LIVE, False), ("B", "2020-01-01T00:00:00+07:00", True),
                  ("B", "2019-01-01T00:00:00+07:00", True)], ["new", "version", "unchanged"], "A", 1,
                 id="the same older text twice: one version"),
    pytest.param([("B", "2020-01-01T00:00:00+07:00", True), ("A", LIVE, False)], ["new", "updated"], "A", 1,
                 id="a live crawl after a backfill: the live text wins, the capture is a version"),
    pytest.param([("A", "2024-01-01T00:00:00+07:00", True), ("B", "2020-01-01T00:00:00+07:00", True),
                  ("C", "2022-01-01T00:00:00+07:00", True)], ["new", "version", "version"], "A", 2,
                 id="captures newest first: the newest is the article"),
    pytest.param([("C", "2020-01-01T00:00:00+07:00", True), ("A", "2024-01-01T00:00:00+07:00", True)],
                 ["new", "updated"], "A", 1, id="captures oldest first: the same result"),
]


@pytest.mark.parametrize("saves, outcomes, title, versions", CASES)
def test_captures_and_live_pages_are_one_article(archive, saves, outcomes, title, versions):
    got = []
    for n, (text, at, captured) in enumerate(saves):
        item = make_item(url=URL, title=text, fetched_at=at)
        got.append(archive.save(item, origin(at, n) if captured else None))
    assert got == outcomes
    articles, stored_versions, _ = state(archive)
    assert len(articles) == 1 and articles[0][0] == title
    assert len(stored_versions) == versions
    assert articles[0][1] == min(at for _, at, _ in saves)  # first seen: the earliest sight


def test_an_older_version_is_replaced_by_the_next_newer_one(archive):
    archive.save(make_item(url=URL, title="A", fetched_at=LIVE))
    archive.save(make_item(url=URL, title="B", fetched_at="2024-01-01T00:00:00+07:00"), origin("2024-01-01T00:00:00+07:00", 1))
    archive.save(make_item(url=URL, title="C", fetched_at="2020-01-01T00:00:00+07:00"), origin("2020-01-01T00:00:00+07:00", 2))
    _, versions, page = state(archive)
    assert [(v[0], v[2]) for v in versions] == [("C", "2024-01-01T00:00:00+07:00"), ("B", LIVE)]
    assert page == [(LIVE, 0)]  # the live page is still the stored one


def test_a_live_crawl_moves_last_seen_but_an_older_capture_never_does(archive):
    archive.save(make_item(url=URL, title="A", fetched_at=LIVE))
    archive.save(make_item(url=URL, title="A", fetched_at="2020-01-01T00:00:00+07:00"), origin("2020-01-01T00:00:00+07:00"))
    assert state(archive)[0][0][2] == LIVE


def test_a_capture_not_archived_is_recorded_once_with_its_reason(archive):
    capture = origin("2020-01-01T00:00:00+07:00")
    archive.record_capture(capture, URL, "error_page")
    archive.record_capture(capture, URL, "error_page")
    assert archive.db.execute("SELECT key, outcome, article_id FROM captures").fetchall() == \
        [(capture.key, "error_page", None)]
    assert archive.capture_outcomes("wayback") == {capture.key: "error_page"}
    assert archive.capture_outcomes("commoncrawl") == {}
    assert archive.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0


def test_a_failed_save_leaves_no_capture_behind(archive):
    item = make_item(url=URL, title="A", fetched_at="2020-01-01T00:00:00+07:00")
    item.people = [{"name": None}]  # the facts fail to write: the whole transaction goes
    with pytest.raises(Exception):
        archive.save(item, origin("2020-01-01T00:00:00+07:00"))
    assert archive.db.execute("SELECT COUNT(*) FROM captures").fetchone()[0] == 0
    assert archive.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0


def test_backfill_and_import_runs_are_not_compared_with_crawls(archive):
    crawl = archive.start_run(["vnrc"], LIVE)
    archive.finish_run(crawl, status="finished", stats={"ctd/site/vnrc/links": 5})
    backfill = archive.start_run(["vnrc"], LIVE, kind="backfill")
    archive.finish_run(backfill, status="finished", stats={"ctd/webarchive/listed": 9})
    later = archive.start_run(["vnrc"], LIVE)
    assert archive.previous_runs(later) == [{"ctd/site/vnrc/links": 5}]
