"""Shared helpers for the benchmarks: fixture articles with their hand-checked truth."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ctd_crawler.extract.text import fold

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "fixtures" / "sites"
EXPECTED = ROOT / "fixtures" / "expected"
_TOKEN = re.compile(r"\w+")


@dataclass
class Fixture:
    page: Path
    truth: dict


def fixtures() -> list[Fixture]:
    out = []
    for path in sorted(EXPECTED.rglob("*.json")):
        rel = path.relative_to(EXPECTED)
        out.append(Fixture(SITES / str(rel)[: -len(".json")], json.loads(path.read_text("utf-8"))))
    return out


def token_f1(got: str, want: str) -> float:
    """Bag-of-tokens F1 (folded), the usual measure for main-text extraction."""
    g, w = Counter(_TOKEN.findall(fold(got or ""))), Counter(_TOKEN.findall(fold(want or "")))
    common = sum((g & w).values())
    if not common:
        return 0.0
    precision, recall = common / sum(g.values()), common / sum(w.values())
    return 2 * precision * recall / (precision + recall)


def table(headers: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
