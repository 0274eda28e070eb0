"""The capture indexes' formats, case by case (the end-to-end tests cover the services)."""

from __future__ import annotations

import pytest

from ctd_crawler.webarchive.cdx import COLLECTION, IndexedCapture, timestamp_vn
from ctd_crawler.webarchive.records import warc_date_vn


@pytest.mark.parametrize("stamp, expected", [
    ("20240101000000", "2024-01-01T07:00:00+07:00"),
    ("20231231200000", "2024-01-01T03:00:00+07:00"),  # UTC evening: Vietnam's next morning
    ("2024", "2024-01-01T07:00:00+07:00"),  # a short timestamp is padded, as the CDX API does
])
def test_archive_timestamps_are_utc_shown_at_vietnam_s_offset(stamp, expected):
    assert timestamp_vn(stamp) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-05-10T08:00:00Z", "2024-05-10T15:00:00+07:00"),
    ("2024-05-10T08:00:00.123456Z", "2024-05-10T15:00:00+07:00"),
    ("2024-05-10T08:00:00+00:00", "2024-05-10T15:00:00+07:00"),
    ("", None), (None, None), ("10/05/2024", None),  # what is not a WARC-Date is no time
])
def test_warc_dates(value, expected):
    assert warc_date_vn(value) == expected


@pytest.mark.parametrize("name, ok", [
    ("CC-MAIN-2024-33", True), ("CC-MAIN-2012", True), ("CC-MAIN-2009-2010", True),
    ("CC-MAIN-24-33", False), ("cc-main-2024-33", False), ("CC-MAIN-2024-33; rm", False), ("2024", False),
])
def test_crawl_ids(name, ok):
    assert bool(COLLECTION.match(name)) is ok


@pytest.mark.parametrize("line, key, revisit", [
    (IndexedCapture("wayback", "http://x.vn/a", "20240101000000", "200"), "wayback:20240101000000:http://x.vn/a",
     False),
    (IndexedCapture("commoncrawl", "http://x.vn/a", "20240101000000", "200", "text/html", "D", 10, "f.warc.gz", 7),
     "commoncrawl:f.warc.gz:7", False),
    (IndexedCapture("wayback", "http://x.vn/a", "20240101000000", "-"), "wayback:20240101000000:http://x.vn/a", True),
    (IndexedCapture("commoncrawl", "http://x.vn/a", "20240101000000", "200", "warc/revisit"),
     "commoncrawl:None:None", True),
])
def test_a_capture_s_identity_and_revisits(line, key, revisit):
    assert line.key == key and line.is_revisit is revisit
