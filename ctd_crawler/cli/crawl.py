"""Crawl commands: `demo` (the offline mirror) and `crawl` (what a scheduler runs)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ctd_crawler.cli.options import archive_option
from ctd_crawler.crawl.mirror import DEMO_MIRROR


@click.command()
@archive_option
@click.option("--mirror", type=click.Path(file_okay=False), default=str(DEMO_MIRROR), show_default=True,
              help="Folder of saved sites served on loopback (the checkout's, from the project folder).")
@click.option("--site", default=None, help="Comma-separated site ids (default: all).")
@click.option("--log-level", default="WARNING", show_default=True)
def demo(archive_path: str, mirror: str, site: str | None, log_level: str) -> None:
    """Crawl the offline mirror of every registry site into the archive, then print a summary.

    Serves fixtures/sites on a free loopback port and runs the real spider, layouts and
    pipelines over it; the archive records the real URLs. Idempotent: a second run
    finds every article unchanged.

    Example: ctd-archive demo --archive archive/ctd.sqlite
    """
    from ctd_crawler.crawl.run import crawl
    from ctd_crawler.crawl.summary import crawl_summary

    if not Path(mirror).is_dir():
        raise click.ClickException(f"no offline mirror at {mirror}: the demo crawls the saved sites of a checkout; "
                                   "run it in the project folder, or give --mirror DIR")
    spider_args = {"site": site} if site else {}
    result = crawl(archive_path, mirror=mirror, log_level=log_level, **spider_args)
    click.echo(crawl_summary(result))
    if result.stats.get("finish_reason") != "finished":
        sys.exit(1)


@click.command("crawl")
@archive_option
@click.option("--site", default=None, help="Comma-separated site ids (default: all).")
@click.option("--since", default=None, help="Stop paginating listings older than this date (YYYY-MM-DD).")
@click.option("--full", is_flag=True, help="Read every listing page, even past known articles.")
@click.option("--mirror", default=None, help="A mirror URL or a folder of saved sites instead of the real sites.")
@click.option("--jobdir", default=None, type=click.Path(file_okay=False),
              help="Scrapy JOBDIR: a stopped run resumes from it.")
@click.option("--set", "-s", "settings", multiple=True, metavar="NAME=VALUE", help="A Scrapy/CTD_ setting.")
@click.option("--log-level", default="INFO", show_default=True)
def crawl_command(archive_path: str, site: str | None, since: str | None, full: bool, mirror: str | None,
                  jobdir: str | None, settings: tuple[str, ...], log_level: str) -> None:
    """Crawl the registry's sites into the archive: the command a scheduler runs nightly.

    Only what changed since the last run is fetched. Prints the summary and the verdict
    of the end-of-run checks (also in crawl_runs.status/checks). Exit status: 0 healthy,
    1 the crawl did not finish, 3 a check failed (a site went silent, too many errors, a
    layout that stopped yielding dates or bodies, too few articles).

    Example: ctd-archive crawl --archive archive/ctd.sqlite --site vnrc,nhandao
    """
    from ctd_crawler.crawl.run import crawl, project_settings
    from ctd_crawler.crawl.spider import spider_arguments
    from ctd_crawler.crawl.summary import crawl_summary

    overrides = {}
    for pair in settings:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="--set")
        overrides[name.strip()] = value
    if jobdir:
        overrides["JOBDIR"] = jobdir
    spider_args = {k: v for k, v in (("site", site), ("since", since), ("full", "1" if full else None)) if v}
    try:  # a bad site id or date: the message, not a traceback from inside the crawl
        spider_arguments(site, since, None, project_settings(**overrides).get("CTD_SITES") or None)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    result = crawl(archive_path, mirror=mirror, log_level=log_level, settings=overrides, **spider_args)
    click.echo(crawl_summary(result))
    if result.stats.get("finish_reason") != "finished":
        sys.exit(1)
    if result.stats.get("ctd/checks_failed"):
        sys.exit(3)
