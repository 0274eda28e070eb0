"""Helpers shared by the layout fixture tests: saved pages and their expected extraction."""

from __future__ import annotations

import json
from pathlib import Path

from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.quality import token_f1
from ctd_crawler.sites import site_for_url
from tests.paths import EXPECTED, EXPECTED_NEW, SITES, SITES_NEW

__all__ = ["EXPECTED", "ROOTS", "SITES", "expected_family", "expected_files", "page_of", "token_f1", "tree_of"]

# (hand-checked extractions, the saved pages they describe): the mirror, and the rebuilt
# sites of old fixture hosts that wait apart until they replace them.
ROOTS = ((EXPECTED, SITES), (EXPECTED_NEW, SITES_NEW))


def tree_of(path: Path):
    """A saved page, decoded as the crawler decodes it, parsed."""
    text, _ = decode_html(path.read_bytes(), "text/html")
    return parse_html(text)


def expected_files(host: str | None = None, *, new: bool | None = False) -> list[Path]:
    """The hand-checked extraction files of one host, or of all: of the mirror (new=False),
    of the rebuilt sites (new=True) or of both (new=None)."""
    roots = [e for e, _ in ROOTS if new is None or (e is EXPECTED_NEW) == new]
    return sorted(p for root in roots for p in (root / host if host else root).rglob("*.json"))


def page_of(expected: Path) -> Path:
    """The saved page an expected-extraction file describes (same path without .json)."""
    for exp_root, site_root in ROOTS:
        if expected.is_relative_to(exp_root):
            return site_root / str(expected.relative_to(exp_root))[: -len(".json")]
    raise ValueError(f"{expected} is in no expected folder")


def host_of(expected: Path) -> str:
    return next(expected.relative_to(e).parts[0] for e, _ in ROOTS if expected.is_relative_to(e))


def expected_family(want: dict) -> str:
    """The family whose layout must read a page: the one its hand-checked file names
    (sites the registry does not list yet), else the registry's."""
    if want.get("layout"):
        return want["layout"]
    return site_for_url(want["url"]).family


def expected_truth(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))
