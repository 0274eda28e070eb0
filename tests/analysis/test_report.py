"""`ctd-archive report` in a real headless browser (Debian's chromium): it renders, runs
its one script without console errors, and shows the archive's numbers.

Skips when chromium is absent: CI needs `apt-get install -y chromium` in .ci/run."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess

import pytest
from click.testing import CliRunner

from ctd_crawler.analysis.report import fill_months, fmt_int, fmt_vnd
from ctd_crawler.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")




@pytest.mark.parametrize("n, text", [(0, "0"), (999, "999"), (1300, "1.300"), (5820925300000, "5.820.925.300.000")])
def test_fmt_int(n, text):
    assert fmt_int(n) == text


@pytest.mark.parametrize("n, text", [(500_000, "500.000 đ"), (350_000_000, "350,0 triệu"),
                                     (1_200_000_000, "1,2 tỷ"), (2_451_500_000_000, "2.451,5 tỷ")])
def test_fmt_vnd(n, text):
    assert fmt_vnd(n) == text


def test_fill_months_makes_a_true_time_axis():
    assert fill_months([("2024-11", 2), ("2025-02", 1)]) == [("2024-11", 2), ("2024-12", 0), ("2025-01", 0),
                                                              ("2025-02", 1)]


@pytest.fixture(scope="module")
def report(tmp_path_factory, readme_archive):
    folder = tmp_path_factory.mktemp("report")
    archive = readme_archive
    out = folder / "report.html"
    result = CliRunner().invoke(main, ["report", "--archive", str(archive), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return archive, out


def test_the_report_needs_no_network(report):
    html = report[1].read_text("utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (CI: add `apt-get install -y chromium` "
                                             "to .ci/run)")
def test_the_report_renders_in_headless_chromium_with_the_archives_numbers(report):
    archive, out = report
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--enable-logging=stderr", "--v=0", "--dump-dom", out.as_uri()],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
    conn = sqlite3.connect(archive)
    articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    money = conn.execute(  # each figure once per story (the report's default count)
        "SELECT SUM(amount_vnd) FROM (SELECT DISTINCT a.story_id, m.amount_vnd, m.amount_vnd_max FROM money m "
        "JOIN articles a ON a.id = m.article_id WHERE m.currency = 'VND' AND m.per_unit = 0)").fetchone()[0]
    top = conn.execute("SELECT p.name FROM person_mentions pm JOIN people p ON p.id = pm.person_id "
                       "GROUP BY p.id ORDER BY COUNT(*) DESC, p.name LIMIT 1").fetchone()[0]
    conn.close()
    assert f'data-value="{articles}"' in dom and f"<b>{articles}</b>" in dom
    assert f"{fmt_int(money)} đồng" in dom and "Counted per story" in dom
    assert top in dom
    # the page's script ran in the browser: it counted the charts (4 charts + the map)
    assert re.search(r'id="chart-count">5<', dom)
    assert dom.count("<circle") >= 10
