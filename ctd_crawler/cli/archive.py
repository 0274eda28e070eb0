"""The archive itself: `stats`, `migrate` and `reextract`."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from ctd_crawler.cli.options import archive_option, echo_rows, open_db


@click.command()
@archive_option
def stats(archive_path: str) -> None:
    """Counts per site and per crawl run.

    Example: ctd-archive stats --archive archive/ctd.sqlite
    """
    from ctd_crawler.crawl.summary import archive_stats

    click.echo(archive_stats(open_db(archive_path)))


@click.command()
@archive_option
def migrate(archive_path: str) -> None:
    """Bring an archive to the current schema (never drops rows).

    Example: ctd-archive migrate --archive archive/ctd.sqlite
    """
    if not open_db(archive_path, readonly=False).migrated:  # open_db reports what it applied
        click.echo("schema is current")


@click.command()
@archive_option
@click.option("--site", default=None, help="Only the articles of this site id.")
@click.option("--show", default=20, show_default=True, help="List up to this many changed articles.")
def reextract(archive_path, site, show):
    """Run the current layouts and pipelines again over the stored raw pages (no network).

    Replaces each article's facts with what the current code finds and reports the new,
    changed and removed facts per table; each article is assigned to its story again
    (`ctd-archive stories rebuild` regroups the whole archive). Writes to the archive.

    Example: ctd-archive reextract --archive archive/ctd.sqlite
    """
    from ctd_crawler.store.reextract import reextract as run
    from ctd_crawler.store.reextract import stored_pages

    if not Path(archive_path).is_file():  # opening for writing would create an empty archive
        raise click.ClickException(f"no archive at {archive_path} (run a crawl first: ctd-archive demo)")
    archive = open_db(archive_path, readonly=False)
    rows = stored_pages(archive, site)
    logging.getLogger("ctd_crawler").setLevel(logging.ERROR)  # per-page warnings would break the bar

    def progress(items):
        with click.progressbar(items, label="re-extracting", file=sys.stderr, show_pos=True) as bar:
            yield from bar

    outcome = run(archive, rows, progress)
    click.echo(f"re-extracted {outcome.pages - len(outcome.skipped)} of {outcome.pages} stored pages: "
               f"{len(outcome.changed)} articles changed, {outcome.unchanged} unchanged; "
               f"{outcome.moved} moved to another story")
    echo_rows([{"table": t, "new": n, "changed": c, "removed": r} for t, (n, c, r) in outcome.facts.items()],
              ["table", "new", "changed", "removed"], False)
    for url in outcome.changed[:show]:
        click.echo(f"  changed: {url}")
    for line in outcome.skipped:
        click.echo(f"  skipped: {line}", err=True)
    archive.close()
