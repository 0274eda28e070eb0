"""The extractors' data files (extract/data/): word lists and tables kept as data, so a
new title, unit or stop word is an edit there, not a code change."""

from __future__ import annotations

import tomllib
from pathlib import Path

DATA = Path(__file__).parent / "data"


def data_lines(name: str) -> list[str]:
    """The entries of a one-per-line list: stripped, without blank and comment (#) lines."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def data_toml(name: str) -> dict:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))
