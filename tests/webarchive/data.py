"""Captures of the mirror's pages (fixtures/sites) for the loopback web archive, and the
"live crawl" a backfill must not disturb: built from the saved pages, never from a real site."""

from __future__ import annotations

import json

from ctd_crawler.crawl.article import NotAnArticle, read_article
from ctd_crawler.crawl.mirror import url_of
from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.pipelines import run_chain
from ctd_crawler.sites import Site, select_sites
from tests.page.layouts.pages import expected_files, page_of
from tests.paths import SITES
from tests.webarchive.server import Capture

LIVE_AT = "2026-12-01T10:00:00+07:00"  # when the "live crawl" read the pages


def site(site_id: str) -> Site:
    return select_sites(site_id)[0]


def article_pages(site_id: str) -> list[tuple[str, bytes]]:
    """(real URL, saved bytes) of the site's hand-checked article pages on the mirror, in URL order."""
    s = site(site_id)
    return [(url, page_of(p).read_bytes()) for p, url in sorted(
        (p, json.loads(p.read_text("utf-8"))["url"]) for p in expected_files(s.host))]


def other_pages(site_id: str) -> list[tuple[str, bytes]]:
    """HTML pages of the site that are not articles (home, listings, contact...), in URL order:
    not its feeds, sitemaps or API answers, which an archive would not serve as text/html."""
    s = site(site_id)
    articles = {canonical_url(url) for url, _ in article_pages(site_id)}
    found = []
    for path in sorted((SITES / s.host).rglob("*")):
        url = url_of(path, SITES) if path.is_file() and not path.name.startswith("_") else None
        if url and canonical_url(url) not in articles and path.suffix in ("", ".html", ".aspx", ".htm"):
            body = path.read_bytes()
            if b"<html" in body[:4096].lower():
                found.append((url, body))
    return found


def older_text(site_id: str, url: str, body: bytes, *, strict: bool = True) -> bytes | None:
    """The page as it read before an edit: its title with one word more (a different text).
    None (or, when strict, a failed assertion or NotAnArticle) where the title is not in the
    bytes as UTF-8, or the page is not one the site's articles are kept from (a paper's
    story off its topic)."""
    try:
        title = read_article(body, canonical_url(url), site=site(site_id), content_type="text/html").title
    except NotAnArticle:
        if strict:
            raise
        return None
    if not (title and title.encode() in body):
        assert not strict, f"{url}: its title is not in its bytes as UTF-8"
        return None
    return body.replace(title.encode(), (title + " (bản đầu)").encode())


def as_captured(url: str, www: bool = False) -> str:
    """The URL as an archive's crawler wrote it: http, maybe www and :80."""
    rest = url.split("://", 1)[1]
    return f"http://www.{rest.replace('/', ':80/', 1)}" if www else f"http://{rest}"


def not_found_page(site_id: str) -> bytes:
    s = site(site_id)
    return (f'<html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang – {s.name}</title></head>'
            f'<body><h1 class="entry-title">Không tìm thấy trang</h1><div class="entry-content"><p>Trang bạn tìm '
            f"không tồn tại hoặc đã bị xóa.</p></div></body></html>").encode()


def live_crawl(writer, site_id: str, urls: list[str]) -> dict[str, str]:
    """Archive these pages as a live crawl would (now, no capture); returns url -> content_hash."""
    pages = dict(article_pages(site_id))
    for url in urls:
        item = read_article(pages[url], canonical_url(url), site=site(site_id), content_type="text/html",
                            fetched_at=LIVE_AT)
        assert writer.save(run_chain(item)) == "new"
    return dict(writer.db.execute("SELECT url, content_hash FROM articles").fetchall())


def capture(url: str, timestamp: str, body: bytes, **how) -> Capture:
    return Capture(url, timestamp, body, **how)
