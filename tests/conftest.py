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
                       layout="vnrc")
    for name, value in fields.items():
        setattr(item, name, value)
    return item


@pytest.fixture
def archive(tmp_path):
    db = open_archive(tmp_path / "ctd.sqlite")
    db.db["sites"].insert({"id": "vnrc", "name": "TW Hội CTĐ", "base_url": "https://redcross.org.vn",
                           "family": "vnrc"})
    yield db
    db.close()


@pytest.fixture(scope="session")
def readme_archive(tmp_path_factory):
    """The demo archive that archive.md's worked queries are shown on (built once per run;
    tests that write to it copy it first)."""
    from tests.crawling import build_demo_archive

    return build_demo_archive(tmp_path_factory.mktemp("readme") / "ctd.sqlite")
