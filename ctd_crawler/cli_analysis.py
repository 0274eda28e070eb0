"""ctd-archive commands for analysts: search, people, places, money, export, reextract, serve, report.

All but `reextract` open the archive read-only (an archive of an older schema is first
migrated, with a message on stderr). The questions themselves live in ctd_crawler/query.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import click

from ctd_crawler import query
from ctd_crawler.query import Filters, QueryError

archive_option = click.option("--archive", "-a", "archive_path", default="archive/ctd.sqlite", show_default=True,
                              envvar="CTD_ARCHIVE", type=click.Path(dir_okay=False), help="The SQLite archive.")


def filter_options(fn):
    for option in reversed([
        click.option("--site", default=None, help="Only this site id (see ctd-archive stats)."),
        click.option("--since", default=None, metavar="DATE", help="Published on or after (YYYY[-MM[-DD]])."),
        click.option("--until", default=None, metavar="DATE", help="Published on or before (YYYY[-MM[-DD]])."),
        click.option("--province", default=None, help="Province name, with or without diacritics."),
    ]):
        fn = option(fn)
    return fn


json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a table.")


def open_db(archive_path: str, *, readonly: bool = True):
    from ctd_crawler.store import open_archive
    from ctd_crawler.store.archive import ArchiveError

    try:
        archive = open_archive(archive_path, readonly=readonly)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None
    for applied in archive.migrated:
        click.echo(f"{archive_path}: migrated to the current schema (applied {applied}); no rows changed", err=True)
    return archive


def run_query(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None


def echo_rows(rows: list[dict[str, Any]], columns: list[str], as_json: bool, *, width: int = 60) -> None:
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not rows:
        click.echo("(no rows)")
        return
    cells = [[_cell(row.get(c), width) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    for r in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())


def _cell(value: Any, width: int) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        text = f"{value:,}".replace(",", ".")
    else:
        text = str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


# -- commands -------------------------------------------------------------------
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
    rows = run_query(query.search, db, text, Filters(site, since, until, province), limit=limit)
    if as_json:
        echo_rows(rows, [], True)
        return
    if not rows:
        click.echo("no articles match")
    for row in rows:
        click.echo(f"{(row['published_at'] or '')[:10]}  {row['site']}  {row['title']}\n  {row['url']}\n"
                   f"  {row['snippet']}\n")


@click.command()
@archive_option
@filter_options
@click.option("--name", default=None, help="Only people whose name contains this (diacritics ignored).")
@click.option("--titles", is_flag=True, help="List each person's titles over time under them.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 100_000))
@json_option
def people(archive_path, site, since, until, province, name, titles, limit, as_json):
    """People by number of mentions, with their latest title and first/last dates.

    Example: ctd-archive people --province "Lào Cai" --titles
    """
    db = open_db(archive_path).db
    rows = run_query(query.people, db, Filters(site, since, until, province), name=name, limit=limit)
    if titles:
        for row in rows:
            row["titles"] = query.person_titles(db, row["person_id"])
    if as_json or not titles:
        echo_rows(rows, ["name", "scope", "mentions", "articles", "first_date", "last_date", "latest_title"],
                  as_json)
        return
    for row in rows:
        click.echo(f"{row['name']} ({row['scope'] or 'scope unknown'}): {row['mentions']} mentions, "
                   f"{row['first_date']} – {row['last_date']}")
        for t in row["titles"]:
            click.echo(f"    {t['first_date']} – {t['last_date']}  {t['title']}")


@click.command()
@archive_option
@filter_options
@click.option("--level", type=click.Choice(["province", "district", "commune", "village", "region", "country"]))
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@json_option
def places(archive_path, site, since, until, province, level, limit, as_json):
    """Places by number of mentions, with level, province (then and since 2025) and lat/lon.

    --province keeps places inside that province, by its old or its 2025 name.

    Example: ctd-archive places --province "Lào Cai" --level commune
    """
    db = open_db(archive_path).db
    rows = run_query(query.places, db, Filters(site, since, until, province), level=level, limit=limit)
    echo_rows(rows, ["name", "level", "province", "province_2025", "lat", "lon", "mentions", "articles"], as_json)


@click.command()
@archive_option
@filter_options
@click.option("--by", type=click.Choice(sorted(query.MONEY_GROUPS)), help="Totals per month, year, province or site.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(0, 100_000))
@json_option
def money(archive_path, site, since, until, province, by, limit, as_json):
    """Money mentioned in articles (latest first) and totals in đồng.

    Totals add amounts in đồng that are not per-unit prices. --province is the province
    an article is counted under: its site's, else that of its first place (v_article_province).

    Example: ctd-archive money --since 2024 --by province
    """
    db = open_db(archive_path).db
    result = run_query(query.money, db, Filters(site, since, until, province), limit=limit, by=by)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    if limit:
        echo_rows(result["rows"], ["date", "site", "province", "amount_vnd", "currency", "qualifier", "per_unit",
                                   "text", "title"], False, width=48)
    if result["groups"] is not None:
        click.echo("")
        echo_rows(result["groups"], [by, "articles", "mentions", "total_vnd"], False)
    t = result["totals"]
    click.echo(f"\ntotal: {_cell(t['total_vnd'] or 0, 40)} đồng in {t['articles']} articles "
               f"({t['mentions']} amounts; left out: {t['per_unit_mentions'] or 0} per-unit, "
               f"{t['other_currency_mentions'] or 0} other currency)")


@click.command()
@archive_option
@click.option("--table", "-t", default="v_articles", show_default=True,
              help="A table or view (v_articles: articles joined with their site).")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv", show_default=True,
              help="parquet needs pyarrow (optional).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="File to write (default: stdout; required for parquet).")
@filter_options
def export(archive_path, table, fmt, output, site, since, until, province):
    """Stream a table or view out as CSV, JSON lines or Parquet, in constant memory.

    Filters apply to articles, v_articles and every table with an article_id. Blobs
    (pages.raw) are written base64-encoded in CSV and JSON lines.

    Example: ctd-archive export --table money --format csv -o money.csv --since 2024
    """
    db = open_db(archive_path).db
    columns, rows = run_query(query.export_rows, db, table, Filters(site, since, until, province))
    if fmt == "parquet":
        if not output:
            raise click.ClickException("--format parquet needs --output FILE")
        n = run_query(query.write_parquet, output, columns, rows)
    else:
        writer = query.write_csv if fmt == "csv" else query.write_jsonl
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                n = writer(out, columns, rows)
        else:
            n = writer(sys.stdout, columns, rows)
    click.echo(f"exported {n} rows of {table} as {fmt}" + (f" to {output}" if output else ""), err=True)


FACT_TABLES = {
    "person_mentions": (("SELECT pe.key, pm.name, pm.honorific, pm.prefix, pm.title, pm.title_expanded, "
                        "pm.organisation, pm.text FROM person_mentions pm JOIN people pe ON pe.id = pm.person_id "
                        "WHERE pm.article_id = ?"), 1),
    "place_mentions": (("SELECT pl.key, pm.text, pl.name, pl.level, pm.resolved FROM place_mentions pm "
                       "JOIN places pl ON pl.id = pm.place_id WHERE pm.article_id = ?"), 1),
    "money": (("SELECT text, amount_vnd, amount_vnd_max, currency, amount, qualifier, per_unit, per, context "
              "FROM money WHERE article_id = ?"), 0),
    "counts": (("SELECT text, value, unit, qualifier FROM counts WHERE article_id = ?"), 0),
    "event_dates": (('SELECT text, start, "end", precision, flag FROM event_dates WHERE article_id = ?'), 0),
}
ARTICLE_FIELDS = ("title", "published_at", "published_text", "author", "lang", "body_text", "layout", "problems")


def fact_snapshot(db, article_id: int) -> dict[str, Counter]:
    return {t: Counter(db.execute(sql, [article_id]).fetchall()) for t, (sql, _) in FACT_TABLES.items()}


def diff_facts(before: Counter, after: Counter, key: int) -> tuple[int, int, int]:
    """(new, changed, removed): a removed and a new row with the same span (key column) is a change."""
    removed, added = before - after, after - before
    keys_removed = Counter(row[key] for row in removed.elements())
    keys_added = Counter(row[key] for row in added.elements())
    changed = sum((keys_removed & keys_added).values())
    return sum(added.values()) - changed, changed, sum(removed.values()) - changed


@click.command()
@archive_option
@click.option("--site", default=None, help="Only the articles of this site id.")
@click.option("--show", default=20, show_default=True, help="List up to this many changed articles.")
def reextract(archive_path, site, show):
    """Run the current layouts and pipelines again over the stored raw pages (no network).

    Replaces each article's facts with what the current code finds and reports the new,
    changed and removed facts per table. Writes to the archive.

    Example: ctd-archive reextract --archive archive/ctd.sqlite
    """
    import logging

    from ctd_crawler.page import parse_page
    from ctd_crawler.pipelines import run_chain
    from ctd_crawler.sites import load_sites, site_for_url

    if not Path(archive_path).is_file():  # opening for writing would create an empty archive
        raise click.ClickException(f"no archive at {archive_path} (run a crawl first: ctd-archive demo)")
    archive = open_db(archive_path, readonly=False)
    db = archive.db
    sites = load_sites()
    where, params = ("WHERE a.site = ?", [site]) if site else ("", [])
    rows = db.execute(
        "SELECT p.article_id, p.url, p.raw, p.content_type, p.fetched_at, p.status, p.etag, p.last_modified, "
        f"a.last_seen FROM pages p JOIN articles a ON a.id = p.article_id {where} ORDER BY p.article_id",
        params).fetchall()
    field_sql = f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles WHERE id = ?"
    totals = {t: [0, 0, 0] for t in FACT_TABLES}
    changed_articles: list[str] = []
    skipped: list[str] = []
    logging.getLogger("ctd_crawler").setLevel(logging.ERROR)  # per-page warnings would break the bar
    with click.progressbar(rows, label="re-extracting", file=sys.stderr, show_pos=True) as bar:
        for article_id, url, raw, content_type, fetched_at, status, etag, last_modified, last_seen in bar:
            try:
                item = parse_page(zlib.decompress(raw), url, site=site_for_url(url, sites),
                                  content_type=content_type, status=status or 200, fetched_at=fetched_at,
                                  etag=etag, last_modified=last_modified)
                item = run_chain(item)
            except Exception as exc:  # noqa: BLE001 - one bad page is reported, never fatal
                skipped.append(f"{url}: {type(exc).__name__}: {exc}")
                continue
            # fetched_at stays the page's for the dates (a year-less "11/3" is read against it),
            # but the article row keeps the last time a crawl saw it.
            item.fetched_at = last_seen
            before, fields_before = fact_snapshot(db, article_id), db.execute(field_sql, [article_id]).fetchone()
            archive.replace_facts(article_id, item)
            after, fields_after = fact_snapshot(db, article_id), db.execute(field_sql, [article_id]).fetchone()
            differs = fields_before != fields_after
            for table, (_, key) in FACT_TABLES.items():
                delta = diff_facts(before[table], after[table], key)
                totals[table] = [a + b for a, b in zip(totals[table], delta)]
                differs = differs or any(delta)
            if differs:
                changed_articles.append(url)
    click.echo(f"re-extracted {len(rows) - len(skipped)} of {len(rows)} stored pages: "
               f"{len(changed_articles)} articles changed, {len(rows) - len(skipped) - len(changed_articles)} unchanged")
    echo_rows([{"table": t, "new": n, "changed": c, "removed": r} for t, (n, c, r) in totals.items()],
              ["table", "new", "changed", "removed"], False)
    for url in changed_articles[:show]:
        click.echo(f"  changed: {url}")
    for line in skipped:
        click.echo(f"  skipped: {line}", err=True)
    archive.close()


def datasette_metadata(db_name: str) -> dict[str, Any]:
    """Datasette metadata: titles, column descriptions (from archive/README.md), facets, canned queries."""
    docs = query.table_docs()
    tables = {}
    for name, (description, columns) in docs.items():
        tables[name] = {"description": description, "columns": columns}
        if name in FACETS:
            tables[name]["facets"] = FACETS[name]
    for name in ("articles_fts", "schema_migrations"):
        tables.setdefault(name, {})["hidden"] = True
    queries = {f"q{i}": {"title": q.title, "sql": q.sql, "description": q.about}
               for i, q in enumerate(query.worked_queries(), 1)}
    return {
        "title": "Hội Chữ thập đỏ news archive",
        "description": "Vietnamese Red Cross news as data: articles, people and titles, places, money, counts, "
                       "event dates. Schema and worked queries: archive/README.md.",
        "license": "Texts belong to their publishers; the extraction is ctd_crawler's.",
        "databases": {db_name: {"tables": tables, "queries": queries}},
    }


FACETS = {"articles": ["site", "lang"], "v_articles": ["site", "month"], "money": ["currency", "qualifier", "per_unit"],
          "places": ["level", "province_2025"], "counts": ["unit"], "event_dates": ["precision"],
          "people": ["scope"], "person_mentions": ["honorific"]}


@click.command()
@archive_option
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--metadata-only", is_flag=True, help="Print Datasette's metadata JSON and exit.")
def serve(archive_path, port, metadata_only):
    """Browse the archive in Datasette, read-only, on 127.0.0.1 only.

    With table and column descriptions, facets and the worked queries of archive/README.md
    as canned queries. Needs Datasette (pip install datasette). Reads go through
    read-only connections and no write endpoints are enabled; the file is not served
    immutable so that a running crawl's new rows show up.

    Example: ctd-archive serve --archive archive/ctd.sqlite --port 8001
    """
    import importlib.util

    open_db(archive_path).close()  # a clear error for a missing or foreign file; migrates an old one
    metadata = datasette_metadata(Path(archive_path).stem)
    if metadata_only:
        click.echo(json.dumps(metadata, ensure_ascii=False, indent=2))
        return
    if importlib.util.find_spec("datasette") is None:
        raise click.ClickException("ctd-archive serve needs Datasette: pip install datasette "
                                   "(the project's optional 'bench' extra)")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(metadata, f, ensure_ascii=False)
    command = [sys.executable, "-m", "datasette", "serve", str(archive_path), "--host", "127.0.0.1",
               "--port", str(port), "--metadata", f.name, "--setting", "sql_time_limit_ms", "5000"]
    click.echo(f"serving {archive_path} read-only on http://127.0.0.1:{port}/ (Ctrl-C stops)", err=True)
    try:
        sys.exit(subprocess.call(command))
    except KeyboardInterrupt:
        pass
    finally:
        Path(f.name).unlink(missing_ok=True)


@click.command()
@archive_option
@click.option("--since", default=None, metavar="DATE", help="Published on or after (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, metavar="DATE", help="Published on or before (YYYY[-MM[-DD]]).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default="report.html", show_default=True)
@click.option("--top", default=15, show_default=True, type=click.IntRange(1, 200), help="How many people to show.")
def report(archive_path, since, until, output, top):
    """One self-contained HTML file of charts: articles and money per month, money per
    province, top people, a map of places. Opens offline (inline SVG, no network).

    Example: ctd-archive report --since 2024 -o report.html
    """
    from ctd_crawler.report import render_report

    db = open_db(archive_path).db
    data = run_query(query.report_data, db, Filters(since=since, until=until), top=top)
    Path(output).write_text(render_report(data, archive=str(archive_path)), encoding="utf-8")
    t = data["totals"]
    click.echo(f"wrote {output}: {t['articles']} articles, {len(data['places'])} places on the map")


COMMANDS = [search, people, places, money, export, reextract, serve, report]
