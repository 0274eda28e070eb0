"""Are two articles copies of one story? The verdict and its rules.

Same language (a republication, verbatim or edited):
* text similarity: the larger of the shingle sets' Jaccard similarity and their
  containment (shared shingles over the smaller set: a copy that dropped a paragraph or
  added an intro is still contained), containment only when the smaller copy has
  MIN_SHINGLES shingles (a two-line brief is contained in too much);
* copies when the similarity is at least SAME_TEXT (or FACTS_TEXT when two figures agree
  and none conflicts), they were published at most MAX_DAYS apart, no figure conflicts
  and their provinces are not disjoint.
* A conflict: for some unit (money, or a count's unit) each article has a value the
  other lacks, as a follow-up's updated totals do (a copy that dropped a paragraph only
  lacks values, it has no others).

Different languages (a translation): no shared words, so the facts decide: at least
TRANSLATION_FIGURES figure values in common, which are at least TRANSLATION_SHARE of
the smaller article's figures, published at most TRANSLATION_DAYS apart, a province in
common and no conflicting amount of money.

Never copies: two articles whose provinces (of resolved places and of the chapter's
site) are both known and disjoint: the same kind of event on the same day in two
provinces is two stories. Related (a follow-up, linked but not merged): same language,
similarity at least RELATED_TEXT, provinces not disjoint, but not copies.

The thresholds were chosen from precision and recall measured on planted copies and
near misses (benchmarks/bench_stories.py, benchmarks/README.md "Stories (issue 18)").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ctd_crawler.stories.features import Copy

SAME_TEXT = 0.5
FACTS_TEXT = 0.3
RELATED_TEXT = 0.3
MIN_SHINGLES = 40
MAX_DAYS = 14
TRANSLATION_FIGURES = 2
TRANSLATION_SHARE = 0.5
TRANSLATION_DAYS = 7


@dataclass(frozen=True)
class Verdict:
    kind: str | None  # 'same', 'related' or None
    similarity: float  # text similarity (same language) or share of figures (translations)
    reason: str  # why, in a few words (shown by `ctd-archive stories` and in story_links)


def similarity(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    jaccard = shared / (len(a) + len(b) - shared)
    small = min(len(a), len(b))
    return max(jaccard, shared / small) if small >= MIN_SHINGLES else jaccard


def conflicts(a: Copy, b: Copy, *, money_only: bool = False) -> bool:
    """Some unit for which each article has a value the other lacks."""
    slots_a, slots_b = _slots(a, money_only), _slots(b, money_only)
    return any(slots_a[s] - slots_b[s] and slots_b[s] - slots_a[s] for s in slots_a.keys() & slots_b.keys())


def _slots(copy: Copy, money_only: bool) -> dict:
    slots: dict = defaultdict(set)
    for currency, amount in copy.money:
        slots[("money", currency)].add(amount)
    if not money_only:
        for value, unit in copy.counts:
            slots[("count", unit)].add(value)
    return slots


def disjoint_provinces(a: Copy, b: Copy) -> bool:
    return bool(a.provinces and b.provinces and not a.provinces & b.provinces)


def days_apart(a: Copy, b: Copy) -> int | None:
    return None if a.day is None or b.day is None else abs(a.day - b.day)


def compare(a: Copy, b: Copy) -> Verdict:
    if disjoint_provinces(a, b):
        return Verdict(None, 0.0, "different provinces")
    days = days_apart(a, b)
    if (a.lang or "vi") != (b.lang or "vi"):
        return _translation(a, b, days)
    sim = similarity(a.shingles, b.shingles)
    if sim < RELATED_TEXT:
        return Verdict(None, sim, "different text")
    shared = len(a.values & b.values)
    if conflicts(a, b):
        return Verdict("related", sim, "same text, other figures")
    if days is not None and days > MAX_DAYS:
        return Verdict("related", sim, f"same text, {days} days apart")
    if sim >= SAME_TEXT:
        return Verdict("same", sim, "same text")
    if sim >= FACTS_TEXT and shared >= 2:
        return Verdict("same", sim, "similar text, same figures")
    return Verdict("related", sim, "similar text")


def _translation(a: Copy, b: Copy, days: int | None) -> Verdict:
    va, vb = a.values, b.values
    shared = len(va & vb)
    share = shared / min(len(va), len(vb)) if va and vb else 0.0
    if shared < TRANSLATION_FIGURES or share < TRANSLATION_SHARE:
        return Verdict(None, share, "other language, other figures")
    if days is None or days > TRANSLATION_DAYS:
        return Verdict(None, share, "other language, not the same week")
    if not (a.provinces & b.provinces):
        return Verdict(None, share, "other language, no province in common")
    if conflicts(a, b, money_only=True):
        return Verdict(None, share, "other language, other amounts")
    return Verdict("same", share, "translation: same figures")
