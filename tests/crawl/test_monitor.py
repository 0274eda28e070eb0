"""End-of-run checks (ctd_crawler/crawl/monitor.py): tables of runs that must and must not fail,
and the non-zero exit of `ctd-archive crawl` when one does."""

from __future__ import annotations

import pytest

from ctd_crawler.crawl.monitor import Thresholds, check_run, report
from tests.crawling import copy_mirror, last_run, run_crawl


def site(name: str, **counts: int) -> dict:
    return {f"ctd/site/{name}/{k}": v for k, v in counts.items()}


HEALTHY = {"downloader/request_count": 100, **site("a", links=20, items=10, dated=10, bodied=10, entries_read=3)}

CASES = [
    # (name, this run, earlier runs (newest first), failure substring or None)
    ("healthy first run", HEALTHY, [], None),
    ("healthy after healthy", HEALTHY, [HEALTHY], None),
    ("unchanged site: only 304s", {"downloader/request_count": 3, **site("a", not_modified=3)}, [HEALTHY], None),
    ("nothing due: entry pages fresh", {**site("a", entries_fresh=3)}, [HEALTHY], None),
    ("site silent after having articles", {"downloader/request_count": 30, **site("a", entries_read=3)}, [HEALTHY],
     "site a: no articles found"),
    ("a first run that found nothing", {"downloader/request_count": 30, **site("a", entries_read=3)}, [],
     "no article was found or confirmed in this run"),
    ("a later run where nothing is alive", {"downloader/request_count": 5}, [{**site("a", entries_read=3)}],
     "no article was found or confirmed in this run"),
    ("every page 404 on a first run", {"downloader/request_count": 8, "ctd/http_error/404": 8,
                                       **site("a", entries_read=0)}, [], "error rate 100%"),
    ("a small first run with few errors", {"downloader/request_count": 8, "ctd/http_error/404": 1,
                                           **site("a", links=5, entries_read=1)}, [], None),
    ("silent: compared with the last run that had links",
     {"downloader/request_count": 30}, [{**site("a", entries_fresh=3)}, HEALTHY], "site a: no articles found"),
    ("error rate over 20%", {**HEALTHY, "ctd/http_error/503": 15, "ctd/timeout": 10}, [HEALTHY], "error rate 25%"),
    ("retries are not pages", {**HEALTHY, "retry/count": 50, "ctd/timeout": 11}, [HEALTHY], "error rate 22%"),
    ("error rate at 20% is fine", {**HEALTHY, "ctd/http_error/404": 20}, [HEALTHY], None),
    ("errors on too few requests to judge", {"downloader/request_count": 5, "ctd/timeout": 5,
                                             **site("a", links=1)}, [HEALTHY], None),
    ("layout lost its dates", {**HEALTHY, **site("a", links=20, items=10, dated=0, bodied=10)}, [HEALTHY],
     "have a publication date"),
    ("layout lost its bodies", {**HEALTHY, **site("a", links=20, items=10, dated=10, bodied=2)}, [HEALTHY],
     "have a body"),
    ("a few undated articles are normal", {**HEALTHY, **site("a", links=20, items=10, dated=7, bodied=10)},
     [HEALTHY], None),
    ("never had dates: nothing to compare", {**HEALTHY, **site("a", links=20, items=10, dated=0, bodied=10)},
     [{**HEALTHY, **site("a", links=20, items=10, dated=1, bodied=10)}], None),
    ("too few articles to judge a layout", {**HEALTHY, **site("a", links=2, items=2, dated=0, bodied=2)},
     [HEALTHY], None),
]


@pytest.mark.parametrize("name, stats, previous, failure", CASES, ids=[c[0] for c in CASES])
def test_checks(name, stats, previous, failure):
    failures = check_run(stats, previous, ["a"])
    if failure is None:
        assert failures == []
    else:
        assert any(failure in f for f in failures), failures


@pytest.mark.parametrize("links, minimum, fails", [(5, 0, False), (5, 5, False), (4, 5, True)])
def test_minimum_number_of_articles(links, minimum, fails):
    stats = {"downloader/request_count": 10, **site("a", links=links, entries_read=1)}
    failures = check_run(stats, [], ["a"], Thresholds(min_articles=minimum))
    assert bool(failures) is fails


def test_report_is_one_summary():
    assert report(7, []) == "crawl run #7: all checks passed"
    text = report(7, ["site a: x", "error rate 30%"])
    assert text.startswith("crawl run #7: 2 check(s) FAILED") and "  - site a: x" in text


@pytest.mark.slow
def test_crawl_exits_non_zero_and_records_a_site_that_went_silent(tmp_path):
    mirror = copy_mirror(tmp_path / "sites")
    archive = tmp_path / "ctd.sqlite"
    assert run_crawl(archive, mirror, "--site", "nhandao").returncode == 0
    # The site moved its home page and its sections: every way in is now a 404.
    for name in ("index.html", "hoat-dong-hoi", "nhan-ai"):
        (mirror / "nhandaoonline.vn" / name).unlink()
    result = run_crawl(archive, mirror, "--site", "nhandao", settings={"CTD_RECHECK_HOURS": "0"})
    assert result.returncode == 3, result.stdout + result.stderr[-2000:]
    run = last_run(archive)
    assert run["status"] == "failed"
    assert any("site nhandao: no articles found" in c for c in run["checks"])
    assert "FAILED" in result.stdout and "no articles found" in result.stdout


@pytest.mark.slow
def test_a_first_crawl_of_a_mirror_with_nothing_fails_its_checks(tmp_path):
    (tmp_path / "mirror").mkdir()
    result = run_crawl(tmp_path / "ctd.sqlite", tmp_path / "mirror", "--site", "vnrc")
    assert result.returncode == 3, result.stdout + result.stderr[-2000:]
    assert "no article was found" in result.stdout and last_run(tmp_path / "ctd.sqlite")["status"] == "failed"
