import pytest

from ctd_crawler.sites import load_sites
from ctd_crawler.spiders.ctd import CtdSpider


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
    assert set(spider.allowed_domains) == set(first.allowed_domains) | set(second.allowed_domains)


def test_bad_since_is_a_clear_error():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        CtdSpider(since="24/06/2024")


@pytest.mark.parametrize("lastmod, since, skipped", [
    ("2023-12-31", "2024-01-01", True), ("2024-01-01T08:00:00+07:00", "2024-01-01", False),
    (None, "2024-01-01", False), ("2020-01-01", None, False), ("garbage", "2024-01-01", False)])
def test_sitemap_lastmod_against_since(lastmod, since, skipped):
    assert CtdSpider(since=since)._before_since(lastmod) is skipped
