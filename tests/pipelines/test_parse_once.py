"""The page is parsed once: the pipelines read the tree parse_page built, never item.html again
(the dates step's machine-readable dates are the one reader of the page after the layout)."""

from __future__ import annotations

import pytest
from lxml import etree

from ctd_crawler.page import parse_page
from ctd_crawler.page.html import parse_html
from ctd_crawler.pipelines import dates as dates_step
from ctd_crawler.pipelines import run_chain
from ctd_crawler.pipelines.dates import DatesPipeline
from ctd_crawler.sites import site_for_url
from tests.extractions import FETCHED_AT, saved_pages
from tests.pipelines.test_stamps import META, stamped

PAGES = saved_pages()[::4]


@pytest.fixture
def parses(monkeypatch):
    """How many times lxml parses a page from now on."""
    count = {"parses": 0, "metadata reads": 0}
    parse = etree.fromstring

    def counted(*args, **kwargs):
        count["parses"] += 1
        return parse(*args, **kwargs)

    read = dates_step.date_candidates

    def counted_read(tree):
        count["metadata reads"] += 1
        yield from read(tree)

    monkeypatch.setattr(etree, "fromstring", counted)
    monkeypatch.setattr(dates_step, "date_candidates", counted_read)
    return count


def test_the_chain_never_parses_the_page_again(parses):
    items = [parse_page(path.read_bytes(), url, site=site_for_url(url), fetched_at=FETCHED_AT) for url, path in PAGES]
    parsed_by_parse_page = parses["parses"]
    for item in items:
        run_chain(item)
    assert parsed_by_parse_page == len(items)
    assert parses["parses"] == parsed_by_parse_page  # not once more for any page
    assert parses["metadata reads"] > 10  # and the pages' metadata were read (from the tree)


def test_an_item_without_its_tree_is_parsed_for_its_metadata_and_dated_alike(parses):
    with_tree = stamped(1)
    with_tree.tree = parse_html(META)
    without = stamped(1)
    parses["parses"] = 0
    got = [DatesPipeline().apply(item, lambda *a: None).published_at for item in (with_tree, without)]
    assert got[0] == got[1] == "2023-10-31T05:10:00+07:00"
    assert parses["parses"] == 1  # the item built from its text alone
    assert parses["metadata reads"] == 1  # the one with its tree
