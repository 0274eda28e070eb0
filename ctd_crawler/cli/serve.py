"""`serve`: the archive in Datasette, read-only, with its table docs and worked queries."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from ctd_crawler.analysis.docs import table_docs, worked_queries
from ctd_crawler.cli.options import archive_option, open_db


def datasette_metadata(db_name: str) -> dict[str, Any]:
    """Datasette metadata: titles, column descriptions (from archive/README.md), facets, canned queries."""
    docs = table_docs()
    tables = {}
    for name, (description, columns) in docs.items():
        tables[name] = {"description": description, "columns": columns}
        if name in FACETS:
            tables[name]["facets"] = FACETS[name]
    for name in ("articles_fts", "schema_migrations"):
        tables.setdefault(name, {})["hidden"] = True
    queries = {f"q{i}": {"title": q.title, "sql": q.sql, "description": q.about}
               for i, q in enumerate(worked_queries(), 1)}
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
    with tempfile.NamedTemporaryFile("w", suffix=".json", prefix="ctd-datasette-", delete=False,
                                     encoding="utf-8") as f:
        json.dump(metadata, f, ensure_ascii=False)
    command = [sys.executable, "-m", "datasette", "serve", str(archive_path), "--host", "127.0.0.1",
               "--port", str(port), "--metadata", f.name, "--setting", "sql_time_limit_ms", "5000"]
    click.echo(f"serving {archive_path} read-only on http://127.0.0.1:{port}/ (Ctrl-C stops)", err=True)
    sys.exit(_run_until_stopped(command, Path(f.name)))


def _stop(signum, frame):
    raise KeyboardInterrupt


def _run_until_stopped(command: list[str], metadata: Path) -> int:
    """Datasette as a child that ends with us: SIGTERM, SIGHUP and Ctrl-C stop it and remove
    its metadata file (a killed `serve` used to leave Datasette running under PID 1)."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop)
    child = subprocess.Popen(command)
    try:
        return child.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        metadata.unlink(missing_ok=True)
