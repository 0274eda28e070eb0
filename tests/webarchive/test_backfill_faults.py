"""Backfill's bad input and unreliable services: one clear line each, nothing archived lost."""

from __future__ import annotations

import json
import socket
import sqlite3

import pytest
from click.testing import CliRunner

from ctd_crawler import settings
from ctd_crawler.cli import main
from ctd_crawler.webarchive.counts import Counts
from ctd_crawler.webarchive.services import Politeness, Service, ServiceUnavailable
from tests.webarchive.data import article_pages, as_captured, capture
from tests.webarchive.server import WebArchiveServer

SITE = "ctd-bacgiang"
PAGES = article_pages(SITE)


@pytest.fixture(autouse=True)
def quick_backoff(monkeypatch):
    monkeypatch.setattr(settings, "CTD_WEBARCHIVE_BACKOFF", 0.01)
    monkeypatch.setattr(settings, "CTD_WEBARCHIVE_RETRIES", 2)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def backfill(archive, *args):
    return CliRunner().invoke(main, ["backfill", "--archive", str(archive), "--interval", "0", *args])


@pytest.mark.parametrize("args, message", [
    (["--site", "nope", "--source", "wayback"], "unknown site id(s): nope; known ids:"),
    (["--site", SITE, "--source", "wayback", "--from", "19x9"], "--from '19x9': expected a year as YYYY"),
    (["--site", SITE, "--source", "wayback", "--to", "2999"], "--to '2999': expected a year as YYYY"),
    (["--site", SITE, "--source", "wayback", "--from", "2024", "--to", "2019"], "--from 2024 is after --to 2019"),
    (["--site", SITE, "--source", "wayback", "--collection", "CC-MAIN-2024-33"], "--collection is for --source"),
    (["--site", SITE, "--source", "commoncrawl", "--collection", "2024"], "expected a crawl id"),
    (["--site", SITE, "--source", "wayback", "--wayback-url", "ftp://x"], "is not an http(s) URL"),
])
def test_bad_input_is_one_clear_line_before_anything_is_written(tmp_path, args, message):
    archive = tmp_path / "ctd.sqlite"
    result = backfill(archive, *args)
    assert result.exit_code == 2 and message in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert not archive.exists()


@pytest.mark.parametrize("source, option", [("wayback", "--wayback-url"), ("commoncrawl", "--cc-index-url")])
def test_an_unreachable_service_is_one_clear_line(tmp_path, source, option):
    url = f"http://127.0.0.1:{free_port()}"
    result = backfill(tmp_path / "ctd.sqlite", "--site", SITE, "--source", source, option, url)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and url in errors[0] and "connection refused (after 3 tries)" in errors[0]
    db = sqlite3.connect(tmp_path / "ctd.sqlite")
    assert db.execute("SELECT kind, status FROM crawl_runs").fetchall() == [("backfill", "interrupted")]


def test_an_unknown_crawl_is_one_clear_line(tmp_path):
    with WebArchiveServer(commoncrawl={"CC-MAIN-2023-40": [capture(as_captured(PAGES[0][0]), "20230901000000",
                                                                   PAGES[0][1])]}) as server:
        result = backfill(tmp_path / "ctd.sqlite", "--site", SITE, "--source", "commoncrawl", "--cc-index-url",
                          server.url, "--cc-data-url", server.url, "--collection", "CC-MAIN-2019-04")
    assert result.exit_code == 1 and "has no index CC-MAIN-2019-04" in result.output


def test_a_busy_service_is_retried_with_back_off_and_counted(tmp_path):
    caps = [capture(as_captured(u), "20240101000000", b) for u, b in PAGES[:3]]
    with WebArchiveServer(caps) as server:
        server.faults["/cdx/search/cdx"] = (503, 2)
        server.faults[f"/web/20240101000000id_/{as_captured(PAGES[0][0])}"] = (429, 1)
        result = backfill(tmp_path / "ctd.sqlite", "--site", SITE, "--source", "wayback", "--wayback-url",
                          server.url)
    assert result.exit_code == 0, result.output
    db = sqlite3.connect(tmp_path / "ctd.sqlite")
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs").fetchone()[0])
    assert stats["ctd/webarchive/retries/wayback-cdx"] == 2
    assert stats["ctd/webarchive/retries/wayback-replay"] == 1
    assert stats["ctd/webarchive/articles_new"] == 3


