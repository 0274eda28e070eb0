"""User errors as one line: what to fix, exit status 2; a failure (the network, the disk),
exit status 1. The one place that decides which exceptions are the user's to fix."""

from __future__ import annotations

import click

from ctd_crawler.analysis.filters import QueryError
from ctd_crawler.analysis.output import OutputError
from ctd_crawler.crawl.fetch import BadAddress, FetchError
from ctd_crawler.crawl.run import CrawlSetupError
from ctd_crawler.sites import RegistryError
from ctd_crawler.store import ArchiveError

# Something in the command line or the files it names: the message says what to fix.
USAGE_ERRORS = (RegistryError, ArchiveError, QueryError, OutputError, CrawlSetupError, BadAddress)
# Something outside the user's input went wrong.
FAILURES = (FetchError,)


class UsageProblem(click.ClickException):
    exit_code = 2


class Commands(click.Group):
    """A command group whose commands' known errors end as one line, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except USAGE_ERRORS as exc:
            raise UsageProblem(str(exc)) from None
        except FAILURES as exc:
            raise click.ClickException(str(exc)) from None
