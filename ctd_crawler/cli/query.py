"""The analysts' questions: search, people, places, money, export, report (read only).

They open the archive read-only (an archive of an older schema is first migrated, with a
message on stderr); the questions themselves live in ctd_crawler/analysis/.
"""

from __future__ import annotations

import json
import sys

import click

from ctd_crawler.analysis import export as exporting
from ctd_crawler.analysis import facts
from ctd_crawler.analysis import search as searching
from ctd_crawler.analysis.filters import Filters
from ctd_crawler.analysis.output import temporary_beside
from ctd_crawler.cli.errors import UsageProblem
from ctd_crawler.cli.options import (
    archive_option,
    cell,
    echo_note,
    echo_rows,
    filter_options,
    json_option,
    open_db,
    per_article_option,
    quiet_option,
    writable,
)
from ctd_crawler.extract.text import printable
from ctd_crawler.progress import track


@click.command()
@archive_option
@click.argument("text")
@filter_options
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@json_option
def search(archive_path, text, site, since, until, province, limit, as_json):
    """Full-text search of titles and bodies, diacritics and case ignored, best matches first.

    Every word must occur ("chu thap do" finds "Chữ thập đỏ"); punctuation and FTS
    operators in TEXT are searched as plain words. --province keeps articles of a site of
    that province or naming a place in it.

    Example: ctd-archive search "hien mau" --province "Bắc Giang" --since 2019
    """
    db = open_db(archive_path).db
    rows = searching.search(db, text, Filters(site, since, until, province), limit=limit)
    if as_json:
        echo_rows(rows, [], True)
        return
    if not rows:
        click.echo("no articles match")
    for row in rows:
        click.echo(printable(f"{(row['published_at'] or '')[:10]}  {row['site']}  {row['title']}\n  {row['url']}\n"
                   f"  {row['snippet']}\n"))


