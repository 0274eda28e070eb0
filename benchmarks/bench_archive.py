"""The archive at scale: a synthetic archive of N articles (default 1,000,000) made from
the demo archive's vocabulary, then size on disk, full-text search latency, the
money-by-province view, export throughput with peak memory, and reextract speed.

    python -m benchmarks.bench_archive                  # 1,000,000 articles under /tmp
    python -m benchmarks.bench_archive --articles 200000 --keep /tmp/big.sqlite

Synthetic articles are shuffles of the demo's real sentences, titles, people, places,
money and counts, so word frequencies and fact densities look like the crawl's. The
file is written under /tmp and deleted unless --keep. Baselines named in the output:
search is compared with a LIKE scan of the same words over `articles.body_text`
(measured on a sample), export with a bare `SELECT *` iteration.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ctd_crawler.analysis import export, search
from ctd_crawler.extract.text import fold
from ctd_crawler.store import open_archive

ROOT = Path(__file__).resolve().parent.parent
BATCH = 20_000


def demo_archive(folder: Path) -> Path:
    path = folder / "demo.sqlite"
    subprocess.run([sys.executable, "-m", "ctd_crawler.cli", "demo", "--archive", str(path)], check=True,
                   capture_output=True, cwd=ROOT, timeout=600)
    return path


def vocabulary(demo: Path) -> dict:
    db = open_archive(demo, readonly=True).db
    sentences = [s.strip() for (body,) in db.execute("SELECT body_text FROM articles")
                 for s in re.split(r"(?<=[.!?])\s+", body) if len(s.strip()) > 30]
    return {
        "sentences": sentences,
        "titles": [r[0] for r in db.execute("SELECT title FROM articles WHERE title IS NOT NULL")],
        "sites": [r[0] for r in db.execute("SELECT id FROM sites")],
        "people": db.execute("SELECT key, name, scope FROM people").fetchall(),
        "titles_of_people": [r[0] for r in db.execute("SELECT DISTINCT title FROM person_mentions WHERE title IS NOT NULL")],
        "places": db.execute("SELECT key, name, level, code, province, province_2025, lat, lon FROM places").fetchall(),
        "money": db.execute("SELECT amount_vnd, currency, amount, qualifier, per_unit, context, text FROM money").fetchall(),
        "counts": db.execute("SELECT value, unit, qualifier, text FROM counts").fetchall(),
    }


def generate(path: Path, n: int, vocab: dict, seed: int = 7) -> float:
    """Write n synthetic articles with facts; returns seconds."""
    rng = random.Random(seed)
    started = time.perf_counter()
    archive = open_archive(path)
    conn = archive.db.conn
    conn.execute("PRAGMA synchronous=OFF")
    conn.executemany("INSERT INTO sites (id, name, province, base_url, family) VALUES (?, ?, ?, ?, 'generic')",
                     [(s, s, None, f"https://{s}.example") for s in vocab["sites"]])
    conn.executemany("INSERT INTO people (id, key, name, scope) VALUES (?, ?, ?, ?)",
                     [(i, *p) for i, p in enumerate(vocab["people"], 1)])
    conn.executemany("INSERT INTO places (id, key, name, level, code, province, province_2025, lat, lon) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [(i, *p) for i, p in enumerate(vocab["places"], 1)])
    conn.commit()
    n_people, n_places = len(vocab["people"]), len(vocab["places"])
    for start in range(1, n + 1, BATCH):
        articles, fts, people, places, money, counts = [], [], [], [], [], []
        for i in range(start, min(start + BATCH, n + 1)):
            title = rng.choice(vocab["titles"])
            body = "\n\n".join(rng.sample(vocab["sentences"], rng.randint(3, 7)))
            day = f"{rng.randint(2010, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            articles.append((i, f"https://synthetic.example/{i}.html", rng.choice(vocab["sites"]), title, day,
                             "vi", body, f"{i:064x}", "generic", day, day))
            fts.append((i, title, body, fold(f"{title}\n{body}")))
            for _ in range(rng.randint(0, 3)):
                people.append((i, rng.randint(1, n_people), rng.choice(vocab["titles_of_people"])))
            for _ in range(rng.randint(1, 4)):
                places.append((i, rng.randint(1, n_places), 1))
            for _ in range(rng.randint(0, 2)):
                money.append((i, *rng.choice(vocab["money"])))
            for _ in range(rng.randint(0, 2)):
                counts.append((i, *rng.choice(vocab["counts"])))
        conn.executemany("INSERT INTO articles (id, url, site, title, published_at, lang, body_text, content_hash, "
                         "layout, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?,?,?)", articles)
        conn.executemany("INSERT INTO articles_fts (rowid, title, body, folded) VALUES (?,?,?,?)", fts)
        conn.executemany("INSERT INTO person_mentions (article_id, person_id, title) VALUES (?,?,?)", people)
        conn.executemany("INSERT INTO place_mentions (article_id, place_id, resolved) VALUES (?,?,?)", places)
        conn.executemany("INSERT INTO money (article_id, amount_vnd, currency, amount, qualifier, per_unit, context,"
                         " text) VALUES (?,?,?,?,?,?,?,?)", money)
        conn.executemany("INSERT INTO counts (article_id, value, unit, qualifier, text) VALUES (?,?,?,?,?)", counts)
        conn.commit()
        print(f"  generated {min(start + BATCH - 1, n):,} articles ({time.perf_counter() - started:.0f} s)",
              file=sys.stderr, end="\r")
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()
    print(file=sys.stderr)
    return time.perf_counter() - started


def search_queries(vocab: dict, k: int = 100, seed: int = 11) -> list[str]:
    """k queries of 1-3 words taken from real sentences: common and rare words alike."""
    rng = random.Random(seed)
    out = []
    while len(out) < k:
        words = re.findall(r"[^\W\d_]{3,}", rng.choice(vocab["sentences"]))
        if len(words) >= 3:
            i = rng.randrange(len(words) - 2)
            out.append(" ".join(words[i: i + rng.randint(1, 3)]))
    return out


def latency(fn, items) -> tuple[float, float]:
    times = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="keep the synthetic archive at this path")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ctd-bench-", dir="/tmp"))
    try:
        demo = demo_archive(tmp)
        vocab = vocabulary(demo)
        big = args.keep or tmp / "big.sqlite"
        seconds = generate(big, args.articles, vocab)
        size = big.stat().st_size
        print(f"synthetic archive: {args.articles:,} articles in {seconds:.0f} s; {size / 1e9:.2f} GB on disk "
              f"({size / args.articles / 1024:.1f} KiB/article)")

        archive = open_archive(big, readonly=True)
        db = archive.db
        queries = search_queries(vocab)
        folded = [fold(q) for q in queries]
        med, p95 = latency(lambda q: search.search(db, q, limit=20), queries)
        print(f"search (top 20 by rank, snippets), 100 queries with diacritics:    median {med:.1f} ms, p95 {p95:.1f} ms")
        med, p95 = latency(lambda q: search.search(db, q, limit=20), folded)
        print(f"search (top 20 by rank, snippets), 100 queries without diacritics: median {med:.1f} ms, p95 {p95:.1f} ms")
        med_like, _ = latency(lambda q: db.execute("SELECT id FROM articles WHERE body_text LIKE ? LIMIT 20",
                                                   [f"%{q.split()[0]}%"]).fetchall(), queries[:10])
        print(f"  baseline: LIKE '%word%' over body_text (first 20 hits), 10 queries: median {med_like:.1f} ms")
        t = time.perf_counter()
        rows = db.execute("SELECT * FROM v_money_by_province_month").fetchall()
        print(f"v_money_by_province_month: {len(rows):,} rows in {time.perf_counter() - t:.2f} s")

        rss0 = peak_rss_mb()
        t = time.perf_counter()
        n = sum(1 for _ in db.conn.execute("SELECT * FROM v_articles"))
        bare = time.perf_counter() - t
        print(f"  baseline: iterate SELECT * FROM v_articles: {n / bare:,.0f} rows/s")
        out = tmp / "export.csv"
        columns, rows_iter = export.export_rows(db, "v_articles")
        marks = {}
        t = time.perf_counter()

        def watched():
            for i, row in enumerate(rows_iter, 1):
                if i in (100_000, args.articles):
                    marks[i] = peak_rss_mb()
                yield row
        with open(out, "w", encoding="utf-8", newline="") as f:
            n = export.write_csv(f, columns, watched())
        took = time.perf_counter() - t
        print(f"export v_articles to CSV: {n:,} rows in {took:.1f} s = {n / took:,.0f} rows/s "
              f"({out.stat().st_size / 1e9:.2f} GB); peak RSS before {rss0:.0f} MB, "
              + ", ".join(f"at {k:,} rows {v:.0f} MB" for k, v in sorted(marks.items())))
        archive.close()

        copy = tmp / "demo-re.sqlite"
        shutil.copy(demo, copy)
        n_pages = open_archive(copy, readonly=True).db.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ctd_crawler.cli", "reextract", "--archive", str(copy)], check=True,
                       capture_output=True, cwd=ROOT)
        took = time.perf_counter() - t
        print(f"reextract on the demo archive: {n_pages} pages in {took:.1f} s = {n_pages / took:.1f} articles/s "
              f"(including process start-up)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
