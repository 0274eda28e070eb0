"""The demo crawl: wall time, pages/s and peak memory, against Scrapy alone.

Each configuration runs in its own process on the same offline mirror into a fresh
archive; peak RSS comes from the kernel's accounting of that process (wait4).
Baseline: the same spider with no item pipelines (Scrapy's own cost of fetching and
navigating the mirror), so the ratio is what our layouts, extractors and archive add.

    .venv/bin/python benchmarks/bench_crawl.py
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import SITES, table

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def pages_fetched(archive: Path) -> int:
    db = sqlite3.connect(archive)
    try:
        return db.execute("SELECT pages_fetched FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()[0]
    finally:
        db.close()


def main() -> None:
    scrapy = [sys.executable, "-m", "scrapy", "crawl", "ctd", "-s", f"CTD_MIRROR={SITES}",
              "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "LOG_LEVEL=WARNING"]
    configs = {
        "scrapy alone (no pipelines)": lambda a: scrapy + ["-s", f"CTD_ARCHIVE={a}", "-s", "ITEM_PIPELINES={}"],
        "ctd demo (whole chain + archive)": lambda a: [sys.executable, "-m", "ctd_crawler.cli", "demo",
                                                       "--archive", str(a)],
    }
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, command in configs.items():
            samples = []
            for i in range(RUNS):
                archive = Path(tmp) / f"{len(results)}-{i}.sqlite"
                samples.append(run(command(archive)))
            results[name] = (min(s for s, _ in samples), max(m for _, m in samples))
        demo_archive = Path(tmp) / "1-0.sqlite"
        pages = pages_fetched(demo_archive)
        articles = sqlite3.connect(demo_archive).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    base_s, base_mem = results["scrapy alone (no pipelines)"]
    rows = [[name, f"{s:.2f}", f"{pages / s:.1f}", f"{s / base_s:.2f}x", f"{mem:.0f}", f"{mem / base_mem:.2f}x"]
            for name, (s, mem) in results.items()]
    print(f"offline mirror: {pages} pages fetched, {articles} articles; best of {RUNS} runs, "
          f"each a fresh process and archive\n")
    print(table(["configuration", "wall s", "pages/s", "time vs scrapy alone", "peak RSS MiB", "memory ratio"],
                rows))


if __name__ == "__main__":
    main()
