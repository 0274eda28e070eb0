"""page.html.xpath: the layouts' XPaths give what lxml gives, only sooner (a page whose class
attributes cannot match a class-filtered query is not searched; token tests are compiled
behind a substring test; a container many queries start from is found once per page)."""

from __future__ import annotations

import copy

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from ctd_crawler.page.decode import decode_html
from ctd_crawler.page.html import (
    class_first,
    compiled,
    drop,
    has_class,
    paragraphs_of,
    parse_html,
    required_classes,
    scoped,
    text_content,
    xpath,
)
from ctd_crawler.page.layouts import get_layout
from ctd_crawler.page.layouts.base import COMMON_DROP, _inside
from tests.extractions import saved_pages

A, B = has_class("a-b"), has_class("c")


@pytest.mark.parametrize("expr, names", [
    (f"//*[{A} or {B}]", ("a-b", "c")),
    (f"//h1[{A}]//a/@href", ("a-b",)),
    (".//*[contains(@class, 'social') or contains(@class,'sharing')]", ("social", "sharing")),
    (f".//div[{B}]", ("c",)),
    # not filtered by class alone: always searched
    ("//*[@itemprop='author']", None),
    (f"//div[{A} or @id='news']", None),
    (f"//*[{A}] | //h1", None),
    (f"//*[{A} and @id]", None),
    (f"//*[({A} or {B})]", None),
    ("//h1", None),
    ("string(//meta[@property='og:title']/@content)", None),
    (f"//div[@id='x']//*[{A}]", None),
    (f"//*[not({A})]", None),
])
def test_which_queries_need_a_class(expr, names):
    assert required_classes(expr) == names


PAGE = parse_html("<html><body><div class='  x  a-b\tz '><p>một</p></div><p class='c d'>hai</p>"
                  "<p class='a-bc'>ba</p><span class='xa-b'>bốn</span></body></html>")


@pytest.mark.parametrize("expr, texts", [
    (f"//*[{A}]", ["một"]),  # a token among spaces and tabs
    (f"//*[{B}]", ["hai"]),
    (f"//*[{has_class('d')} or {has_class('z')}]", ["một", "hai"]),
    ("//*[contains(@class, 'a-b')]", ["một", "ba", "bốn"]),  # a substring, as written
    # what must not match: a longer class, a class only containing the name, no such class
    (f"//*[{has_class('a-bc')}]", ["ba"]),
    (f"//*[{has_class('b')}]", []),
    (f"//*[{has_class('nowhere')}]", []),
    (f"//*[{has_class('xa')}]", []),
])
def test_class_tests_answer_as_lxml_does(expr, texts):
    assert [text_content(e) for e in xpath(PAGE, expr)] == texts == [text_content(e) for e in PAGE.xpath(expr)]


def test_a_page_without_classes_is_not_searched_and_gives_nothing():
    page = parse_html("<html><body><p>không có class</p></body></html>")
    assert xpath(page, f"//*[{A}]") == [] == page.xpath(f"//*[{A}]")
    assert [e.tag for e in xpath(page, "//p")] == ["p"]  # other queries are searched as before


def test_the_compiled_query_keeps_the_token_test():
    text = compiled(f"//div[@id='x']//*[{A}]").path
    assert "contains(@class, 'a-b') and contains(concat(' ', normalize-space(@class), ' '), ' a-b ')" in text


@pytest.mark.parametrize("expr, fast", [
    (f"//*[{A}]", "//@class[(contains(., 'a-b') and contains(concat(' ', normalize-space(.), ' '), ' a-b '))]/.."),
    ("//h1[contains(@class, 'x') or contains(@class, 'y')]/a",
     "//h1/@class[contains(., 'x') or contains(., 'y')]/../a"),
    (".//*[contains(@class, 'x')]//p", "./descendant::*/@class[contains(., 'x')]/..//p"),
    (".//figure[contains(@class,'x')]", "./descendant::figure/@class[contains(.,'x')]/.."),
    # kept: a positional predicate after the class test, a union, another test in the first step
    ("//*[contains(@class, 'x')][1]", None),
    ("//*[contains(@class, 'x')] | //h1", None),
    ("//div[contains(@class, 'x') or @id='y']", None),
    ("//h1", None),
])
def test_a_first_step_filtered_by_class_reads_the_class_attributes(expr, fast):
    assert class_first(expr) == (fast or expr)


