"""Tables and views streamed out as CSV, JSON lines or Parquet, in constant memory."""

from __future__ import annotations

import base64
import csv
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import sqlite_utils

from ctd_crawler.analysis.filters import Filters, QueryError, article_conditions, check_filters, where_clause

# FTS5 shadow tables and bookkeeping: not for export.
_INTERNAL = re.compile(r"^(articles_fts_|sqlite_|schema_migrations$)")


def exportable(db: sqlite_utils.Database) -> list[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
    return [r[0] for r in rows if not _INTERNAL.match(r[0]) and r[0] != "articles_fts"]


def export_rows(db: sqlite_utils.Database, table: str, filters: Filters = Filters(), *,
                batch: int = 1000) -> tuple[list[str], Iterator[tuple]]:
    """The columns of a table or view and an iterator over its rows, `batch` at a time from SQLite."""
    columns, condition, params = _selection(db, table, filters)
    cursor = db.conn.execute(f'SELECT * FROM "{table}" {condition}', params)

    def rows() -> Iterator[tuple]:
        while chunk := cursor.fetchmany(batch):
            yield from chunk
    return columns, rows()


def export_count(db: sqlite_utils.Database, table: str, filters: Filters = Filters()) -> int:
    """How many rows export_rows gives (for the progress bar)."""
    _, condition, params = _selection(db, table, filters)
    return db.conn.execute(f'SELECT COUNT(*) FROM "{table}" {condition}', params).fetchone()[0]


def _selection(db: sqlite_utils.Database, table: str, filters: Filters) -> tuple[list[str], str, list]:
    names = exportable(db)
    if table not in names:
        raise QueryError(f"unknown table {table!r}; one of: {', '.join(names)}")
    filters = check_filters(db, filters)
    columns = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
    where, params = article_conditions(filters)
    condition = ""
    if where:
        subquery = f"SELECT a.id FROM articles a LEFT JOIN sites s ON s.id = a.site {where_clause(where)}"
        if "article_id" in columns:
            condition = f"WHERE article_id IN ({subquery})"
        elif table in ("articles", "v_articles"):
            condition = f"WHERE id IN ({subquery})"
        else:
            raise QueryError(f"--site/--since/--until/--province do not apply to {table!r} "
                             "(only to articles, v_articles and tables with an article_id)")
    return columns, condition, params


def _plain(value: Any) -> Any:
    return base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else value


def write_csv(out: IO[str], columns: list[str], rows: Iterable[tuple]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for n, row in enumerate(rows, 1):
        writer.writerow([_plain(v) for v in row])
    return n


def write_jsonl(out: IO[str], columns: list[str], rows: Iterable[tuple]) -> int:
    n = 0
    for n, row in enumerate(rows, 1):
        out.write(json.dumps({c: _plain(v) for c, v in zip(columns, row)}, ensure_ascii=False) + "\n")
    return n


def write_parquet(path: str | Path, columns: list[str], rows: Iterable[tuple], *, batch: int = 10_000) -> int:
    """Parquet through pyarrow (optional), in row groups of `batch` rows so memory stays flat.

    Column types come from the first batch: all ints -> int64, numbers -> float64,
    bytes -> binary, anything else -> string.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise QueryError("--format parquet needs pyarrow (pip install pyarrow); csv and jsonl need nothing") from None
    iterator = iter(rows)
    writer = None
    n = 0
    try:
        while True:
            chunk = [row for _, row in zip(range(batch), iterator)]
            if not chunk and writer is not None:
                break
            if writer is None:
                schema = pa.schema([(c, _arrow_type(pa, [r[i] for r in chunk])) for i, c in enumerate(columns)])
                writer = pq.ParquetWriter(str(path), schema)
            if not chunk:
                break
            arrays = [_arrow_column(pa, schema.field(i).type, [r[i] for r in chunk]) for i in range(len(columns))]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            n += len(chunk)
    finally:
        if writer is not None:
            writer.close()
    return n


def _arrow_type(pa, values: list[Any]):
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, int) for v in present):
        return pa.int64()
    if present and all(isinstance(v, (int, float)) for v in present):
        return pa.float64()
    if present and all(isinstance(v, bytes) for v in present):
        return pa.binary()
    return pa.string()


def _arrow_column(pa, kind, values: list[Any]):
    if kind == pa.string():
        values = [v if v is None or isinstance(v, str) else str(v) for v in values]
    elif kind == pa.float64():
        values = [float(v) if isinstance(v, (int, float)) else None for v in values]
    try:
        return pa.array(values, type=kind)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise QueryError(f"a column changes type part-way ({exc}); export as csv or jsonl instead") from None
