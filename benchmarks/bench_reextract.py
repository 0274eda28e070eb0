"""`ctd-archive reextract` at scale: one process against worker processes, and the dry run.

    python -m benchmarks.bench_reextract                   # 10,000 stored pages under /tmp
    python -m benchmarks.bench_reextract --pages 2000 --pages 20000

The archive: the demo crawl's stored pages, each copied under a new URL with its paragraphs
replaced by sentences drawn from all the demo's articles (real markup of every layout, real
sentences and facts, no two copies the same story). It is re-extracted once to give every
article its facts and story, as an archive a crawl wrote would have them; then each measured
run is `ctd-archive reextract` in a fresh process on a copy of it (start-up included).
Baseline: the same command with --workers 1 (extraction and writing in one process), in
the same run. Peak RSS is the largest process's (os.wait4).
"""

from __future__ import annotations

import argparse
import html
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import zlib
from pathlib import Path

from benchmarks.common import measured

_PARAGRAPH = re.compile(rb"(<p\b[^>]*>)(.*?)(</p>)", re.S | re.I)


def cli(*args: str) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one ctd-archive command in a fresh process."""
    took, _, rss = measured([sys.executable, "-m", "ctd_crawler.cli", *args, "--quiet"])
    return took, rss


def build(folder: Path, pages: int, seed: int = 5) -> Path:
    demo = folder / "demo.sqlite"
    cli("demo", "--archive", str(demo))
    path = folder / f"re-{pages}.sqlite"
    shutil.copy(demo, path)
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    sentences = [s.strip() for (body,) in conn.execute("SELECT body_text FROM articles")
                 for s in re.split(r"(?<=[.!?])\s+", body) if len(s.strip()) > 30]
    article_cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] not in ("id", "url", "story_id")]
    page_cols = [r[1] for r in conn.execute("PRAGMA table_info(pages)") if r[1] not in ("id", "article_id", "url",
                                                                                        "raw")]
    originals = conn.execute("SELECT a.id, a.url, p.raw FROM articles a JOIN pages p ON p.article_id = a.id "
                             "ORDER BY a.id").fetchall()
    for n in range(pages - len(originals)):
        article_id, url, raw = originals[n % len(originals)]
        page = _PARAGRAPH.sub(lambda m: m.group(1) + html.escape(rng.choice(sentences)).encode() + m.group(3),
                              zlib.decompress(raw))
        new_url = f"{url}{'&' if '?' in url else '?'}copy={n}"
        new_id = conn.execute(f"INSERT INTO articles (url, {', '.join(article_cols)}) SELECT ?, "
                              f"{', '.join(article_cols)} FROM articles WHERE id = ?", [new_url, article_id]).lastrowid
        conn.execute(f"INSERT INTO pages (article_id, url, raw, {', '.join(page_cols)}) SELECT ?, ?, ?, "
                     f"{', '.join(page_cols)} FROM pages WHERE article_id = ?",
                     [new_id, new_url, zlib.compress(page), article_id])
    conn.commit()
    conn.close()
    cli("reextract", "--archive", str(path))  # facts and stories, as a crawl would have left them
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, action="append", help="archive sizes (default 10000)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-reextract-"))
    try:
        print("| stored pages | run | time | pages/s | ratio to --workers 1 | peak RSS |")
        print("|---|---|---|---|---|---|")
        for pages in args.pages or [10_000]:
            built = build(tmp, pages)
            baseline = None
            for label, extra in (("--workers 1", ["--workers", "1"]), ("--workers 2", ["--workers", "2"]),
                                 ("--workers 2 --dry-run", ["--workers", "2", "--dry-run"])):
                copy = tmp / "run.sqlite"
                shutil.copy(built, copy)
                took, rss = cli("reextract", "--archive", str(copy), *extra)
                baseline = baseline or took
                print(f"| {pages:,} | {label} | {took:.1f} s | {pages / took:.0f} | {took / baseline:.2f}x | "
                      f"{rss:.0f} MiB |", flush=True)
                copy.unlink()
            built.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
