"""Incremental crawls: requests and time of a second run against the first, and peak
memory of crawls of growing synthetic mirrors.

Part 1, the demo mirror (fixtures/sites), one archive, four runs in a row:
  first        a fresh archive (the baseline every ratio is against)
  rerun        right after: listings/sitemaps/feeds were read < CTD_RECHECK_HOURS ago
  nightly      CTD_RECHECK_HOURS=0: every entry page due again, revalidated (304)
  weekly full  --full -s CTD_REFETCH_DAYS=0: every listing read, every article revalidated
Part 2, synthetic mirrors of N articles (generated under /tmp, deleted after): peak RSS
of the first crawl (from wait4) and the nightly run after it. Flat memory: RSS does not
grow with N (seen URLs and fingerprints are on disk, caches are bounded, bodies not kept).

    .venv/bin/python benchmarks/bench_incremental.py [N ...]     # default: 2000 10000
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from benchmarks.common import SITES, measured, table

HOSTS = 4  # synthetic sites, so that per-site politeness limits do not serialise the crawl
PER_LISTING = 20


def crawl(archive: Path, mirror: Path, *args: str, settings: dict | None = None) -> dict:
    command = [sys.executable, "-m", "ctd_crawler.cli", "crawl", "--archive", str(archive), "--mirror", str(mirror),
               "--log-level", "ERROR", *args]
    for name, value in (settings or {}).items():
        command += ["-s", f"{name}={value}"]
    seconds, _, rss = measured(command)
    db = sqlite3.connect(archive)
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()[0])
    articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    db.close()
    return {"seconds": seconds, "rss": rss, "requests": stats.get("downloader/request_count", 0),
            "not_modified": stats.get("ctd/not_modified", 0), "new": stats.get("ctd/articles_new", 0),
            "articles": articles}


def demo_mirror() -> str:
    runs = [("first", (), {}), ("rerun", (), {}), ("nightly", (), {"CTD_RECHECK_HOURS": "0"}),
            ("weekly full", ("--full",), {"CTD_RECHECK_HOURS": "0", "CTD_REFETCH_DAYS": "0"})]
    rows, first = [], None
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        archive = Path(tmp) / "ctd.sqlite"
        for name, args, settings in runs:
            r = crawl(archive, SITES, *args, settings=settings)
            first = first or r
            ratio = f"{first['requests'] / r['requests']:.1f}x" if r["requests"] else "no request"
            rows.append([name, r["requests"], r["not_modified"], r["new"], f"{r['seconds']:.1f}",
                         f"{first['seconds'] / r['seconds']:.1f}x", ratio])
    return table(["run (demo mirror)", "requests", "304", "new articles", "s", "time ratio", "fewer requests"], rows)


ARTICLE = """<html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav><a href="/">Trang chủ</a> <a href="/tin/">Tin tức</a></nav><article><h1>{title}</h1>
<div class="date">Ngày đăng: {day}/{month}/2024</div><div class="content">
<p>Ngày {day}/{month}/2024, Hội Chữ thập đỏ huyện Ba Bể đã trao {n} suất quà cho các hộ nghèo tại xã Nam Mẫu,
mỗi suất trị giá 500.000 đồng. Đồng chí Nguyễn Văn An, Chủ tịch Hội Chữ thập đỏ huyện, dự và trao quà.</p>
<p>Tổng kinh phí của chương trình là {n} triệu đồng, do các nhà hảo tâm trong và ngoài tỉnh ủng hộ.</p>
</div></article><footer>Bản quyền 2024</footer></body></html>"""


def synthetic(root: Path, n: int) -> Path:
    """N articles on HOSTS sites, each with a paginated listing; returns the registry file."""
    entries = []
    for h in range(HOSTS):
        host = f"tonghop{h}.example.vn"
        ids = range(h, n, HOSTS)
        (root / host / "bai").mkdir(parents=True)
        (root / host / "robots.txt").write_text("User-agent: *\nAllow: /\n")
        for i in ids:
            (root / host / "bai" / f"tin-{i}.html").write_text(ARTICLE.format(
                title=f"Trao quà cho hộ nghèo, tin số {i}", day=1 + i % 28, month=1 + i % 12, n=i % 900 + 10), "utf-8")
        ids = list(ids)
        pages = [ids[k:k + PER_LISTING] for k in range(0, len(ids), PER_LISTING)]
        (root / host / "tin").mkdir()
        for p, chunk in enumerate(pages, 1):
            links = "".join(f'<li><a href="/bai/tin-{i}.html">Tin {i}</a></li>' for i in chunk)
            more = f'<a href="/tin/?page={p + 1}">Trang sau</a>' if p < len(pages) else ""
            name = "index.html" if p == 1 else f"index.html@page={p}"
            (root / host / "tin" / name).write_text(f"<html><body><ul>{links}</ul>{more}</body></html>", "utf-8")
        entries.append(f'[[site]]\nid = "tonghop{h}"\nname = "Trang tổng hợp {h}"\nprovince = "Bắc Kạn"\n'
                       f'base_url = "https://{host}"\nallowed_domains = ["{host}"]\nfamily = "generic"\n'
                       f'start_urls = ["https://{host}/tin/"]\narticle_url = "^/bai/"\nlisting_url = "^/tin/"\n')
    registry = root / "sites.toml"
    registry.write_text("\n".join(entries), "utf-8")
    return registry


def memory(sizes: list[int]) -> str:
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
            mirror = Path(tmp) / "sites"
            registry = synthetic(mirror, n)
            settings = {"CTD_SITES": registry, "CTD_MAX_LISTING_PAGES": n, "CONCURRENT_REQUESTS": 16,
                        "CONCURRENT_REQUESTS_PER_DOMAIN": 4}
            archive = Path(tmp) / "ctd.sqlite"
            first = crawl(archive, mirror, settings=settings)
            nightly = crawl(archive, mirror, settings={**settings, "CTD_RECHECK_HOURS": "0"})
            rows.append([f"{n:,}", first["articles"], first["requests"], f"{first['seconds']:.0f}",
                         f"{first['requests'] / first['seconds']:.0f}", f"{first['rss']:.0f}",
                         nightly["requests"], f"{nightly['seconds']:.1f}", f"{nightly['rss']:.0f}"])
            shutil.rmtree(mirror)
    return table(["articles", "archived", "requests", "s", "pages/s", "peak RSS MiB", "nightly requests",
                  "nightly s", "nightly RSS MiB"], rows)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [2000, 10000]
    print(demo_mirror(), flush=True)
    print()
    print(memory(sizes))


if __name__ == "__main__":
    main()
