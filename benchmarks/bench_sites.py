"""Every site of the mirror crawled on its own, twice: with its registry entry as written,
and from its address alone (an entry of id, name, base_url and province; a paper keeps
its topic). Per site: the hand-checked articles the crawl keeps that it found, the pages
it archived that are none of them, the requests it made (robots.txt included) per article
archived, and the wrong calls (an article missed or a non-article kept: each is a page the
crawl did not classify right, or never reached).

Targets (issue 13): >= 95 % found, 0 non-articles, <= 1.5 requests per article.

    .venv/bin/python -m benchmarks.bench_sites
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import EXPECTED, ROOT, SITES, table
from ctd_crawler.crawl.urls import canonical_url
from ctd_crawler.sites import entry_toml, load_sites

ADDRESS_ONLY = ("id", "name", "base_url", "province", "topic")


def kept_articles(host: str) -> set[str]:
    found = set()
    for path in (EXPECTED / host).rglob("*.json"):
        truth = json.loads(path.read_text("utf-8"))
        if not truth.get("off_topic"):
            found.add(canonical_url(truth["url"]))
    return found


def crawl(site, registry: Path, archive: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "ctd_crawler.cli", "crawl", "--archive", str(archive),
                           "--mirror", str(SITES), "--sites", str(registry), "--site", site.id,
                           "--log-level", "ERROR"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    if done.returncode not in (0, 3):
        sys.exit(f"crawl of {site.id} failed:\n{done.stderr[-2000:]}")
    db = sqlite3.connect(archive)
    stats = json.loads(db.execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()[0])
    urls = {r[0] for r in db.execute("SELECT url FROM articles")}
    db.close()
    return {"urls": urls, "requests": stats.get("downloader/request_count", 0)}


def measure(site, entry: dict, tmp: Path) -> list:
    registry = tmp / f"{site.id}.toml"
    registry.write_text(entry_toml(entry), "utf-8")
    got = crawl(site, registry, tmp / f"{site.id}-{len(entry)}.sqlite")
    want = kept_articles(site.host)
    found, extra = len(want & got["urls"]), len(got["urls"] - want)
    return [f"{found}/{len(want)}", extra, got["requests"],
            f"{got['requests'] / len(got['urls']):.2f}" if got["urls"] else "-", len(want - got["urls"]) + extra]


def main() -> None:
    sites = [s for s in load_sites() if (SITES / s.host).is_dir()]
    rows, totals = [], {"registry": [0, 0, 0, 0, 0], "address": [0, 0, 0, 0, 0]}
    with tempfile.TemporaryDirectory() as tmp:
        for site in sites:
            entry = {k: v for k, v in vars(site).items() if v not in (None, (), "") and k not in ("evidence", "notes")}
            entry = {k: list(v) if isinstance(v, tuple) else v for k, v in entry.items()}
            for label, fields in (("registry", entry), ("address", {k: v for k, v in entry.items()
                                                                      if k in ADDRESS_ONLY})):
                row = measure(site, fields, Path(tmp))
                rows.append([site.id, label, *row])
                found, want = map(int, row[0].split("/"))
                archived = found + row[1]
                for i, n in enumerate((found, want, row[1], row[2], archived)):
                    totals[label][i] += n
    for label, (found, want, extra, requests, archived) in totals.items():
        rows.append(["all", label, f"{found}/{want} ({found / want:.0%})", extra, requests,
                     f"{requests / archived:.2f}" if archived else "-", want - found + extra])
    print(table(["site", "entry", "found / kept", "non-articles", "requests", "requests / article", "wrong"], rows))


if __name__ == "__main__":
    main()
