"""The archive itself: `stats`, `migrate` and `reextract`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from ctd_crawler.cli.errors import UsageProblem
from ctd_crawler.cli.options import archive_option, echo_rows, json_option, open_db, quiet_option
from ctd_crawler.extract.text import printable
from ctd_crawler.progress import log_to_stderr, track


@click.command()
@archive_option
@json_option
def stats(archive_path: str, as_json: bool) -> None:
    """Articles per site (first and last publication day) and the latest crawl runs.

    With --json: one JSON object per line, "kind" totals, site or run.

    Example: ctd-archive stats --archive archive/ctd.sqlite
    """
    from ctd_crawler.analysis.facts import archive_stats

    archive = open_db(archive_path)
    data = archive_stats(archive.db)
    totals = archive.totals()
    if as_json:
        click.echo(json.dumps({"kind": "totals", "archive": archive_path, **totals}, ensure_ascii=False))
        for kind, rows in (("site", data["sites"]), ("run", data["runs"])):
            for row in rows:
                click.echo(json.dumps({"kind": kind, **row}, ensure_ascii=False))
        return
    click.echo(f"{archive_path}: " + ", ".join(f"{n} {t}" for t, n in totals.items()) + "\n\narticles per site:")
    for row in data["sites"]:
        click.echo(printable(f"  {row['site']:<16} {row['articles']:>6}  {row['first_date'] or '-':>10} .. "
                             f"{row['last_date'] or '-':<10}  {row['name']}"))
    click.echo("\ncrawl runs (latest 10):")
    for row in data["runs"]:
        click.echo(f"  #{row['run']} {_minute(row['started_at'])} {row['status']:<11} pages {row['pages_fetched']} "
                   f"new {row['articles_new']} updated {row['articles_updated']} unchanged "
                   f"{row['articles_unchanged']} errors {row['errors']}")


def _minute(when: str | None) -> str:
    """A run's start as YYYY-MM-DD HH:MM (Vietnam time, as stored)."""
    return (when or "-")[:16].replace("T", " ")


@click.command()
@archive_option
def migrate(archive_path: str) -> None:
    """Bring an archive to the current schema (never drops rows).

    Example: ctd-archive migrate --archive archive/ctd.sqlite
    """
    if not Path(archive_path).is_file():  # opening for writing would create an empty archive
        raise UsageProblem(f"no archive at {archive_path}: nothing to migrate")
    if not open_db(archive_path, readonly=False).migrated:  # open_db reports what it applied
        click.echo("schema is current")


@click.command()
@archive_option
@click.option("--site", default=None, help="Only the articles of this site id.")
@click.option("--show", default=20, show_default=True, help="List up to this many changed articles.")
@click.option("--workers", default=os.cpu_count() or 1, show_default="the number of cores",
              type=click.IntRange(1, 64), help="Processes extracting pages (one more writes).")
@click.option("--dry-run", is_flag=True, help="Count what would change, write nothing.")
@quiet_option
def reextract(archive_path, site, show, workers, dry_run):
    """Run the current layouts and pipelines again over the stored raw pages (no network).

    Replaces each article's facts with what the current code finds and reports the new,
    changed and removed facts per table, and the people new, renamed (a better spelling)
    and removed (no mention left); an article whose text or facts changed is assigned
    to its story again (`ctd-archive stories rebuild` regroups the whole archive). Writes to the archive,
    one transaction per batch of pages; --dry-run reports the same and writes nothing
    (people are not counted).

    Example: ctd-archive reextract --archive archive/ctd.sqlite --dry-run
    """
    from ctd_crawler.analysis.filters import Filters, check_filters
    from ctd_crawler.store.reextract import reextract as run
    from ctd_crawler.store.reextract import stored_pages

    if not Path(archive_path).is_file():  # opening for writing would create an empty archive
        raise UsageProblem(f"no archive at {archive_path} (run a crawl first: ctd-archive demo)")
    archive = open_db(archive_path, readonly=False)
    check_filters(archive.db, Filters(site=site))  # an unknown site is one line, naming the known ones
    ids = stored_pages(archive, site)
    log_to_stderr()
    outcome = run(archive, ids, lambda items: track(items, label="re-extracting", total=len(ids)),
                  workers=workers, dry_run=dry_run)
    verb = "would change" if dry_run else "changed"
    click.echo(f"{'dry run: ' if dry_run else ''}re-extracted {outcome.pages - len(outcome.skipped)} of "
               f"{outcome.pages} stored pages: {len(outcome.changed)} articles {verb}, {outcome.unchanged} unchanged; "
               f"{outcome.moved} {'would move' if dry_run else 'moved'} to another story")
    people = [] if dry_run else [{"table": "people", "new": outcome.people["new"],
                                  "changed": outcome.people["renamed"], "removed": outcome.people["removed"]}]
    echo_rows([{"table": t, "new": n, "changed": c, "removed": r} for t, (n, c, r) in outcome.facts.items()]
              + people, ["table", "new", "changed", "removed"], False)
    for url in outcome.changed[:show]:
        click.echo(f"  {verb}: {url}")
    for line in outcome.skipped:
        click.echo(f"  skipped: {line}", err=True)
    archive.close()
