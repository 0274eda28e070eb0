"""Every saved page's extraction JSON, compared with the committed copy (tests/golden/).

A refactor must leave every output byte-identical; a change of behaviour shows here as a
diff of the pages it changes, and is accepted by regenerating the file in the same commit:

    CTD_UPDATE_GOLDEN=1 pytest tests/test_golden.py

"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from tests.extractions import extraction, saved_pages

GOLDEN = Path(__file__).parent / "golden" / "extractions.jsonl"


def golden(url: str, path: Path) -> dict:
    out = dict(extraction(url, path))
    if "body_text" in out:
        # the body is long: its hash proves it identical, its start shows what changed
        body = out.pop("body_text")
        out["body_sha256"] = hashlib.sha256(body.encode()).hexdigest()
        out["body_start"] = body[:120]
    return out


def current() -> dict[str, str]:
    return {url: json.dumps(golden(url, path), ensure_ascii=False, sort_keys=True, default=str)
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
