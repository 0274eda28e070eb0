"""Progress of long work: a log line every CTD_PROGRESS_SECONDS off a terminal, nothing
with --quiet; a bar on a terminal."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from ctd_crawler import progress, settings
from tests.crawling import crawl_command
from tests.paths import SITES


@pytest.fixture(autouse=True)
def loud(monkeypatch):
    monkeypatch.setattr(settings, "CTD_PROGRESS_SECONDS", 0)
    yield
    progress.quiet(False)


def lines_of(items, **kwargs) -> list[str]:
    import logging

    out = io.StringIO()
    handler = logging.StreamHandler(out)
    progress.logger.addHandler(handler)
    progress.logger.setLevel(logging.INFO)
    try:
        assert list(progress.track(items, stream=io.StringIO(), **kwargs)) == list(items)
    finally:
        progress.logger.removeHandler(handler)
    return out.getvalue().splitlines()


@pytest.mark.parametrize("n", [0, 1, 3])
def test_off_a_terminal_a_line_per_period_and_one_at_the_end(n):
    lines = lines_of(list(range(n)), label="exporting", total=n, status=lambda: "ok")
    assert lines == [f"exporting: {i}/{n}, ok" for i in range(1, n + 1)] + [f"exporting: {n}/{n} done, ok"]


def test_quiet_says_nothing_and_still_yields_everything():
    progress.quiet()
    assert lines_of([1, 2, 3], label="x", total=3) == []


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_a_bar():
    out = Terminal()
    assert list(progress.track(range(4), label="re-extracting", total=4, stream=out)) == [0, 1, 2, 3]
    assert "re-extracting" in out.getvalue() and "4/4" in out.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize("quiet", [False, True])
def test_a_crawl_off_a_terminal_logs_its_progress_unless_quiet(tmp_path, quiet):
    command = crawl_command(tmp_path / "ctd.sqlite", SITES, "--site", "ctd-binhdinh", *(["--quiet"] if quiet else []),
                            settings={"CTD_PROGRESS_SECONDS": "0.2"})
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [ln for ln in done.stderr.splitlines() if " INFO crawling: " in ln or " INFO crawled: " in ln]
    assert bool(lines) is not quiet
    assert all("pages, " in ln and " new articles, " in ln and " queued" in ln for ln in lines)
    assert quiet or " INFO crawled: " in lines[-1]  # a last line at the close, however short the crawl


def test_export_reports_its_rows(tmp_path, archive):
    from click.testing import CliRunner

    from ctd_crawler.cli import main
    from tests.conftest import make_item

    archive.save(make_item())
    result = CliRunner().invoke(main, ["export", "--archive", str(archive.path), "--table", "articles",
                                       "--format", "jsonl", "-o", str(tmp_path / "a.jsonl")])
    assert result.exit_code == 0 and "exported 1 rows" in result.output
    assert sys.modules["ctd_crawler.progress"] is progress
