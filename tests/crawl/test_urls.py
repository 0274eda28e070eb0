import pytest

from ctd_crawler.crawl.urls import canonical_url


@pytest.mark.parametrize(
    "url, canonical",
    [
        ("https://redcross.org.vn/tin-tuc/a.html", "https://redcross.org.vn/tin-tuc/a.html"),
        ("http://www.redcross.org.vn/tin-tuc/a.html", "https://redcross.org.vn/tin-tuc/a.html"),
        ("https://WWW.RedCross.org.vn/tin-tuc/a.html#top", "https://redcross.org.vn/tin-tuc/a.html"),
        ("https://redcross.org.vn/a.html?utm_source=fb&utm_medium=x", "https://redcross.org.vn/a.html"),
        ("https://redcross.org.vn/a.html?fbclid=abc", "https://redcross.org.vn/a.html"),
        ("https://h.vn/news.aspx?page=2&cat=3", "https://h.vn/news.aspx?cat=3&page=2"),
        ("https://h.vn/news.aspx?cat=3&page=2&zarsrc=1", "https://h.vn/news.aspx?cat=3&page=2"),
        ("https://h.vn:443/x", "https://h.vn/x"),
        ("https://h.vn", "https://h.vn/"),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_meaningful_query_parameters_are_kept():
    assert canonical_url("https://h.vn/chi-tiet.aspx?id=123") == "https://h.vn/chi-tiet.aspx?id=123"
