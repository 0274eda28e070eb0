"""The committed real-text annotations are well-formed (benchmarks/realtext/ and the
held-out sets beside it; rules in realtext/NOTES.md).

Checks their shape only (every line loads, required keys, levels and precisions from the
allowed sets, ISO dates, unique ids, urls.tsv agreeing) - never what an extractor scores.
The checker is itself tested on invented bad records, so that it can fail.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime

import pytest

from benchmarks.bench_realtext import REALTEXT
from ctd_crawler.quality import FACT_KEYS

KEYS = {"id", "url", "lang", "published_at", "people", "places", "money", "counts", "event_dates"}
LEVELS = {"province", "district", "commune", "village", "region", "country"}
PRECISIONS = {"day", "month", "quarter", "half-year", "year"}
QUALIFIERS = {None, "over", "under", "about"}
LANGS = {"vi", "en"}
TSV_COLUMNS = ["id", "url", "site", "year", "lang", "after_reform"]


def _iso_date(value) -> bool:
    try:
        return isinstance(value, str) and bool(date.fromisoformat(value))
    except ValueError:
        return False


def _iso_datetime(value) -> bool:
    try:
        return isinstance(value, str) and bool(datetime.fromisoformat(value))
    except ValueError:
        return False


def _text(value) -> bool:
    return isinstance(value, str) and value.strip() == value and bool(value)


# Each set: its folder, and the shape of its ids.
SETS = {"realtext": (REALTEXT, r"\d{3}"), "realtext-heldout": (REALTEXT.parent / "realtext-heldout", r"h\d\d"),
        "realtext-heldout2": (REALTEXT.parent / "realtext-heldout2", r"k\d\d"),
        "realtext-heldout3": (REALTEXT.parent / "realtext-heldout3", r"m\d\d"),
        "realtext-heldout4": (REALTEXT.parent / "realtext-heldout4", r"n\d\d"),
        "realtext-heldout5": (REALTEXT.parent / "realtext-heldout5", r"p\d\d"),
        "realtext-heldout6": (REALTEXT.parent / "realtext-heldout6", r"q\d\d"),
        "realtext-heldout7": (REALTEXT.parent / "realtext-heldout7", r"r\d\d"),
        "realtext-heldout8": (REALTEXT.parent / "realtext-heldout8", r"s\d\d"),
        "realtext-heldout9": (REALTEXT.parent / "realtext-heldout9", r"t\d\d"),
        "realtext-heldout10": (REALTEXT.parent / "realtext-heldout10", r"u\d\d"),
        "realtext-heldout11": (REALTEXT.parent / "realtext-heldout11", r"v\d\d"),
        "realtext-heldout12": (REALTEXT.parent / "realtext-heldout12", r"w\d\d"),
        "realtext-heldout13": (REALTEXT.parent / "realtext-heldout13", r"x\d\d"),
        "realtext-heldout14": (REALTEXT.parent / "realtext-heldout14", r"y\d\d"),
        "realtext-heldout15": (REALTEXT.parent / "realtext-heldout15", r"z\d\d"),
        "realtext-heldout16": (REALTEXT.parent / "realtext-heldout16", r"g\d\d"),
        "realtext-heldout17": (REALTEXT.parent / "realtext-heldout17", r"a\d\d"),
        "realtext-heldout18": (REALTEXT.parent / "realtext-heldout18", r"b\d\d")}


def problems(rec: dict, id_pattern: str = r"\d{3}") -> list[str]:
    """What is wrong with one annotation record (empty when it is well-formed)."""
    if not isinstance(rec, dict):
        return ["not an object"]
    out = [f"keys: missing {sorted(KEYS - rec.keys())} extra {sorted(rec.keys() - KEYS)}"] if rec.keys() != KEYS else []
    if out:
        return out
    if not re.fullmatch(id_pattern, str(rec["id"])):
        out.append(f"id {rec['id']!r}")
    if not (isinstance(rec["url"], str) and re.match(r"https?://[^/\s]+", rec["url"])):
        out.append(f"url {rec['url']!r}")
    if rec["lang"] not in LANGS:
        out.append(f"lang {rec['lang']!r}")
    if rec["published_at"] is not None and not _iso_datetime(rec["published_at"]):
        out.append(f"published_at {rec['published_at']!r}")
    for p in rec["people"]:
        if set(p) != {"name", "title", "honorific"} or not _text(p["name"]):
            out.append(f"person {p}")
        elif any(v is not None and not _text(v) for v in (p["title"], p["honorific"])):
            out.append(f"person {p}")
        elif p["honorific"] and p["honorific"] != p["honorific"].lower():
            out.append(f"honorific not lower-case {p}")
    for p in rec["places"]:
        if set(p) != {"name", "level"} or not _text(p["name"]) or p["level"] not in LEVELS:
            out.append(f"place {p}")
        elif p["name"].casefold() in {"việt nam", "vietnam", "viet nam"}:
            out.append(f"Việt Nam is never a place {p}")
    for m in rec["money"]:
        if set(m) != {"amount_vnd", "currency", "amount", "qualifier", "per_unit"}:
            out.append(f"money keys {m}")
            continue
        vnd_ok = (m["currency"] == "VND") == isinstance(m["amount_vnd"], int)
        if (not vnd_ok or isinstance(m["amount_vnd"], bool) or not _text(m["currency"])
                or not isinstance(m["amount"], int | float) or m["amount"] <= 0
                or m["qualifier"] not in QUALIFIERS or not isinstance(m["per_unit"], bool)
                or (m["amount_vnd"] is not None and m["amount_vnd"] != m["amount"])):
            out.append(f"money {m}")
    for c in rec["counts"]:
        if set(c) != {"value", "unit"} or not isinstance(c["value"], int) or isinstance(c["value"], bool) \
                or c["value"] <= 0 or not _text(c["unit"]):
            out.append(f"count {c}")
    for e in rec["event_dates"]:
        if set(e) != {"start", "end", "precision"} or not (_iso_date(e["start"]) and _iso_date(e["end"])) \
                or e["start"] > e["end"] or e["precision"] not in PRECISIONS:
            out.append(f"event date {e}")
    if not out:  # one entry per fact, by the scorer's own keys
        for name, key in FACT_KEYS.items():
            keys = [key(x) for x in rec[name]]
            if len(keys) != len(set(keys)):
                out.append(f"{name}: the same fact twice")
    return out


def _annotations(folder=REALTEXT) -> list[dict]:
    lines = (folder / "annotations.jsonl").read_text("utf-8").splitlines()
    assert all(line.strip() for line in lines), "blank line in annotations.jsonl"
    return [json.loads(line) for line in lines]


def _tsv(folder=REALTEXT) -> list[dict]:
    with (folder / "urls.tsv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        assert reader.fieldnames == TSV_COLUMNS
        return list(reader)


RECORDS = [(name, rec) for name, (folder, _) in SETS.items() for rec in _annotations(folder)]


@pytest.mark.parametrize("name, rec", RECORDS, ids=[f"{n}:{r.get('id', '?')}" for n, r in RECORDS])
def test_record_is_well_formed(name, rec):
    assert problems(rec, SETS[name][1]) == []


@pytest.mark.parametrize("name", SETS)
def test_ids_and_urls_are_unique(name):
    records = _annotations(SETS[name][0])
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["url"] for r in records}) == len(records)


@pytest.mark.parametrize("name", SETS)
def test_urls_tsv_agrees_with_the_annotations(name):
    folder = SETS[name][0]
    records = _annotations(folder)
    rows = {r["id"]: r for r in _tsv(folder)}
    assert set(rows) == {a["id"] for a in records}
    for a in records:
        row = rows[a["id"]]
        assert (row["url"], row["lang"]) == (a["url"], a["lang"]), a["id"]
        assert row["site"] and row["site"] in row["url"], a["id"]
        assert 2015 <= int(row["year"]) <= 2026, a["id"]
        assert row["after_reform"] in {"yes", "no"}, a["id"]
        if a["published_at"]:
            assert a["published_at"][:4] == row["year"], a["id"]
            assert (a["published_at"][:10] >= "2025-07-01") == (row["after_reform"] == "yes"), a["id"]


def test_no_url_is_in_two_sets():
    urls = [rec["url"] for _, rec in RECORDS]
    assert len(set(urls)) == len(urls)


def test_the_set_has_the_composition_it_was_built_for():
    rows = _tsv()
    assert len(rows) >= 65
    assert sum(r["after_reform"] == "yes" for r in rows) >= 15
    assert sum(r["lang"] == "en" for r in rows) >= 5


GOOD = {"id": "900", "url": "https://example.vn/a.html", "lang": "vi", "published_at": "2024-06-25",
        "people": [{"name": "Nguyễn Văn A", "title": "Chủ tịch", "honorific": "ông"}],
        "places": [{"name": "Bắc Kạn", "level": "province"}],
        "money": [{"amount_vnd": 208500000000, "currency": "VND", "amount": 208500000000, "qualifier": None,
                   "per_unit": False},
                  {"amount_vnd": None, "currency": "USD", "amount": 15000, "qualifier": "over", "per_unit": False}],
        "counts": [{"value": 401489, "unit": "đối tượng"}],
        "event_dates": [{"start": "2024-06-20", "end": "2024-06-21", "precision": "day"}]}


def _with(**change) -> dict:
    return {**GOOD, **change}


@pytest.mark.parametrize("rec, what", [
    (_with(id="9"), "id"),
    (_with(url="example.vn/a"), "url"),
    (_with(lang="fr"), "lang"),
    (_with(published_at="25/06/2024"), "published_at"),
    ({k: v for k, v in GOOD.items() if k != "counts"}, "keys"),
    (_with(places=[{"name": "Ba Bể", "level": "huyện"}]), "place"),
    (_with(places=[{"name": "Việt Nam", "level": "country"}]), "Việt Nam"),
    (_with(places=[{"name": "Ba Bể", "level": "district"}, {"name": "ba Bể", "level": "district"}]), "twice"),
    (_with(people=[{"name": "", "title": None, "honorific": None}]), "person"),
    (_with(people=[{"name": "Bùi Thị Hòa", "title": None, "honorific": "Bà"}]), "honorific"),
    (_with(money=[{"amount_vnd": "208500000000", "currency": "VND", "amount": 208.5e9, "qualifier": None,
                   "per_unit": False}]), "money"),
    (_with(money=[{"amount_vnd": 15000, "currency": "USD", "amount": 15000, "qualifier": None,
                   "per_unit": False}]), "money"),
    (_with(money=[{"amount_vnd": 1000, "currency": "VND", "amount": 1000, "qualifier": "hơn",
                   "per_unit": False}]), "money"),
    (_with(counts=[{"value": 0, "unit": "hộ"}]), "count"),
    (_with(counts=[{"value": 10, "unit": ""}]), "count"),
    (_with(event_dates=[{"start": "2024-06-21", "end": "2024-06-20", "precision": "day"}]), "event date"),
    (_with(event_dates=[{"start": "2024-13-01", "end": "2024-13-01", "precision": "day"}]), "event date"),
    (_with(event_dates=[{"start": "2024-01-01", "end": "2024-06-30", "precision": "semester"}]), "event date"),
])
def test_the_checker_catches_what_is_wrong(rec, what):
    found = problems(rec)
    assert any(what in p for p in found), found


@pytest.mark.parametrize("rec", [
    GOOD,
    _with(published_at=None, people=[], places=[], money=[], counts=[], event_dates=[]),
    _with(published_at="2019-01-04T15:21:15+07:00", lang="en"),
    _with(places=[{"name": "Ba Bể", "level": "district"}, {"name": "Ba Bể", "level": "commune"}]),
    _with(event_dates=[{"start": "2023-01-01", "end": "2023-06-30", "precision": "half-year"}]),
])
def test_the_checker_accepts_what_is_right(rec):
    assert problems(rec) == []
