"""Text normalisation: NFC, whitespace and entities in every text field; the byline."""

from __future__ import annotations

from ctd_crawler.extract.text import clean_inline, clean_paragraphs
from ctd_crawler.items import ArticleItem
from ctd_crawler.page.bylines import is_cms_account, split_byline
from ctd_crawler.pipelines import Count, Step


class TextPipeline(Step):
    def apply(self, item: ArticleItem, count: Count) -> ArticleItem:
        item.title = clean_inline(item.title or "") or None
        item.author = clean_inline(item.author or "") or None
        if item.author and is_cms_account(item.author):
            item.author = None
        item.date_text = clean_inline(item.date_text or "") or None
        item.body_text = clean_paragraphs(item.body_text or "")
        # A byline closing the body is the author, not article text (nor a person mention);
        # a CMS login closing it ("ADMIN") is neither text nor author.
        body, byline = split_byline(item.body_text)
        if byline:
            item.body_text = body
            if not is_cms_account(byline):
                item.author = item.author or byline
        if not item.title:
            count("missing_title")
            item.problems.append("no title found")
        if not item.body_text:
            count("missing_body")
            item.problems.append("no body text found")
        return item
