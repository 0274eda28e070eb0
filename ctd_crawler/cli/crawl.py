"""Crawl commands: `demo` (the offline mirror) and `crawl` (what a scheduler runs)."""

from __future__ import annotations

import sys

import click

from ctd_crawler import progress
from ctd_crawler.cli.errors import UsageProblem
from ctd_crawler.cli.options import archive_option, quiet_option, sites_option
from ctd_crawler.crawl.mirror import DEMO_MIRROR


def run_crawl(archive_path: str, *, mirror: str | None, log_level: str, settings: dict | None = None,
              registry: str | None = None, **spider_args: str) -> None:
    """Crawl, print the summary, exit with the status a scheduler reads (0, 1 or 3)."""
    from ctd_crawler.crawl.run import crawl, exit_status
    from ctd_crawler.crawl.summary import crawl_summary

    settings = {**(settings or {}), **({"CTD_SITES": registry} if registry else {}),
                **({"CTD_PROGRESS": False} if progress.is_quiet() else {})}
    result = crawl(archive_path, mirror=mirror, log_level=log_level, settings=settings,
                   **{k: v for k, v in spider_args.items() if v})
    click.echo(crawl_summary(result))
    sys.exit(exit_status(result.stats))


@click.command()
@archive_option
@click.option("--mirror", type=click.Path(file_okay=False), default=str(DEMO_MIRROR), show_default=True,
              help="Folder of saved sites served on loopback (the checkout's, from the project folder).")
@click.option("--site", default=None, help="Comma-separated site ids (default: every site the mirror holds).")
@sites_option
@quiet_option
@click.option("--log-level", default="WARNING", show_default=True)
def demo(archive_path: str, mirror: str, site: str | None, registry: str | None, log_level: str) -> None:
    """Crawl the offline mirror of the registry's sites into the archive, then print a summary.

    Serves fixtures/sites on a free loopback port and runs the real spider, layouts and
    pipelines over it; the archive records the real URLs. Idempotent: a second run
    finds every article unchanged. Exit status as for `crawl`: 0 healthy, 1 the crawl did
    not finish, 3 an end-of-run check failed.

    Example: ctd-archive demo --archive archive/ctd.sqlite
    """
    from pathlib import Path

    if not Path(mirror).is_dir():
        raise UsageProblem(f"no offline mirror at {mirror}: the demo crawls the saved sites of a checkout; "
                           "run it in the project folder, or give --mirror DIR")
    run_crawl(archive_path, mirror=mirror, log_level=log_level, registry=registry, site=site)


@click.command("crawl")
@archive_option
@click.option("--site", default=None, help="Comma-separated site ids (default: all; of a mirror folder, those it holds).")
@sites_option
@click.option("--since", default=None, help="Stop paginating listings older than this date (YYYY-MM-DD).")
@click.option("--full", is_flag=True, help="Read every listing page, even past known articles.")
@click.option("--mirror", default=None, help="A mirror URL or a folder of saved sites instead of the real sites.")
@click.option("--jobdir", default=None, type=click.Path(file_okay=False),
              help="Scrapy JOBDIR: a stopped run resumes from it.")
@click.option("--set", "-s", "settings", multiple=True, metavar="NAME=VALUE", help="A Scrapy/CTD_ setting.")
@click.option("--log-level", default="INFO", show_default=True)
@quiet_option
def crawl_command(archive_path: str, site: str | None, registry: str | None, since: str | None, full: bool,
                  mirror: str | None, jobdir: str | None, settings: tuple[str, ...], log_level: str) -> None:
    """Crawl the registry's sites into the archive: the command a scheduler runs nightly.

    Only what changed since the last run is fetched. Prints the summary and the verdict
    of the end-of-run checks (also in crawl_runs.status/checks). Exit status: 0 healthy,
    1 the crawl did not finish, 3 a check failed (a site went silent, too many errors, a
    layout that stopped yielding dates or bodies, too few articles), 2 a mistake in the
    command line or the files it names (nothing was crawled).

    Example: ctd-archive crawl --archive archive/ctd.sqlite --site vnrc,nhandao
    """
    overrides = {}
    for pair in settings:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageProblem(f"--set expects NAME=VALUE, got {pair!r}")
        overrides[name.strip()] = value
    if jobdir:
        overrides["JOBDIR"] = jobdir
    run_crawl(archive_path, mirror=mirror, log_level=log_level, settings=overrides, registry=registry, site=site,
              since=since, full="1" if full else None)
