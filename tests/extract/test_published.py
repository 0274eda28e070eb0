"""Publication date: one date string near the title, then the page's machine sources."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ctd_crawler.extract.dates import find_published, parse_date_text
from ctd_crawler.page.metadata import date_candidates_of

F = datetime(2024, 7, 9, 5, 0, tzinfo=timezone.utc)  # fetched at 12:00 in Hà Nội, Tuesday

# (text, fetched_at, expected value or None)
PUBLISHED_CASES = [
    ("Ngày đăng: 24/06/2024", F, "2024-06-24"),
    ("Cập nhật: 09-07-2024 03:03", F, "2024-07-09T03:03:00+07:00"),
    ("Thứ Hai, 24/06/2024 08:30 (GMT+7)", F, "2024-06-24T08:30:00+07:00"),
    ("18:11 28/12/2018", F, "2018-12-28T18:11:00+07:00"),
    ("24 tháng 6 năm 2024", F, "2024-06-24"),
    ("Thứ Hai, ngày 24 tháng 6 năm 2024", F, "2024-06-24"),
    ("Ngày 24.6.2024", F, "2024-06-24"),
    ("June 24, 2024", F, "2024-06-24"),
    ("24 June 2024", F, "2024-06-24"),
    ("Jun 3, 2024 10:30 AM", F, "2024-06-03T10:30:00+07:00"),
    ("Cập nhật lúc 14:05 ngày 1/7/2024", F, "2024-07-01T14:05:00+07:00"),
    ("Đăng lúc: 08h30 - 02/07/2024", F, "2024-07-02T08:30:00+07:00"),
    ("02/07/2024 - 08:30", F, "2024-07-02T08:30:00+07:00"),
    ("Ngày: 09-07-2024 03:03", F, "2024-07-09T03:03:00+07:00"),
    ("2024-06-24", F, "2024-06-24"),
    ("2024-06-24T08:30:00+07:00", F, "2024-06-24T08:30:00+07:00"),
    ("2024-06-24T01:30:00Z", F, "2024-06-24T08:30:00+07:00"),
    ("2024-06-23T20:00:00+00:00", F, "2024-06-24T03:00:00+07:00"),  # the date moves in Hà Nội
    ("Đăng: 24/06/2024 | Cập nhật: 25/06/2024", F, "2024-06-24"),
    ("Cập nhật: 25/06/2024 - Ngày đăng: 24/06/2024", F, "2024-06-24"),  # labelled one wins
    ("24/06/2024 | 1234 lượt xem", F, "2024-06-24"),
    ("Tháng Mười Hai 29, 2013, 14:14", F, "2013-12-29T14:14:00+07:00"),  # dateparser long tail
    ("2 giờ trước", F, "2024-07-09T10:00:00+07:00"),
    ("5 phút trước", F, "2024-07-09T11:55:00+07:00"),
    ("3 ngày trước", F, "2024-07-06"),
    ("2 tuần 3 ngày trước", F, "2024-06-22"),
    ("hôm qua", F, "2024-07-08"),
    ("Hôm nay, 08:15", F, "2024-07-09T08:15:00+07:00"),
    ("Thứ Năm tuần trước", F, "2024-07-04"),
    ("2 hours ago", F, "2024-07-09T10:00:00+07:00"),
    ("Ngày đăng: 24/06/2024", None, "2024-06-24"),
    # nothing: not a date, impossible, future, before 1946, vague, missing parts
    ("", F, None),
    ("Ngày đăng:", F, None),
    ("31/02/2024", F, None),
    ("32/13/2024", F, None),
    ("24/06/2030", F, None),  # after the fetch
    ("24/06/1930", F, None),
    ("2 giờ trước", None, None),  # relative, but no fetch time to count from
    ("1 tháng trước", F, None),  # the day would be invented
    ("2 năm trước", F, None),
    ("tháng 6/2024", F, None),  # no day: never invent one
    ("tháng 6 năm 2024", F, None),
    ("Thứ Năm", F, None),
    ("2 tuần 3 ngày", F, None),  # a duration
    ("08:30", F, None),
    ("1234 lượt xem", F, None),
    ("Nghị định 93/2021/NĐ-CP", F, None),
    ("Tác giả: Hội CTĐ tỉnh", F, None),
    ("24/06", F, None),
    ("20/6/24", F, None),
]


@pytest.mark.parametrize("text,fetched_at,expected", PUBLISHED_CASES)
def test_parse_date_text(text, fetched_at, expected):
    found = parse_date_text(text, fetched_at=fetched_at)
    assert (found.value if found else None) == expected
    if found:
        assert found.source == "layout" and found.text == text


# dateparser's own Vietnamese test strings (scrapinghub/dateparser: tests/test_date_parser.py
# test_dates_parsing, "now" = 2012-11-13; tests/test_languages.py test_translation and
# freshness translation). Columns: string, dateparser's expected, ours, why we differ.
DATEPARSER_VI = [
    ("Thứ năm", "2012-11-08", None, "a bare weekday names no date; we resolve only 'Thứ Năm tuần trước'"),
    ("Thứ sáu", "2012-11-09", None, "same: a weekday alone is not a publication date"),
    ("Tháng Mười Hai 29, 2013, 14:14", "2013-12-29T14:14", "2013-12-29T14:14:00+07:00", "+07:00 added"),
    ("05 Tháng một 2015 - 03:54 AM", "2015-01-05T03:54", "2015-01-05T03:54:00+07:00", "+07:00 added"),
    ("Thứ Năm, ngày 8 tháng 1 năm 2015", "2015-01-08", "2015-01-08", ""),
    ("Thứ Tư, 07/01/2015 | 22:34", "2015-01-07T22:34", "2015-01-07T22:34:00+07:00", "+07:00 added"),
    ("9 Tháng 1 2015 lúc 15:08", "2015-01-09T15:08", "2015-01-09T15:08:00+07:00", "+07:00 added"),
    ("2 tuần 3 ngày", "2 week 3 day", None, "a duration (dateparser only translates it): not a date"),
]


@pytest.mark.parametrize("text,theirs,ours,why", DATEPARSER_VI)
def test_dateparser_vietnamese_strings(text, theirs, ours, why):
    found = parse_date_text(text, fetched_at=datetime(2016, 1, 1)
                            if not text.startswith("Thứ ") or "20" in text else datetime(2012, 11, 13))
    assert (found.value if found else None) == ours
    if ours and not why:
        assert ours == theirs


ARTICLE = """<html><head>{head}</head><body>
<header><time datetime="2019-01-01">1/1/2019</time></header>
<article><h1>Tiêu đề</h1>{article}<p>Nội dung</p>
<div class="tin-lien-quan"><time datetime="2020-02-02T10:00:00+07:00">2/2/2020</time></div></article>
<aside><time datetime="2021-03-03">3/3/2021</time></aside>
<footer>Cập nhật 09/07/2024 <time datetime="2024-07-09">9/7</time></footer></body></html>"""


def _page(head: str = "", article: str = "") -> str:
    return ARTICLE.format(head=head, article=article)


LD = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-06-24T08:30:00+07:00"}</script>'
LD_GRAPH = '<script type="application/ld+json">{"@graph":[{"@type":"WebSite","datePublished":"2010-01-01"},{"@type":"Article","datePublished":"2024-06-23T20:00:00Z"}]}</script>'
META = '<meta property="article:published_time" content="2024-06-22T07:00:00+07:00">'
META_DC = '<meta name="DC.date.issued" content="2024-06-21">'
TIME = '<time datetime="2024-06-20T09:00:00+07:00">20/6/2024</time>'

# (date_text, html, url, expected value, expected source)
FIND_CASES = [
    # the day readers see; its time from the metadata when that agrees on the day, else the day alone
    ("Ngày đăng: 24/06/2024", _page(LD + META, TIME), "https://x.vn/a.html", "2024-06-24T08:30:00+07:00", "json-ld"),
    ("Ngày đăng: 25/06/2024", _page(LD + META, TIME), "https://x.vn/a.html", "2024-06-25", "layout"),
    ("Ngày đăng: 24/06/2024 10:15", _page(LD), "https://x.vn/a.html", "2024-06-24T10:15:00+07:00", "layout"),
    # RDFa (Drupal) in the article's own <footer>, in UTC
    (None, _page("", '<footer><span property="schema:dateCreated" content="2024-06-12T00:45:00+00:00">12/06/2024</span></footer>'),
     "https://x.vn/node/1", "2024-06-12T07:45:00+07:00", "meta"),
    (None, _page(LD + META, TIME), "https://x.vn/a.html", "2024-06-24T08:30:00+07:00", "json-ld"),
    ("Lượt xem: 123", _page(LD), "https://x.vn/a.html", "2024-06-24T08:30:00+07:00", "json-ld"),
    (None, _page(LD_GRAPH), "https://x.vn/a.html", "2024-06-24T03:00:00+07:00", "json-ld"),
    (None, _page('<script type="application/ld+json">{broken</script>' + META), "https://x.vn/a", "2024-06-22T07:00:00+07:00", "meta"),
    (None, _page(META_DC), "https://x.vn/a.html", "2024-06-21", "meta"),
    (None, _page('<meta itemprop="datePublished" content="24/06/2024 08:30">'), "https://x.vn/a", "2024-06-24T08:30:00+07:00", "meta"),
    (None, _page("", TIME), "https://x.vn/a.html", "2024-06-20T09:00:00+07:00", "time"),
    (None, _page(), "https://x.vn/tin-tuc/2024/06/19/hoi-nghi.html", "2024-06-19", "url"),
    # nothing trustworthy: sidebar, header, related-news and footer dates are never taken
    (None, _page(), "https://x.vn/tin-tuc/hoi-nghi-123.html", None, None),
    (None, None, "https://x.vn/2024/13/45/a.html", None, None),
    (None, "<html><body><p>Ngày 24/06/2024</p></body></html>", "https://x.vn/a", None, None),
    (None, "not html at all \x00\x01", "", None, None),
]


@pytest.mark.parametrize("date_text,html,url,expected,source", FIND_CASES)
def test_find_published(date_text, html, url, expected, source):
    found = find_published(date_text=date_text, metadata=date_candidates_of(html) if html else (), url=url,
                           fetched_at=F)
    assert (found.value if found else None, found.source if found else None) == (expected, source)
