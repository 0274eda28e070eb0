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


class OneLineUsage(click.UsageError):
    """A mistake in the command line, said in one line (click's own says the usage first)."""

    def show(self, file=None) -> None:
        command = self.ctx.command_path if self.ctx else "ctd-archive"
        click.echo(f"Error: {self.format_message()} (see {command} --help)", file=file, err=True)


class Commands(click.Group):
    """A command group whose commands' known errors end as one line, never a traceback."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            OneLineUsage(exc.format_message(), exc.ctx).show()
            raise SystemExit(exc.exit_code) from None
        except click.ClickException as exc:
            exc.show()
            raise SystemExit(exc.exit_code) from None
        except click.Abort:
            click.echo("Aborted!", err=True)
            raise SystemExit(1) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except USAGE_ERRORS as exc:
            raise UsageProblem(str(exc)) from None
        except FAILURES as exc:
            raise click.ClickException(str(exc)) from None
