"""How good the extraction is: an extraction JSON scored against hand-checked truth.

Used by the quality floor test (tests/test_quality_floor.py) and the benchmarks. Facts are
compared as sets of keys per article, so a fact counts once however often it is written:
people by folded name, places by (folded name, level), money by its amount in đồng (else
its amount and currency), counts by (value, unit), event dates by (start, end). Bodies by
bag-of-tokens F1 (folded), the usual measure for main-text extraction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ctd_crawler.extract.text import fold, nfc

_TOKEN = re.compile(r"\w+")


def _person(p: dict) -> str:
    return " ".join(fold(nfc(p["name"]).replace("’", "'")).split())


def _place(p: dict) -> tuple:
    return re.sub(r"[^0-9a-z]+", "", fold(p["name"])).replace("y", "i"), p["level"]


def _money(m: dict) -> tuple:
    if m.get("amount_vnd") is not None:
        return ("VND", m["amount_vnd"])
    return (m.get("currency"), m.get("amount"))


FACT_KEYS: dict[str, Callable[[dict], Any]] = {
    "people": _person,
    "places": _place,
    "money": _money,
    "counts": lambda c: (c["value"], fold(c["unit"])),
    "event_dates": lambda e: (e["start"], e["end"]),
}
# Entries that claim no fact: an event date the extractor could not resolve (start null,
# with the reason in its flag) is kept for the record, not offered as a date.
_CLAIMS: dict[str, Callable[[dict], bool]] = {"event_dates": lambda e: e.get("start") is not None}


def token_f1(got: str | None, want: str | None) -> float:
    """Bag-of-tokens F1 of two texts, folded."""
    g, w = Counter(_TOKEN.findall(fold(got or ""))), Counter(_TOKEN.findall(fold(want or "")))
    common = sum((g & w).values())
    if not common:
        return 1.0 if not g and not w else 0.0
    precision, recall = common / sum(g.values()), common / sum(w.values())
    return 2 * precision * recall / (precision + recall)


@dataclass
class Tally:
    right: int = 0
    found: int = 0
    expected: int = 0

    def add(self, got: set, want: set) -> None:
        self.right += len(got & want)
        self.found += len(got)
        self.expected += len(want)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Figures of a set of articles: exact fields, mean body F1, facts P/R/F1, titles right."""

    articles: int = 0
    exact: Counter = field(default_factory=Counter)  # title, published day, author: articles right
    body_f1: list[float] = field(default_factory=list)
    facts: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FACT_KEYS})
    titles: Tally = field(default_factory=Tally)  # people found with a title: right / expected

    def add(self, got: dict, want: dict) -> None:
        self.articles += 1
        self.exact["title"] += nfc(got.get("title") or "") == nfc(want.get("title") or "")
        self.exact["published day"] += (got.get("published_at") or "")[:10] == (want.get("published_at") or "")[:10]
        self.exact["author"] += (got.get("author") or None) == (want.get("author") or None)
        self.body_f1.append(token_f1(got.get("body_text"), want.get("body_text")))
        for name, key in FACT_KEYS.items():
            claims = _CLAIMS.get(name, bool)
            self.facts[name].add({key(x) for x in got.get(name) or () if claims(x)},
                                 {key(x) for x in want.get(name) or ()})
        ours = {_person(p): p for p in got.get("people") or ()}
        for person in want.get("people") or ():
            found = ours.get(_person(person))
            if person.get("title") and found is not None:
                self.titles.expected += 1
                self.titles.right += title_right(found, person["title"])

    def figures(self) -> dict[str, float]:
        """The figures as one flat mapping (what the quality floor records)."""
        out = {"body_f1": sum(self.body_f1) / len(self.body_f1) if self.body_f1 else 1.0}
        out |= {f"{name}_f1": tally.f1 for name, tally in self.facts.items()}
        out["titles_right"] = self.titles.recall
        out |= {f"{name.replace(' ', '_')}_right": n / self.articles for name, n in self.exact.items()}
        return out


def title_right(found: dict, title: str) -> bool:
    """Whether an extracted person carries the expected title: as written, or in the
    "prefix, title" form annotators use."""
    ours, prefix = nfc(found.get("title") or ""), nfc(found.get("prefix") or "")
    return nfc(title) in ({ours, f"{prefix}, {ours}"} if prefix else {ours})


def score(pairs: Iterable[tuple[dict, dict]]) -> Score:
    """Score (extraction, truth) pairs."""
    result = Score()
    for got, want in pairs:
        result.add(got, want)
    return result
