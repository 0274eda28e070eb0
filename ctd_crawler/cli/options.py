"""What the commands share: their options, the archive opener, user errors as one line,
and rows printed as a table or as JSON lines."""

from __future__ import annotations

import json
from typing import Any

import click

from ctd_crawler.extract.text import printable

archive_option = click.option("--archive", "-a", "archive_path", default="archive/ctd.sqlite", show_default=True,
                              envvar="CTD_ARCHIVE", type=click.Path(dir_okay=False), help="The SQLite archive.")
sites_option = click.option("--sites", "registry", default=None, envvar="CTD_SITES", type=click.Path(dir_okay=False),
                            help="A registry file instead of the package's ctd_crawler/sites.toml.")
def _set_quiet(ctx, param, value: bool) -> bool:
    from ctd_crawler import progress

    progress.quiet(value)
    return value


quiet_option = click.option("--quiet", "-q", is_flag=True, expose_value=False, callback=_set_quiet,
                            help="No progress bar, no progress lines.")
json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a table.")
per_article_option = click.option(
    "--per-article", is_flag=True,
    help="Count every copy of a story (the count before stories); by default the copies of one story on "
         "several sites count once.")


def filter_options(fn):
    for option in reversed([
        click.option("--site", default=None, help="Only this site id (see ctd-archive stats)."),
        click.option("--since", default=None, metavar="DATE", help="Published on or after (YYYY[-MM[-DD]])."),
        click.option("--until", default=None, metavar="DATE", help="Published on or before (YYYY[-MM[-DD]])."),
        click.option("--province", default=None, help="Province name, with or without diacritics."),
    ]):
        fn = option(fn)
    return fn


def open_db(archive_path: str, *, readonly: bool = True):
    from ctd_crawler.store import open_archive

    archive = open_archive(archive_path, readonly=readonly)
    for applied in archive.migrated:
        click.echo(f"{archive_path}: migrated to the current schema (applied {applied}); no rows changed", err=True)
    for note in archive.notes:
        click.echo(note, err=True)
    if any(applied.endswith(": stories") for applied in archive.migrated):
        click.echo(f"{archive_path}: each article is its own story until `ctd-archive stories rebuild` groups "
                   "the copies", err=True)
    return archive


def echo_rows(rows: list[dict[str, Any]], columns: list[str], as_json: bool, *, width: int = 60) -> None:
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not rows:
        click.echo("(no rows)")
        return
    cells = [[cell(row.get(c), width) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    for r in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())


def cell(value: Any, width: int) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        text = f"{value:,}".replace(",", ".")
    else:
        text = printable(str(value)).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def writable(output: str, archive_path: str) -> str:
    """--output, checked: never the archive being read nor any SQLite file."""
    from ctd_crawler.analysis.output import check_output

    check_output(output, reading=archive_path)
    return output


def echo_note(note: str, as_json: bool) -> None:
    """How the figures were counted: last line of a table, on stderr beside JSON lines."""
    click.echo(f"({note})" if not as_json else f"# {note}", err=as_json)
