"""Validation: an article is archived even when incomplete; what is missing is counted."""

from __future__ import annotations

from ctd_crawler.items import ArticleItem
from ctd_crawler.pipelines import Count, Step

MIN_BODY_CHARS = 80  # shorter "articles" are usually error or stub pages


class ValidationPipeline(Step):
    def apply(self, item: ArticleItem, count: Count) -> ArticleItem:
        if item.body_text and len(item.body_text) < MIN_BODY_CHARS:
            count("short_body")
            item.problems.append(f"body has only {len(item.body_text)} characters")
        if item.fallbacks:
            count("layout_fallback")
            for name in item.fallbacks:
                count(f"layout_fallback/{item.layout}/{name}")
        return item