def test_a_service_that_fails_mid_run_stops_it_and_keeps_what_was_archived(tmp_path):
    caps = [capture(as_captured(u), "20240101000000", b) for u, b in PAGES[:4]]
    archive = tmp_path / "ctd.sqlite"
    with WebArchiveServer(caps) as server:
        third = sorted(as_captured(u) for u, _ in PAGES[:4])[2]
        server.faults[f"/web/20240101000000id_/{third}"] = (503, 99)
        first = backfill(archive, "--site", SITE, "--source", "wayback", "--wayback-url", server.url)
        assert first.exit_code == 1 and "did not answer: HTTP 503" in first.output
        assert "run again to resume" in first.output
        kept = sqlite3.connect(archive).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert kept == 2
        server.faults.clear()
        replay_before = server.hits["web"]
        second = backfill(archive, "--site", SITE, "--source", "wayback", "--wayback-url", server.url)
        assert second.exit_code == 0, second.output
        assert server.hits["web"] - replay_before == 2  # only what was missing
    db = sqlite3.connect(archive)
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 4
    assert [r[0] for r in db.execute("SELECT status FROM crawl_runs ORDER BY id")] == ["interrupted", "finished"]


def test_progress_off_a_terminal_is_a_log_line(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "CTD_PROGRESS_SECONDS", 0)
    caps = [capture(as_captured(u), "20240101000000", b) for u, b in PAGES[:3]]
    with WebArchiveServer(caps) as server:
        result = backfill(tmp_path / "ctd.sqlite", "--site", SITE, "--source", "wayback", "--wayback-url",
                          server.url)
    lines = [line for line in result.stderr.splitlines() if f"backfill {SITE}:" in line and " INFO " in line]
    assert [line.split(f"backfill {SITE}: ")[1].split(",")[0] for line in lines] == ["1/3", "2/3", "3/3", "3/3 done"]


class _Clock:
    """Time that passes only when the service sleeps."""

    def __init__(self):
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.slept.append(round(seconds, 6))
        self.now += seconds

    def time(self) -> float:
        return self.now


def test_the_interval_between_requests_is_kept(tmp_path):
    with WebArchiveServer([]) as server:
        clock = _Clock()
        service = Service("wayback-cdx", server.url, Politeness(interval=5.0, retries=0), Counts(), sleep=clock,
                          clock=clock.time)
        for _ in range(3):
            service.get("/cdx/search/cdx", params={"url": "x/*", "output": "json"})
    assert clock.slept == [5.0, 5.0]


def test_retry_after_is_obeyed_and_the_back_off_doubles(tmp_path):
    with WebArchiveServer([]) as server:
        server.faults["/cdx/search/cdx"] = (429, 2, "7")
        clock = _Clock()
        service = Service("wayback-cdx", server.url, Politeness(interval=0, retries=3, backoff=1.0), Counts(),
                          sleep=clock, clock=clock.time)
        assert service.get("/cdx/search/cdx", params={"url": "x/*"}).status_code == 200
    assert clock.slept == [7.0, 7.0]  # the server's Retry-After wins over the back-off
    with WebArchiveServer([]) as server:
        server.faults["/cdx/search/cdx"] = (500, 9, None)
        clock = _Clock()
        service = Service("wayback-cdx", server.url, Politeness(interval=0, retries=3, backoff=1.0), Counts(),
                          sleep=clock, clock=clock.time)
        with pytest.raises(ServiceUnavailable, match="HTTP 500 \\(after 4 tries\\)"):
            service.get("/cdx/search/cdx")
    assert clock.slept == [1.0, 2.0, 4.0]  # no Retry-After: the back-off doubles
