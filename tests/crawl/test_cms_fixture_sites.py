"""The sites rebuilt from the CMSs' own templates (each host folder with a TEMPLATE.md), served by the
mirror over loopback: every URL their robots.txt, sitemaps, feeds, REST API and listing pages hand a
crawler is served, with the content type the CMS sends, and every hand-checked article is among them.
A fixture site whose links lead nowhere would test discovery against a site that cannot exist."""

from __future__ import annotations

import json
import tomllib
import urllib.error
import urllib.request
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import etree, html

from ctd_crawler.crawl.mirror import serve_mirror
from ctd_crawler.page.layouts import detect_family, get_layout
from ctd_crawler.sites import site_for_url
from tests.page.layouts.pages import ROOTS, tree_of

# The sites rebuilt from an open-source CMS (with the rules of _mirror.toml for what files cannot say).
SITE_DIRS = sorted(d.parent for _, sites in ROOTS for d in sites.glob("*/_mirror.toml"))
HOSTS = [d.name for d in SITE_DIRS]


def family_of(host: str) -> str:
    """The registry's family, else the one the saved home page shows (as the crawl recognises it)."""
    home = next(d for _, sites in ROOTS for d in [sites / host] if d.is_dir()) / "index.html"
    return site_for_url(f"https://{host}/").family or detect_family(tree_of(home))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


@pytest.fixture(scope="module", params=SITE_DIRS, ids=HOSTS)
def site(request):
    with serve_mirror(request.param.parent) as server:
        yield request.param, server.url


def fetch(mirror: str, url: str) -> tuple[int, str, bytes, str]:
    parts = urlsplit(url)
    target = f"{mirror}/{parts.netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")
    try:
        with _OPENER.open(target, timeout=5) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read(), ""
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read(), e.headers.get("Location", "")


@cache
def _expected_urls(site_dir: Path) -> list[str]:
    exp_root = next(exp for exp, sites in ROOTS if site_dir.parent == sites)
    return sorted(json.loads(p.read_text("utf-8"))["url"] for p in (exp_root / site_dir.name).rglob("*.json"))


def _xml_locs(body: bytes, tag: str) -> list[str]:
    tree = etree.fromstring(body)
    return [el.text.strip() for el in tree.iter()
            if isinstance(el.tag, str) and etree.QName(el).localname == tag and (el.text or "").strip()]


def _discovered(site_dir: Path, mirror: str) -> dict[str, str]:
    """URL -> how it was found: robots.txt sitemaps (and their children), the feeds that the home page
    and the listing pages it links announce in their <head>."""
    host = site_dir.name
    found: dict[str, str] = {}
    status, _, robots, _ = fetch(mirror, f"https://{host}/robots.txt")
    assert status == 200
    queue = [line.split(":", 1)[1].strip() for line in robots.decode().splitlines() if line.startswith("Sitemap:")]
    while queue:
        sitemap = queue.pop()
        status, ctype, body, _ = fetch(mirror, sitemap)
        assert (status, ctype.split(";")[0]) == (200, "application/xml"), sitemap
        if etree.QName(etree.fromstring(body)).localname == "sitemapindex":
            queue += _xml_locs(body, "loc")
        else:
            found.update((loc, f"sitemap {sitemap}") for loc in _xml_locs(body, "loc"))
    layout = get_layout(family_of(host))
    _, _, home, _ = fetch(mirror, f"https://{host}/")
    pages = [home] + [_followed(mirror, url) for url in _menu_listings(host, home, layout)]
    feeds = {urljoin(f"https://{host}/", href) for page in pages
             for href in html.fromstring(page).xpath("//link[@type='application/rss+xml']/@href")}
    for feed_url in feeds:
        status, ctype, body, _ = fetch(mirror, feed_url)
        assert (status, ctype.split(";")[0]) == (200, "application/rss+xml"), feed_url
        found.update((link, f"feed {feed_url}") for link in _xml_locs(body, "link"))
    return found


def _followed(mirror: str, url: str) -> bytes:
    """The body of a URL after one redirect of the mirror's rules."""
    status, _, body, location = fetch(mirror, url)
    return fetch(mirror, urljoin(url, location))[2] if status == 301 else body


def _menu_listings(host: str, home: bytes, layout) -> set[str]:
    links = {urljoin(f"https://{host}/", h) for h in html.fromstring(home).xpath("//a/@href")}
    return {u for u in links if urlsplit(u).netloc == host and layout.is_listing_url(u)}


def test_every_url_of_the_sitemaps_and_feeds_is_served(site):
    site_dir, mirror = site
    found = _discovered(site_dir, mirror)
    assert found
    broken = [(url, how) for url, how in found.items() if fetch(mirror, url)[0] not in (200, 301)]
    assert broken == []


def test_every_hand_checked_article_is_served_as_html(site):
    site_dir, mirror = site
    for url in _expected_urls(site_dir):
        status, ctype, body, _ = fetch(mirror, url)
        assert (status, ctype) == (200, "text/html"), url
        assert b"<html" in body[:400]


def test_listing_pages_link_articles_that_exist(site):
    site_dir, mirror = site
    host = site_dir.name
    layout = get_layout(family_of(host))
    listings = _menu_listings(host, fetch(mirror, f"https://{host}/")[2], layout)
    assert listings, "the home menu links no listing page"
    seen: set[str] = set()
    while listings:
        url = listings.pop()
        seen.add(url)
        status, _, body, location = fetch(mirror, url)
        if status == 301:
            target = urljoin(url, location)
            assert target not in seen
            listings.add(target)
            continue
        assert status == 200, url
        for href in html.fromstring(body).xpath("//a/@href"):
            link = urljoin(url, href)
            if urlsplit(link).netloc != host or link in seen:
                continue
            if layout.is_listing_url(link):
                listings.add(link)
            elif layout.is_article_url(link):
                assert fetch(mirror, link)[0] == 200, f"{url} links {link}"
    assert len(seen) >= 3  # a category, its page 2 and another category at least


def test_redirects_of_the_mirror_rules_lead_to_saved_pages(site):
    site_dir, mirror = site
    rules = tomllib.loads((site_dir / "_mirror.toml").read_text("utf-8"))
    for source, target in rules.get("redirects", {}).items():
        status, _, _, location = fetch(mirror, f"https://{site_dir.name}{source}")
        assert (status, location) == (301, target)
        assert fetch(mirror, f"https://{site_dir.name}{target}")[0] == 200, target


def test_wordpress_rest_api_lists_the_posts(site):
    site_dir, mirror = site
    if family_of(site_dir.name) != "wordpress":
        pytest.skip("the REST API is WordPress's")
    status, ctype, body, _ = fetch(mirror, f"https://{site_dir.name}/wp-json/wp/v2/posts")
    assert (status, ctype.split(";")[0]) == (200, "application/json")
    posts = json.loads(body)
    assert {p["link"] for p in posts} <= set(_expected_urls(site_dir)) and len(posts) == len(_expected_urls(site_dir))
    assert all(p["title"]["rendered"] and p["content"]["rendered"] and p["date"] for p in posts)


def test_an_unknown_page_of_the_site_is_a_404(site):
    site_dir, mirror = site
    assert fetch(mirror, f"https://{site_dir.name}/khong-co-trang-nay-123.html")[0] == 404
