"""The on-disk seen-sets that keep crawl memory flat (ctd_crawler/crawl/seen.py)."""

from __future__ import annotations

from scrapy.http import Request

from ctd_crawler.crawl.seen import DUPEFILTER_FILE, DiskDupeFilter, SeenSet


def test_seen_set_adds_each_key_once():
    seen = SeenSet()
    assert seen.add("https://a.vn/tin/1") is True
    assert seen.add("https://a.vn/tin/1") is False
    assert seen.add(b"\x00fingerprint") is True
    assert "https://a.vn/tin/1" in seen and b"\x00fingerprint" in seen
    assert "https://a.vn/tin/2" not in seen
    assert len(seen) == 2
    seen.close()


def test_seen_set_in_a_file_outlives_the_process_that_wrote_it(tmp_path):
    seen = SeenSet(tmp_path / "seen.sqlite")
    seen.add("x")
    seen.close()
    again = SeenSet(tmp_path / "seen.sqlite")
    assert "x" in again and not again.add("x")
    again.close()


def test_dupefilter_filters_the_same_request_and_not_another():
    df = DiskDupeFilter()
    assert not df.request_seen(Request("https://a.vn/tin/1?b=2&a=1"))
    assert df.request_seen(Request("https://a.vn/tin/1?a=1&b=2"))  # Scrapy's fingerprint: canonical URL
    assert not df.request_seen(Request("https://a.vn/tin/2"))
    assert not df.request_seen(Request("https://a.vn/tin/1", method="POST"))
    df.close("finished")


def test_dupefilter_keeps_its_fingerprints_in_jobdir(tmp_path):
    df = DiskDupeFilter(str(tmp_path))
    df.request_seen(Request("https://a.vn/tin/1"))
    df.close("shutdown")
    assert (tmp_path / DUPEFILTER_FILE).exists()
    resumed = DiskDupeFilter(str(tmp_path))
    assert resumed.request_seen(Request("https://a.vn/tin/1"))
    resumed.close("finished")
