"""HTML helpers shared by every layout: decoding, parsing, text and paragraphs."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from functools import cache

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


class PageElement(etree.ElementBase):
    """An element of a parsed page: lxml's own, weakly referenceable (per-page caches are keyed
    by the root). lxml.html's element classes are not used: their look-up is a Python call for
    every element touched, and nothing here needs their methods (`drop_node`, `text_content`)."""


_PARSER = etree.HTMLParser()
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(element=PageElement))


def parse_html(text: str) -> etree._Element:
    """Parse decoded HTML; comments and processing instructions are dropped at the root."""
    text = XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        text = "<html></html>"
    root = etree.fromstring(text, _PARSER)
    if root is None:
        raise etree.ParserError("Document is empty")
    return root


_STRING = etree.XPath("string()")


def text_content(el: etree._Element) -> str:
    """Every text of an element and its descendants, as written (no spaces added)."""
    return str(_STRING(el))


def drop_node(node: etree._Element) -> None:
    """Remove an element with its descendants; its tail stays in the parent's text."""
    _scopes.pop(node.getroottree().getroot(), None)
    parent = node.getparent()
    if node.tail:
        previous = node.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + node.tail
        else:
            previous.tail = (previous.tail or "") + node.tail
    parent.remove(node)


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


def _branches(expr: str) -> list[str]:
    """The branches of a union ("a | b"), split outside brackets, parentheses and quotes."""
    out, depth, quote, start = [], 0, "", 0
    for i, c in enumerate(expr):
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c in "[(":
            depth += 1
        elif c in "])":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(expr[start:i].strip())
            start = i + 1
    return [*out, expr[start:].strip()]


@cache
def scoped(expr: str) -> tuple[str, tuple[str, ...]] | None:
    """`expr` with the filtered first step of each absolute branch ("//div[...]" in
    "//div[...]//h1 | //div[...]//figure") put as a variable ("$s0//h1 | $s1//figure"), and
    those steps; None when no branch has one. A layout asks many queries inside the same
    container: its node set is then found once per page (`_scope`), not once per query."""
    steps: list[str] = []
    out = []
    for branch in _branches(expr):
        m = _FIRST_STEP.match(branch)
        if m is None or not branch.startswith("//") or not branch.startswith("/", m.end()):
            out.append(branch)
            continue
        step = branch[: m.end()]
        if step not in steps:
            steps.append(step)
        out.append(f"$s{steps.index(step)}{branch[m.end():]}")
    return (" | ".join(out), tuple(steps)) if steps else None


# document root -> {first step: its nodes}, forgotten with the root and whenever `drop_node`
# changes its tree (a page's own tree never changes: the layouts drop boilerplate from copies)
_scopes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _scope(root: etree._Element, step: str) -> list:
    found = _scopes.get(root)
    if found is None:
        found = _scopes[root] = {}
    nodes = found.get(step)
    if nodes is None:
        nodes = compiled(step)(root) if _may_match(root, step) else []
        if not any(n is root for n in nodes):  # holding the root would keep its entry alive for ever
            found[step] = nodes
    return nodes


def xpath(el: etree._Element, expr: str) -> list | str | float | bool:
    """`el.xpath(expr)`, without searching a page whose class attributes cannot match it,
    nor finding a container again that an earlier query found (`scoped`)."""
    if not _may_match(el, expr):
        return []
    split = scoped(expr)
    if split is None:
        return compiled(expr)(el)
    rewritten, steps = split
    root = el.getroottree().getroot()
    return compiled(rewritten)(el, **{f"s{i}": _scope(root, step) for i, step in enumerate(steps)})


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
                drop_node(node)

