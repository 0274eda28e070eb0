"""Helpers shared by the layout fixture tests: saved pages and their expected extraction."""

from __future__ import annotations

from pathlib import Path

from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.quality import token_f1
from ctd_crawler.sites import site_for_url
from tests.paths import EXPECTED, EXPECTED_NEW, SITES, SITES_NEW

__all__ = ["EXPECTED", "SITES", "expected_files", "family_of", "page_of", "token_f1", "tree_of"]

# (expected root, saved-pages root): the mirror, and the rebuilt sites waiting to replace old hosts.
ROOTS = ((EXPECTED, SITES), (EXPECTED_NEW, SITES_NEW))
# The CMS family of hosts that the registry does not name yet (it is being rewritten), and of every
# host of sites-new/ (whose registry entry still describes the old fixture): what their pages are
# built from (see each host's TEMPLATE.md).
FAMILY_OF_NEW_HOST = {
    "redcross.org.vn": "wordpress",
    "chuthapdo.vinhphuc.gov.vn": "wordpress",
    "ctd.binhdinh.gov.vn": "nukeviet",
    "chuthapdoquangtri.org.vn": "nukeviet",
    "hoichuthapdoquangnam.org.vn": "joomla",
    "chuthapdobinhduong.org.vn": "joomla",
}


def tree_of(path: Path):
    """A saved page, decoded as the crawler decodes it, parsed."""
    text, _ = decode_html(path.read_bytes(), "text/html")
    return parse_html(text)


def expected_files(host: str | None = None, *, new: bool | None = None) -> list[Path]:
    """The hand-checked extraction files of one host, or of all; of the mirror (new=False), of
    sites-new/ (new=True) or of both (None)."""
    roots = [exp for exp, _ in ROOTS if new is None or (exp is EXPECTED_NEW) == new]
    return sorted(p for exp in roots for p in (exp / host if host else exp).rglob("*.json"))


def _root_of(expected: Path) -> tuple[Path, Path]:
    return next((exp, sites) for exp, sites in ROOTS if expected.is_relative_to(exp))


def page_of(expected: Path) -> Path:
    """The saved page an expected-extraction file describes (same path without .json)."""
    exp, sites = _root_of(expected)
    return sites / str(expected.relative_to(exp))[: -len(".json")]


def host_of(expected: Path) -> str:
    return expected.relative_to(_root_of(expected)[0]).parts[0]


def family_of(expected: Path, url: str) -> tuple[str, str | None, str | None]:
    """(family, article_url, listing_url) that parse an expected page: the registry's entry for the
    mirror's hosts it knows, else the family the page was built from."""
    site = site_for_url(url)
    if expected.is_relative_to(EXPECTED) and site is not None:
        return site.family, site.article_url, site.listing_url
    return FAMILY_OF_NEW_HOST[host_of(expected)], None, None
