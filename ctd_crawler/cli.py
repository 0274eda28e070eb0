"""ctd-archive: the command line of the archive.

Every command has help with an example (`ctd-archive COMMAND --help`).
"""

from __future__ import annotations

import json
import sys
import urllib.request
from pathlib import Path

import click

from ctd_crawler.cli_analysis import archive_option
from ctd_crawler.mirror import DEFAULT_ROOT
from ctd_crawler.sites import site_for_url


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ctd_crawler")
def main() -> None:
    """The archive of Vietnamese Red Cross news: crawl, extract, query.

    Example: ctd-archive demo
    """


@main.command()
@archive_option
@click.option("--mirror", type=click.Path(exists=True, file_okay=False), default=str(DEFAULT_ROOT),
              show_default=True, help="Folder of saved sites served on loopback.")
@click.option("--site", default=None, help="Comma-separated site ids (default: all).")
@click.option("--log-level", default="WARNING", show_default=True)
def demo(archive_path: str, mirror: str, site: str | None, log_level: str) -> None:
    """Crawl the offline mirror of every registry site into the archive, then print a summary.

    Serves fixtures/sites on a free loopback port and runs the real spider, layouts and
    pipelines over it; the archive records the real URLs. Idempotent: a second run
    finds every article unchanged.

    Example: ctd-archive demo --archive archive/ctd.sqlite
    """
    from ctd_crawler.crawl import crawl
    from ctd_crawler.summary import crawl_summary

    spider_args = {"site": site} if site else {}
    result = crawl(archive_path, mirror=mirror, log_level=log_level, **spider_args)
    click.echo(crawl_summary(result))
    if result.stats.get("finish_reason") != "finished":
        sys.exit(1)


@main.command("crawl")
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
    from ctd_crawler.crawl import crawl
    from ctd_crawler.summary import crawl_summary

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
        from ctd_crawler.crawl import project_settings
        from ctd_crawler.spiders.ctd import spider_arguments

        spider_arguments(site, since, None, project_settings(**overrides).get("CTD_SITES") or None)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    result = crawl(archive_path, mirror=mirror, log_level=log_level, settings=overrides, **spider_args)
    click.echo(crawl_summary(result))
    if result.stats.get("finish_reason") != "finished":
        sys.exit(1)
    if result.stats.get("ctd/checks_failed"):
        sys.exit(3)


@main.command()
@click.argument("source")
@click.option("--url", default=None, help="The page's real URL (picks the site's layout and the date base).")
@click.option("--indent", default=2, show_default=True, type=int)
def extract(source: str, url: str | None, indent: int) -> None:
    """Run the layouts and the whole pipeline chain on one page; print its extraction JSON.

    SOURCE is a saved file or an http(s) URL. A file under fixtures/sites/<host>/ gets
    its real URL from its path. Nothing is archived.

    Example: ctd-archive extract 'fixtures/sites/chuthapdobacgiang.org.vn/tin-tuc/chi-tiet.aspx@id=1856'
    """
    from ctd_crawler.extract.encoding import UndecodablePage
    from ctd_crawler.page import parse_page
    from ctd_crawler.pipelines import run_chain

    content_type = None
    if source.startswith(("http://", "https://")):
        request = urllib.request.Request(source, headers={"User-Agent": "ctd_crawler/0.1 (ctd-archive extract)"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body, content_type = response.read(), response.headers.get("Content-Type")
        except OSError as exc:
            raise click.ClickException(f"cannot fetch {source}: {exc}") from None
        url = url or source
    else:
        path = Path(source)
        if not path.is_file():
            raise click.ClickException(f"no such file: {source}")
        body = path.read_bytes()
        url = url or fixture_url(path) or path.resolve().as_uri()
    try:
        item = parse_page(body, url, site=site_for_url(url), content_type=content_type)
    except UndecodablePage as exc:
        raise click.ClickException(f"{source}: {exc}") from None
    item = run_chain(item)
    click.echo(json.dumps(item.extraction(), ensure_ascii=False, indent=indent or None, default=str))


@main.command()
@archive_option
def stats(archive_path: str) -> None:
    """Counts per site and per crawl run.

    Example: ctd-archive stats --archive archive/ctd.sqlite
    """
    from ctd_crawler.cli_analysis import open_db
    from ctd_crawler.summary import archive_stats

    click.echo(archive_stats(open_db(archive_path)))


@main.command()
@archive_option
def migrate(archive_path: str) -> None:
    """Bring an archive to the current schema (never drops rows).

    Example: ctd-archive migrate --archive archive/ctd.sqlite
    """
    from ctd_crawler.cli_analysis import open_db

    if not open_db(archive_path, readonly=False).migrated:  # open_db reports what it applied
        click.echo("schema is current")


def fixture_url(path: Path) -> str | None:
    """The real URL of a file saved under fixtures/sites/<host>/ (inverse of mirror.file_for)."""
    try:
        rel = path.resolve().relative_to(DEFAULT_ROOT)
    except ValueError:
        return None
    host, *rest = rel.parts
    name = "/".join(rest)
    name, _, query = name.partition("@")
    if name.endswith("index.html"):
        name = name[: -len("index.html")]
    return f"https://{host}/{name}" + (f"?{query}" if query else "")


# The analysts' commands (search, people, places, money, export, reextract, serve, report).
from ctd_crawler.cli_analysis import COMMANDS as _ANALYSIS_COMMANDS  # noqa: E402

for _command in _ANALYSIS_COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":
    main()
