"""ctd-archive: the command line of the archive, thin commands over the library.

Every command has help with an example (`ctd-archive COMMAND --help`).
"""

from __future__ import annotations

import click

from ctd_crawler.cli import archive, crawl, pages, query, serve, sites, stories, webarchive
from ctd_crawler.cli.errors import Commands


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ctd_crawler")
def main() -> None:
    """The archive of Vietnamese Red Cross news: crawl, extract, query.

    Example: ctd-archive demo
    """


for command in (crawl.demo, crawl.crawl_command, pages.extract, archive.stats, archive.migrate, archive.reextract,
                query.search, query.people, query.places, query.money, query.changes, query.export, query.report,
                serve.serve, sites.sites_group, stories.stories, webarchive.backfill, webarchive.import_):
    main.add_command(command)
