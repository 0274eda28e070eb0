"""Whose news it is: the one rule for the province an article and a story are counted
under, and for the scope a person is known in. The entities pipeline applies it, the
archive stores what it decided (articles.province, stories.province), and the views and
reports read those columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from ctd_crawler.extract.lexicon import data_lines
from ctd_crawler.extract.text import fold, nfc

NATIONAL = "national"  # the province of an article about the whole country, or many provinces at once
MANY_PROVINCES = 3  # provinces named in the title and lead that make an article national

# A title that names a national body: its holder is the same person in every province.
_NATIONAL_BODY = re.compile(r"trung uong|\btw\b|\btu\b|\bt\.u\b|viet nam|chinh phu|quoc hoi|\bbo\b|thu tuong|"
                            r"chu tich nuoc|vnrc|vietnam|national|ifrc|quoc te")


@lru_cache(maxsize=1)
def _national_words() -> re.Pattern:
    # matched lowercase with diacritics: folded, "cả nước" (the country) would be "cá nước" (fish)
    words = sorted((nfc(w).lower() for w in data_lines("attribution/national.txt")), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def article_province(site_province: str | None, places: Iterable[Mapping[str, Any]],
                     title: str | None = None, body: str = "") -> str | None:
    """A provincial chapter's site reports on its own province, so its province wins. On a
    national site, an article about the whole country or many provinces at once is
    NATIONAL (is_national); else the province of its first resolved place stands in (in
    reading order). None when none of these holds."""
    if site_province:
        return site_province
    places = list(places)
    if is_national(title or "", body, places):
        return NATIONAL
    return next((p["province"] for p in places if p.get("resolved") and p.get("province")), None)


def is_national(title: str, body: str, places: Sequence[Mapping[str, Any]]) -> bool:
    """National: a national word (data/attribution/national.txt: "toàn quốc", "cả nước",
    "63 tỉnh"...) in the title or the lead paragraph; or MANY_PROVINCES provinces named
    there; or two national words anywhere when the title names no place (a national
    meeting's report, not a local event that ends on the country's total)."""
    lead = body.strip().split("\n\n", 1)[0]
    words = _national_words()
    if words.search(nfc(title).lower()) or words.search(nfc(lead).lower()):
        return True
    title_f = fold(title)
    head = f"{title_f}\n{fold(lead)}"
    named = {p["province"] for p in places
             if p.get("resolved") and p.get("province") and fold(p.get("text") or "") in head}
    if len(named) >= MANY_PROVINCES:
        return True
    title_names_a_place = any(p.get("text") and fold(p["text"]) in title_f for p in places)
    return not title_names_a_place and len(words.findall(nfc(body).lower())) >= 2


def known_province(province: str | None) -> str | None:
    """The article's province as a place (for hints to the extractors): None when it is NATIONAL."""
    return None if province == NATIONAL else province


def person_scope(person: Mapping[str, Any], province: str | None) -> str | None:
    """'national' for a holder of a national body's title, else the article's province (None
    in a national article: no one province): two people of one name are one person only
    within one scope."""
    role = fold(f"{person.get('title') or ''} {person.get('organisation') or ''}")
    if role.strip() and _NATIONAL_BODY.search(role):
        return NATIONAL
    return known_province(province)


def canonical_copy(copies: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The copy a story is told by, and counted under: the one published by a provincial
    chapter (closest to the event: a chapter's story republished by the national site keeps
    the chapter's province), else the earliest; ties by lowest id. Each copy has `id`,
    `published_at` and `site_province`."""
    return min(copies, key=lambda c: (c.get("site_province") is None, c.get("published_at") is None,
                                      c.get("published_at") or "", c["id"]), default=None)


def story_province(copies: Iterable[Mapping[str, Any]]) -> str | None:
    """A story's province is its canonical copy's (each copy also has its `province`)."""
    canonical = canonical_copy(copies)
    return canonical.get("province") if canonical else None
