"""WARC round trips on real crawls of the mirror (slow: crawls in subprocesses).

- the demo archive -> `export --format warc` -> `import` into an empty archive: the same
  articles, pages and facts;
- a crawl with `-s CTD_WARC_DIR=...` -> its WARC files pass warcio's checker, rotate by size,
  hold a request and a response for every response the crawl received, and `import` of them
  into an empty archive gives the crawl's articles and facts.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from ctd_crawler.cli import main
from tests.crawling import last_run, run_crawl, snapshot
from tests.paths import SITES


def warcio_check(*paths) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "warcio.cli", "check", *map(str, paths)], capture_output=True,
                          text=True)


def test_the_demo_archive_survives_export_and_import(readme_archive, tmp_path):
    out = tmp_path / "demo.warc.gz"
    exported = CliRunner().invoke(main, ["export", "--archive", str(readme_archive), "--format", "warc", "-o",
                                         str(out)])
    assert exported.exit_code == 0, exported.output
    assert warcio_check(out).returncode == 0
    empty = tmp_path / "again.sqlite"
    imported = CliRunner().invoke(main, ["import", "--archive", str(empty), str(out)])
    assert imported.exit_code == 0, imported.output
    before, after = snapshot(readme_archive), snapshot(empty)
    assert after["articles"] and after == before


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("warc-crawl")
    archive, warcs = folder / "ctd.sqlite", folder / "warc"
    done = run_crawl(archive, SITES, settings={"CTD_WARC_DIR": str(warcs), "CTD_WARC_MAX_BYTES": "400000"})
    assert done.returncode == 0, done.stderr[-3000:]
    return {"archive": archive, "warcs": sorted(warcs.iterdir()), "run": last_run(archive)}


def test_the_crawl_s_warc_files_pass_warcio_s_checker_and_rotate(crawled):
    files = crawled["warcs"]
    assert len(files) >= 2 and all(f.name.endswith(".warc.gz") for f in files)
    checked = warcio_check(*files)
    assert checked.returncode == 0, checked.stdout[-2000:]


def test_every_response_is_recorded_with_its_request(crawled):
    kinds = {"request": 0, "response": 0}
    for path in crawled["warcs"]:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                kinds[record.rec_type] = kinds.get(record.rec_type, 0) + 1
    stats = crawled["run"]["stats"]
    assert kinds["response"] == kinds["request"] == stats["downloader/response_count"]
    assert kinds["warcinfo"] == len(crawled["warcs"])
    assert stats["ctd/webarchive/warc_responses"] == stats["downloader/response_count"]


def test_importing_the_crawl_s_warc_gives_the_crawl_s_articles(crawled, tmp_path):
    empty = tmp_path / "from-warc.sqlite"
    result = CliRunner().invoke(main, ["import", "--archive", str(empty), *map(str, crawled["warcs"])])
    assert result.exit_code == 0, result.output
    assert snapshot(empty) == snapshot(crawled["archive"])
    db_stats = json.loads(sqlite3.connect(empty).execute("SELECT stats FROM crawl_runs").fetchone()[0])
    assert db_stats["ctd/webarchive/not_article"] > 0  # listings, sitemaps, robots.txt: read, not archived
