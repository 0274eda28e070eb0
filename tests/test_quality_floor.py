"""The quality floor: the extraction figures on the hand-checked pages may not fall.

Like trafilatura's evaluation baseline: the figures of the fixture pages (per CMS family
and overall, and the generic layout alone on the same pages) and of the held-out pages
(CMS families without a layout, annotated apart) are written in tests/quality_floor.toml;
a figure more than 0.005 below its floor fails. These are training figures (the same hands
wrote the pages and the rules); real text is measured by benchmarks/bench_realtext.py.
Raise the floor in the commit that improves a figure:

    CTD_UPDATE_FLOOR=1 pytest tests/test_quality_floor.py
"""

from __future__ import annotations

import math
import os
import tomllib
from functools import cache
from pathlib import Path

import pytest

from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import parse_html
from ctd_crawler.page.layouts import get_layout
from ctd_crawler.quality import score, token_f1
from ctd_crawler.sites import site_for_url
from tests.extractions import extraction, truth_pages
from tests.paths import EXPECTED, HELDOUT, SITES

FLOOR = Path(__file__).with_name("quality_floor.toml")
TOLERANCE = 0.005


@cache
def figures() -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    fixtures = truth_pages(EXPECTED, SITES)
    pairs = [(extraction(truth["url"], page), truth) for page, truth in fixtures]
    out["fixtures"] = score(pairs).figures()
    by_family: dict[str, list] = {}
    for pair in pairs:
        # a host the registry does not name yet: the layout its page was parsed with
        site = site_for_url(pair[1]["url"])
        by_family.setdefault(site.family if site else pair[0]["layout"], []).append(pair)
    for family, family_pairs in sorted(by_family.items()):
        out[f"fixtures.{family}"] = {"body_f1": score(family_pairs).figures()["body_f1"]}
    generic = get_layout("generic")
    out["fixtures.generic_layout"] = {"body_f1": sum(
        token_f1(generic.parse(parse_html(decode_html(page.read_bytes())[0]), truth["url"]).body_text,
                 truth["body_text"]) for page, truth in fixtures) / len(fixtures)}
    heldout = truth_pages(HELDOUT / "expected", HELDOUT / "sites")
    out["heldout"] = score((extraction(truth["url"], page), truth) for page, truth in heldout).figures()
    return out


def _floor() -> dict[str, dict[str, float]]:
    data = tomllib.loads(FLOOR.read_text("utf-8"))

    def flat(table: dict, prefix: str = "") -> dict:
        found = {}
        for key, value in table.items():
            if isinstance(value, dict):
                found |= flat(value, f"{prefix}{key}.")
            else:
                found.setdefault(prefix.rstrip("."), {})[key] = value
        return found
    return flat(data)


def _write_floor(current: dict[str, dict[str, float]]) -> None:
    text = ("# The quality floor of tests/test_quality_floor.py: figures on the hand-checked pages (training\n"
            "# figures), rounded down. Raise them in the commit that improves them: CTD_UPDATE_FLOOR=1 pytest ...\n\n")
    for section, values in current.items():
        text += f"[{section}]\n" + "".join(f"{k} = {math.floor(v * 1000) / 1000:.3f}\n" for k, v in values.items())
        text += "\n"
    FLOOR.write_text(text, "utf-8")


CASES = [(section, name) for section, values in figures().items() for name in values]


def test_the_floor_lists_every_figure():
    if os.environ.get("CTD_UPDATE_FLOOR"):
        _write_floor(figures())
    floor = _floor()
    assert [(s, n) for s, n in CASES if n not in floor.get(s, {})] == [], "record them: CTD_UPDATE_FLOOR=1"


@pytest.mark.parametrize("section, name", CASES, ids=[f"{s}:{n}" for s, n in CASES])
def test_figure_is_not_below_its_floor(section, name):
    floor = _floor().get(section, {}).get(name)
    if floor is None:
        pytest.skip("not recorded yet (see test_the_floor_lists_every_figure)")
    got = figures()[section][name]
    assert got >= floor - TOLERANCE, f"{section} {name}: {got:.3f} is below the floor {floor:.3f}"
