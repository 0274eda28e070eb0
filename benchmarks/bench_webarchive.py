"""Web archives on the loopback imitation of the services (tests/webarchive/server.py), every
hand-checked article of the mirror's sites (fixtures/expected) captured three times (an older
text, the page as saved, an identical re-capture), no interval between requests; a paper's
stories off its topic among them, read and not archived:

- Wayback and Common Crawl backfills of each site into one fresh archive: captures listed,
  fetched and archived per second; requests and bytes per archived article; for Common
  Crawl, the bytes fetched by Range requests against the WARC files' sizes;
- baseline: `reextract` of the archive that results (the same layouts and pipelines over
  the same pages, without listing, fetching or WARC reading), in the same run;
- the round trip of the demo archive: `export --format warc`, then `import` into an empty
  archive, against `reextract` of the demo archive.

    .venv/bin/python -m benchmarks.bench_webarchive
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import table
from ctd_crawler.sites import load_sites
from ctd_crawler.store import open_archive
from ctd_crawler.store.reextract import reextract, stored_pages
from ctd_crawler.webarchive import backfill
from ctd_crawler.webarchive.cdx import CommonCrawlIndex, WaybackCdx
from ctd_crawler.webarchive.counts import Counts
from ctd_crawler.webarchive.export import export_warc, page_rows
from ctd_crawler.webarchive.fetch import CommonCrawlRecords, WaybackReplay
from ctd_crawler.webarchive.importer import import_files
from ctd_crawler.webarchive.services import services
from tests.webarchive.data import article_pages, as_captured, capture, older_text
from tests.webarchive.server import WebArchiveServer

ROOT = Path(__file__).resolve().parent.parent


def captures_of(site_id: str, stamps: tuple[str, str, str]) -> list:
    found = []
    for url, body in article_pages(site_id):
        older = older_text(site_id, url, body, strict=False) or body  # a few titles are not UTF-8 bytes
        found += [capture(as_captured(url), stamps[0], older),
                  capture(as_captured(url), stamps[1], body), capture(as_captured(url, www=True), stamps[2], body)]
    return found


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def backfill_all(source: str, server: WebArchiveServer, archive: Path) -> dict:
    counts = Counts()
    service = services(counts, wayback_url=server.url, cc_index_url=server.url, cc_data_url=server.url, interval=0)
    writer = open_archive(archive)
    sites = load_sites()
    writer.sync_sites(sites)
    listing = fetching = 0.0
    for site in sites:
        if source == "wayback":
            index = WaybackCdx(service["wayback-cdx"], page_size=50)
            listed = index.captures(site.host)
            fetch = WaybackReplay(service["wayback-replay"]).fetch
        else:
            index = CommonCrawlIndex(service["cc-index"])
            listed = (c for crawl in index.collections() for c in index.captures(site.host, crawl))
            fetch = CommonCrawlRecords(service["cc-data"]).fetch
        work, seconds = timed(lambda: backfill.plan(listed, site, counts))
        listing += seconds
        _, seconds = timed(lambda: backfill.run(writer, site, source, work, fetch, counts, per_url=0))
        fetching += seconds
    articles = writer.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    rows = stored_pages(writer)
    _, baseline = timed(lambda: reextract(writer, rows))
    writer.close()
    ours = counts.ours()
    archived = sum(ours.get(f"articles_{k}", 0) for k in ("new", "updated", "unchanged", "version"))
    requests = sum(v for k, v in ours.items() if k.startswith("requests/"))
    fetched_bytes = sum(v for k, v in ours.items() if k.startswith("bytes/") and not k.endswith(("cdx", "index")))
    return {"listed": ours.get("listed", 0), "fetched": ours.get("fetched", 0), "archived": archived,
            "articles": articles, "requests": requests, "fetched_bytes": fetched_bytes, "listing_s": listing,
            "fetching_s": fetching, "reextract_s": baseline, "pages": len(rows)}


def demo_round_trip(folder: Path) -> dict:
    demo = folder / "demo.sqlite"
    subprocess.run([sys.executable, "-m", "ctd_crawler.cli", "demo", "--archive", str(demo)], check=True,
                   capture_output=True, cwd=ROOT, timeout=600)
    archive = open_archive(demo, readonly=True)
    out = folder / "demo.warc.gz"
    pages, export_s = timed(lambda: export_warc(page_rows(archive.db), out, Counts()))
    archive.close()
    again = open_archive(folder / "again.sqlite")
    again.sync_sites(load_sites())
    _, import_s = timed(lambda: import_files(again, [out], Counts()))
    again.close()
    writer = open_archive(demo)
    rows = stored_pages(writer)
    _, reextract_s = timed(lambda: reextract(writer, rows))
    writer.close()
    return {"pages": pages, "export_s": export_s, "import_s": import_s, "reextract_s": reextract_s,
            "warc_bytes": out.stat().st_size}


def main() -> None:
    sites = [s.id for s in load_sites()]
    wayback = [c for s in sites for c in captures_of(s, ("20190101000000", "20240101000000", "20250101000000"))]
    commoncrawl = {"CC-MAIN-2019-04": [c for s in sites for c in captures_of(s, ("20190120000000",) * 3)[0::3]],
                   "CC-MAIN-2024-10": [c for s in sites for c in captures_of(s, ("20240301000000",) * 3)[1::3]],
                   "CC-MAIN-2025-05": [c for s in sites for c in captures_of(s, ("20250201000000",) * 3)[2::3]]}
    rows = []
    with tempfile.TemporaryDirectory() as tmp, WebArchiveServer(wayback, commoncrawl, cc_page_size=50) as server:
        warc_total = sum(len(c.data) for c in server.collections.values())
        for source in ("wayback", "commoncrawl"):
            server.requests.clear()
            r = backfill_all(source, server, Path(tmp) / f"{source}.sqlite")
            ranges = [(size, rng) for path, rng, status, size in server.requests if status == 206]
            per_capture = r["fetching_s"] / r["fetched"]
            per_page = r["reextract_s"] / r["pages"]
            rows.append([source, r["listed"], f"{r['listed'] / r['listing_s']:,.0f}", r["fetched"],
                         f"{r['fetched'] / r['fetching_s']:.1f}", r["archived"], r["articles"],
                         f"{r['archived'] / r['fetching_s']:.1f}", f"{r['requests'] / r['articles']:.2f}",
                         f"{r['fetched_bytes'] / r['articles'] / 1024:.1f}",
                         f"{per_capture * 1000:.1f} / {per_page * 1000:.1f} = {per_capture / per_page:.2f}x"])
            if source == "commoncrawl":
                exact = all(size == int(rng.split("-")[1]) - int(rng[6:].split("-")[0]) + 1 for size, rng in ranges)
                cc = (len(ranges), sum(s for s, _ in ranges), warc_total, exact)
        trip = demo_round_trip(Path(tmp))
    print(f"loopback archive: {len(wayback)} Wayback captures, {sum(len(v) for v in commoncrawl.values())} Common "
          f"Crawl records in {len(commoncrawl)} crawls, {len(sites)} sites; intervals 0\n")
    print(table(["source", "listed", "listed/s", "fetched", "fetched/s", "archived", "articles", "archived/s",
                 "requests/article", "KiB fetched/article", "ms per capture / per reextracted page"], rows))
    n, fetched, total, exact = cc
    print(f"\nCommon Crawl: {n} Range requests fetched {fetched:,} bytes of {total:,} bytes of WARC files "
          f"({fetched / total:.2f}); every response exactly its record's length: {exact}")
    print(f"\ndemo archive round trip: {trip['pages']} pages, WARC {trip['warc_bytes'] / 1024:.0f} KiB")
    print(table(["step", "seconds", "pages/s", "vs reextract"], [
        ["export --format warc", f"{trip['export_s']:.2f}", f"{trip['pages'] / trip['export_s']:.0f}",
         f"{trip['export_s'] / trip['reextract_s']:.2f}x"],
        ["import (empty archive)", f"{trip['import_s']:.2f}", f"{trip['pages'] / trip['import_s']:.0f}",
         f"{trip['import_s'] / trip['reextract_s']:.2f}x"],
        ["reextract (baseline)", f"{trip['reextract_s']:.2f}", f"{trip['pages'] / trip['reextract_s']:.0f}",
         "1.00x"]]))


if __name__ == "__main__":
    main()
