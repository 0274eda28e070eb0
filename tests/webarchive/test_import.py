"""`ctd-archive import`: WARC files built here with warcio from the mirror's pages, with the
records a real WARC holds besides responses, and broken ones; then WARC out and in again.

The mixed file holds two sites, as a crawl's WARC does: ctd-bacgiang's six hand-checked
articles each in a faulty record, ctd-binhdinh's six in sound ones, two other pages of
ctd-bacgiang (a category its routing knows for a listing, and its home, whose page says so),
a page of a host outside the registry, and records that are no responses."""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ctd_crawler.cli import main
from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.webarchive.routing import is_article_url
from tests.crawling import snapshot
from tests.webarchive.data import article_pages, not_found_page, other_pages, site
from tests.webarchive.server import Capture, warc_record

BACGIANG = article_pages("ctd-bacgiang")
NHANDAO = article_pages("nhandao")
DATE = "20240510080000"
PDF, GONE, NOT_FOUND, CUT, BAD_DIGEST, REVISITED = (u for u, _ in BACGIANG[:6])
GOOD = article_pages("ctd-binhdinh")
# Two other pages of ctd-bacgiang: its home, read (its page says it is a listing), and a
# category, not read (its routing calls the URL a listing).
HOME = next(p for p in other_pages("ctd-bacgiang") if p[0] == site("ctd-bacgiang").base_url + "/")
CATEGORY = next(p for p in other_pages("ctd-bacgiang")
                if not is_article_url(site("ctd-bacgiang"), canonical_url(p[0])))
# A paper outside the registry, in the CMS of nhandao's pages: one of them under its own address.
FOREIGN = "https://baoquangninh.vn/hoi-chu-thap-do-trao-qua-a123.html"
FOREIGN_PAGE = NHANDAO[0][1].replace(NHANDAO[0][0].encode(), FOREIGN.encode())


def response(writer, url, body, status=200, content_type="text/html; charset=utf-8", **warc_headers):
    http = StatusAndHeaders(f"{status} OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                     http_headers=http, warc_headers_dict={"WARC-Date": "2024-05-10T08:00:00Z",
                                                                           **warc_headers})


def write_warc(path, build, *, gzipped=True):
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzipped, warc_version="1.1")
        for record in build(writer):
            writer.write_record(record)
    return path


