"""Whose news it is: the one rule for the province an article is counted under and for the
scope a person is known in. The entities pipeline applies it, the archive stores what it
decided (articles.province), and the views and reports read that column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ctd_crawler.extract.text import fold

# A title that names a national body: its holder is the same person in every province.
_NATIONAL_BODY = re.compile(r"trung uong|\btw\b|\btu\b|\bt\.u\b|viet nam|chinh phu|quoc hoi|\bbo\b|thu tuong|"
                            r"chu tich nuoc|vnrc|vietnam|national|ifrc|quoc te")


def article_province(site_province: str | None, places: Iterable[Mapping[str, Any]]) -> str | None:
    """A provincial chapter's site reports on its own province, so its province wins; a
    national site has none, so the province of the article's first resolved place stands in
    (in reading order). None when neither exists."""
    if site_province:
        return site_province
    return next((p["province"] for p in places if p.get("resolved") and p.get("province")), None)


def person_scope(person: Mapping[str, Any], province: str | None) -> str | None:
    """'national' for a holder of a national body's title, else the article's province: two
    people of one name are one person only within one scope."""
    role = fold(f"{person.get('title') or ''} {person.get('organisation') or ''}")
    if role.strip() and _NATIONAL_BODY.search(role):
        return "national"
    return province