@click.command()
@archive_option
@filter_options
@click.option("--name", default=None, help="Only people whose name contains this (diacritics ignored).")
@click.option("--titles", is_flag=True, help="List each person's titles over time under them.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 100_000))
@per_article_option
@json_option
def people(archive_path, site, since, until, province, name, titles, limit, per_article, as_json):
    """People by the number of stories that name them (copies of one story on several
    sites count once; --per-article: by mentions, every copy counted), with their latest
    title and first/last dates.

    Example: ctd-archive people --province "Lào Cai" --titles
    """
    db = open_db(archive_path).db
    rows = facts.people(db, Filters(site, since, until, province), name=name, limit=limit, per_article=per_article)
    counted = "mentions" if per_article else "stories"
    if titles:
        for row in rows:
            row["titles"] = facts.person_titles(db, row["person_id"])
    if as_json or not titles:
        echo_rows(rows, ["name", "scope", counted, "articles", "first_date", "last_date", "latest_title"],
                  as_json)
    else:
        for row in rows:
            click.echo(printable(f"{row['name']} ({row['scope'] or 'scope unknown'}): {row[counted]} {counted}, "
                                 f"{row['first_date']} – {row['last_date']}"))
            for t in row["titles"]:
                click.echo(printable(f"    {t['first_date']} – {t['last_date']}  {t['title']}"))
    echo_note(facts.counting_note(per_article), as_json)


@click.command()
@archive_option
@filter_options
@click.option("--level", type=click.Choice(["province", "district", "commune", "village", "region", "country"]))
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@per_article_option
@json_option
def places(archive_path, site, since, until, province, level, limit, per_article, as_json):
    """Places by the number of stories that name them (copies of one story count once;
    --per-article: by mentions), with level, province (then and since 2025) and lat/lon.

    --province keeps places inside that province, by its old or its 2025 name.

    Example: ctd-archive places --province "Lào Cai" --level commune
    """
    db = open_db(archive_path).db
    rows = facts.places(db, Filters(site, since, until, province), level=level, limit=limit, per_article=per_article)
    counted = "mentions" if per_article else "stories"
    echo_rows(rows, ["name", "level", "province", "province_2025", "lat", "lon", counted, "articles"], as_json)
    echo_note(facts.counting_note(per_article), as_json)


@click.command()
@archive_option
@filter_options
@click.option("--by", type=click.Choice(sorted(facts.MONEY_GROUPS)), help="Totals per month, year, province or site.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(0, 100_000))
@per_article_option
@json_option
def money(archive_path, site, since, until, province, by, limit, per_article, as_json):
    """Money figures (latest first) and totals in đồng, counted per story: the copies of
    one story on several sites count once, and so does a figure given twice in one
    article. --per-article counts every copy (each figure once per article).

    Totals add amounts in đồng that are not per-unit prices. --province is the province a
    story is counted under: its chapter's, else its earliest copy's ('national' for an
    article about the whole country; extract/attribution.py). Per story, --since/--until
    are its first publication and --site keeps stories with a copy on that site.

    Example: ctd-archive money --since 2024 --by province
    """
    db = open_db(archive_path).db
    result = facts.money(db, Filters(site, since, until, province), limit=limit, by=by, per_article=per_article)
    if as_json:  # one JSON object per line: the amounts, the groups, then the total
        for kind, rows in (("amount", result["rows"]), ("group", result["groups"] or []),
                           ("total", [result["totals"]])):
            for row in rows:
                click.echo(json.dumps({"kind": kind, **row}, ensure_ascii=False))
        echo_note(facts.counting_note(per_article), True)
        return
    units = result["counted"]
    if limit:
        echo_rows(result["rows"], ["date", "site", "province", "amount_vnd", "currency", "qualifier", "per_unit",
                                   *([] if per_article else ["copies"]), "text", "title"], False, width=48)
    if result["groups"] is not None:
        click.echo("")
        echo_rows(result["groups"], [by, units, "figures", "total_vnd"], False)
    t = result["totals"]
    click.echo(f"\ntotal: {cell(t['total_vnd'] or 0, 40)} đồng in {t[units]} {units} "
               f"({t['figures']} figures; left out: {t['per_unit_figures'] or 0} per-unit, "
               f"{t['other_currency_figures'] or 0} other currency)")
    echo_note(facts.counting_note(per_article), False)


@click.command()
@archive_option
@click.option("--site", default=None, help="Only this site id (see ctd-archive stats).")
@click.option("--since", default=None, metavar="DATE", help="Changed on or after (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, metavar="DATE", help="Changed on or before (YYYY[-MM[-DD]]).")
@json_option
def changes(archive_path, site, since, until, as_json):
    """Articles that changed between crawls, newest change first, with the fields that changed.

    Each earlier version is kept (article_versions); this lists when each was replaced and
    which of title, publication date and body differ from what replaced it.

    Example: ctd-archive changes --since 2026-11-01
    """
    db = open_db(archive_path).db
    rows = facts.changes(db, Filters(site, since, until))
    for row in rows:
        row["fields"] = ", ".join(row["fields"]) if not as_json else row["fields"]
    echo_rows(rows, ["changed_at", "site", "fields", "title", "url"], as_json)


@click.command()
@archive_option
@click.option("--table", "-t", default="v_articles", show_default=True,
              help="A table or view (v_articles: articles joined with their site).")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "warc"]), default="csv",
              show_default=True, help="parquet needs pyarrow (optional); warc: the stored raw pages.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="File to write (default: stdout; required for parquet and warc).")
@filter_options
@quiet_option
@click.pass_context
def export(ctx, archive_path, table, fmt, output, site, since, until, province):
    """Stream a table or view out as CSV, JSON lines or Parquet, in constant memory; or the
    stored raw pages as a WARC 1.1 file (--format warc).

    Filters apply to articles, v_articles and every table with an article_id. Blobs
    (pages.raw) are written base64-encoded in CSV and JSON lines. --format warc writes one
    response record per stored page at its fetch time (the table `pages`; --table does not
    apply); `ctd-archive import` reads it back.

    Example: ctd-archive export --table money --format csv -o money.csv --since 2024
    """
    db = open_db(archive_path).db
    if output:
        output = writable(output, archive_path)
    filters = Filters(site, since, until, province)
    if fmt == "warc":
        return _export_warc(ctx, db, output, filters)
    columns, rows = exporting.export_rows(db, table, filters)
    rows = track(rows, label=f"exporting {table}", total=exporting.export_count(db, table, filters))
    if fmt == "parquet":
        if not output:
            raise click.UsageError("--format parquet needs --output FILE")
        with temporary_beside(output) as tmp:
            n = exporting.write_parquet(tmp, columns, rows)
    else:
        writer = exporting.write_csv if fmt == "csv" else exporting.write_jsonl
        if output:
            with temporary_beside(output) as tmp, open(tmp, "w", encoding="utf-8", newline="") as out:
                n = writer(out, columns, rows)
        else:
            n = writer(sys.stdout, columns, rows)
    click.echo(f"exported {n} rows of {table} as {fmt}" + (f" to {output}" if output else ""), err=True)


def _export_warc(ctx, db, output, filters) -> None:
    from ctd_crawler.webarchive.counts import Counts
    from ctd_crawler.webarchive.export import export_warc, page_rows

    if not output:
        raise UsageProblem("--format warc needs --output FILE.warc.gz")
    if ctx.get_parameter_source("table") is not click.core.ParameterSource.DEFAULT:
        raise UsageProblem("--format warc exports the stored raw pages: --table does not apply")
    counts = Counts()
    rows = page_rows(db, filters)
    n = export_warc(rows, output, counts)  # writes beside, then renames
    left_out = counts.of("export/corrupt_page")
    click.echo(f"exported {n} stored pages as WARC to {output}"
               + (f" ({left_out} left out: their bytes no longer match their sha256)" if left_out else ""), err=True)


@click.command()
@archive_option
@click.option("--since", default=None, metavar="DATE", help="Published on or after (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, metavar="DATE", help="Published on or before (YYYY[-MM[-DD]]).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default="report.html", show_default=True)
@click.option("--top", default=15, show_default=True, type=click.IntRange(1, 200), help="How many people to show.")
@per_article_option
def report(archive_path, since, until, output, top, per_article):
    """One self-contained HTML file of charts: stories and money per month, money per
    province, top people, a map of places, counted per story (copies of one story count
    once; --per-article: every copy). Opens offline (inline SVG, no network).

    Example: ctd-archive report --since 2024 -o report.html
    """
    from ctd_crawler.analysis.report import render_report, report_data

    db = open_db(archive_path).db
    data = report_data(db, Filters(since=since, until=until), top=top, per_article=per_article)
    output = writable(output, archive_path)
    with temporary_beside(output) as tmp:
        tmp.write_text(render_report(data, archive=str(archive_path)), encoding="utf-8")
    t = data["totals"]
    click.echo(f"wrote {output}: {t['articles']} articles in {t['stories']} stories, "
               f"{len(data['places'])} places on the map ({data['note']})")
