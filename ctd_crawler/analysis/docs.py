"""The archive's own documentation (archive.md, package data): table and column
descriptions for Datasette, and the worked queries with the output they show."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctd_crawler.analysis.output import temporary_beside


def format_value(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else f"{value:.0f}"
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value).replace("\n", " ")


def format_table(columns: list[str], rows: Iterable[tuple]) -> str:
    """Rows as `a | b | c` lines under a header line: what archive.md shows."""
    lines = [" | ".join(columns)]
    lines += [" | ".join(format_value(v) for v in row) for row in rows]
    return "\n".join(lines)


ARCHIVE_DOC = Path(__file__).with_name("archive.md")  # package data: there wherever it is installed
_QUERY = re.compile(r"^### (?P<title>.+?)\n(?P<about>.*?)```sql\n(?P<sql>.+?)```\s*\n+Output:\s*\n+```text\n"
                    r"(?P<output>.*?)```", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class WorkedQuery:
    title: str
    about: str
    sql: str
    output: str


def _section(readme: str | Path, heading: str) -> str:
    """The text of one `## heading` section of the README ('' when there is no README)."""
    path = Path(readme)
    if not path.is_file():
        return ""
    text = path.read_text("utf-8")
    start = text.find(f"\n## {heading}")
    if start < 0:
        return ""
    end = text.find("\n## ", start + 4)
    return text[start: end if end >= 0 else len(text)]


def worked_queries(readme: str | Path = ARCHIVE_DOC) -> list[WorkedQuery]:
    """The worked queries of archive.md (title, text, SQL and the output shown)."""
    return [WorkedQuery(m["title"].strip(), m["about"].strip(), m["sql"].strip(), m["output"].rstrip("\n"))
            for m in _QUERY.finditer(_section(readme, "Worked queries"))]


_TABLE_HEADING = re.compile(r"^### `(?P<name>\w+)`(?:\s*[:—-]\s*(?P<about>.*))?$", re.MULTILINE)
_COLUMN_ROW = re.compile(r"^\| `(?P<column>[\w\"]+)` \| (?P<meaning>.*?) \|\s*$", re.MULTILINE)


def table_docs(readme: str | Path = ARCHIVE_DOC) -> dict[str, tuple[str, dict[str, str]]]:
    """{table: (description, {column: meaning})} from the Tables and Views sections of the README."""
    docs: dict[str, tuple[str, dict[str, str]]] = {}
    for heading in ("Tables", "Views"):
        section = _section(readme, heading)
        heads = list(_TABLE_HEADING.finditer(section))
        for head, nxt in zip(heads, [*heads[1:], None]):
            block = section[head.end(): nxt.start() if nxt else len(section)]
            columns = {m["column"].strip('"'): m["meaning"].strip() for m in _COLUMN_ROW.finditer(block)}
            docs[head["name"]] = ((head["about"] or "").strip(), columns)
    return docs


def query_output(db: sqlite3.Connection, sql: str) -> str:
    """What a worked query prints: its rows as `format_table` shows them."""
    cursor = db.execute(sql)
    return format_table([d[0] for d in cursor.description], cursor.fetchall())


_SHOWN = re.compile(r"(?P<head>```sql\n(?P<sql>.+?)```\s*\n+Output:\s*\n+)```text\n(?P<output>.*?)```", re.DOTALL)


def refresh_outputs(db: sqlite3.Connection, doc: Path = ARCHIVE_DOC) -> int:
    """Put each worked query's real output under it (after a query or the extractors
    changed); returns how many outputs changed."""
    text = doc.read_text("utf-8")
    changed = 0

    def fill(match: re.Match) -> str:
        nonlocal changed
        new = query_output(db, match["sql"].strip())
        changed += new != match["output"].rstrip("\n")
        return f"{match['head']}```text\n{new}\n```"

    start = text.find("\n## Worked queries")
    end = text.find("\n## ", start + 4)
    end = end if end >= 0 else len(text)
    with temporary_beside(doc) as tmp:
        tmp.write_text(text[:start] + _SHOWN.sub(fill, text[start:end]) + text[end:], "utf-8")
    return changed
