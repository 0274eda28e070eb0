"""`extract`: the whole chain on one page, nothing archived."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ctd_crawler.cli.errors import UsageProblem
from ctd_crawler.cli.options import sites_option
from ctd_crawler.crawl.mirror import DEMO_MIRROR, url_of


@click.command()
@click.argument("source")
@click.option("--url", default=None, help="The page's real URL (picks the site's layout and the date base).")
@click.option("--indent", default=2, show_default=True, type=int)
@sites_option
def extract(source: str, url: str | None, indent: int, registry: str | None) -> None:
    """Run the layouts and the whole pipeline chain on one page; print its extraction JSON.

    SOURCE is a saved file or an http(s) URL. A file under fixtures/sites/<host>/ gets
    its real URL from its path. Nothing is archived.

    Example: ctd-archive extract 'fixtures/sites/chuthapdobg.org.vn/ves-portal/1127/PHAT-DONG-THANG-NHAN-DAO-NAM-2017-TAI-HUYEN-LUC-NGAN.html'
    """
    from ctd_crawler.page import UndecodablePage, parse_page
    from ctd_crawler.pipelines import run_chain
    from ctd_crawler.sites import REGISTRY, load_sites, site_for_url

    content_type = None
    if "://" in source:
        from ctd_crawler.crawl.fetch import fetch

        page = fetch(source)
        body, content_type = page.body, page.content_type
        url = url or page.url
    else:
        path = Path(source)
        if not path.is_file():
            raise UsageProblem(f"no such file: {source}")
        body = path.read_bytes()
        url = url or url_of(path, DEMO_MIRROR) or path.resolve().as_uri()
    try:
        item = parse_page(body, url, site=site_for_url(url, load_sites(Path(registry) if registry else REGISTRY)),
                          content_type=content_type)
    except UndecodablePage as exc:
        raise UsageProblem(f"{source}: {exc}") from None
    item = run_chain(item)
    click.echo(json.dumps(item.extraction(), ensure_ascii=False, indent=indent or None, default=str))
