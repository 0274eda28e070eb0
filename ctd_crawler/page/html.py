"""HTML helpers shared by every layout: decoding, parsing, text and paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.html
from lxml import etree

from ctd_crawler.extract.text import clean_inline, clean_paragraphs

# Elements whose text never belongs to an article.
NEVER_TEXT = {"script", "style", "noscript", "template", "iframe", "svg", "button", "form", "select", "input", "textarea", "object", "embed"}
# Elements that end a paragraph.
BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "tbody", "thead", "tr", "td", "th", "caption", "blockquote", "pre",
    "figure", "figcaption", "center", "address", "hr", "br",
}


# lxml refuses a str that still declares its encoding (XHTML pages, feeds); the text is decoded already.
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def has_class(name: str) -> str:
    """XPath predicate: the element's class attribute holds the token `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse decoded HTML; comments and processing instructions are dropped at the root."""
    text = XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        text = "<html></html>"
    return lxml.html.document_fromstring(text)


def text_of(el: etree._Element | None) -> str:
    """All text of one element on one line (NFC, spaces collapsed)."""
    if el is None:
        return ""
    if isinstance(el, str):
        return clean_inline(el)
    parts: list[str] = []
    _collect(el, parts, inline=True)
    return clean_inline("".join(parts))


def paragraphs_of(el: etree._Element | None) -> str:
    """Block structure kept: paragraphs separated by one blank line."""
    if el is None:
        return ""
    parts: list[str] = []
    _collect(el, parts, inline=False)
    return clean_paragraphs("".join(parts))


def _collect(el: etree._Element, out: list[str], *, inline: bool) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in NEVER_TEXT or not isinstance(el.tag, str):
        return
    brk = " " if inline else "\n\n"
    block = tag.lower() in BLOCKS
    if block:
        out.append(brk)
    if tag == "img":  # alt text is not body text; captions are (figcaption, caption rows)
        pass
    elif el.text:
        out.append(el.text)
    for child in el:
        _collect(child, out, inline=inline)
        if child.tail:
            out.append(child.tail)
    if block:
        out.append(brk)


def first(tree: etree._Element, xpaths: Iterable[str]) -> etree._Element | str | None:
    """The first node matched by the first xpath that matches anything."""
    for xp in xpaths:
        found = tree.xpath(xp)
        if isinstance(found, list):
            for node in found:
                if isinstance(node, str):
                    if node.strip():
                        return node
                elif text_of(node) or len(node):
                    return node
        elif isinstance(found, str) and found.strip():
            return found
    return None


def drop(el: etree._Element, xpaths: Iterable[str]) -> None:
    """Remove matched nodes (keeping their tails, which belong to the parent's text)."""
    for xp in xpaths:
        for node in el.xpath(xp):
            if isinstance(node, etree._Element) and node.getparent() is not None:
                node.drop_tree()

