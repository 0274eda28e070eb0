"""WARC out: the crawl's recorder (a downloader middleware, CTD_WARC_DIR) and its files."""

from __future__ import annotations

import gzip
import subprocess
import sys

import pytest
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator

from ctd_crawler.webarchive.scrapy_warc import WarcRecorder
from ctd_crawler.webarchive.warc_write import warc_date


def recorder(folder, max_bytes=1_000_000):
    crawler = get_crawler(settings_dict={"CTD_WARC_DIR": str(folder), "CTD_WARC_MAX_BYTES": max_bytes})
    return WarcRecorder.from_crawler(crawler), crawler


def exchange(n: int):
    url = f"https://redcross.org.vn/tin-{n}.html?x=1"
    request = Request(url, headers={"User-Agent": "ctd_crawler/0.1", "Accept-Encoding": "gzip"})
    body = gzip.compress(f"<html><body><h1>Tin {n}</h1>{'x' * 3000}</body></html>".encode())
    response = HtmlResponse(url, status=200, body=body, request=request,
                            headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip",
                                     "Transfer-Encoding": "chunked", "ETag": f'"e{n}"'})
    return request, response


def records(folder):
    found = []
    for path in sorted(folder.glob("*.warc.gz")):
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                found.append((path.name, record.rec_type, record.rec_headers, record.http_headers,
                              record.content_stream().read()))
    return found


def test_off_unless_the_folder_is_set():
    with pytest.raises(NotConfigured):
        WarcRecorder.from_crawler(get_crawler(settings_dict={"CTD_WARC_DIR": ""}))


def test_each_response_is_a_request_and_a_response_record_with_the_original_headers(tmp_path):
    warc, crawler = recorder(tmp_path)
    request, response = exchange(1)
    assert warc.process_response(request, response) is response
    warc.spider_closed()
    found = records(tmp_path)
    assert [kind for _, kind, *_ in found] == ["warcinfo", "response", "request"]
    _, _, answer_headers, http, body = found[1]
    assert answer_headers.get_header("WARC-Target-URI") == request.url
    assert http.get_statuscode() == "200" and http.get_header("ETag") == '"e1"'
    assert http.get_header("Content-Encoding") == "gzip" and http.get_header("Transfer-Encoding") is None
    assert b"<h1>Tin 1</h1>" in body  # warcio undoes the recorded content encoding
    _, _, asked_headers, asked, _ = found[2]
    assert (asked.protocol, asked.statusline) == ("GET", "/tin-1.html?x=1 HTTP/1.1")
    assert asked.get_header("Host") == "redcross.org.vn" and asked.get_header("User-Agent") == "ctd_crawler/0.1"
    assert asked_headers.get_header("WARC-Concurrent-To") == answer_headers.get_header("WARC-Record-ID")
    assert crawler.stats.get_value("ctd/webarchive/warc_responses") == 1


def test_files_rotate_by_size_and_none_is_left_open(tmp_path):
    warc, crawler = recorder(tmp_path, max_bytes=1)  # past it after every exchange
    for n in range(5):
        warc.process_response(*exchange(n))
    warc.spider_closed()
    files = sorted(tmp_path.iterdir())
    assert len(files) == 5 and all(f.name.endswith(".warc.gz") for f in files)
    assert not list(tmp_path.glob("*.open"))
    pairs = [(name, kind) for name, kind, *_ in records(tmp_path) if kind != "warcinfo"]
    assert all(sum(1 for n, _ in pairs if n == name) == 2 for name, _ in pairs)  # a pair never split
    assert crawler.stats.get_value("ctd/webarchive/warc_files") == 5


def test_a_file_under_way_is_not_a_finished_file(tmp_path):
    warc, _ = recorder(tmp_path)
    warc.process_response(*exchange(1))
    assert [f.suffix for f in tmp_path.iterdir()] == [".open"]
    warc.spider_closed()
    assert [f.name.endswith(".warc.gz") for f in tmp_path.iterdir()] == [True]


def test_the_recorder_s_files_pass_warcio_s_checker(tmp_path):
    warc, _ = recorder(tmp_path)
    for n in range(3):
        warc.process_response(*exchange(n))
    warc.spider_closed()
    (path,) = tmp_path.glob("*.warc.gz")
    checked = subprocess.run([sys.executable, "-m", "warcio.cli", "check", "-v", str(path)], capture_output=True,
                             text=True)
    assert checked.returncode == 0 and checked.stdout.count("digest pass") == 1 + 6, checked.stdout


@pytest.mark.parametrize("iso, expected", [
    ("2024-06-25T08:00:00+07:00", "2024-06-25T01:00:00Z"),
    ("2024-01-01T03:00:00+07:00", "2023-12-31T20:00:00Z"),
    ("2024-06-25T01:00:00Z", "2024-06-25T01:00:00Z"),
    ("2024-06-25T01:00:00", "2024-06-25T01:00:00Z"),  # no offset: taken as UTC, never as local time
])
def test_warc_dates_are_utc(iso, expected):
    assert warc_date(iso) == expected
