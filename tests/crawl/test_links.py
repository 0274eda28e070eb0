"""discovery.page_links: a page's own links, made absolute without changing the page's tree."""

from __future__ import annotations

import pytest
from lxml import etree

from ctd_crawler.crawl.discovery import absolute_link, page_links
from ctd_crawler.page.html import parse_html
from ctd_crawler.sites import Site

PAGE = "https://tinh.example.vn/tin/bai-1.html"


@pytest.mark.parametrize("href, base, want", [
    ("bai-2.html", "", "https://tinh.example.vn/tin/bai-2.html"),
    ("  /tin/bai-3.html ", "", "https://tinh.example.vn/tin/bai-3.html"),  # spaces around it dropped
    ("//cdn.example.vn/a.jpg", "", "https://cdn.example.vn/a.jpg"),
    ("bai-4.html", "/chuyen-muc/", "https://tinh.example.vn/chuyen-muc/bai-4.html"),  # <base href> first
    ("bai-5.html", "https://khac.example.vn/x/", "https://khac.example.vn/x/bai-5.html"),
    ("https://a.example.vn/b", "/chuyen-muc/", "https://a.example.vn/b"),
    # what must not come out: a malformed address, or any link under a malformed base
    ("http://[dia-chi-hong", "", None),
    ("bai-6.html", "http://[::1", None),
])
def test_a_link_is_joined_to_the_base_then_the_page(href, base, want):
    assert absolute_link(href, base, PAGE) == want


def test_page_links_keeps_the_sites_links_once_in_order_and_leaves_the_tree_as_it_was():
    html = ("<html><head><base href='/muc/'></head><body><a href='a.html'>1</a><a href='http://[x'>2</a>"
            "<a href='https://ngoai.example.com/b'>3</a><a href='a.html#tren'>4</a><a href='t.pdf'>5</a></body></html>")
    tree = parse_html(html)
    before = etree.tostring(tree)
    site = Site(id="t", name="t", base_url="https://tinh.example.vn")
    assert page_links(tree, PAGE, site) == ["https://tinh.example.vn/muc/a.html"]
    assert etree.tostring(tree) == before
