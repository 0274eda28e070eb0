"""Helpers shared by the layout fixture tests: saved pages and their expected extraction."""

from __future__ import annotations

from pathlib import Path

from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.quality import token_f1
from tests.paths import EXPECTED, SITES

__all__ = ["EXPECTED", "SITES", "expected_files", "page_of", "token_f1", "tree_of"]


def tree_of(path: Path):
    """A saved page, decoded as the crawler decodes it, parsed."""
    text, _ = decode_html(path.read_bytes(), "text/html")
    return parse_html(text)


def expected_files(host: str | None = None) -> list[Path]:
    """The hand-checked extraction files of one host of the mirror, or of all."""
    return sorted((EXPECTED / host if host else EXPECTED).rglob("*.json"))


def page_of(expected: Path) -> Path:
    """The saved page an expected-extraction file describes (same path without .json)."""
    return SITES / str(expected.relative_to(EXPECTED))[: -len(".json")]
