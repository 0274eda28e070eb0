"""Read-only questions to the archive: search, people, places, money, export, report data.

Every function takes an open `sqlite_utils.Database` (opened read-only by the CLI) and
only reads. User input never becomes SQL: values are bound parameters, a table name is
checked against the archive's own list, and a search string is folded and split into
words that are each quoted as an FTS5 phrase, so quotes, `*`, `NEAR`, `--` or
`'; DROP TABLE` are searched for as words (or dropped as punctuation), never run.

Error policy: bad input (unknown site or province, a malformed date, nothing left to
search for, an unknown table) raises `QueryError` with a message for the user.
"""

from __future__ import annotations

import base64
import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import sqlite_utils

from ctd_crawler.extract.text import fold, fold_aligned

MAX_WORDS = 32
CANDIDATES = 1000  # search ranks the newest this many matches (all of them in most searches)
_WORD = re.compile(r"[^\W_]+")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# FTS5 shadow tables and bookkeeping: not for export.
_INTERNAL = re.compile(r"^(articles_fts_|sqlite_|schema_migrations$)")


class QueryError(ValueError):
    """Bad input to a query, with a message meant for the user."""


@dataclass(frozen=True)
class Filters:
    """Which articles a question is about. Dates are YYYY, YYYY-MM or YYYY-MM-DD, inclusive."""

    site: str | None = None
    since: str | None = None
    until: str | None = None
    province: str | None = None


