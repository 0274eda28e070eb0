"""parse_html takes every decoded page the fetcher hands it."""

import pytest

from ctd_crawler.page.html import parse_html, text_of

CASES = [
    # (page, title text)
    ('<?xml version="1.0" encoding="utf-8"?>\n<html><head><title>Tin A</title></head></html>', "Tin A"),
    ("<?xml version='1.0' encoding='UTF-8' ?><!DOCTYPE html><html><title>Tin B</title></html>", "Tin B"),
    ("  <?xml version=\"1.0\"?><html><title>Tin C</title></html>", "Tin C"),
    ("<html><title>Tin D</title></html>", "Tin D"),
    # not a declaration at the start: stays as written (lxml drops the PI inside the body)
    ("<html><title>Tin E</title><body><p>&lt;?xml?&gt; là khai báo</p></body></html>", "Tin E"),
]


@pytest.mark.parametrize("page,title", CASES)
def test_declared_encoding_is_dropped_from_decoded_text(page, title):
    assert text_of(parse_html(page).find(".//title")) == title


def test_body_text_mentioning_a_declaration_is_kept():
    tree = parse_html(CASES[-1][0])
    assert text_of(tree.find(".//p")) == "<?xml?> là khai báo"


@pytest.mark.parametrize("page", ["", "   \n", '<?xml version="1.0" encoding="utf-8"?>'])
def test_empty_pages_parse_to_an_empty_document(page):
    assert parse_html(page).tag == "html"