_CLASSES = ["a", "a-b", "b", "ab", "c", " a ", "a\tb", "xa-b", "a-bc", "", "c a-b"]
_TAGS = ["div", "p", "h1", "span", "time"]


@st.composite
def _pages(draw):
    """A random little page: nested elements of a few tags, with or without a class of a few names."""
    def element(level: int) -> str:
        tag = draw(st.sampled_from(_TAGS))
        cls = draw(st.none() | st.sampled_from(_CLASSES))
        attr = "" if cls is None else f' class="{cls}"'
        kids = "".join(element(level + 1) for _ in range(draw(st.integers(0, 3 if level < 3 else 0))))
        return f"<{tag}{attr}>{draw(st.sampled_from(['', 'x', 'y']))}{kids}</{tag}>"
    return parse_html("<html><body>" + "".join(element(0) for _ in range(draw(st.integers(1, 4)))) + "</body></html>")


_TEST = st.sampled_from([has_class("a-b"), has_class("a"), has_class("c"), "contains(@class, 'a')",
                         "contains(@class,'b')", has_class("nowhere")])
_REST = st.sampled_from(["", "//p", "/span", "//*[contains(@class, 'c')]", "/*[last()]", "//text()",
                         "/p[normalize-space()][last()]", "/@class", "//h1/following-sibling::*"])


@pytest.mark.slow  # a property test over random pages
@settings(max_examples=50, deadline=None)
@given(_pages(), st.sampled_from(["//*", "//div", "//p", ".//*", ".//span"]),
       st.lists(_TEST, min_size=1, max_size=3), _REST)
def test_class_first_finds_what_lxml_finds_on_random_pages(page, step, tests, rest):
    expr = f"{step}[{' or '.join(tests)}]{rest}"
    for context in (page, next(page.iter("body")), copy.deepcopy(next(page.iter("body")))):
        assert _same(compiled(expr)(context), context.xpath(expr)), expr
        assert _same(xpath(context, expr), context.xpath(expr)), expr


def _queries() -> list[str]:
    out = list(COMMON_DROP)
    for family in ("wordpress", "nukeviet", "joomla", "newsportal", "vesportal", "threecms", "generic"):
        lay = get_layout(family)
        out += [*lay.title, *lay.date, *lay.author, *lay.body, *lay.sapo, *lay.drop, *lay.signature,
                *(xp for xp, _ in lay.page_kinds)]
    return list(dict.fromkeys(out))


def _same(got, want) -> bool:
    if isinstance(want, list):
        return len(got) == len(want) and all(g is w or g == w for g, w in zip(got, want))
    return got == want


def _one_page_per_host():
    first_of: dict[str, object] = {}
    for url, path in saved_pages():
        first_of.setdefault(url.split("/")[2], path)
    return list(first_of.values())


@pytest.mark.parametrize("path", _one_page_per_host(), ids=lambda p: p.parent.name + "/" + p.name[:40])
def test_every_layout_query_gives_what_lxml_gives_on_saved_pages(path):
    tree = parse_html(decode_html(path.read_bytes())[0])
    body = next((n for n in tree.iter("body")), tree)
    part = copy.deepcopy(body)  # where drop() searches: a copy of the article's container
    for expr in _queries():
        assert _same(xpath(tree, expr), tree.xpath(expr)), expr
        assert _same(xpath(part, expr), part.xpath(expr)), expr


def _plain_drop(el, xpaths) -> None:
    for xp in xpaths:
        for node in el.xpath(xp):
            if not isinstance(node, str) and node.getparent() is not None:
                lxml.html.HtmlMixin.drop_tree(node)  # lxml's own, as the reference


@pytest.mark.parametrize("path", _one_page_per_host(), ids=lambda p: p.parent.name + "/" + p.name[:40])
def test_dropping_boilerplate_leaves_what_plain_lxml_leaves(path):
    """drop() asks its queries of a tree it changes as it goes: what it removed never
    makes a later query skip what is still there."""
    tree = parse_html(decode_html(path.read_bytes())[0])
    ours, plain = copy.deepcopy(tree), copy.deepcopy(tree)
    xpath(ours, f"//*[{A}]")  # the class attributes of the copy are read before it changes
    queries = _queries()
    drop(ours, queries)
    _plain_drop(plain, queries)
    assert paragraphs_of(ours) == paragraphs_of(plain)