# -- filters -------------------------------------------------------------------
def check_filters(db: sqlite_utils.Database, filters: Filters) -> Filters:
    """Validate the filters; the province comes back under its name as stored."""
    for name in ("since", "until"):
        value = getattr(filters, name)
        if value is not None and not _DATE.match(value):
            raise QueryError(f"--{name} {value!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    if filters.site is not None:
        sites = [r[0] for r in db.execute("SELECT id FROM sites ORDER BY id")]
        if filters.site not in sites:
            raise QueryError(f"unknown site {filters.site!r}; known sites: {', '.join(sites)}")
    province = resolve_province(db, filters.province) if filters.province else None
    return Filters(filters.site, filters.since, filters.until, province)


def known_provinces(db: sqlite_utils.Database) -> list[str]:
    rows = db.execute("SELECT province FROM sites UNION SELECT province FROM places "
                      "UNION SELECT province_2025 FROM places").fetchall()
    return sorted({r[0] for r in rows if r[0]})


def resolve_province(db: sqlite_utils.Database, name: str) -> str:
    """'bac giang', 'Bắc Giang' and 'tỉnh Bắc Giang' all give 'Bắc Giang'."""
    wanted = re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", fold(name).strip())
    known = known_provinces(db)
    for province in known:
        if fold(province) == wanted:
            return province
    raise QueryError(f"unknown province {name!r}; provinces in this archive: {', '.join(known)}")


def article_conditions(filters: Filters, *, province: str = "mentioned") -> tuple[list[str], list[Any]]:
    """SQL conditions on `articles a` joined with `sites s`, with their parameters.

    province="mentioned": the site's province, or any place of that province (old or
    2025 name) named in the article. province="attributed": the one province the
    article is counted under (v_article_province), so that totals add up.
    """
    where: list[str] = []
    params: list[Any] = []
    if filters.site:
        where.append("a.site = ?")
        params.append(filters.site)
    if filters.since:
        where.append("a.published_at >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("substr(a.published_at, 1, ?) <= ?")
        params += [len(filters.until), filters.until]
    if filters.province and province == "mentioned":
        where.append("(s.province = ? OR EXISTS (SELECT 1 FROM place_mentions fpm JOIN places fpl "
                     "ON fpl.id = fpm.place_id WHERE fpm.article_id = a.id AND (fpl.province = ? "
                     "OR fpl.province_2025 = ?)))")
        params += [filters.province] * 3
    elif filters.province:
        where.append("a.id IN (SELECT article_id FROM v_article_province WHERE province = ?)")
        params.append(filters.province)
    return where, params


def _where(conditions: list[str]) -> str:
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def _dicts(cursor) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


# -- search --------------------------------------------------------------------
def search_words(text: str) -> list[str]:
    """The folded words of a search string: what the `folded` FTS column holds."""
    words = _WORD.findall(fold(text))
    if not words:
        raise QueryError(f"nothing to search for in {text!r}: give at least one word")
    return words[:MAX_WORDS]


def fts_expression(text: str) -> str:
    """An FTS5 query on the `folded` column: every word as a quoted phrase, all required.

    The words hold letters and digits only, so the quoting needs no escaping.
    """
    return "folded : (" + " ".join(f'"{w}"' for w in search_words(text)) + ")"


def search(db: sqlite_utils.Database, text: str, filters: Filters = Filters(), *,
           limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching every word of `text`, diacritics and case ignored, best first
    (bm25) among the newest CANDIDATES matches."""
    filters = check_filters(db, filters)
    words = search_words(text)
    where, params = article_conditions(filters)
    # bm25 over every match of a common word costs ~1 s on a million articles, so rank
    # only the newest CANDIDATES matches: FTS5 walks them in rowid order and stops.
    # Without filters the candidates need no join (bm25 dominates the time either way).
    joins = (" JOIN articles a ON a.id = articles_fts.rowid LEFT JOIN sites s ON s.id = a.site"
             if where else "")
    sql = ("SELECT a.id, a.url, a.site, a.title, a.published_at, a.body_text FROM ("
           f" SELECT articles_fts.rowid AS id, articles_fts.rank AS score FROM articles_fts{joins}"
           f" WHERE articles_fts MATCH ? {''.join(' AND ' + w for w in where)}"
           " ORDER BY articles_fts.rowid DESC LIMIT ?) hit JOIN articles a ON a.id = hit.id "
           "ORDER BY hit.score, a.id DESC LIMIT ?")
    rows = _dicts(db.execute(sql, [fts_expression(text), *params, CANDIDATES, limit]))
    for row in rows:
        row["snippet"] = snippet(row.pop("body_text") or "", words)
    return rows


def snippet(text: str, words: Iterable[str], *, width: int = 180, mark: tuple[str, str] = ("[", "]")) -> str:
    """A window of `text` around the first hit, hits marked, diacritics kept as written."""
    folded = fold_aligned(text)
    pattern = re.compile(r"(?<![^\W_])(" + "|".join(re.escape(w) for w in words) + r")(?![^\W_])")
    spans = [m.span() for m in pattern.finditer(folded)]
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start  # do not cut a word in two
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    out, cursor = [], start
    for s, e in spans:
        if s >= cursor and e <= end:
            out += [text[cursor:s], mark[0], text[s:e], mark[1]]
            cursor = e
    out.append(text[cursor:end])
    body = "".join(out).replace("\n\n", " ¶ ").replace("\n", " ")
    return ("…" if start else "") + body + ("…" if end < len(text) else "")


# -- people, places, money -----------------------------------------------------
def people(db: sqlite_utils.Database, filters: Filters = Filters(), *, name: str | None = None,
           limit: int = 20) -> list[dict[str, Any]]:
    """People by mentions, with their latest title and their first and last dates."""
    filters = check_filters(db, filters)
    where, params = article_conditions(filters)
    if name:
        where.append(r"substr(p.key, 1, instr(p.key, '|') - 1) LIKE ? ESCAPE '\'")
        params.append("%" + re.sub(r"([%_\\])", r"\\\1", fold(name).strip()) + "%")
    sql = ("SELECT p.id AS person_id, p.name, p.scope, COUNT(*) AS mentions, "
           "COUNT(DISTINCT pm.article_id) AS articles, MIN(substr(a.published_at, 1, 10)) AS first_date, "
           "MAX(substr(a.published_at, 1, 10)) AS last_date, "
           "(SELECT pm2.title FROM person_mentions pm2 JOIN articles a2 ON a2.id = pm2.article_id "
           " WHERE pm2.person_id = p.id AND pm2.title IS NOT NULL AND pm2.title <> '' "
           " ORDER BY a2.published_at DESC LIMIT 1) AS latest_title "
           "FROM person_mentions pm JOIN people p ON p.id = pm.person_id "
           "JOIN articles a ON a.id = pm.article_id LEFT JOIN sites s ON s.id = a.site "
           f"{_where(where)} GROUP BY p.id ORDER BY mentions DESC, p.name LIMIT ?")
    return _dicts(db.execute(sql, [*params, limit]))


def person_titles(db: sqlite_utils.Database, person_id: int) -> list[dict[str, Any]]:
    """The titles one person was given, in the order they appear (v_people_titles)."""
    return _dicts(db.execute("SELECT title, first_date, last_date, mentions FROM v_people_titles "
                             "WHERE person_id = ? ORDER BY first_date, title", [person_id]))


def places(db: sqlite_utils.Database, filters: Filters = Filters(), *, level: str | None = None,
           limit: int = 50) -> list[dict[str, Any]]:
    """Places by mentions; --province keeps places in that province (old or 2025 name)."""
    filters = check_filters(db, filters)
    where, params = article_conditions(Filters(filters.site, filters.since, filters.until))
    if filters.province:
        where.append("(pl.province = ? OR pl.province_2025 = ?)")
        params += [filters.province] * 2
    if level:
        where.append("pl.level = ?")
        params.append(level)
    sql = ("SELECT pl.name, pl.level, pl.province, pl.province_2025, pl.code, pl.lat, pl.lon, "
           "COUNT(*) AS mentions, COUNT(DISTINCT pm.article_id) AS articles "
           "FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id "
           "JOIN articles a ON a.id = pm.article_id LEFT JOIN sites s ON s.id = a.site "
           f"{_where(where)} GROUP BY pl.id ORDER BY mentions DESC, pl.name LIMIT ?")
    return _dicts(db.execute(sql, [*params, limit]))


MONEY_GROUPS = {"month": "substr(a.published_at, 1, 7)", "year": "substr(a.published_at, 1, 4)",
                "province": "ap.province", "site": "a.site"}
_SUMMABLE = "m.currency = 'VND' AND m.per_unit = 0 AND m.amount_vnd IS NOT NULL"


def money(db: sqlite_utils.Database, filters: Filters = Filters(), *, limit: int = 20,
          by: str | None = None) -> dict[str, Any]:
    """Money mentions (latest first) and totals; --province is the attributed province.

    The total adds amounts in đồng that are not per-unit values (see v_money_by_province_month).
    """
    filters = check_filters(db, filters)
    where, params = article_conditions(filters, province="attributed")
    joins = ("FROM money m JOIN articles a ON a.id = m.article_id LEFT JOIN sites s ON s.id = a.site "
             "LEFT JOIN v_article_province ap ON ap.article_id = a.id ")
    rows = _dicts(db.execute(
        "SELECT substr(a.published_at, 1, 10) AS date, a.site, ap.province, m.amount_vnd, m.currency, "
        f"m.amount, m.qualifier, m.per_unit, m.text, a.title, a.url {joins} {_where(where)} "
        "ORDER BY a.published_at DESC, m.id LIMIT ?", [*params, limit]))
    totals = _dicts(db.execute(
        f"SELECT COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles, "
        f"SUM(CASE WHEN {_SUMMABLE} THEN m.amount_vnd END) AS total_vnd, "
        f"SUM(m.per_unit = 1) AS per_unit_mentions, SUM(m.currency <> 'VND') AS other_currency_mentions "
        f"{joins} {_where(where)}", params))[0]
    groups = None
    if by:
        if by not in MONEY_GROUPS:
            raise QueryError(f"--by {by!r}: one of {', '.join(MONEY_GROUPS)}")
        key = MONEY_GROUPS[by]
        groups = _dicts(db.execute(
            f"SELECT {key} AS {by}, COUNT(DISTINCT m.article_id) AS articles, COUNT(*) AS mentions, "
            f"SUM(CASE WHEN {_SUMMABLE} THEN m.amount_vnd END) AS total_vnd {joins} {_where(where)} "
            f"GROUP BY 1 ORDER BY 1", params))
    return {"rows": rows, "totals": totals, "groups": groups}


# -- export --------------------------------------------------------------------
def exportable(db: sqlite_utils.Database) -> list[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
    return [r[0] for r in rows if not _INTERNAL.match(r[0]) and r[0] != "articles_fts"]


def export_rows(db: sqlite_utils.Database, table: str, filters: Filters = Filters(), *,
                batch: int = 1000) -> tuple[list[str], Iterator[tuple]]:
    """The columns of a table or view and an iterator over its rows, `batch` at a time from SQLite."""
    names = exportable(db)
    if table not in names:
        raise QueryError(f"unknown table {table!r}; one of: {', '.join(names)}")
    filters = check_filters(db, filters)
    columns = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
    where, params = article_conditions(filters)
    condition = ""
    if where:
        subquery = f"SELECT a.id FROM articles a LEFT JOIN sites s ON s.id = a.site {_where(where)}"
        if "article_id" in columns:
            condition = f"WHERE article_id IN ({subquery})"
        elif table in ("articles", "v_articles"):
            condition = f"WHERE id IN ({subquery})"
        else:
            raise QueryError(f"--site/--since/--until/--province do not apply to {table!r} "
                             "(only to articles, v_articles and tables with an article_id)")
    cursor = db.conn.execute(f'SELECT * FROM "{table}" {condition}', params)

    def rows() -> Iterator[tuple]:
        while chunk := cursor.fetchmany(batch):
            yield from chunk
    return columns, rows()


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


# -- report --------------------------------------------------------------------
def report_data(db: sqlite_utils.Database, filters: Filters = Filters(), *, top: int = 15) -> dict[str, Any]:
    """The figures of `ctd-archive report`: per month, per province, top people, places on a map."""
    filters = check_filters(db, filters)
    where, params = article_conditions(Filters(None, filters.since, filters.until))
    w = _where(where)
    base = "FROM articles a LEFT JOIN sites s ON s.id = a.site"
    money_join = ("FROM money m JOIN articles a ON a.id = m.article_id LEFT JOIN sites s ON s.id = a.site "
                  "LEFT JOIN v_article_province ap ON ap.article_id = a.id")
    summable = f"{w} {'AND' if w else 'WHERE'} {_SUMMABLE}"

    def q(sql: str) -> list[dict[str, Any]]:
        return _dicts(db.execute(sql, params))

    return {
        "filters": {"since": filters.since, "until": filters.until},
        "totals": q(f"SELECT COUNT(*) AS articles, COUNT(DISTINCT a.site) AS sites, "
                    f"MIN(substr(a.published_at, 1, 10)) AS first_date, "
                    f"MAX(substr(a.published_at, 1, 10)) AS last_date {base} {w}")[0]
        | q(f"SELECT COALESCE(SUM(m.amount_vnd), 0) AS money_vnd, COUNT(*) AS money_mentions "
            f"{money_join} {summable}")[0],
        "articles_per_month": q(f"SELECT substr(a.published_at, 1, 7) AS month, COUNT(*) AS articles "
                                f"{base} {w} GROUP BY 1 ORDER BY 1"),
        "money_per_month": q(f"SELECT substr(a.published_at, 1, 7) AS month, SUM(m.amount_vnd) AS total_vnd "
                             f"{money_join} {summable} GROUP BY 1 ORDER BY 1"),
        "money_per_province": q(f"SELECT COALESCE(ap.province, '(unknown)') AS province, "
                                f"SUM(m.amount_vnd) AS total_vnd, COUNT(DISTINCT m.article_id) AS articles "
                                f"{money_join} {summable} GROUP BY 1 ORDER BY 2 DESC, 1"),
        "top_people": people(db, Filters(None, filters.since, filters.until), limit=top),
        "places": q(f"SELECT pl.name, pl.level, pl.province, pl.lat, pl.lon, COUNT(*) AS mentions "
                    f"FROM place_mentions pm JOIN places pl ON pl.id = pm.place_id "
                    f"JOIN articles a ON a.id = pm.article_id LEFT JOIN sites s ON s.id = a.site "
                    f"{w} {'AND' if w else 'WHERE'} pl.lat IS NOT NULL AND pl.lon IS NOT NULL "
                    f"GROUP BY pl.id ORDER BY mentions DESC, pl.name"),
    }


# -- text tables and the worked queries of archive/README.md --------------------
def format_value(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else f"{value:.0f}"
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value).replace("\n", " ")


def format_table(columns: list[str], rows: Iterable[tuple]) -> str:
    """Rows as `a | b | c` lines under a header line: what archive/README.md shows."""
    lines = [" | ".join(columns)]
    lines += [" | ".join(format_value(v) for v in row) for row in rows]
    return "\n".join(lines)


README = Path(__file__).resolve().parent.parent / "archive" / "README.md"
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


def worked_queries(readme: str | Path = README) -> list[WorkedQuery]:
    """The worked queries of archive/README.md (title, text, SQL and the output shown)."""
    return [WorkedQuery(m["title"].strip(), m["about"].strip(), m["sql"].strip(), m["output"].rstrip("\n"))
            for m in _QUERY.finditer(_section(readme, "Worked queries"))]


_TABLE_HEADING = re.compile(r"^### `(?P<name>\w+)`(?:\s*[:—-]\s*(?P<about>.*))?$", re.MULTILINE)
_COLUMN_ROW = re.compile(r"^\| `(?P<column>[\w\"]+)` \| (?P<meaning>.*?) \|\s*$", re.MULTILINE)


def table_docs(readme: str | Path = README) -> dict[str, tuple[str, dict[str, str]]]:
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
