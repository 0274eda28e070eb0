"""One fetched page -> an ArticleItem with raw fields: decoding, layout choice, fallback.

Shared by the spider, `ctd-archive extract` and `ctd-archive reextract`, so all three
run the very same code on a page.
"""

from __future__ import annotations

from ctd_crawler.extract.dates import now_vn  # re-exported: callers import it from here
from ctd_crawler.items import ArticleItem
from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import GENERIC, detect_family, get_layout
from ctd_crawler.sites import Site


def layout_for(site: Site | None, tree):
    """The family the registry names for the site; else the family the page's markup shows."""
    return get_layout(site.family if site is not None and site.family else detect_family(tree))


def parse_page(
    body: bytes, url: str, *, site: Site | None, content_type: str | None = None,
    status: int = 200, fetched_at: str | None = None, etag: str | None = None,
    last_modified: str | None = None,
) -> ArticleItem:
    """Raises `UndecodablePage` when the bytes decode to nothing but mojibake."""
    text, encoding = decode_html(body, content_type)
    tree = parse_html(text)
    layout = layout_for(site, tree)
    raw = layout.parse(tree, url, lang=site.lang if site else "vi")
    if layout.family != GENERIC and (not raw.title or not raw.body_text):
        # The site changed its markup (or our imitation missed it): degrade, don't empty.
        generic = get_layout(GENERIC).parse(tree, url, lang=raw.lang)
        for name in ("title", "body_text"):
            if not getattr(raw, name) and getattr(generic, name):
                setattr(raw, name, getattr(generic, name))
                raw.fallbacks.append(name)
        if not raw.date_text and generic.date_text:
            raw.date_text = generic.date_text
            raw.fallbacks.append("date_text")
    return ArticleItem(
        **vars(raw), site=site.id if site else None, fetched_at=fetched_at or now_vn(), status=status,
        content_type=content_type, encoding=encoding, raw=body, html=text, tree=tree,
        site_province=site.province if site else None, etag=etag, last_modified=last_modified,
    )