def mixed(writer):
    pages = dict(BACGIANG)
    yield writer.create_warcinfo_record("mixed.warc.gz", {"software": "test"})
    for url, body in GOOD:
        yield writer.create_warc_record(url, "request", payload=io.BytesIO(b""), length=0, http_headers=StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", site("ctd-binhdinh").host)], is_http_request=True))
        yield response(writer, url, body)
    yield response(writer, PDF, b"%PDF-1.4 ...", content_type="application/pdf")
    yield response(writer, GONE, b"<html><h1>404</h1></html>", status=404)
    yield response(writer, NOT_FOUND, not_found_page("ctd-bacgiang"))
    yield response(writer, CUT, pages[CUT], **{"WARC-Truncated": "length"})
    yield response(writer, BAD_DIGEST, pages[BAD_DIGEST], **{"WARC-Payload-Digest": "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    yield warc_record(writer, Capture(REVISITED, DATE, pages[REVISITED], record="revisit"))
    yield response(writer, *HOME)
    yield response(writer, *CATEGORY)
    yield response(writer, FOREIGN, FOREIGN_PAGE)
    yield writer.create_warc_record("metadata:x", "metadata", payload=io.BytesIO(b"via: test"), length=9)


def run(archive, *args):
    return CliRunner().invoke(main, ["import", "--archive", str(archive), *args])


def stats(archive):
    db = sqlite3.connect(archive)
    found = json.loads(db.execute("SELECT stats FROM crawl_runs ORDER BY id DESC").fetchone()[0])
    db.close()
    return found


def urls(archive):
    db = sqlite3.connect(archive)
    found = sorted(r[0] for r in db.execute("SELECT url FROM articles"))
    db.close()
    return found


def make_warcs(folder):
    return {"mixed": write_warc(folder / "mixed.warc.gz", mixed),
            "plain": write_warc(folder / "plain.warc", lambda w: (response(w, u, b) for u, b in NHANDAO[:3]),
                                gzipped=False)}


@pytest.fixture
def warcs(tmp_path):
    return make_warcs(tmp_path)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("import")
    found = make_warcs(folder)
    archive = folder / "ctd.sqlite"
    assert run(archive, str(found["mixed"]), str(found["plain"])).exit_code == 0
    return stats(archive)


def test_an_import_archives_the_article_responses_of_registry_sites(tmp_path, warcs):
    archive = tmp_path / "ctd.sqlite"
    result = run(archive, str(warcs["mixed"]), str(warcs["plain"]))
    assert result.exit_code == 0, result.output
    assert urls(archive) == sorted(canonical_url(u) for u, _ in GOOD + NHANDAO[:3])
    db = sqlite3.connect(archive)
    sources = set(db.execute("SELECT c.source FROM pages p JOIN captures c ON c.id = p.capture_id").fetchall())
    assert sources == {("warc",)}
    times = {r[0] for r in db.execute("SELECT fetched_at FROM pages")}
    assert times == {"2024-05-10T15:00:00+07:00"}  # WARC-Date at +07:00
    db.close()


@pytest.mark.parametrize("key, expected", [
    ("non_html", 1), ("http_status/404", 1), ("error_page", 1), ("truncated", 1), ("corrupt_record", 1),
    ("revisit", 1), ("not_article", 1), ("listing", 1), ("unknown_host", 1), ("record/warcinfo", 1),
    ("record/request", len(GOOD)), ("record/metadata", 1), ("articles_new", len(GOOD) + 3), ("unreadable_file", 0),
    ("unreadable_rest", 0),
])
def test_each_record_is_counted(imported, key, expected):
    assert imported.get(f"ctd/webarchive/{key}", 0) == expected


def test_a_second_import_of_the_same_file_reads_nothing_again(tmp_path, warcs):
    archive = tmp_path / "ctd.sqlite"
    run(archive, str(warcs["mixed"]))
    before = snapshot(archive)
    result = run(archive, str(warcs["mixed"]))
    assert result.exit_code == 0
    # archived, and read but not archived (non-HTML, 404, error page, truncated, corrupt, revisit,
    # the home page: a listing)
    assert stats(archive)["ctd/webarchive/already_fetched"] == len(GOOD) + 6 + 1
    assert snapshot(archive) == before


def test_any_host_takes_pages_of_hosts_outside_the_registry(tmp_path, warcs):
    archive = tmp_path / "ctd.sqlite"
    assert run(archive, "--any-host", str(warcs["mixed"])).exit_code == 0
    db = sqlite3.connect(archive)
    site, layout, title = db.execute("SELECT site, layout, title FROM articles WHERE url = ?",
                                     [canonical_url(FOREIGN)]).fetchone()
    assert site is None and layout == "newsportal" and title  # the family its markup shows
    db.close()


def test_a_file_cut_short_keeps_what_came_before_and_says_so_in_one_line(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz", lambda w: (response(w, u, b) for u, b in GOOD[:3]))
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 500])
    archive = tmp_path / "ctd.sqlite"
    result = run(archive, str(cut))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "cut.warc.gz" in errors[0]
    assert urls(archive) == sorted(canonical_url(u) for u, _ in GOOD[:2])
    counted = stats(archive)
    assert counted.get("ctd/webarchive/unreadable_rest", 0) + counted.get("ctd/webarchive/truncated", 0) == 1


def test_a_corrupt_gzip_member_stops_that_file_only(tmp_path, warcs):
    whole = write_warc(tmp_path / "one.warc.gz", lambda w: (response(w, u, b) for u, b in GOOD[:2]))
    data = bytearray(whole.read_bytes())
    with open(whole, "rb") as stream:
        iterator = ArchiveIterator(stream)
        offsets = [iterator.get_record_offset() for _ in iterator]
    data[offsets[1] + 40:offsets[1] + 80] = bytes(40)  # inside the second gzip member
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(bytes(data))
    archive = tmp_path / "ctd.sqlite"
    result = run(archive, str(broken), str(warcs["plain"]))
    assert result.exit_code == 1
    assert canonical_url(GOOD[0][0]) in urls(archive) and canonical_url(GOOD[1][0]) not in urls(archive)
    assert len([u for u in urls(archive) if "nhandaoonline" in u]) == 3  # the next file was imported


@pytest.mark.parametrize("content, message", [
    (b"this is not a WARC file\n", "not a WARC file"),
    (b"", None),  # an empty file: no records, nothing to say
    (gzip.compress(b"GIF89a not a WARC"), "not a WARC file"),
])
def test_an_unreadable_file_is_one_clear_line(tmp_path, content, message):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(content)
    result = run(tmp_path / "ctd.sqlite", str(bad))
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    if message is None:
        assert result.exit_code == 0 and errors == []
    else:
        assert result.exit_code == 1 and len(errors) == 1 and message in errors[0], result.output
        assert "Traceback" not in result.output


def test_a_missing_file_is_one_clear_line_before_anything_is_opened(tmp_path):
    archive = tmp_path / "ctd.sqlite"
    result = run(archive, str(tmp_path / "none.warc.gz"))
    assert result.exit_code == 2 and "no such file" in result.output and not archive.exists()


def test_export_then_import_gives_the_same_articles_and_facts(tmp_path, warcs):
    first = tmp_path / "first.sqlite"
    run(first, str(warcs["mixed"]), str(warcs["plain"]))
    out = tmp_path / "out.warc.gz"
    exported = CliRunner().invoke(main, ["export", "--archive", str(first), "--format", "warc", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    second = tmp_path / "second.sqlite"
    assert run(second, str(out)).exit_code == 0
    assert snapshot(second) == snapshot(first)


def test_what_we_write_passes_warcio_s_checker(tmp_path, warcs):
    first = tmp_path / "first.sqlite"
    run(first, str(warcs["plain"]))
    out = tmp_path / "out.warc.gz"
    CliRunner().invoke(main, ["export", "--archive", str(first), "--format", "warc", "-o", str(out)])
    checked = subprocess.run([sys.executable, "-m", "warcio.cli", "check", "-v", str(out)], capture_output=True,
                             text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("digest pass") == 1 + 3  # warcinfo and each response


def test_a_broken_digest_fails_warcio_s_checker(tmp_path):
    """The checker run above can fail: on a record whose digest lies it does."""
    bad = write_warc(tmp_path / "bad.warc.gz", lambda w: [response(w, GOOD[0][0], GOOD[0][1], **{
        "WARC-Payload-Digest": "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})])
    checked = subprocess.run([sys.executable, "-m", "warcio.cli", "check", str(bad)], capture_output=True, text=True)
    assert checked.returncode != 0


@pytest.mark.parametrize("args, message", [
    (["--format", "warc"], "--format warc needs --output"),
    (["--format", "warc", "-o", "x.warc.gz", "--table", "money"], "--table does not apply"),
    (["--format", "warc", "-o", "x.warc.gz", "--site", "nope"], "unknown site 'nope'"),
])
def test_export_warc_bad_input_is_one_clear_line(tmp_path, warcs, args, message):
    archive = tmp_path / "ctd.sqlite"
    run(archive, str(warcs["plain"]))
    result = CliRunner().invoke(main, ["export", "--archive", str(archive), *args])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
