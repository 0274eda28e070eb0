"""Every saved page's extraction JSON, compared with the committed copy (tests/golden/).

A refactor must leave every output byte-identical; a change of behaviour shows here as a
diff of the pages it changes, and is accepted by regenerating the file in the same commit:

    CTD_UPDATE_GOLDEN=1 pytest tests/test_golden.py

The fetch time is fixed so that relative and year-less dates read the same on every day.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from ctd_crawler.page.parse import parse_page
from ctd_crawler.pipelines import run_chain
from ctd_crawler.sites import site_for_url

ROOT = Path(__file__).resolve().parent.parent
PAGE_ROOTS = (ROOT / "fixtures" / "sites", ROOT / "fixtures" / "heldout" / "sites")
GOLDEN = Path(__file__).parent / "golden" / "extractions.jsonl"
FETCHED_AT = "2026-12-01T09:00:00+07:00"
NOT_PAGES = {".xml", ".txt", ".toml", ".json", ".rss"}


def saved_pages() -> list[tuple[str, Path]]:
    """(real URL, file) of every saved HTML page of the mirrors."""
    pages = []
    for root in PAGE_ROOTS:
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.name.startswith("_") or path.suffix.split("@")[0] in NOT_PAGES:
                continue
            host, *rest = path.relative_to(root).parts
            name, _, query = "/".join(rest).partition("@")
            name = name.removesuffix("index.html")
            pages.append((f"https://{host}/{name}" + (f"?{query}" if query else ""), path))
    return pages


def extraction(url: str, path: Path) -> dict:
    try:
        item = run_chain(parse_page(path.read_bytes(), url, site=site_for_url(url), fetched_at=FETCHED_AT))
    except Exception as exc:  # noqa: BLE001 - a page that fails is an output too
        return {"url": url, "error": f"{type(exc).__name__}: {exc}"}
    out = item.extraction()
    # the body is long: its hash proves it identical, its start shows what changed
    body = out.pop("body_text")
    out["body_sha256"] = hashlib.sha256(body.encode()).hexdigest()
    out["body_start"] = body[:120]
    return out


def current() -> dict[str, str]:
    return {url: json.dumps(extraction(url, path), ensure_ascii=False, sort_keys=True, default=str)
            for url, path in saved_pages()}


def test_every_saved_page_extracts_as_committed():
    got = current()
    if os.environ.get("CTD_UPDATE_GOLDEN"):
        GOLDEN.write_text("".join(f"{line}\n" for line in got.values()), encoding="utf-8")
        pytest.skip(f"rewrote {GOLDEN.name} ({len(got)} pages)")
    want = {json.loads(line)["url"]: line for line in GOLDEN.read_text("utf-8").splitlines()}
    assert sorted(got) == sorted(want), "the set of saved pages changed: regenerate tests/golden/"
    changed = [url for url in got if got[url] != want[url]]
    assert not changed, f"{len(changed)} pages extract differently, first: {changed[:3]}"
