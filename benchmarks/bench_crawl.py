"""The demo crawl: wall time, pages/s and peak memory, against Scrapy alone.

Each configuration runs in its own process on the same offline mirror into a fresh
archive, the configurations in turns; wall time, CPU time (user + system) and peak RSS come
from the kernel's accounting of that process (wait4). CPU time does not move with the
machine's other load as much as wall time does.
Baseline: the same spider with no item pipelines (Scrapy's own cost of fetching and
navigating the mirror), so the ratio is what our layouts, extractors and archive add.
Both run with this project's modules compiled to bytecode first (as an installed package
is, and as Scrapy's own are): where PYTHONDONTWRITEBYTECODE is set, every run of an
editable checkout would otherwise compile the modules only the demo imports again.

    .venv/bin/python benchmarks/bench_crawl.py
"""

from __future__ import annotations

import compileall
import sqlite3
import sys
import tempfile
from pathlib import Path

from benchmarks.common import SITES, measured, table

RUNS = 5


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
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "ctd_crawler"), quiet=1)
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in configs}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(RUNS):  # the configurations take turns: the machine's other load hits both alike
            for n, (name, command) in enumerate(configs.items()):
                samples[name].append(measured(command(Path(tmp) / f"{n}-{i}.sqlite")))
        demo_archive = Path(tmp) / "1-0.sqlite"
        pages = pages_fetched(demo_archive)
        articles = sqlite3.connect(demo_archive).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    best = {name: (min(w for w, _, _ in runs), min(c for _, c, _ in runs), max(m for _, _, m in runs))
            for name, runs in samples.items()}
    base_s, base_cpu, base_mem = best["scrapy alone (no pipelines)"]
    rows = [[name, f"{s:.2f}", f"{pages / s:.1f}", f"{s / base_s:.2f}x", f"{cpu:.2f}", f"{cpu / base_cpu:.2f}x",
             f"{mem:.0f}", f"{mem / base_mem:.2f}x"] for name, (s, cpu, mem) in best.items()]
    print(f"offline mirror: {pages} pages fetched, {articles} articles; best of {RUNS} runs taken in turns, "
          f"each a fresh process and archive\n")
    print(table(["configuration", "wall s", "pages/s", "time vs scrapy alone", "CPU s", "CPU vs scrapy alone",
                 "peak RSS MiB", "memory ratio"], rows))


if __name__ == "__main__":
    main()
