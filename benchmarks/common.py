"""Shared helpers for the benchmarks: fixture articles with their hand-checked truth."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ctd_crawler.quality import token_f1  # noqa: F401 - the benchmarks' body measure

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "fixtures" / "sites"
EXPECTED = ROOT / "fixtures" / "expected"


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


def table(headers: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
