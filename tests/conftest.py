"""Shared test helpers: a minimal article item and temporary archives."""

from __future__ import annotations

import pytest

from ctd_crawler.items import ArticleItem
from ctd_crawler.store import open_archive


def make_item(url="https://redcross.org.vn/tin-tuc/a.html", title="Hội Chữ thập đỏ trao quà",
              body="Hội Chữ thập đỏ tỉnh Bắc Kạn trao 200 suất quà.", fetched_at="2024-06-25T08:00:00+07:00",
              **fields) -> ArticleItem:
    item = ArticleItem(url=url, site="vnrc", fetched_at=fetched_at, status=200, content_type="text/html",
                       encoding="utf-8", raw=f"<html><h1>{title}</h1><p>{body}</p></html>".encode(),
                       html="", title=title, date_text=None, author=None, body_text=body, lang="vi",
                       layout="wordpress")
    for name, value in fields.items():
        setattr(item, name, value)
    return item


@pytest.fixture
def archive(tmp_path):
    db = open_archive(tmp_path / "ctd.sqlite")
    db.db["sites"].insert({"id": "vnrc", "name": "TW Hội CTĐ", "base_url": "https://redcross.org.vn",
                           "family": "wordpress"})
    yield db
    db.close()


# Fixtures that run whole crawls in subprocesses: every test that uses one is slow.
CRAWLING_FIXTURES = {"readme_archive", "runs", "crawled", "reference", "address_only"}
# Tests against loopback services (web archives, every fixture site served, the fetcher's
# faults over real HTTP): slow too.
SERVICE_TESTS = ("tests/webarchive/", "tests/crawl/test_cms_fixture_sites.py", "tests/crawl/test_fetch.py")


def pytest_collection_modifyitems(items):
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        if CRAWLING_FIXTURES & set(getattr(item, "fixturenames", ())) or path.startswith(SERVICE_TESTS):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's text as a person sees it (../shared/seeds/); skips without it."""
    from tests.paths import SEED_TEXT

    if not SEED_TEXT.is_file():
        pytest.skip(f"the seed text is not beside this checkout ({SEED_TEXT})")
    return SEED_TEXT.read_text("utf-8")


@pytest.fixture(scope="session")
def readme_archive(tmp_path_factory):
    """The demo archive that archive.md's worked queries are shown on (built once per run;
    tests that write to it copy it first)."""
    from tests.crawling import build_demo_archive

    return build_demo_archive(tmp_path_factory.mktemp("readme") / "ctd.sqlite")
