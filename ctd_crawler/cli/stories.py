"""`ctd-archive stories`: the copies of one event grouped (list them, rebuild them)."""

from __future__ import annotations

from pathlib import Path

import click

from ctd_crawler.cli.errors import UsageProblem
from ctd_crawler.cli.options import archive_option, echo_rows, json_option, open_db, quiet_option
from ctd_crawler.progress import log_to_stderr, track


@click.group()
def stories() -> None:
    """Stories: the articles that report the same event, on one site or several.

    Example: ctd-archive stories list --min-copies 2
    """


@stories.command("list")
@archive_option
@click.option("--min-copies", default=2, show_default=True, type=click.IntRange(1, 10_000),
              help="Only stories with at least this many copies.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 100_000))
@json_option
def list_stories(archive_path, min_copies, limit, as_json):
    """Stories with their copies' sites and languages, and the stories related to them
    (follow-ups), most copies first.

    Example: ctd-archive stories list --min-copies 3
    """
    from ctd_crawler.analysis.filters import dicts

    db = open_db(archive_path).db
    rows = dicts(db.execute(
        "SELECT v.*, (SELECT group_concat(other || ' (' || reason || ')', '; ') FROM ("
        "  SELECT CASE WHEN l.story_id = v.story_id THEN l.related_story_id ELSE l.story_id END AS other, l.reason"
        "  FROM story_links l WHERE v.story_id IN (l.story_id, l.related_story_id) ORDER BY other)) AS related "
        "FROM v_stories v WHERE v.copies >= ? ORDER BY v.copies DESC, v.first_published DESC, v.story_id LIMIT ?",
        [min_copies, limit]))
    echo_rows(rows, ["story_id", "first_published", "province", "copies", "sites", "languages", "title", "related"],
              as_json, width=50)


@stories.command("rebuild")
@archive_option
@quiet_option
def rebuild(archive_path):
    """Group every article of the archive into stories again, in order of publication
    (after an upgrade, or to undo the order a crawl happened to bring articles in).
    One transaction: until it ends, readers see the stories as they were. Writes to the
    archive.

    Example: ctd-archive stories rebuild --archive archive/ctd.sqlite
    """
    if not Path(archive_path).is_file():  # opening for writing would create an empty archive
        raise UsageProblem(f"no archive at {archive_path} (run a crawl first: ctd-archive demo)")
    archive = open_db(archive_path, readonly=False)
    log_to_stderr()
    try:
        done = archive.rebuild_stories(lambda ids: track(ids, label="grouping stories", total=len(ids)))
    finally:
        archive.close()
    click.echo(f"{done['articles']} articles in {done['stories']} stories: {done['joined']} joined a story "
               f"(copies), {done['merged']} stories merged, {done['related']} related stories linked")
