"""Human-readable summaries of a crawl and of the archive."""

from __future__ import annotations

import json

from ctd_crawler.crawl.monitor import error_stats
from ctd_crawler.crawl.run import CrawlResult
from ctd_crawler.store.archive import Archive

# what an incremental run did not fetch again, and why (ctd_crawler/crawl/spider.py)
SKIPPED = {"entry_fresh": "listings/sitemaps/feeds read recently", "known_skipped": "articles confirmed recently",
           "lastmod_unchanged": "unchanged by sitemap/feed date", "not_modified": "not modified (304)"}


def crawl_summary(result: CrawlResult) -> str:
    s = result.stats
    ctd = {k[4:]: v for k, v in s.items() if k.startswith("ctd/") and isinstance(v, int)}
    errors = {k.removeprefix("ctd/"): v for k, v in error_stats(s, unusable=True).items()}
    skipped = {k: v for k, v in ctd.items() if k in SKIPPED}
    quality = {k: v for k, v in ctd.items() if k.startswith(("missing_", "layout_fallback", "unresolved_",
                                                             "skipped_", "extract_error", "flagged_"))}
    pages = s.get("downloader/response_count", 0)
    lines = [
        f"Crawl {s.get('finish_reason', '?')} in {result.seconds:.1f} s "
        f"(run #{s.get('ctd/run_id', '?')}, {pages / result.seconds if result.seconds else 0:.1f} pages/s)",
        f"  pages fetched      {pages} ({s.get('downloader/request_count', 0)} requests, "
        f"{s.get('robotstxt/request_count', 0)} robots.txt)",
        f"  articles           {ctd.get('articles_new', 0)} new, {ctd.get('articles_updated', 0)} updated, "
        f"{ctd.get('articles_unchanged', 0)} unchanged",
        f"  errors             {sum(errors.values())}" + (f" ({_fmt(errors)})" if errors else ""),
    ]
    if skipped:
        lines.insert(3, "  not fetched again  " + ", ".join(f"{n} {SKIPPED[k]}" for k, n in sorted(skipped.items())))
    if quality:
        lines.append(f"  counted            {_fmt(quality)}")
    if archive := s.get("ctd/archive"):
        from ctd_crawler.store import open_archive

        db = open_archive(archive, readonly=True)
        run = db.db.execute("SELECT status, checks FROM crawl_runs WHERE id = ?", [s.get("ctd/run_id")]).fetchone()
        if run and run[1]:
            failed = json.loads(run[1])
            lines.append("  checks             " + ("all passed" if not failed else
                                                    f"{len(failed)} FAILED (run {run[0]})\n" +
                                                    "\n".join(f"    - {f}" for f in failed)))
        lines.append(f"  archive            {archive}: {_totals(db)}")
        per_site = db.db.execute("SELECT site, COUNT(*) FROM articles GROUP BY site ORDER BY site").fetchall()
        lines.append("  sites              " + (", ".join(f"{site} {n}" for site, n in per_site) or "(no articles)"))
        db.close()
    return "\n".join(lines)


def _totals(archive: Archive) -> str:
    return ", ".join(f"{n} {t}" for t, n in archive.totals().items())


def _fmt(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
