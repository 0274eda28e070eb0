from datetime import datetime, timedelta

import pytest

from ctd_crawler.crawl.spider import CtdSpider
from ctd_crawler.sites import load_sites
from tests.conftest import make_item


def test_unknown_site_id_stops_with_the_known_ids():
    with pytest.raises(ValueError) as err:
        CtdSpider(site="vnrc-typo")
    message = str(err.value)
    assert "vnrc-typo" in message
    assert all(site.id in message for site in load_sites())


def test_site_list_limits_the_crawl():
    first, second = load_sites()[:2]
    spider = CtdSpider(site=f"{first.id}, {second.id}")
    assert [s.id for s in spider.sites] == [first.id, second.id]
    assert set(spider.allowed_domains) == {d for s in (first, second) for d in s.allowed_domains or (s.host,)}


def test_bad_since_is_a_clear_error():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        CtdSpider(since="24/06/2024")


@pytest.mark.parametrize("lastmod, since, skipped", [
    ("2023-12-31", "2024-01-01", True), ("2024-01-01T08:00:00+07:00", "2024-01-01", False),
    (None, "2024-01-01", False), ("2020-01-01", None, False), ("garbage", "2024-01-01", False)])
def test_sitemap_lastmod_against_since(lastmod, since, skipped):
    assert CtdSpider(since=since)._before_since(lastmod) is skipped


@pytest.fixture
def nightly_spider(archive):
    """The spider of a nightly run over a complete site whose archive holds one article,
    fetched and confirmed an hour ago (not due for a refetch)."""
    from scrapy.utils.test import get_crawler

    from ctd_crawler.page.parse import now_vn

    an_hour_ago = (datetime.fromisoformat(now_vn()) - timedelta(hours=1)).isoformat(timespec="seconds")
    archive.save(make_item(url=KNOWN, fetched_at=an_hour_ago))
    archive.mark_sites(["vnrc"], now_vn())
    spider = CtdSpider.from_crawler(get_crawler(CtdSpider, {"CTD_ARCHIVE": str(archive.path)}), site="vnrc")
    yield spider
    spider.closed("finished")


KNOWN = "https://redcross.org.vn/trao-qua-tet-cho-ho-ngheo-meo-vac.html"


def _requests(spider, *links):
    site = spider.sites[0]
    return [r.url for url, changed_at in links
            for r in spider._route(url, site, follow_listings=True, changed_at=changed_at)]


def test_a_newer_lastmod_refetches_a_known_article_whatever_link_came_first(nightly_spider):
    # a listing link (no date) first: not due; the sitemap's newer lastmod after it still counts
    assert _requests(nightly_spider, (KNOWN, None)) == []
    assert _requests(nightly_spider, (KNOWN, "2099-01-01T00:00:00+07:00")) == [KNOWN]


def test_a_known_article_is_decided_once_when_no_link_brings_news(nightly_spider):
    old = "2000-01-01T00:00:00+07:00"
    assert _requests(nightly_spider, (KNOWN, None), (KNOWN, old), (KNOWN, None)) == []
    stats = nightly_spider.crawler.stats
    assert stats.get_value("ctd/site/vnrc/links") == 1  # one article, however many links


def test_no_spider_callback_is_a_generator_that_returns_a_value():
    """settings.WARN_ON_GENERATOR_RETURN_VALUE is off (Scrapy would parse each callback's
    source again on every request); this is the check it made, once, over every method."""
    import inspect

    from scrapy.utils.misc import is_generator_with_return_value

    from ctd_crawler.crawl import spider as module

    generators = [f for _, cls in inspect.getmembers(module, inspect.isclass) if cls.__module__ == module.__name__
                  for _, f in inspect.getmembers(cls, inspect.isfunction) if inspect.isgeneratorfunction(f)]
    assert generators and not [f.__qualname__ for f in generators if is_generator_with_return_value(f)]


@pytest.mark.parametrize("listing_url, archived", [("/trao-200-suat", False), (None, True)])
def test_a_page_the_registry_calls_a_listing_is_read_as_one(tmp_path, listing_url, archived):
    """The registry's listing patterns are trusted as its article patterns are: an article-like
    page under one is a listing (its links followed, nothing extracted); without one, the page
    decides."""
    from scrapy.http import HtmlResponse, Request

    from ctd_crawler.items import ArticleItem
    from ctd_crawler.sites import entry_toml
    from tests.paths import SITES

    fields = {"id": "vnrc", "name": "Trung ương Hội Chữ thập đỏ Việt Nam", "base_url": "https://redcross.org.vn/"}
    registry = tmp_path / "sites.toml"
    registry.write_text(entry_toml({**fields, **({"listing_url": listing_url} if listing_url else {})}), "utf-8")
    from scrapy.utils.test import get_crawler

    settings = {"CTD_ARCHIVE": str(tmp_path / "ctd.sqlite"), "CTD_SITES": str(registry)}
    spider = CtdSpider.from_crawler(get_crawler(CtdSpider, settings), site="vnrc")
    url = "https://redcross.org.vn/trao-200-suat-qua-cho-nguoi-dan-vung-cao-meo-vac.html"
    body = (SITES / "redcross.org.vn" / "trao-200-suat-qua-cho-nguoi-dan-vung-cao-meo-vac.html").read_bytes()
    response = HtmlResponse(url, body=body, headers={"Content-Type": "text/html; charset=utf-8"},
                            request=Request(url, meta={"ctd_kind": "listing"}))
    try:
        out = list(spider.parse_page(response, "vnrc"))
    finally:
        spider.closed("finished")
    assert any(isinstance(o, ArticleItem) for o in out) is archived


@pytest.mark.parametrize("stored, expected", [
    ("nukeviet", "nukeviet"),  # recognised by an earlier run: this one starts with it
    ("auto", "generic"),  # not recognised yet: the pages still decide
    ("no-such-cms", "generic"),  # what the archive holds is no family we know: not trusted
])
def test_a_run_starts_with_the_family_an_earlier_run_recognised(tmp_path, stored, expected):
    from scrapy.utils.test import get_crawler

    from ctd_crawler.sites import entry_toml
    from ctd_crawler.store import open_archive

    registry = tmp_path / "sites.toml"  # the registry names no family for the site
    registry.write_text(entry_toml({"id": "vnrc", "name": "TW Hội CTĐ", "base_url": "https://redcross.org.vn/"}),
                        "utf-8")
    db = open_archive(tmp_path / "ctd.sqlite")
    db.db["sites"].insert({"id": "vnrc", "name": "TW Hội CTĐ", "base_url": "https://redcross.org.vn",
                           "family": stored})
    db.close()
    settings = {"CTD_ARCHIVE": str(tmp_path / "ctd.sqlite"), "CTD_SITES": str(registry)}
    spider = CtdSpider.from_crawler(get_crawler(CtdSpider, settings), site="vnrc")
    try:
        assert spider.routers["vnrc"].layout.family == expected
    finally:
        spider.closed("finished")
