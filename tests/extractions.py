"""The whole chain run once per test session on every saved page of the mirrors (the golden
outputs and the quality floor read the same results)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from ctd_crawler.crawl.mirror import url_of
from ctd_crawler.page import parse_page
from ctd_crawler.pipelines import run_chain
from ctd_crawler.sites import site_for_url
from tests.paths import HELDOUT, SITES

# The fetch time is fixed so that relative and year-less dates read the same on every day.
FETCHED_AT = "2026-12-01T09:00:00+07:00"
_NOT_PAGES = {".xml", ".txt", ".toml", ".json", ".rss", ".md"}  # .md: a host folder's TEMPLATE.md


def saved_pages() -> list[tuple[str, Path]]:
    """(real URL, file) of every saved HTML page of the mirrors."""
    pages = []
    for root in (SITES, HELDOUT / "sites"):
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.name.startswith("_") and path.suffix.split("@")[0] not in _NOT_PAGES:
                pages.append((url_of(path, root), path))
    return pages


def truth_pages(expected: Path, sites: Path) -> list[tuple[Path, dict]]:
    """(saved page, hand-checked extraction) for every expected/<host>/<path>.json."""
    return [(sites / str(p.relative_to(expected))[: -len(".json")], json.loads(p.read_text("utf-8")))
            for p in sorted(expected.rglob("*.json"))]


@cache
def extraction(url: str, path: Path) -> dict:
    """The extraction JSON of a saved page, or {"url", "error"} when the chain raises."""
    try:
        item = run_chain(parse_page(path.read_bytes(), url, site=site_for_url(url), fetched_at=FETCHED_AT))
    except Exception as exc:  # noqa: BLE001 - a page that fails is an output too
        return {"url": url, "error": f"{type(exc).__name__}: {exc}"}
    return item.extraction()
