"""Helpers shared by the layout fixture tests: saved pages and their expected extraction."""

from __future__ import annotations

import json
from pathlib import Path

from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.quality import token_f1
from ctd_crawler.sites import site_for_url
from tests.paths import EXPECTED, SITES

__all__ = ["EXPECTED", "ROOTS", "SITES", "expected_family", "expected_files", "page_of", "token_f1", "tree_of"]

# (hand-checked extractions, the saved pages they describe): the mirror's.
ROOTS = ((EXPECTED, SITES),)


def tree_of(path: Path):
    """A saved page, decoded as the crawler decodes it, parsed."""
    text, _ = decode_html(path.read_bytes(), "text/html")
    return parse_html(text)


def expected_files(host: str | None = None) -> list[Path]:
    """The hand-checked extraction files of one host, or of all."""
    return sorted((EXPECTED / host if host else EXPECTED).rglob("*.json"))


def page_of(expected: Path) -> Path:
    """The saved page an expected-extraction file describes (same path without .json)."""
    for exp_root, site_root in ROOTS:
        if expected.is_relative_to(exp_root):
            return site_root / str(expected.relative_to(exp_root))[: -len(".json")]
    raise ValueError(f"{expected} is in no expected folder")


def host_of(expected: Path) -> str:
    return next(expected.relative_to(e).parts[0] for e, _ in ROOTS if expected.is_relative_to(e))


# Hosts whose registry entry and expected files name no family, though their pages show one
# (the registry leaves it to be recognised): the family their TEMPLATE.md wrote them in.
TEMPLATE_FAMILY = {"chuthapdo.vinhphuc.gov.vn": "wordpress"}


def expected_family(want: dict) -> str:
    """The family whose layout must read a page: the one its hand-checked file names, else
    the registry's, else its TEMPLATE.md's, else the generic layout's (a site whose pages
    show no family)."""
    return (want.get("layout") or site_for_url(want["url"]).family
            or TEMPLATE_FAMILY.get(want["url"].split("/")[2], "generic"))


def expected_truth(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))
