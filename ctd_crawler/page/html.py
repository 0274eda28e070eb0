"""HTML helpers shared by every layout: decoding, parsing, text and paragraphs."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from functools import cache

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


# A class test as the layouts write it: has_class(name), or contains(@class, 'name').
_CLASS_TEST = re.compile(r"contains\(concat\(' ', normalize-space\(@class\), ' '\), ' ([^' ]+) '\)"
                         r"|contains\(@class,\s*'([^']+)'\)")
_FIRST_STEP = re.compile(r"\.?//[\w*-]+\[([^\[\]]+)\]")
_ALL_CLASSES = etree.XPath("//@class", smart_strings=False)
_classes_of: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # document root -> its class attributes


@cache
def required_classes(xpath: str) -> tuple[str, ...] | None:
    """Names one of which some element's class attribute must contain for `xpath` to match
    anything: when its first step is filtered by class tests alone ("//*[has_class('a') or
    contains(@class, 'b')]//time"); else None. A page holding none of them is not searched:
    evaluating such a test on every element is most of what a layout costs."""
    m = _FIRST_STEP.match(xpath)
    if m is None or "|" in xpath:
        return None
    names = []
    for test in m.group(1).split(" or "):
        t = _CLASS_TEST.fullmatch(test.strip())
        if t is None:
            return None
        names.append(t.group(1) or t.group(2))
    return tuple(names)


def _may_match(el: etree._Element, xpath: str) -> bool:
    names = required_classes(xpath)
    if names is None:
        return True
    root = el.getroottree().getroot()
    classes = _classes_of.get(root)
    if classes is None:
        classes = _classes_of[root] = "\0".join(_ALL_CLASSES(root))
    return any(name in classes for name in names)


_TOKEN_TEST = re.compile(r"contains\(concat\(' ', normalize-space\(@class\), ' '\), ' ([^' ]+) '\)")


def _behind_substring(expr: str) -> str:
    return _TOKEN_TEST.sub(lambda m: f"(contains(@class, '{m.group(1)}') and {m.group()})", expr)


def class_first(expr: str) -> str:
    """`expr` whose first step is filtered by class tests alone ("//*[has_class('a')]//time",
    ".//div[contains(@class, 'b')]") asked of the class attributes, then their elements:
    "//@class[...]/..", "./descendant::div/@class[...]/..". The same nodes in the same order
    (an element has one class attribute, a missing one matches no test), at about half the cost:
    libxml2 tests an attribute node directly, where "//*[...]" builds the child set of every node
    first. Other queries (a positional predicate next, a union, any other test) are kept."""
    m = _FIRST_STEP.match(expr)
    if m is None or required_classes(expr) is None or expr.startswith("[", m.end()):
        return expr
    step = expr[: m.start(1) - 1]  # "//*", ".//div"
    relative, name = step.startswith("."), step.lstrip("./")
    test = _behind_substring(m.group(1)).replace("@class", ".")
    if relative:
        head = f"./descendant::{name}/@class"
    else:
        head = "//@class" if name == "*" else f"//{name}/@class"
    return f"{head}[{test}]/..{expr[m.end():]}"


@cache
def compiled(expr: str) -> etree.XPath:
    """`expr` compiled once, each class-token test behind a plain substring test of the class
    attribute: the same answer (a token of the class is a substring of it), and most elements
    fail the substring test without building the normalised string; a first step filtered by
    class alone reads the class attributes (`class_first`)."""
    return etree.XPath(_behind_substring(class_first(expr)))


def xpath(el: etree._Element, expr: str) -> list | str | float | bool:
    """`el.xpath(expr)`, without searching a page whose class attributes cannot match it."""
    return compiled(expr)(el) if _may_match(el, expr) else []


def first(tree: etree._Element, xpaths: Iterable[str]) -> etree._Element | str | None:
    """The first node matched by the first xpath that matches anything."""
    for xp in xpaths:
        found = xpath(tree, xp)
        if isinstance(found, list):
            for node in found:
                if isinstance(node, str):
                    if node.strip():
                        return node
                elif len(node) or text_of(node):  # children first: the text of a whole body is costly
                    return node
        elif isinstance(found, str) and found.strip():
            return found
    return None


def droppable(node) -> bool:
    """Whether a query's result is a node `drop` removes (an element with a parent)."""
    return isinstance(node, etree._Element) and node.getparent() is not None


def drop(el: etree._Element, xpaths: Iterable[str]) -> None:
    """Remove matched nodes (keeping their tails, which belong to the parent's text)."""
    for xp in xpaths:
        for node in xpath(el, xp):
            if droppable(node):
                node.drop_tree()

