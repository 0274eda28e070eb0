"""Web archives: `backfill` (Wayback Machine, Common Crawl) and `import` (WARC files).

Both write to the archive through the one writer and record a run in `crawl_runs`
(kind `backfill` / `import`) with their `ctd/webarchive/...` counters.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import click

from ctd_crawler.cli.errors import UsageProblem
from ctd_crawler.cli.options import archive_option, open_db
from ctd_crawler.progress import log_to_stderr

YEAR = re.compile(r"^\d{4}$")
# what a summary line leads with, in this order; every other counter follows
HEADLINE = ("listed", "fetched", "articles_new", "articles_updated", "articles_unchanged", "articles_version")
# what crawl_runs.errors adds up for a backfill or an import (with every http_status/...)
ERRORS = ("truncated", "corrupt_record", "digest_mismatch", "range_ignored", "short_read", "unreadable_file",
          "unreadable_rest", "undecodable")


def _year(value: str | None, option: str) -> int | None:
    if value is None:
        return None
    if not YEAR.match(value.strip()) or not 1991 <= int(value) <= date.today().year:
        raise UsageProblem(f"{option} {value!r}: expected a year as YYYY, 1991 to {date.today().year}")
    return int(value)


def _open_for_writing(archive_path: str):
    """The archive to write to; a new one is created without the migration messages."""
    if not Path(archive_path).exists():
        from ctd_crawler.store import ArchiveError, open_archive

        try:
            return open_archive(archive_path)
        except (ArchiveError, OSError) as exc:
            raise click.ClickException(f"cannot create {archive_path}: {exc}") from None
    return open_db(archive_path, readonly=False)


def _summary(what: str, counts) -> str:
    ours = counts.ours()
    lead = [f"{ours.pop(k)} {k.replace('articles_', '')}" for k in HEADLINE if k in ours]
    rest = [f"{k} {v}" for k, v in ours.items() if not k.startswith(("requests/", "bytes/", "retries/"))]
    traffic = [f"{k} {v}" for k, v in ours.items() if k.startswith(("requests/", "retries/", "bytes/"))]
    lines = [f"{what}: " + (", ".join(lead) or "nothing to do")]
    if rest:
        lines.append("  counted   " + ", ".join(rest))
    if traffic:
        lines.append("  traffic   " + ", ".join(traffic))
    return "\n".join(lines)


def _finish(archive, run_id: int, counts, status: str, reason: str) -> None:
    from ctd_crawler.extract.dates import now_vn

    archive.finish_run(run_id, finished_at=now_vn(), status=status, finish_reason=reason,
                       pages_fetched=counts.of("fetched") + counts.of("records"),
                       articles_new=counts.of("articles_new"), articles_updated=counts.of("articles_updated"),
                       articles_unchanged=counts.of("articles_unchanged") + counts.of("articles_version"),
                       errors=sum(v for k, v in counts.ours().items() if k in ERRORS or k.startswith("http_status/")),
                       stats=dict(counts))


@click.command()
@archive_option
@click.option("--site", "site_id", required=True, help="The registry's site id (see ctd-archive stats).")
@click.option("--source", type=click.Choice(["wayback", "commoncrawl"]), required=True,
              help="The Wayback Machine, or Common Crawl's crawls.")
@click.option("--from", "year_from", default=None, metavar="YYYY", help="Captures from this year on.")
@click.option("--to", "year_to", default=None, metavar="YYYY", help="Captures up to this year.")
@click.option("--collection", multiple=True, metavar="CC-MAIN-YYYY-WW",
              help="Common Crawl: this crawl (repeatable); default every crawl within --from/--to.")
@click.option("--per-url", default=3, show_default=True, type=click.IntRange(0, 1000),
              help="Archive at most this many distinct captures of each article, newest first (0: all).")
@click.option("--wayback-url", envvar="CTD_WAYBACK_URL", default=None, help="Wayback service [CTD_WAYBACK_URL].")
@click.option("--cc-index-url", envvar="CTD_CC_INDEX_URL", default=None,
              help="Common Crawl index service [CTD_CC_INDEX_URL].")
@click.option("--cc-data-url", envvar="CTD_CC_DATA_URL", default=None,
              help="Common Crawl data service [CTD_CC_DATA_URL].")
@click.option("--interval", default=None, type=click.FloatRange(0), metavar="SECONDS",
              help="Least time between two requests to each service (default: each service's own).")
def backfill(archive_path, site_id, source, year_from, year_to, collection, per_url, wayback_url, cc_index_url,
             cc_data_url, interval):
    """Backfill a site's history from a web archive: the captures of its article pages,
    run through the same layouts and pipelines into the archive.

    Lists the site's captures (Wayback CDX, or Common Crawl's index of each crawl), keeps
    the URLs the site's routing calls articles, fetches each capture raw (Wayback's id_
    replay; a Common Crawl record by byte range) and archives it with its capture time and
    source. The newest readable capture of an article wins; older different ones become
    its older versions; an article the archive has from a live crawl is not duplicated.
    Polite (a rate limit per service, retries with back-off) and resumable: a capture
    already read is not fetched again.

    Example: ctd-archive backfill --site ctd-binhdinh --source wayback --from 2018 --to 2024
    """
    from ctd_crawler import settings
    from ctd_crawler.extract.dates import now_vn
    from ctd_crawler.progress import track
    from ctd_crawler.sites import select_sites
    from ctd_crawler.webarchive import backfill as backfilling
    from ctd_crawler.webarchive.cdx import COLLECTION, CommonCrawlIndex, WaybackCdx
    from ctd_crawler.webarchive.counts import Counts
    from ctd_crawler.webarchive.fetch import CommonCrawlRecords, WaybackReplay
    from ctd_crawler.webarchive.services import ServiceUnavailable, services

    (site,) = select_sites(site_id)  # an unknown id: its one line (cli/errors.py)
    first, last = _year(year_from, "--from"), _year(year_to, "--to")
    if first and last and first > last:
        raise UsageProblem(f"--from {first} is after --to {last}")
    if collection and source != "commoncrawl":
        raise UsageProblem("--collection is for --source commoncrawl")
    for name in collection:
        if not COLLECTION.match(name):
            raise UsageProblem(f"--collection {name!r}: expected a crawl id such as CC-MAIN-2024-33")
    counts = Counts()
    service = services(counts, wayback_url=wayback_url, cc_index_url=cc_index_url, cc_data_url=cc_data_url,
                       interval=interval)  # an address that is no URL: its one line (cli/errors.py)
    log_to_stderr("ctd_crawler.webarchive")
    archive = _open_for_writing(archive_path)
    archive.sync_sites([site])
    run_id = archive.start_run([site.id], now_vn(), kind="backfill")
    hosts = site.allowed_domains or (site.host,)
    try:
        if source == "wayback":
            index = WaybackCdx(service["wayback-cdx"], settings.CTD_WAYBACK_PAGE_SIZE)
            listed = (c for host in hosts for c in index.captures(host, first, last))
            fetch = WaybackReplay(service["wayback-replay"]).fetch
        else:
            index = CommonCrawlIndex(service["cc-index"])
            crawls = list(collection) or index.collections(first, last)
            listed = (c for crawl in crawls for host in hosts for c in index.captures(host, crawl, first, last))
            fetch = CommonCrawlRecords(service["cc-data"]).fetch
        work = backfilling.plan(listed, site, counts)
        def status() -> str:
            return (f"{counts.of('articles_new')} new, {counts.of('articles_updated')} updated, "
                    f"{counts.of('fetched')} fetched")

        backfilling.run(archive, site, source, work, fetch, counts, per_url=per_url,
                        progress=lambda urls: track(urls, label=f"backfill {site.id}", total=work.urls,
                                                    status=status))
    except ServiceUnavailable as exc:
        _finish(archive, run_id, counts, "interrupted", str(exc))
        click.echo(_summary(f"backfill {site.id} from {source} stopped", counts), err=True)
        archive.close()
        raise click.ClickException(f"{exc}; what was archived stays, run again to resume") from None
    except BaseException as exc:
        _finish(archive, run_id, counts, "interrupted", f"{type(exc).__name__}: {exc}")
        archive.close()
        raise
    _finish(archive, run_id, counts, "finished", "finished")
    archive.close()
    click.echo(_summary(f"backfill {site.id} from {source}: {work.urls} article URLs", counts))


@click.command("import")
@archive_option
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--any-host", is_flag=True,
              help="Also pages of hosts outside the registry (each HTML page taken as an article).")
def import_(archive_path, files, any_host):
    """Import WARC files (.warc, .warc.gz, also ARC): every response record of an article
    page goes through the same layouts and pipelines into the archive.

    The registry decides each page's site; hosts outside it are counted and skipped unless
    --any-host. Revisit, truncated and corrupt records and non-HTML pages are counted,
    never archived. A record already imported is not read again.

    Example: ctd-archive import crawl-00001.warc.gz --archive archive/ctd.sqlite
    """
    from ctd_crawler.extract.dates import now_vn
    from ctd_crawler.progress import track
    from ctd_crawler.sites import load_sites
    from ctd_crawler.webarchive.counts import Counts
    from ctd_crawler.webarchive.importer import import_files

    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        raise UsageProblem(f"no such file: {', '.join(missing)}")
    log_to_stderr("ctd_crawler.webarchive")
    counts = Counts()
    archive = _open_for_writing(archive_path)
    archive.sync_sites(load_sites())  # the pages' sites, whichever of the registry they are
    run_id = archive.start_run([], now_vn(), kind="import")
    try:
        result = import_files(archive, [Path(f) for f in files], counts, any_host=any_host,
                              progress=lambda paths: track(paths, label="import", total=len(files),
                                                           status=lambda: f"{counts.of('records')} records"))
    except BaseException as exc:
        _finish(archive, run_id, counts, "interrupted", f"{type(exc).__name__}: {exc}")
        archive.close()
        raise
    _finish(archive, run_id, counts, "failed" if result.problems else "finished",
            "; ".join(result.problems)[:500] or "finished")
    archive.close()
    click.echo(_summary(f"import of {len(files)} file(s)", counts))
    if result.problems:
        for line in result.problems:
            click.echo(f"Error: {line}", err=True)
        sys.exit(1)
