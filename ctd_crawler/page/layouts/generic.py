"""Generic fallback for unknown layouts: no site rules, only page structure.

Title: the heading that og:title or <title> starts with, or any element spelling out a
part of them; else og:title; else the last heading before the text; else the longest
part of <title>.
Body (readability-style): every run of prose scores its block container and, by half, the
one above; link-heavy and boilerplate blocks (class/id words) score nothing; the best
container is taken with its siblings that read like text (a lead outside the content
div); inside it, link lists, hidden copies and the title heading are dropped, and date or
author lines at the edges trimmed.
Date text: the first short date-looking line between the title and the prose, else one
right after the prose (before any link or furniture).
Author: meta author, rel=author, a short author/byline element, JSON-LD, or a "Tác giả"
label; never a CMS account ("Super User", "admin").
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from ctd_crawler.extract.text import clean_inline, fold
from ctd_crawler.page.bylines import is_cms_account
from ctd_crawler.page.html import NEVER_TEXT, drop, drop_node, paragraphs_of, text_of, xpath
from ctd_crawler.page.layouts.base import COMMON_DROP, Layout
from ctd_crawler.page.metadata import jsonld_authors

# Class/id words of page furniture. Strong ones always mark boilerplate; weak ones only
# when nothing in the same attribute says "content" (WordPress puts "has-post-thumbnail"
# on the article itself).
_STRONG = re.compile(
    r"related|lien-?quan|tin-?khac|other-?news|comment|share|sharing|social|sidebar|side-bar|widget|"
    r"menu|breadcrumb|footer|banner|advert|quangcao|popup|sponsor|pagination|pager",
    re.I,
)
_WEAK = re.compile(r"nav|header|popular|most-read|video|tags?\b|copyright|slide|carousel|marquee|gallery|"
                   r"thumb|qc-|other", re.I)
_MAYBE = re.compile(r"article|content|entry|post|detail|main|body|story|noidung|chi-?tiet|news", re.I)
_DATE_LINE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2} tháng \d{1,2},? năm \d{4}|"
                        r"(January|February|March|April|May|June|July|August|September|October|"
                        r"November|December) \d{1,2}, \d{4}", re.I)
# Inside the chosen blocks, still not body: the title heading and hidden machine-readable copies.
_NOT_BODY = (".//h1", ".//*[@hidden]", ".//*[contains(translate(@style, ' ', ''), 'display:none')]",
             ".//*[contains(concat(' ', normalize-space(@class), ' '), ' hidden ')]")
# Lines around the text that are page metadata, not article: dates, author and source labels.
_META_LINE = re.compile(r"^(tác giả|nguồn|theo|tin[,:]|ảnh:|bài[,:]|author|source|posted|đăng)\b", re.I)
_TITLE_SEP = re.compile(r"\s+[-|–—:»]\s+")
_CANDIDATE_TAGS = ("div", "td", "article", "section", "main")
_HEADINGS = ("h1",)  # beside the text, however long: the headline (an h2 there is often the lead)
_TITLE_CLASS = re.compile(r"title|tieu-?de|heading", re.I)
_AUTHOR_LABEL = re.compile(r"(?:tác giả|người viết|author)\s*:?\s*(.*)$", re.I)
_AUTHOR_LABELLED = ("//body//*[starts-with(normalize-space(), 'Tác giả') or starts-with(normalize-space(), 'Người viết')"
                    " or starts-with(normalize-space(), 'Author')]")
_LINK_BLOCKS = ("div", "section", "aside", "ul", "ol", "table", "p", "li", "span")
_URL_LINE = re.compile(r"^\S*https?://\S+$")


class GenericLayout(Layout):
    family = "generic"
    article_url = r"[-_/][^/]{12,}(\.html?|\.aspx|\.php)?$|[?&](id|newsid|nid|p)=\d+"
    listing_url = r"(category|chuyen-muc|danh-muc|tin-tuc|news)(/|\.|$)|[?&]page=\d+|/page/\d+|/trang-\d+"

    def _per_page(self, tree: etree._Element, key: str, compute):
        """compute(tree), once per page: title, date and body ask for the same findings."""
        if getattr(self, "_page", None) is not tree:
            self._page, self._found = tree, {}
        if key not in self._found:
            self._found[key] = compute(tree)
        return self._found[key]

    def _parse_title(self, tree: etree._Element) -> str:
        return self._per_page(tree, "title", self._find_title)

    def _find_title(self, tree: etree._Element) -> str:
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
            # any element that spells out a part of it (a styled span, <font><b>); also
            # restores the diacritics of an ASCII <title>
            if found := _element_spelling(tree, cand):
                return found
        if og:
            return og
        if heading := _heading_before_text(tree, self._body_nodes(tree)):
            return heading
        return max(_TITLE_SEP.split(page_title), key=len) if page_title else ""

    def _parse_date_text(self, tree: etree._Element) -> str:
        """The first date-looking line after the title and before the text starts (page
        dates in headers, sidebars and footers lie outside that stretch)."""
        heading = _title_element(tree, self._parse_title(tree))
        inside = set(heading.iter()) if heading is not None else set()
        started = heading is None
        for node in tree.iter():
            started = started or node is heading
            if not started or not isinstance(node.tag, str) or node.tag in NEVER_TEXT:
                continue
            runs = (node.tail,) if node is heading else () if node in inside else (node.text, node.tail)
            for run in runs:
                run = (run or "").strip()
                if len(run) >= 80:  # prose: the text has started, and its dates are events
                    return self._date_after_text(tree)
                if _DATE_LINE.search(run):
                    return run
        return self._date_after_text(tree)

    def _date_after_text(self, tree: etree._Element) -> str:
        """A short date line right after the article's last prose line (old sites date
        their articles at the bottom), before any link or page furniture: related lists
        and comments carry other dates."""
        inside = {el for node in self._body_nodes(tree) for el in node.iter()}
        runs = tree.xpath("//body//text()")
        last = max((i for i, run in enumerate(runs) if run.getparent() in inside and len(run.strip()) >= 80),
                   default=None)
        short_lines = 0
        for run in runs[last + 1:] if last is not None else ():
            text = run.strip()
            holder = run.getparent() if run.is_text else run.getparent().getparent()
            if not text or holder is None or holder.tag in NEVER_TEXT:
                continue
            if len(text) >= 80 or short_lines == 4 or _in_furniture(holder):
                return ""
            if _DATE_LINE.search(text):
                return text
            short_lines += 1
        return ""

    def _parse_author(self, tree: etree._Element) -> str:
        for xp in ("//meta[@name='author']/@content", "//*[@rel='author']",
                   "//*[contains(@class,'author') or contains(@class,'byline')]"):
            found = xpath(tree, xp)
            if found:
                text = (found[0] if isinstance(found[0], str) else text_of(found[0])).strip()
                if 0 < len(text) < 60 and not is_cms_account(text):
                    return text
        for name in jsonld_authors(tree):
            if not is_cms_account(name):
                return name
        return _labelled_author(tree)

    def _parse_body(self, tree: etree._Element) -> str:
        parts = []
        for node in self._body_nodes(tree):
            node = copy.deepcopy(node)
            drop(node, COMMON_DROP + _NOT_BODY)
            for el in list(node.iter(*_LINK_BLOCKS)):
                # furniture inside the text: read-more boxes, link lists (mostly link text)
                if el is not node and el.getparent() is not None and (
                        _is_boilerplate(el) or _link_density(el) > 0.5):
                    drop_node(el)
            parts.append(paragraphs_of(node))
        return "\n\n".join(_trim_metadata([p for part in parts for p in part.split("\n\n") if p]))

    def _body_nodes(self, tree: etree._Element) -> list[etree._Element]:
        """The best-scoring container and those of its siblings that read like article text
        (title, date and body all ask: scored once per page)."""
        return self._per_page(tree, "body nodes", self._score_body_nodes)

    def _score_body_nodes(self, tree: etree._Element) -> list[etree._Element]:
        scores = _container_scores(tree)
        if not scores:
            return []
        top = max(scores, key=scores.get)
        parent = top.getparent()
        if parent is None:
            return [top]
        threshold = max(10.0, scores[top] * 0.2)
        chosen = []
        for sibling in parent:
            if sibling is top:
                chosen.append(sibling)
            elif isinstance(sibling.tag, str) and sibling.tag not in _HEADINGS and not _is_boilerplate(sibling) and (
                scores.get(sibling, 0.0) >= threshold or _reads_like_paragraph(sibling)
            ):
                chosen.append(sibling)
        return chosen


def _element_spelling(tree: etree._Element, title: str) -> str:
    """The text of the first element outside page furniture whose whole text is `title` or
    one of its " - "-separated parts (15+ characters), compared folded."""
    keys = {fold(part) for part in [title, *_TITLE_SEP.split(title)] if len(part) >= 15}
    starts = tuple(key[:12] for key in keys)
    body = tree.find("body")
    for el in body.iter() if body is not None and keys else ():
        if isinstance(el.tag, str) and fold(clean_inline(el.text or "")).startswith(starts):
            text = text_of(el)
            if fold(text) in keys and not _in_furniture(el):
                return text
    return ""


def _heading_before_text(tree: etree._Element, body_nodes: list[etree._Element]) -> str:
    """The last heading (h1-h3, or a class saying title) before the article's first prose
    line, outside page furniture: the title when neither og:title nor <title> names it."""
    prose = next((el for node in body_nodes for el in node.iter()
                  if isinstance(el.tag, str) and len((el.text or "").strip()) >= 80), None)
    found = ""
    for el in tree.iter():
        if el is prose:
            break
        if isinstance(el.tag, str) and (el.tag in ("h1", "h2", "h3") or _TITLE_CLASS.search(el.get("class", ""))):
            text = text_of(el)
            if 15 <= len(text) <= 250 and not _in_furniture(el):
                found = text
    return found


def _in_furniture(el: etree._Element) -> bool:
    """Inside a link or a block whose class/id says page furniture (menu, sidebar ...)."""
    return any(a.tag == "a" or _is_boilerplate(a) for a in (el, *el.iterancestors()))


def _labelled_author(tree: etree._Element) -> str:
    """"Tác giả: Hồng Nhung", or a "Tác giả" label beside the name (CMS author fields)."""
    for el in tree.xpath(_AUTHOR_LABELLED):
        match = _AUTHOR_LABEL.match(text_of(el))
        if match and 0 < len(name := match.group(1).strip()) < 60 and not is_cms_account(name):
            return name
    return ""


def _title_element(tree: etree._Element, title: str) -> etree._Element | None:
    """The outermost element of the page body whose whole text is the title."""
    body = tree.find("body")
    if not title or body is None:
        return None
    start = title[:20]
    for el in body.iter():
        if isinstance(el.tag, str) and start in clean_inline(el.text or "") and text_of(el) == title:
            while (parent := el.getparent()) is not None and text_of(parent) == title:
                el = parent
            return el
    return None


def _trim_metadata(paragraphs: list[str]) -> list[str]:
    """Drop date/author lines at the edges, and short unpunctuated lines before the text."""
    def meta(p: str) -> bool:
        return len(p) < 80 and bool(_DATE_LINE.search(p) or _META_LINE.match(p))

    paragraphs = [p for p in paragraphs if not _URL_LINE.match(p)]
    while paragraphs and (meta(paragraphs[0]) or (len(paragraphs[0]) < 80 and paragraphs[0][-1] not in ".!?…”\"")):
        paragraphs = paragraphs[1:]
    while paragraphs and meta(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    return paragraphs


def _is_boilerplate(el: etree._Element) -> bool:
    if el.tag in ("html", "body", "article", "main"):  # classes describe the whole page or article
        return False
    if el.tag in ("nav", "aside", "footer", "header"):
        return True
    attrs = f"{el.get('class', '')} {el.get('id', '')}"
    return bool(_STRONG.search(attrs)) or (bool(_WEAK.search(attrs)) and not _MAYBE.search(attrs))


def _container(el: etree._Element | None) -> etree._Element | None:
    """The element itself if it is a block container, else its nearest container ancestor."""
    while el is not None and el.tag not in _CANDIDATE_TAGS:
        el = el.getparent()
    return el


def _container_scores(tree: etree._Element) -> dict[etree._Element, float]:
    """Readability-style scores: each run of text of 25+ characters (outside links and
    boilerplate) scores its nearest block container fully and the next one up by half;
    a container's score is then discounted by its link density."""
    raw: dict[etree._Element, float] = {}
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in NEVER_TEXT or el.tag == "a":
            continue
        runs = [el.text or ""] + [c.tail or "" for c in el]
        length = sum(len(r.strip()) for r in runs if len(r.strip()) >= 25)
        if not length or _in_furniture(el):
            continue
        text = "".join(runs)
        score = 1 + min(length / 100, 3) + text.count(",")
        if (container := _container(el)) is None:
            continue
        raw[container] = raw.get(container, 0.0) + score
        if (up := _container(container.getparent())) is not None:
            raw[up] = raw.get(up, 0.0) + score / 2
    return {el: score * (1 - _link_density(el)) for el, score in raw.items()}


def _link_density(el: etree._Element) -> float:
    total = len(text_of(el)) or 1
    return min(1.0, sum(len(text_of(a)) for a in el.iter("a")) / total)


def _reads_like_paragraph(el: etree._Element) -> bool:
    """A sibling block outside the top container that is still article text (a lead)."""
    text = text_of(el)
    density = _link_density(el)
    return (len(text) > 80 and density < 0.25) or (0 < len(text) <= 80 and density == 0 and text.endswith("."))


LAYOUT = GenericLayout
