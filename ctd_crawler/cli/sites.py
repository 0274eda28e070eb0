"""`sites`: the registry of real sites: list it, check a site before adding it, add one."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from ctd_crawler.cli.errors import UsageProblem
from ctd_crawler.cli.options import archive_option, echo_rows, sites_option


@click.group("sites")
def sites_group() -> None:
    """The registry of sites (ctd_crawler/sites.toml, or --sites FILE).

    Example: ctd-archive sites check https://chuthapdo.vinhphuc.gov.vn
    """


@sites_group.command("list")
@sites_option
@archive_option
def list_sites(registry: str | None, archive_path: str) -> None:
    """Every site of the registry, with its family and what the archive holds of it.

    Example: ctd-archive sites list --archive archive/ctd.sqlite
    """
    from ctd_crawler.sites import load_sites

    sites = load_sites(registry_path(registry))
    known = {}
    if Path(archive_path).is_file():
        from ctd_crawler.cli.options import open_db

        archive = open_db(archive_path)
        known = {row[0]: row[1:] for row in archive.db.execute(
            "SELECT s.id, s.family, (SELECT MAX(checked_at) FROM entry_pages e WHERE e.site = s.id),"
            " (SELECT COUNT(*) FROM articles a WHERE a.site = s.id) FROM sites s")}
        archive.close()
    rows = []
    for s in sites:
        family, last, articles = known.get(s.id, (None, None, None))
        rows.append({"id": s.id, "province": s.province, "family": s.family or family or "(from its pages)",
                     "topic": s.topic, "last crawl": last, "articles": articles, "base_url": s.base_url})
    echo_rows(rows, ["id", "province", "family", "topic", "last crawl", "articles", "base_url"], False)


@sites_group.command("check")
@click.argument("url")
@click.option("--mirror", default=None, help="A mirror URL or a folder of saved sites instead of the real site.")
@click.option("--sample", default=5, show_default=True, type=click.IntRange(1, 100), help="Articles to read.")
def check_site(url: str, mirror: str | None, sample: int) -> None:
    """What the crawler makes of a site from its address alone: the sitemaps and feeds it
    finds, the family it recognises, and a few articles with their title, date and facts.
    Nothing is archived; run it before `sites add`.

    Example: ctd-archive sites check https://chuthapdo.vinhphuc.gov.vn
    """
    from ctd_crawler.crawl.run import crawl
    from ctd_crawler.sites import entry_toml, id_for

    base = checked_url(url)
    with tempfile.TemporaryDirectory(prefix="ctd-check-") as tmp:
        registry = Path(tmp) / "sites.toml"
        registry.write_text(entry_toml({"id": id_for(base), "name": id_for(base), "base_url": base}), "utf-8")
        archive = Path(tmp) / "check.sqlite"
        result = crawl(archive, mirror=mirror, log_level="ERROR",
                       settings={"CTD_SITES": str(registry), "CTD_SAMPLE": sample, "CTD_MONITOR_MIN_ARTICLES": 0})
        click.echo(check_report(archive, result.stats, sample))


def check_report(archive_path: Path, stats: dict, sample: int) -> str:
    from ctd_crawler.store import open_archive

    archive = open_archive(archive_path, readonly=True)
    db = archive.db
    family = db.execute("SELECT family FROM sites").fetchone()[0]
    lines = [f"{'family':<16}{family if family != 'auto' else 'none recognised (the generic layout reads it)'}"]
    for kind, label in (("sitemap", "sitemaps"), ("sitemapindex", "sitemap indexes"), ("api", "posts API"),
                        ("feed", "feeds"), ("section", "sections")):
        urls = [r[0] for r in db.execute("SELECT url FROM entry_pages WHERE kind = ? ORDER BY url", [kind])]
        if urls:
            more = f"\n{'':16}… {len(urls) - 8} more" if len(urls) > 8 else ""
            lines.append(f"{label:<16}" + ("\n" + " " * 16).join(urls[:8]) + more)
    kinds = {k: stats.get(f"ctd/{k}", 0) for k in ("listing", "other", "off_topic", "canonical_elsewhere")}
    others = ", ".join(f"{n} {k}" for k, n in kinds.items() if n) or "none"
    lines.append(f"{'pages':<16}{stats.get('downloader/request_count', 0)} requests; not articles: {others}")
    rows = db.execute(
        "SELECT a.title, a.published_at, a.url, (SELECT COUNT(*) FROM person_mentions WHERE article_id = a.id),"
        " (SELECT COUNT(*) FROM place_mentions WHERE article_id = a.id), (SELECT COUNT(*) FROM money WHERE"
        " article_id = a.id), (SELECT COUNT(*) FROM counts WHERE article_id = a.id) FROM articles a ORDER BY a.id"
        " LIMIT ?", [sample]).fetchall()
    lines.append(f"{'articles':<16}{len(rows)} read" + ("" if rows else ": none found, the site cannot be crawled as it is"))
    for title, published, url, people, places, money, counts in rows:
        lines.append(f"  {published or 'no date':<26} {title}\n  {'':<26} {url}\n  {'':<26} "
                     f"{people} people, {places} places, {money} amounts, {counts} counts")
    archive.close()
    return "\n".join(lines)


@sites_group.command("add")
@click.argument("url")
@click.option("--province", default=None, help="The chapter's province as it was before 1 July 2025 (none: national).")
@click.option("--name", default=None, help="The site's name as it calls itself (default: its address).")
@click.option("--id", "site_id", default=None, help="Short id (default: made from the address).")
@sites_option
def add_site_command(url: str, province: str | None, name: str | None, site_id: str | None,
                     registry: str | None) -> None:
    """Add a site to the registry by its address: the crawler finds the rest from its pages.

    Example: ctd-archive sites add https://chuthapdo-x.example.vn --province "Bắc Giang"
    """
    from ctd_crawler.sites import add_site, id_for

    base = checked_url(url)
    fields = {"id": site_id or id_for(base), "name": name or id_for(base), "base_url": base}
    if province:
        fields["province"], fields["province_2025"] = province_of(province)
    path = registry_path(registry)
    site = add_site(path, fields)
    click.echo(f"added {site.id} ({site.base_url}) to {path}")


def checked_url(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageProblem(f"{url!r} is not an http(s) address of a site")
    return f"{parts.scheme}://{parts.netloc}"


def province_of(name: str) -> tuple[str, str]:
    """A province before 1 July 2025, as the gazetteer names it, and the one it is part of since."""
    from ctd_crawler.extract.places.gazetteer import LEGACY, load_gazetteer
    from ctd_crawler.extract.text import fold

    wanted = fold(name).removeprefix("tinh ").removeprefix("thanh pho ").strip()
    units = load_gazetteer().units(LEGACY, "province")
    for unit in units:
        if fold(unit.name) == wanted:
            return unit.name, unit.province_2025 or unit.name
    raise UsageProblem(f"unknown province {name!r} (the 63 provinces before 1 July 2025, e.g. 'Bắc Giang')")


def registry_path(registry: str | None) -> Path:
    from ctd_crawler.sites import REGISTRY

    return Path(registry) if registry else REGISTRY
