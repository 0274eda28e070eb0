"""Migration stamps (pipelines/dates.py): many articles of a site claiming one minute is a
CMS's import, not their date. One table per piece: when a minute is a stamp, what date an
article takes instead, and the archive's part (claims read back, articles re-dated)."""

from __future__ import annotations

import pytest

from ctd_crawler.extract.dates import dateline_date
from ctd_crawler.pipelines.dates import STAMP_MIN, DatesPipeline, stamp_key
from ctd_crawler.store.reextract import redate_stamped
from tests.conftest import make_item

STAMP = "2023-10-31T05:10:00+07:00"
META = f'<html><head><meta property="article:published_time" content="{STAMP}"></head><body></body></html>'


def stamped(n: int, *, site: str = "vnrc", body: str = "Nội dung bài viết không có ngày.", **fields):
    """The n-th article of a site whose page claims the stamp."""
    item = make_item(url=f"https://redcross.org.vn/bai-{n}.html", body=body, **fields)
    item.site, item.html = site, META
    return item


def dated(step: DatesPipeline, item):
    return step.apply(item, lambda *a: None).published_at


def crawl_step() -> DatesPipeline:
    """The step as a crawl opens it (no archive yet: the claims of this run only)."""
    step = DatesPipeline()
    step.open_spider()
    return step


def test_a_page_read_alone_tells_no_stamp():
    """`ctd-archive extract` (no crawl, no archive): every page keeps the date it claims."""
    step = DatesPipeline()
    assert [dated(step, stamped(n)) for n in range(STAMP_MIN + 2)] == [STAMP] * (STAMP_MIN + 2)


@pytest.mark.parametrize("claims, site_of_each, is_stamp", [
    (STAMP_MIN, "vnrc", True),
    (STAMP_MIN + 5, "vnrc", True),
    # not a stamp:
    (STAMP_MIN - 1, "vnrc", False),  # an editor posting a few stories in one minute
    (1, "vnrc", False),
    (STAMP_MIN, None, False),  # claims of several sites do not add up (each its own below)
])
def test_when_a_minute_is_a_stamp(claims, site_of_each, is_stamp):
    step = crawl_step()
    items = [stamped(n, site=site_of_each or f"site-{n}") for n in range(claims)]
    last = [dated(step, item) for item in items][-1]
    assert (last is None) is is_stamp
    assert items[-1].page_date == STAMP  # the page's claim is kept whatever


def test_the_same_article_read_again_is_one_claim():
    step = crawl_step()
    for _ in range(STAMP_MIN + 2):
        assert dated(step, stamped(1)) == STAMP


@pytest.mark.parametrize("value, key", [
    (STAMP, ("vnrc", "2023-10-31T05:10")),
    ("2023-10-31T05:10:59+07:00", ("vnrc", "2023-10-31T05:10")),  # to the minute
    # no key: a bare day is shared by any busy day's articles; no site, no claim
    ("2023-10-31", None),
    (None, None),
])
def test_stamp_key(value, key):
    assert stamp_key("vnrc", value) == key


@pytest.mark.parametrize("fields, want", [
    ({"body": "Hà Nội, 26/01/2018 – Hội Chữ thập đỏ trao quà."}, "2018-01-26"),  # the dateline
    ({"url": "https://redcross.org.vn/2018/01/26/trao-qua/"}, "2018-01-26"),  # the URL's date
    ({"listed_at": "2019-09-06T14:20:00+07:00"}, "2019-09-06"),  # the sitemap's day
    ({"listed_at": "Fri, 06 Sep 2019 20:00:00 +0000"}, "2019-09-07"),  # a feed's date, at +07:00
    ({"listed_at": "2019-09-06"}, "2019-09-06"),
    # the dateline wins over the sitemap
    ({"body": "Hà Tĩnh, 17/5/2019 – Tập huấn.", "listed_at": "2019-09-06"}, "2019-05-17"),
    # nothing else: no date, rather than the stamp
    ({"listed_at": "Mon, 30 Oct 2023 22:10:00 +0000"}, None),  # the feed repeats the stamp (UTC)
    ({"listed_at": STAMP}, None),
    ({"body": "Ngày 26/01 Hội Chữ thập đỏ trao quà."}, None),  # no year: no dateline
    ({"listed_at": "không phải ngày"}, None),
])
def test_what_a_stamped_article_takes_instead(fields, want):
    step = crawl_step()
    for n in range(STAMP_MIN - 1):
        dated(step, stamped(100 + n))
    n = STAMP_MIN
    url = fields.pop("url", f"https://redcross.org.vn/bai-{n}.html")
    item = stamped(n, **fields)
    item.url = url
    assert dated(step, item) == want
    assert item.page_date == STAMP
    assert bool(item.problems) is (want is None)


@pytest.mark.parametrize("body, day", [
    ("Hà Nội, 26/01/2018 – Sáng nay...", "2018-01-26"),
    ("(NĐ) - Ngày 6/9/2024, Hội Chữ thập đỏ ...", None),  # the date after the dash is an event's
    ("Hà Giang, ngày 03-02-2026 - Đoàn công tác...", "2026-02-03"),
    ("Sáng 26/01/2018 – Hội Chữ thập đỏ tổ chức", "2018-01-26"),  # a date before a dash still heads the text
    # not a dateline
    ("Hội Chữ thập đỏ tỉnh tổ chức nhiều hoạt động trong năm, và ngày 26/01/2018 – ngày hội", None),
    ("Hà Nội – Hội Chữ thập đỏ ...", None),
    ("", None),
])
def test_dateline(body, day):
    found = dateline_date(body)
    assert (found.value if found else None) == day


def test_articles_archived_before_the_stamp_showed_are_re_dated(archive):
    """A crawl archives the first claims before the minute proves a stamp; at its end the
    archive's claims are read back and those articles re-read (store/reextract.py)."""
    step = crawl_step()
    items = [stamped(n, body=f"Hà Nội, {10 + n}/01/2018 – Bài {n}.") for n in range(STAMP_MIN)]
    for item in items:
        item.raw = META.replace("<body></body>", f"<body><h1>{item.title}</h1><p>{item.body_text}</p></body>").encode()
        step.apply(item, lambda *a: None)
        archive.save(item)
    before = dict(archive.db.execute("SELECT url, published_at FROM articles"))
    assert list(before.values()).count(STAMP) == STAMP_MIN - 1  # the first ones kept the stamp
    assert set(archive.shared_claims(STAMP_MIN)) == {("vnrc", STAMP[:16])}
    assert redate_stamped(archive) == STAMP_MIN - 1
    after = dict(archive.db.execute("SELECT url, published_at FROM articles"))
    assert STAMP not in after.values()
    assert redate_stamped(archive) == 0  # nothing left to re-date