def _copied_clean_text(layout, node) -> str:
    """Layout._clean_text as it was: every query asked of a copy of the node."""
    node = copy.deepcopy(node)
    drop(node, COMMON_DROP + layout.drop)
    return paragraphs_of(node)


@pytest.mark.parametrize("family", ["wordpress", "nukeviet", "joomla", "newsportal", "vesportal", "threecms"])
def test_every_family_drops_with_queries_that_stay_inside_the_node(family):
    assert _inside(COMMON_DROP + get_layout(family).drop)


@pytest.mark.parametrize("expr", ["//p", "/html//p", ".//p[//a]", ".//p[ancestor::div]", "./following-sibling::p",
                                  "self::div", "descendant-or-self::p", ".//p[../h1]", ".//p | //h1",
                                  ".//p[count(/html) = 1]", ".//p[preceding-sibling::h1]", ".//a[$x]"])
def test_a_query_that_may_leave_the_node_is_asked_of_a_copy(expr):
    assert not _inside((expr,))


@pytest.mark.parametrize("path", _one_page_per_host(), ids=lambda p: p.parent.name + "/" + p.name[:40])
def test_cleaning_a_node_in_place_gives_what_cleaning_a_copy_gives(path):
    tree = parse_html(decode_html(path.read_bytes())[0])
    before = etree.tostring(tree)
    for family in ("wordpress", "nukeviet", "joomla", "newsportal", "vesportal", "threecms"):
        layout = get_layout(family)
        for node in [*tree.iter("body", "div", "article", "section", "td")][:40]:
            assert layout._clean_text(node) == _copied_clean_text(layout, node)
    assert etree.tostring(tree) == before  # the page is never changed


@pytest.mark.parametrize("expr, want", [
    ("//div[@id='c']//h1", ("$s0//h1", ("//div[@id='c']",))),
    ("//div[@id='c']/p[1]", ("$s0/p[1]", ("//div[@id='c']",))),
    # each branch of a union, one variable per distinct step
    ("//div[@id='c']//h1 | //div[@id='c']//h2 | //h3", ("$s0//h1 | $s0//h2 | //h3", ("//div[@id='c']",))),
    ("//div[@id='c']//a | //p[@class='x']/b", ("$s0//a | $s1/b", ("//div[@id='c']", "//p[@class='x']"))),
    # not scoped: relative queries, a step without a predicate, a step that is the whole query
    (".//div[@id='c']//h1", None),
    ("//div//h1", None),
    ("//div[@id='c']", None),
    ("//meta[@property='og:title']/@content | //title", ("$s0/@content | //title", ("//meta[@property='og:title']",))),
    # a bar inside a string or a predicate is no union
    ("//p[contains(., 'a | b')]", None),
    ("//p[@a='x' or (@b='y' | @c)]", None),
])
def test_scoped_puts_each_branchs_filtered_first_step_as_a_variable(expr, want):
    assert scoped(expr) == want


def test_a_scoped_query_on_a_copy_finds_the_copys_nodes_not_the_pages():
    page = parse_html("<html><body><div id='c'><h1>một</h1></div></body></html>")
    expr = "//div[@id='c']//h1"
    assert [e.text for e in xpath(page, expr)] == ["một"]
    part = copy.deepcopy(next(page.iter("body")))
    part.find(".//h1").text = "hai"
    assert [e.text for e in xpath(part, expr)] == ["hai"] == [e.text for e in part.xpath(expr)]


def test_a_dropped_container_is_not_searched_again_from_the_memory_of_a_query():
    part = parse_html("<html><body><div id='c'><h1>một</h1></div><div id='c'><h1>hai</h1></div></body></html>")
    expr = "//div[@id='c']//h1"
    assert [e.text for e in xpath(part, expr)] == ["một", "hai"]
    drop(part, ["//div[@id='c'][1]"])
    assert [e.text for e in xpath(part, expr)] == ["hai"] == [e.text for e in part.xpath(expr)]


def test_pages_leave_no_memory_of_their_queries_behind():
    import gc

    from ctd_crawler.page import html

    gc.collect()
    before = len(html._scopes)  # pages other tests still hold
    for n in range(50):  # a step that finds the root itself, and one that finds a container
        page = parse_html(f"<html lang='vi'><body><div id='c'><h1>{n}</h1></div></body></html>")
        assert xpath(page, "//html[@lang]//h1") and xpath(page, "//div[@id='c']//h1")
        del page
    gc.collect()
    assert len(html._scopes) <= before + 1
