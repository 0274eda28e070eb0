"""Generic fallback for unknown layouts: no site rules, only page structure.

Title: og:title, else the h1 that best matches <title>, else <title> minus the site name.
Body: the block with the most paragraph text once link text is discounted (text density
with a link-density penalty), boilerplate containers removed first. Date text: the
first date-looking line near the title. Author: meta author / rel=author / byline class.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from ctd_crawler.extract.text import fold
from ctd_crawler.layouts.base import COMMON_DROP, Layout
from ctd_crawler.layouts.html import drop, paragraphs_of, text_of

_BOILERPLATE = re.compile(
    r"menu|nav|sidebar|side-bar|widget|footer|header|banner|breadcrumb|share|social|related|"
    r"lien-quan|tin-khac|other|comment|advert|quangcao|qc-|popular|most-read|video|tags?\b|copyright",
    re.I,
)
_DATE_LINE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2} tháng \d{1,2},? năm \d{4}|"
                        r"(January|February|March|April|May|June|July|August|September|October|"
                        r"November|December) \d{1,2}, \d{4}", re.I)
_TITLE_SEP = re.compile(r"\s+[-|–—:»]\s+")
_CANDIDATE_TAGS = ("div", "td", "article", "section", "main")


class GenericLayout(Layout):
    family = "generic"
    article_url = r"[-_/][^/]{12,}(\.html?|\.aspx|\.php)?$|[?&](id|newsid|nid|p)=\d+"
    listing_url = r"(category|chuyen-muc|danh-muc|tin-tuc|news)(/|\.|$)|[?&]page=\d+|/page/\d+|/trang-\d+"

    def _parse_title(self, tree: etree._Element) -> str:
        og = tree.xpath("string(//meta[@property='og:title']/@content)").strip()
        page_title = text_of(tree.find(".//title"))
        headings = [text_of(h) for h in tree.xpath("//h1|//h2")]
        headings = [h for h in headings if len(h) > 15]
        for cand in (og, page_title):
            if not cand:
                continue
            for h in headings:  # the heading the page title starts with is the article's
                if fold(cand).startswith(fold(h)[:40]) or fold(h).startswith(fold(cand)[:40]):
                    return h
        if og:
            return og
        if headings:
            return headings[0]
        return max(_TITLE_SEP.split(page_title), key=len) if page_title else ""

    def _parse_date_text(self, tree: etree._Element) -> str:
        body = self._body_node(tree)
        scope = body.getparent() if body is not None and body.getparent() is not None else tree
        for node in scope.iter():
            if node is body:
                break
            own = (node.text or "") if isinstance(node.tag, str) else ""
            if m := _DATE_LINE.search(own):
                return text_of(node) if len(text_of(node)) < 80 else m.group(0)
        return ""

    def _parse_author(self, tree: etree._Element) -> str:
        for xp in ("//meta[@name='author']/@content", "//*[@rel='author']",
                   "//*[contains(@class,'author') or contains(@class,'byline')]"):
            found = tree.xpath(xp)
            if found:
                text = found[0] if isinstance(found[0], str) else text_of(found[0])
                if 0 < len(text) < 60:
                    return text.strip()
        return ""

    def _parse_body(self, tree: etree._Element) -> str:
        node = self._body_node(tree)
        if node is None:
            return ""
        node = copy.deepcopy(node)
        drop(node, COMMON_DROP)
        for el in list(node.iter()):
            if isinstance(el.tag, str) and el is not node and _is_boilerplate(el):
                el.drop_tree()
        return paragraphs_of(node)

    def _body_node(self, tree: etree._Element) -> etree._Element | None:
        best, best_score = None, 0.0
        for el in tree.iter(*_CANDIDATE_TAGS):
            if _is_boilerplate(el) or any(_is_boilerplate(a) for a in el.iterancestors(*_CANDIDATE_TAGS)):
                continue
            score = _score(el)
            if score > best_score:
                best, best_score = el, score
        return best


def _is_boilerplate(el: etree._Element) -> bool:
    if el.tag in ("nav", "aside", "footer", "header"):
        return True
    attrs = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(attrs.strip()) and bool(_BOILERPLATE.search(attrs))


def _score(el: etree._Element) -> float:
    """Text in this element's own paragraphs, discounted by how much of it is links."""
    paras = [c for c in el if isinstance(c.tag, str) and c.tag in ("p", "div", "figure", "table", "br", "h2", "h3")]
    direct = len((el.text or "").strip()) + sum(len((c.tail or "").strip()) for c in el)
    para_text = sum(len(text_of(p)) for p in paras if p.tag in ("p", "h2", "h3"))
    total = direct + para_text
    if total < 200:
        return 0.0
    link_text = sum(len(text_of(a)) for a in el.iter("a"))
    all_text = len(text_of(el)) or 1
    link_density = min(1.0, link_text / all_text)
    return total * (1.0 - link_density) ** 2


LAYOUT = GenericLayout
