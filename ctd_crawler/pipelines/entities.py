"""Entities: people (with titles), places (resolved), money and counts, from title + body."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from functools import cache

from ctd_crawler.extract.attribution import article_province, known_province
from ctd_crawler.extract.figures import extract_money_and_counts
from ctd_crawler.extract.people import extract_people
from ctd_crawler.extract.places import extract_places
from ctd_crawler.extract.text import without_related_list
from ctd_crawler.items import ArticleItem
from ctd_crawler.pipelines import Count, Step, guarded


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def row(fact) -> dict:
    """dataclasses.asdict of a fact: its fields hold plain values (text, numbers, None), so the
    same dict without asdict's recursive deep copy, which cost more than some extractors."""
    return {name: getattr(fact, name) for name in _names(type(fact))}


class EntitiesPipeline(Step):
    def apply(self, item: ArticleItem, count: Count) -> ArticleItem:
        text = item.text_for_facts()
        on = date.fromisoformat(item.published_at[:10]) if item.published_at else None

        def places() -> None:
            found = extract_places(text, on=on, province_hint=item.site_province, lang=item.lang)
            item.places = [row(p) for p in found]
            count("unresolved_places", sum(1 for p in found if not p.resolved and p.code is None
                                           and p.level in ("province", "district", "commune")))

        def people() -> None:
            # the province of a bare "UBND tỉnh" in a title, when the text names none near it
            item.people = [row(p) for p in extract_people(text, province_hint=known_province(item.province),
                                                          lang=item.lang)]

        def money() -> None:
            amounts, counted, skipped = extract_money_and_counts(text, lang=item.lang)
            item.money = [row(m) for m in amounts]
            item.counts = [row(c) for c in counted]
            count("skipped_figures", skipped)

        guarded(item, count, "places", places)
        item.province = article_province(item.site_province, item.places, item.title,
                                         without_related_list(item.body_text))
        guarded(item, count, "people", people)
        guarded(item, count, "money", money)
        return item
